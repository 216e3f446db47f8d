import { Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DIMENSION_KEYS } from '../../../core/measures/dimensions';
import type { ScorecardDto } from '../../../shared/api/evaluationApi';
import { formatScore } from './formatMetricValue';
import { GuardedButton } from '../login/GuardedButton';

interface Row {
  key: string;
  score: number | null;
  weight: number;
  adjusted: boolean;
  computedScore: number | null;
  district: number | null;
}

/** The eight dimension scores with weights and the district average; 调整 opens the adjustment dialog. */
export function DimensionTable({ card, onAdjust }: { card: ScorecardDto; onAdjust: (dimension: string) => void }) {
  const { t } = useTranslation();
  const final = card.status === 'final';
  const rows: Row[] = DIMENSION_KEYS.map((key) => {
    const d = card.manager.dimensions[key];
    const adjusted = d !== undefined && d.computedScore !== undefined;
    return { key, score: d?.score ?? null, weight: d?.weight ?? 0, adjusted, computedScore: d?.computedScore ?? null, district: card.districtAverages[key] ?? null };
  });
  return (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={rows}
      rowKey="key"
      onRow={(row) => ({ 'data-testid': `dimension-row-${row.key}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('scorecard.dimension'), dataIndex: 'key', render: (key: string) => t(`measures.dimensions.${key}`) },
        {
          title: t('scorecard.score'),
          dataIndex: 'score',
          align: 'right',
          render: (_: unknown, row) => (
            <span data-testid={`dimension-score-${row.key}`} style={{ whiteSpace: 'nowrap' }}>
              {row.adjusted && (
                <Tooltip title={t('scorecard.computedScore', { score: formatScore(row.computedScore, t) })}>
                  <Tag color="orange" style={{ marginInlineEnd: 6 }} data-testid={`dimension-adjusted-${row.key}`}>
                    {t('scorecard.adjusted')}
                  </Tag>
                </Tooltip>
              )}
              <Typography.Text strong={row.score !== null} type={row.score === null ? 'secondary' : undefined}>
                {formatScore(row.score, t)}
              </Typography.Text>
            </span>
          ),
        },
        { title: t('scorecard.weight'), dataIndex: 'weight', align: 'right', render: (w: number) => `${w}%` },
        { title: t('scorecard.districtAverage'), dataIndex: 'district', align: 'right', render: (v: number | null) => formatScore(v, t) },
        {
          title: '',
          key: 'adjust',
          align: 'center',
          width: 72,
          render: (_: unknown, row) => {
            const button = (
              <GuardedButton size="small" disabled={final} onClick={() => onAdjust(row.key)} data-testid={`adjust-${row.key}`}>
                {t('scorecard.adjust')}
              </GuardedButton>
            );
            return final ? <Tooltip title={t('scorecard.adjustDisabled')}>{button}</Tooltip> : button;
          },
        },
      ]}
    />
  );
}
