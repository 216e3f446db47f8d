import { useApi } from '../../api/useApi';
import { Alert, Button, Drawer, Empty, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceMonthDto, EvidenceDto, EvidenceKindName, EvidenceRefDto, FlagDto } from '../../../shared/api/evaluationApi';
import { EChart } from '../../charts/EChart';
import { isCopyFlag, openPair } from './FlagList';
import { dayTimelineOption, punchMapOption, type PlotPunch, type PunchChartLabels } from './punchChartsOption';
import { flagTypeLabel, messageOf, partsOf } from '../../i18n/messageOf';

/** What the drawer was opened for: a flag, or a metric with the flags of its dimension. */
export interface EvidenceRequest {
  title: string;
  flags: FlagDto[];
  /** Shown when there are no flags (a metric of a dimension without flags). */
  emptyText?: string;
}

const KIND_ORDER: EvidenceKindName[] = ['calendar', 'journals', 'reports', 'surveys', 'inspections', 'orders', 'retailers', 'attendance'];

function uniqueRefs(flags: readonly FlagDto[]): EvidenceRefDto[] {
  const seen = new Set<string>();
  const refs: EvidenceRefDto[] = [];
  for (const ref of flags.flatMap((f) => f.evidence)) {
    const key = `${ref.kind}#${ref.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push(ref);
  }
  return refs;
}

function hourOf(time: string | null): number | null {
  if (!time) return null;
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return h + m / 60 + s / 3600;
}

/**
 * The rows behind a flag: punches on a longitude/latitude plot and on the day's timeline (the
 * day's other punches in grey for context), then journals, reports, surveys, inspections … as text.
 */
export function EvidenceDrawer({ request, attendance, onClose }: { request: EvidenceRequest | null; attendance: AttendanceMonthDto | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const refs = useMemo(() => (request ? uniqueRefs(request.flags) : []), [request]);
  const evidence = useApi('evaluation.evidence', request && refs.length > 0 ? { refs } : null, { silent: true, resetOnArgChange: true });
  return (
    <Drawer
      open={request !== null}
      onClose={onClose}
      size={820}
      title={request ? t('scorecard.evidenceTitle', { title: request.title }) : ''}
      destroyOnHidden
      styles={{ body: { paddingTop: 12 } }}
    >
      {request && (
        <div data-testid="evidence-drawer" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <FlagSummary flags={request.flags} />
          {request.flags.length === 0 ? (
            <Empty description={request.emptyText ?? t('scorecard.evidenceEmpty')} />
          ) : refs.length === 0 ? (
            <>
              <PunchCharts evidence={[]} flags={request.flags} attendance={attendance} />
              <Empty description={t('scorecard.evidenceEmpty')} />
            </>
          ) : evidence.error ? (
            <Alert type="error" showIcon title={evidence.error.message} />
          ) : !evidence.data ? (
            <Skeleton active />
          ) : evidence.data.length === 0 ? (
            <Alert type="warning" showIcon title={t('scorecard.evidenceMissing')} />
          ) : (
            <>
              <PunchCharts evidence={evidence.data} flags={request.flags} attendance={attendance} />
              <EvidenceLists evidence={evidence.data} />
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}

function FlagSummary({ flags }: { flags: FlagDto[] }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      {flags.map((flag, i) => (
        <div key={i} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }} data-testid="evidence-flag">
          <Tag color="red" style={{ flex: 'none' }}>
            {flagTypeLabel(t, flag.type, flag.label)}
          </Tag>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Text>{messageOf(t, flag.text, flag.message)}</Typography.Text>
            {isCopyFlag(flag) && (
              <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 6 }}>
                {flag.pairs!.slice(0, 4).map((pair) => (
                  <Button key={`${pair.aId}-${pair.bId}`} size="small" type="primary" ghost onClick={() => openPair(flag, pair)} data-testid="evidence-compare">
                    {t('scorecard.compare')}
                    {flag.pairs!.length > 1 ? `（${t('scorecard.similarity', { value: pair.similarity.toFixed(2) })}）` : ''}
                  </Button>
                ))}
              </div>
            )}
          </div>
        </div>
      ))}
    </div>
  );
}

function PunchCharts({ evidence, flags, attendance }: { evidence: EvidenceDto[]; flags: FlagDto[]; attendance: AttendanceMonthDto | undefined }) {
  const { t } = useTranslation();
  const { punches, dates } = useMemo(() => {
    const evidencePunches = evidence.filter((e) => e.kind === 'attendance');
    const ids = new Set(evidencePunches.map((e) => e.id));
    const dateSet = new Set<string>();
    for (const e of evidencePunches) if (e.date) dateSet.add(e.date);
    // Attendance flags without rows (a day with no punch at all) still name their day.
    for (const f of flags) if (f.type.startsWith('attendance.') && f.date) dateSet.add(f.date);
    const plotted: PlotPunch[] = evidencePunches.map((e) => {
      const known = attendance?.punches.find((p) => p.id === e.id);
      return {
        id: e.id,
        date: e.date ?? '',
        time: known?.time ?? e.time,
        hour: known?.hour ?? hourOf(e.time),
        lat: e.lat ?? null,
        lng: e.lng ?? null,
        place: known?.place ?? partsOf(t, e.textParts, e.text),
        retailerName: e.retailerName,
        evidence: true,
      };
    });
    for (const p of attendance?.punches ?? []) {
      if (ids.has(p.id) || !dateSet.has(p.date) || p.time === null) continue;
      plotted.push({ ...p, evidence: false });
    }
    return { punches: plotted, dates: [...dateSet].sort() };
  }, [evidence, flags, attendance, t]);
  if (dates.length === 0) return null;
  const labels: PunchChartLabels = {
    evidence: t('scorecard.flaggedPunches'),
    other: t('scorecard.otherPunches'),
    longitude: t('scorecard.longitude'),
    latitude: t('scorecard.latitude'),
    hour: t('scorecard.hour'),
  };
  const located = punches.some((p) => p.lat !== null && p.lng !== null);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
      <div>
        <Typography.Text strong>{t('scorecard.punchMap')}</Typography.Text>
        {located ? (
          <EChart option={punchMapOption(punches, labels)} style={{ width: '100%', height: 240 }} testId="evidence-map" />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecard.punchMapEmpty')} />
        )}
      </div>
      <div>
        <Typography.Text strong>{t('scorecard.dayTimeline')}</Typography.Text>
        <EChart option={dayTimelineOption(dates, punches, labels)} style={{ width: '100%', height: Math.max(120, 60 + dates.length * 28) }} testId="evidence-timeline" />
      </div>
    </div>
  );
}

function EvidenceLists({ evidence }: { evidence: EvidenceDto[] }) {
  const { t } = useTranslation();
  const groups = KIND_ORDER.map((kind) => ({ kind, rows: evidence.filter((e) => e.kind === kind) })).filter((g) => g.rows.length > 0);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {groups.map(({ kind, rows }) => (
        <div key={kind} data-testid={`evidence-group-${kind}`}>
          <Typography.Title level={5} style={{ margin: '4px 0 6px' }}>
            {t('scorecard.evidenceGroup', { kind: t(`scorecard.kinds.${kind}`), count: rows.length })}
          </Typography.Title>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {rows.map((e) => (
              <div
                key={`${e.kind}-${e.id}`}
                data-testid="evidence-row"
                data-evidence={`${e.kind}#${e.id}`}
                style={{ background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4, padding: '6px 10px' }}
              >
                <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', color: '#595959', fontSize: 12 }}>
                  <span>
                    {e.date ?? ''} {e.time ?? ''}
                  </span>
                  {e.managerName && <span>{e.managerName}</span>}
                  {e.retailerName && (
                    <span>
                      {e.retailerName}
                      {e.retailerLicence ? `（${e.retailerLicence}）` : ''}
                    </span>
                  )}
                </div>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '2px 0 0' }} data-testid="evidence-text">
                  {partsOf(t, e.textParts, e.text)}
                </Typography.Paragraph>
                {e.note && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="evidence-note">
                    {partsOf(t, e.noteParts, e.note, t('messages.evidence.separator'))}
                  </Typography.Text>
                )}
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
