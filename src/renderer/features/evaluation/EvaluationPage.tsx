import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import type { AgGridReact } from 'ag-grid-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerRowDto, MonthEvaluationDto } from '../../../shared/api/evaluationApi';
import { useApiCall } from '../../api/useApi';
import { ExportRowsButton } from '../../grid/ExportRowsButton';
import { ExportScorecardsButton } from '../report/ExportScorecardsButton';
import { ScorecardPanel } from '../scorecard/ScorecardPanel';
import { DistrictChoice } from './DistrictChoice';
import { EvaluationToolbar } from './EvaluationToolbar';
import { gradeColorOf } from './gradeColorOf';
import { RankingChart } from './RankingChart';
import { RankingGrid } from './RankingGrid';
import { ReopenModal } from './ReopenModal';
import { RunProgress } from './RunProgress';
import { StaleBanner } from './StaleBanner';
import { useEvaluationRun } from './useEvaluationRun';
import { useMonthEvaluation } from './useMonthEvaluation';
import { GuardedButton } from '../login/GuardedButton';

const CHART_HEIGHT = 150;

/** 考评: the month's ranking, re-evaluation, 定稿/reopen; with a manager, that manager's scorecard. */
export function EvaluationPage({ month, manager, show }: { month: string; manager: string | null; show?: 'flags' }) {
  if (manager) return <ScorecardPanel month={month} managerCode={manager} {...(show ? { show } : {})} />;
  return <MonthEvaluation month={month} />;
}

function MonthEvaluation({ month }: { month: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const call = useApiCall();
  // A reviewer's or admin's choice in a store with several districts (asked for when the month needs one).
  const [district, setDistrict] = useState<string | undefined>(undefined);
  const { evaluation, error, set } = useMonthEvaluation(month, district);
  const districtChoice = district !== undefined && <DistrictChoice value={district} onChange={setDistrict} />;
  const { running, progress, run } = useEvaluationRun();
  const [reopening, setReopening] = useState(false);
  const rankingRef = useRef<AgGridReact<ManagerRowDto>>(null);
  const [selected, setSelected] = useState<string[]>([]);

  async function evaluate() {
    const result = await run(month);
    if (!result) return;
    set(result);
    void message.success(t('evaluation.evaluated', { month: result.month, count: result.managers.length }));
  }

  function finalize() {
    modal.confirm({
      title: t('evaluation.finalizeConfirm.title', { month }),
      content: t('evaluation.finalizeConfirm.body'),
      okText: t('evaluation.finalizeConfirm.ok'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await call('evaluation.finalize', { month });
        if (!result.ok) return;
        set(result.data);
        void message.success(t('evaluation.finalized', { month }));
      },
    });
  }

  if (error?.code === 'district_needed') {
    return (
      <Card data-testid="evaluation-needs-district">
        <Empty description={t('evaluation.districtHint')}>
          <DistrictChoice value={district} onChange={setDistrict} />
        </Empty>
      </Card>
    );
  }
  if (error) return <Empty description={error.message} />;
  if (evaluation === undefined) return <Skeleton active />;
  if (evaluation === null) {
    return (
      <Card data-testid="evaluation-empty">
        <Empty
          description={
            <Space orientation="vertical" size={4} style={{ maxWidth: 560 }}>
              <Typography.Text strong>{t('evaluation.empty.title', { month })}</Typography.Text>
              <Typography.Text type="secondary">{t('evaluation.empty.body')}</Typography.Text>
            </Space>
          }
        >
          <Space orientation="vertical" align="center" size={12}>
            {districtChoice}
            <GuardedButton type="primary" size="large" loading={running} onClick={() => void evaluate()} data-testid="evaluation-start">
              {running ? t('evaluation.running') : t('evaluation.start')}
            </GuardedButton>
            {running && <RunProgress progress={progress} />}
          </Space>
        </Empty>
      </Card>
    );
  }

  const final = evaluation.status === 'final';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 560, gap: 12 }} data-testid="evaluation-page">
      {districtChoice && <div>{districtChoice}</div>}
      <EvaluationToolbar
        evaluation={evaluation}
        running={running}
        progress={progress}
        onRun={() => void evaluate()}
        onFinalize={finalize}
        onReopen={() => setReopening(true)}
      />
      {final && (
        <Alert type="warning" showIcon icon={<LockOutlined />} title={t('evaluation.finalBanner')} data-testid="final-banner" style={{ padding: '4px 12px' }} />
      )}
      <StaleBanner stale={evaluation.stale} nextScheme={evaluation.nextScheme} />
      <Card size="small" styles={{ body: { padding: '8px 12px 4px' } }}>
        <ChartHeader evaluation={evaluation} />
        {/* The banner's room comes out of the chart, so the ranking's bottom rows stay in view. */}
        <RankingChart managers={evaluation.managers} grades={evaluation.grades} height={final ? CHART_HEIGHT - 36 : CHART_HEIGHT} />
      </Card>
      <Card
        size="small"
        title={t('evaluation.tableTitle')}
        extra={
          <Space size={12}>
            <Typography.Text type="secondary">{t('evaluation.managerCount', { count: evaluation.managers.length })}</Typography.Text>
            <ExportScorecardsButton month={month} codes={selected} {...(district ? { district } : {})} />
            <ExportRowsButton<ManagerRowDto> title={t('evaluation.tableTitle')} subtitle={month} api={() => rankingRef.current?.api} testId="ranking-export" />
          </Space>
        }
        style={{ flex: 1, minHeight: 240, display: 'flex', flexDirection: 'column' }}
        styles={{ body: { flex: 1, minHeight: 0, padding: 0 } }}
      >
        <RankingGrid managers={evaluation.managers} grades={evaluation.grades} gridRef={rankingRef} onSelect={setSelected} />
      </Card>
      <ReopenModal
        month={month}
        open={reopening}
        onClose={() => setReopening(false)}
        onReopened={(next) => {
          setReopening(false);
          set(next);
          void message.success(t('evaluation.reopened', { month }));
        }}
      />
    </div>
  );
}

/** The chart's title with the grades' colours as its legend. */
function ChartHeader({ evaluation }: { evaluation: MonthEvaluationDto }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <Typography.Text strong style={{ flex: 1 }}>
        {t('evaluation.chartTitle')}
      </Typography.Text>
      {evaluation.grades.map((g) => (
        <Tag key={g} color={gradeColorOf(g, evaluation.grades)} style={{ marginInlineEnd: 0 }}>
          {g}
        </Tag>
      ))}
    </div>
  );
}
