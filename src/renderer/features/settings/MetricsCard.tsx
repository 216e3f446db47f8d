import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, InputNumber, Select, Space, Tabs, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DIMENSION_KEYS, METRICS_BY_DIMENSION, type DimensionKey, type MetricKey } from '../../../core/measures/dimensions';
import { METRIC_PRESENTATION } from '../../../core/report/metricPresentation';
import type { MetricRuleDto, SchemeDto } from '../../../shared/api/settingsApi';
import { PercentInput } from './PercentInput';
import { metricSharePercent, newMetricWeight, ruleOfType, withMetricShare, withMetrics, type ScoredMetricDto } from './schemeDraft';

const RULE_TYPES = ['linear', 'district', 'rank', 'manual'] as const;

const isPercent = (metric: string) => METRIC_PRESENTATION[metric as MetricKey]?.format === 'percent';

/** A rule's number in the metric's own terms: shares as percentages, counts and scores as they are. */
function MetricNumber(props: { metric: string; value: number | undefined; onChange: (v: number | undefined) => void; disabled?: boolean; testId?: string }) {
  if (isPercent(props.metric)) {
    return <PercentInput value={props.value} onChange={props.onChange} disabled={props.disabled} style={{ width: 110 }} testId={props.testId} />;
  }
  return (
    <InputNumber<number>
      value={props.value}
      disabled={props.disabled}
      style={{ width: 110 }}
      data-testid={props.testId}
      onChange={(v) => props.onChange(typeof v === 'number' ? v : undefined)}
    />
  );
}

function RuleParams({ scheme, item, onRule }: { scheme: SchemeDto; item: ScoredMetricDto; onRule: (r: MetricRuleDto) => void }) {
  const { t } = useTranslation();
  const rule = item.rule;
  switch (rule.type) {
    case 'linear': {
      // The key-brand target is edited once, as a threshold; the backend copies it into the rule.
      const linked = item.metric === 'key_brand_share';
      const target = linked ? scheme.thresholds.keyBrandShareTarget : rule.target;
      return (
        <Space size={6} wrap>
          <span>{t('schemes.metrics.floor')}</span>
          <MetricNumber metric={item.metric} value={rule.floor} onChange={(v) => onRule({ ...rule, floor: v ?? 0 })} />
          <span>{t('schemes.metrics.target')}</span>
          <Tooltip title={linked ? t('schemes.metrics.linkedTarget') : undefined}>
            <span>
              <MetricNumber metric={item.metric} value={target} disabled={linked} onChange={(v) => onRule({ ...rule, target: v ?? 0 })} />
            </span>
          </Tooltip>
        </Space>
      );
    }
    case 'district':
      return (
        <Space size={6} wrap>
          <Checkbox checked={rule.lowerIsBetter ?? false} onChange={(e) => onRule({ ...rule, lowerIsBetter: e.target.checked || undefined })}>
            {t('schemes.metrics.lowerIsBetter')}
          </Checkbox>
          <Tooltip title={t('schemes.metrics.bandHint')}>
            <span>{t('schemes.metrics.band')}</span>
          </Tooltip>
          <MetricNumber
            metric={item.metric}
            value={rule.band}
            onChange={(v) => onRule(v === undefined ? { type: 'district', lowerIsBetter: rule.lowerIsBetter } : { ...rule, band: v })}
          />
        </Space>
      );
    case 'rank':
      return (
        <Checkbox checked={rule.lowerIsBetter ?? false} onChange={(e) => onRule({ ...rule, lowerIsBetter: e.target.checked || undefined })}>
          {t('schemes.metrics.lowerIsBetter')}
        </Checkbox>
      );
    case 'manual':
      return null;
  }
}

