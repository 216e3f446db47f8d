import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MetricRowDto } from '../../../shared/api/evaluationApi';
import { formatDistrictValue, formatMetricValue, formatScore } from './formatMetricValue';
import { messageOf } from '../../i18n/messageOf';

/** Every metric grouped by dimension; a click opens the evidence of the flags of its dimension. */
export function MetricsTable({ metrics, onOpen, onScore }: { metrics: MetricRowDto[]; onOpen: (row: MetricRowDto) => void; onScore?: (row: MetricRowDto) => void }) {
  const { t } = useTranslation();
  // The dimension cell spans its metrics: the first row of a group carries the span, the rest hide.
  const spans = metrics.map((row, i) => (i > 0 && metrics[i - 1]?.dimension === row.dimension ? 0 : metrics.slice(i).findIndex((r) => r.dimension !== row.dimension)));
  return (
    <Table<MetricRowDto>
      size="small"
      pagination={false}
      dataSource={metrics}
      rowKey="metric"
      bordered
      onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' }, 'data-testid': `metric-row-${row.metric}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t('scorecard.dimension'),
          dataIndex: 'dimension',
          width: 96,
          onCell: (_, index = 0) => ({ rowSpan: spans[index] === -1 ? metrics.length - index : spans[index] }),
          render: (key: string) => <Typography.Text strong>{t(`measures.dimensions.${key}`)}</Typography.Text>,
        },
        {
          title: t('scorecard.metric'),
          dataIndex: 'label',
          width: 250,
          render: (label: string, row) => (
            <span>
              <Typography.Link>{t(`measures.metrics.${row.metric}`, { defaultValue: label })}</Typography.Link>
              {row.flagIndexes.length > 0 && (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  {row.flagIndexes.length}
                </Tag>
              )}
            </span>
          ),
        },
        {
          title: t('scorecard.value'),
          dataIndex: 'value',
          align: 'right',
          width: 92,
          render: (v: number | null, row) => <span data-testid={`metric-value-${row.metric}`}>{formatMetricValue(v, row.format, t)}</span>,
        },
        { title: t('scorecard.districtValue'), dataIndex: 'districtValue', align: 'right', width: 92, render: (v: number | null, row) => formatDistrictValue(v, row.format, t) },
        {
          title: t('scorecard.rule'),
          dataIndex: 'rule',
          render: (rule: string, row) => <Typography.Text type={row.ruleType === null ? 'secondary' : undefined}>{messageOf(t, row.ruleText, rule)}</Typography.Text>,
        },
        { title: t('scorecard.weight'), dataIndex: 'weight', align: 'right', width: 70, render: (w: number | null) => (w === null ? t('scorecard.notScored') : `${w}%`) },
        {
          title: t('scorecard.subScore'),
          dataIndex: 'score',
          align: 'right',
          width: 84,
          render: (s: number | null, row) =>
            row.ruleType === null ? (
              t('scorecard.notScored')
            ) : row.ruleType === 'manual' ? (
              <span>
                {row.pendingManual ? (
                  <Tag color="gold" data-testid={`pending-${row.metric}`}>
                    {t('scorecard.pendingManual')}
                  </Tag>
                ) : (
                  formatScore(s, t)
                )}
                {onScore && (
                  <Typography.Link
                    style={{ marginInlineStart: 6 }}
                    data-testid={`manual-${row.metric}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      onScore(row);
                    }}
                  >
                    {t('scorecard.manualScore')}
                  </Typography.Link>
                )}
              </span>
            ) : (
              formatScore(s, t)
            ),
        },
      ]}
    />
  );
}
