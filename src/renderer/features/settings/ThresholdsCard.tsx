import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchemeDto } from '../../../shared/api/settingsApi';
import { PercentInput } from './PercentInput';
import { withThreshold, type ThresholdKey } from './schemeDraft';

/** How each threshold is typed: its unit, whether it is a share shown as %, and its bounds. */
const FIELDS: { key: ThresholdKey; unit?: string; percent?: boolean; min?: number; max?: number; step?: number }[] = [
  { key: 'nearCopyJaccard', percent: true, min: 1, max: 100 },
  { key: 'minEntryChars', unit: 'chars', min: 0 },
  { key: 'boilerplateManagers', unit: 'managers', min: 2, step: 1 },
  { key: 'concentrationTop3Share', percent: true, min: 0, max: 100 },
  { key: 'maxTravelKmh', unit: 'kmh', min: 1 },
  { key: 'offHoursBefore', unit: 'hour', min: 0, max: 24 },
  { key: 'offHoursAfter', unit: 'hour', min: 0, max: 24 },
  { key: 'reportDueDay', unit: 'day', min: 1, max: 28 },
  { key: 'lowSatisfaction', unit: 'score', min: 0, max: 100 },
  { key: 'linkRadiusMeters', unit: 'meters', min: 1 },
  { key: 'reportWindowDays', unit: 'days', min: 0 },
  { key: 'keyBrandShareTarget', percent: true, min: 1, max: 100 },
];

type TierBand = SchemeDto['thresholds']['visitsPerMonthByTier'][number];

/** The numbers the metrics and flags are computed with, in the supervisor's units. */
export function ThresholdsCard({ scheme, onChange }: { scheme: SchemeDto; onChange: (s: SchemeDto) => void }) {
  const { t } = useTranslation();
  const th = scheme.thresholds;
  const bands = th.visitsPerMonthByTier;
  const setBands = (next: TierBand[]) => onChange({ ...scheme, thresholds: { ...th, visitsPerMonthByTier: next } });
  const setBand = (index: number, patch: Partial<TierBand>) => setBands(bands.map((b, i) => (i === index ? { ...b, ...patch } : b)));
  const num = (v: number | null | undefined) => (typeof v === 'number' ? v : 0);
  return (
    <Card size="small" title={t('schemes.thresholds.title')}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: '10px 32px' }}>
        {FIELDS.map((f) => (
          <label key={f.key} data-testid={`threshold-${f.key}`} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
            <span>{t(`schemes.thresholds.${f.key}`)}</span>
            {f.percent ? (
              <PercentInput value={th[f.key]} min={f.min} max={f.max} style={{ width: 130 }} onChange={(v) => onChange(withThreshold(scheme, f.key, v ?? 0))} />
            ) : (
              <InputNumber<number>
                value={th[f.key]}
                min={f.min}
                max={f.max}
                step={f.step ?? 1}
                suffix={f.unit ? t(`schemes.units.${f.unit}`) : undefined}
                style={{ width: 130 }}
                onChange={(v) => onChange(withThreshold(scheme, f.key, num(v)))}
              />
            )}
          </label>
        ))}
      </div>
      <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
        {t('schemes.thresholds.visits')}
      </Typography.Text>
      <Space orientation="vertical" size={6}>
        {bands.map((band, index) => (
          <Space key={index} size={6}>
            <span>{t('schemes.thresholds.tierFrom')}</span>
            <InputNumber<number> value={band.minTier} min={1} style={{ width: 70 }} onChange={(v) => setBand(index, { minTier: num(v) })} />
            <span>{t('schemes.thresholds.tierTo')}</span>
            <InputNumber<number> value={band.maxTier} min={1} style={{ width: 70 }} onChange={(v) => setBand(index, { maxTier: num(v) })} />
            <InputNumber<number> value={band.visits} min={0} style={{ width: 70 }} onChange={(v) => setBand(index, { visits: num(v) })} />
            <span>{t('schemes.thresholds.visitsPerMonth')}</span>
            <Button type="text" icon={<DeleteOutlined />} onClick={() => setBands(bands.filter((_, i) => i !== index))} />
          </Space>
        ))}
        <Button size="small" icon={<PlusOutlined />} onClick={() => setBands([...bands, { minTier: 1, maxTier: 1, visits: 1 }])}>
          {t('schemes.thresholds.addBand')}
        </Button>
      </Space>
    </Card>
  );
}
