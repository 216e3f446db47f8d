import { useApi } from '../../api/useApi';
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Tabs } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricRowDto } from '../../../shared/api/evaluationApi';
import { navigate } from '../../app/hashRoute';
import { AdjustScoreModal } from './AdjustScoreModal';
import { AttendanceCalendar } from './AttendanceCalendar';
import { AuditTrail } from './AuditTrail';
import { DimensionRadar } from './DimensionRadar';
import { DimensionTable } from './DimensionTable';
import { EvidenceDrawer, type EvidenceRequest } from './EvidenceDrawer';
import { FlagList } from './FlagList';
import { ManualScoreModal } from './ManualScoreModal';
import { MetricsTable } from './MetricsTable';
import { StaleBanner } from '../evaluation/StaleBanner';
import { ScorecardHeader } from './ScorecardHeader';
import { UndoAdjustmentModal } from './UndoAdjustmentModal';
import { flagTypeLabel } from '../../i18n/messageOf';
import { useWriteAccess } from '../login/useWriteAccess';

/** One manager's scorecard: radar against the district, metrics, flags → evidence, attendance calendar, adjustments. */
export function ScorecardPanel({ month, managerCode, show }: { month: string; managerCode: string; show?: 'flags' }) {
  const { t } = useTranslation();
  // A reviewer's scorecard offers no manual score (the adjust and undo buttons say why themselves).
  const writeGuard = useWriteAccess();
  // The screen shows errors itself: a month not evaluated yet is a state of the page, not a toast.
  const card = useApi('evaluation.scorecard', { month, managerCode }, { silent: true, resetOnArgChange: true });
  const attendance = useApi('evaluation.attendance', { month, managerCode }, { silent: true, resetOnArgChange: true });
  const [adjusting, setAdjusting] = useState<string | null>(null);
  const [scoring, setScoring] = useState<MetricRowDto | null>(null);
  const [evidence, setEvidence] = useState<EvidenceRequest | null>(null);
  const [undoing, setUndoing] = useState(false);
  const [tab, setTab] = useState(show === 'flags' ? 'flags' : 'metrics');
  // Opened from a flag count: the flags with their evidence, once the scorecard is there.
  const shownFlagsRef = useRef(false);
  useEffect(() => {
    if (show !== 'flags' || shownFlagsRef.current || !card.data) return;
    shownFlagsRef.current = true;
    if (card.data.flags.length > 0) setEvidence({ title: t('scorecard.tabFlags', { count: card.data.flags.length }), flags: card.data.flags });
  }, [show, card.data, t]);

  const data = card.data;
  if (!data) {
    if (card.error?.code === 'not_evaluated') {
      return (
        <Card data-testid="scorecard">
          <Empty description={<span data-testid="scorecard-not-evaluated">{t('scorecard.notEvaluated', { month })}</span>}>
            <Button type="primary" onClick={() => navigate({ page: { name: 'evaluation' } })}>
              {t('scorecard.goEvaluate')}
            </Button>
          </Empty>
        </Card>
      );
    }
    if (card.error) return <Alert type="error" showIcon title={card.error.message} data-testid="scorecard-error" />;
    return <Skeleton active data-testid="scorecard-loading" />;
  }

  const openMetric = (row: MetricRowDto) => {
    const flags = row.flagIndexes.map((i) => data.flags[i]).filter((f) => f !== undefined);
    setEvidence({ title: row.label, flags, emptyText: t('scorecard.metricNoFlags', { metric: row.label }) });
  };
  const openFlag = (index: number) => {
    const flag = data.flags[index];
    if (flag) setEvidence({ title: flagTypeLabel(t, flag.type, flag.label), flags: [flag] });
  };

  return (
    <div data-testid="scorecard" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <ScorecardHeader card={data} />
      {data.status === 'final' && <Alert type="info" showIcon title={t('scorecard.adjustDisabled')} data-testid="scorecard-final" />}
      <StaleBanner stale={data.stale} />
      {data.status === 'draft' && data.manager.pendingManual.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="pending-banner"
          title={t('scorecard.pendingBanner', {
            metrics: data.manager.pendingManual.map((m) => t(`measures.metrics.${m}`, { defaultValue: m })).join('、'),
          })}
        />
      )}
      <Row gutter={12}>
        <Col span={10}>
          <Card size="small" title={t('scorecard.radarTitle')} styles={{ body: { padding: 8 } }}>
            <DimensionRadar card={data} />
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title={t('scorecard.dimensionsTitle')} styles={{ body: { padding: 0 } }}>
            <DimensionTable card={data} onAdjust={setAdjusting} />
          </Card>
        </Col>
      </Row>
      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'metrics', label: t('scorecard.tabMetrics'), children: <MetricsTable metrics={data.metrics} onOpen={openMetric} onScore={data.status === 'final' || !writeGuard.allowed ? undefined : setScoring} /> },
            { key: 'flags', label: <span data-testid="tab-flags">{t('scorecard.tabFlags', { count: data.flags.length })}</span>, children: <FlagList flags={data.flags} onOpen={openFlag} /> },
            {
              key: 'attendance',
              label: <span data-testid="tab-attendance">{t('scorecard.tabAttendance')}</span>,
              children: attendance.data ? (
                <AttendanceCalendar month={attendance.data} />
              ) : attendance.error ? (
                <Alert type="error" showIcon title={attendance.error.message} />
              ) : (
                <Skeleton active />
              ),
            },
            { key: 'audit', label: <span data-testid="tab-audit">{t('scorecard.tabAudit', { count: data.audit.length })}</span>, children: (
                <AuditTrail
                  audit={data.audit}
                  {...(data.status !== 'final' && Object.values(data.manager.dimensions).some((d) => d?.computedScore !== undefined)
                    ? { onUndo: () => setUndoing(true) }
                    : {})}
                />
              ),
            },
            {
              key: 'history',
              label: <span data-testid="tab-month-history">{t('scorecard.tabMonthHistory', { count: data.monthHistory.length })}</span>,
              children: <AuditTrail audit={data.monthHistory} rowTestId="month-history-row" emptyText={t('scorecard.monthHistoryEmpty')} />,
            },
          ]}
        />
      </Card>
      <AdjustScoreModal
        month={month}
        managerCode={managerCode}
        dimension={adjusting}
        currentScore={adjusting ? (data.manager.dimensions[adjusting]?.score ?? null) : null}
        onClose={() => setAdjusting(null)}
        onSaved={() => {
          setAdjusting(null);
          card.reload();
        }}
      />
      <UndoAdjustmentModal
        month={month}
        managerCode={managerCode}
        open={undoing}
        onClose={() => setUndoing(false)}
        onDone={() => {
          setUndoing(false);
          card.reload();
        }}
      />
      <ManualScoreModal
        month={month}
        managerCode={managerCode}
        metric={scoring}
        onClose={() => setScoring(null)}
        onSaved={() => {
          setScoring(null);
          card.reload();
        }}
      />
      <EvidenceDrawer request={evidence} attendance={attendance.data} onClose={() => setEvidence(null)} />
    </div>
  );
}