function DimensionMetrics({ scheme, dimension, onChange }: { scheme: SchemeDto; dimension: DimensionKey; onChange: (s: SchemeDto) => void }) {
  const { t } = useTranslation();
  const items = scheme.metrics[dimension] ?? [];
  const set = (next: ScoredMetricDto[]) => onChange(withMetrics(scheme, dimension, next));
  const update = (index: number, patch: Partial<ScoredMetricDto>) => set(items.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  const unused = METRICS_BY_DIMENSION[dimension].filter((m) => !items.some((i) => i.metric === m));
  return (
    <div data-testid={`metrics-${dimension}`}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('schemes.metrics.none')} />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(150px, 1.3fr) 100px 170px minmax(260px, 3fr) 40px', gap: '8px 12px', alignItems: 'center' }}>
          <Typography.Text type="secondary">{t('schemes.metrics.metric')}</Typography.Text>
          <Typography.Text type="secondary">{t('schemes.metrics.weight')}</Typography.Text>
          <Typography.Text type="secondary">{t('schemes.metrics.rule')}</Typography.Text>
          <Typography.Text type="secondary">{t('schemes.metrics.params')}</Typography.Text>
          <span />
          {items.map((item, index) => (
            <MetricRow
              key={item.metric}
              scheme={scheme}
              item={item}
              sharePercent={metricSharePercent(items, index)}
              alone={items.length === 1}
              onShare={(percent) => set(withMetricShare(items, index, percent))}
              onPatch={(p) => update(index, p)}
              onRemove={() => set(items.filter((_, i) => i !== index))}
            />
          ))}
        </div>
      )}
      {unused.length > 0 && (
        <Select<string>
          style={{ width: 240, marginTop: 12 }}
          placeholder={
            <span>
              <PlusOutlined /> {t('schemes.metrics.add')}
            </span>
          }
          value={null}
          options={unused.map((m) => ({ value: m, label: t(`measures.metrics.${m}`) }))}
          onChange={(metric) => set([...items, { metric, weight: newMetricWeight(items), rule: { type: 'linear', floor: 0, target: 1 } }])}
        />
      )}
    </div>
  );
}

function MetricRow({
  scheme,
  item,
  sharePercent,
  alone,
  onShare,
  onPatch,
  onRemove,
}: {
  scheme: SchemeDto;
  item: ScoredMetricDto;
  /** The metric's share of its dimension, as the scorecard shows it (33.33 %). */
  sharePercent: number;
  /** The dimension's only metric: it is always 100 %. */
  alone: boolean;
  onShare: (percent: number) => void;
  onPatch: (p: Partial<ScoredMetricDto>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <span data-testid={`metric-${item.metric}`}>{t(`measures.metrics.${item.metric}`, { defaultValue: item.metric })}</span>
      <InputNumber<number>
        value={sharePercent}
        min={0.01}
        max={alone ? 100 : 99.99}
        precision={2}
        suffix="%"
        disabled={alone}
        style={{ width: 100 }}
        data-testid={`metric-weight-${item.metric}`}
        onChange={(v) => {
          if (typeof v === 'number' && v > 0) onShare(v);
        }}
      />
      <Select<MetricRuleDto['type']>
        value={item.rule.type}
        style={{ width: 170 }}
        options={RULE_TYPES.map((type) => ({ value: type, label: t(`schemes.rules.${type}`) }))}
        onChange={(type) => onPatch({ rule: ruleOfType(type, item.rule) })}
      />
      <RuleParams scheme={scheme} item={item} onRule={(rule) => onPatch({ rule })} />
      <Tooltip title={t('schemes.metrics.remove')}>
        <Button type="text" icon={<DeleteOutlined />} aria-label={t('schemes.metrics.remove')} onClick={onRemove} />
      </Tooltip>
    </>
  );
}

/** Per dimension, the metrics that make its score: weight inside the dimension and the scoring rule. */
export function MetricsCard({ scheme, onChange }: { scheme: SchemeDto; onChange: (s: SchemeDto) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('schemes.metrics.title')} extra={<Typography.Text type="secondary">{t('schemes.metrics.help')}</Typography.Text>}>
      <Tabs
        size="small"
        items={DIMENSION_KEYS.map((key) => ({
          key,
          label: `${t(`measures.dimensions.${key}`)} ${scheme.weights[key] ?? 0}%`,
          children: <DimensionMetrics scheme={scheme} dimension={key} onChange={onChange} />,
        }))}
      />
    </Card>
  );
}
