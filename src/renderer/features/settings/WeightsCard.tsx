import { Card, InputNumber, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DIMENSION_KEYS } from '../../../core/measures/dimensions';
import type { SchemeDto } from '../../../shared/api/settingsApi';
import { weightSum, withWeight } from './schemeDraft';

/** The eight dimension weights with a live sum that must reach 100. */
export function WeightsCard({ scheme, onChange }: { scheme: SchemeDto; onChange: (s: SchemeDto) => void }) {
  const { t } = useTranslation();
  const sum = weightSum(scheme.weights);
  const ok = sum === 100;
  return (
    <Card
      size="small"
      title={t('schemes.weights.title')}
      extra={
        <Tag color={ok ? 'success' : 'error'} data-testid="weight-sum" data-ok={ok} style={{ fontSize: 14, padding: '2px 10px', marginInlineEnd: 0 }}>
          {ok ? t('schemes.weights.sumOk') : t('schemes.weights.sumBad', { sum })}
        </Tag>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('schemes.weights.help')}
      </Typography.Paragraph>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: '12px 16px' }}>
        {DIMENSION_KEYS.map((key) => (
          <label key={key} data-testid={`weight-${key}`} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
            <span>{t(`measures.dimensions.${key}`)}</span>
            <InputNumber<number>
              value={scheme.weights[key]}
              min={0}
              max={100}
              suffix="%"
              status={ok ? undefined : 'error'}
              style={{ width: 96 }}
              onChange={(v) => onChange(withWeight(scheme, key, typeof v === 'number' ? v : 0))}
            />
          </label>
        ))}
      </div>
    </Card>
  );
}
