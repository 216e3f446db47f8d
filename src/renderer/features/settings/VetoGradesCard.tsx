import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchemeDto } from '../../../shared/api/settingsApi';
import { PercentInput } from './PercentInput';

type Grade = SchemeDto['grades'][number];

/** 一票否决 and the grade bands, side by side: both decide the grade a total ends up with. */
export function VetoGradesCard({ scheme, onChange }: { scheme: SchemeDto; onChange: (s: SchemeDto) => void }) {
  const { t } = useTranslation();
  const veto = scheme.veto;
  const setVeto = (patch: Partial<SchemeDto['veto']>) => onChange({ ...scheme, veto: { ...veto, ...patch } });
  const grades = scheme.grades;
  const setGrades = (next: Grade[]) => onChange({ ...scheme, grades: next });
  const setGrade = (index: number, patch: Partial<Grade>) => setGrades(grades.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 16 }}>
      <Card size="small" title={t('schemes.veto.title')} extra={<Switch checked={veto.enabled} onChange={(enabled) => setVeto({ enabled })} aria-label={t('schemes.veto.enabled')} />}>
        <Space orientation="vertical" size={10} style={{ width: '100%' }}>
          <label style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
            <span>{t('schemes.veto.unknownManagerMin')}</span>
            <InputNumber<number>
              value={veto.unknownManagerMin}
              min={1}
              disabled={!veto.enabled}
              suffix={t('schemes.units.retailers')}
              style={{ width: 120 }}
              onChange={(v) => setVeto({ unknownManagerMin: typeof v === 'number' ? v : 1 })}
            />
          </label>
          <label style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
            <span>{t('schemes.veto.dissatisfiedShare')}</span>
            <PercentInput value={veto.dissatisfiedShare} min={1} max={100} disabled={!veto.enabled} style={{ width: 120 }} onChange={(v) => setVeto({ dissatisfiedShare: v ?? 0 })} />
          </label>
          <Typography.Text type="secondary">{t('schemes.veto.help')}</Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={t('schemes.grades.title')} data-testid="grades-card">
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {grades.map((g, index) => (
            <Space key={index} size={6}>
              <Input value={g.label} maxLength={20} style={{ width: 110 }} aria-label={t('schemes.grades.label')} onChange={(e) => setGrade(index, { label: e.target.value })} />
              <span>{t('schemes.grades.min')}</span>
              <InputNumber<number> value={g.min} min={0} max={100} suffix={t('schemes.units.score')} style={{ width: 100 }} onChange={(v) => setGrade(index, { min: typeof v === 'number' ? v : 0 })} />
              <Button type="text" icon={<DeleteOutlined />} disabled={grades.length <= 1} onClick={() => setGrades(grades.filter((_, i) => i !== index))} />
            </Space>
          ))}
          <Space size={12}>
            <Button size="small" icon={<PlusOutlined />} onClick={() => setGrades([...grades, { min: 0, label: '' }])}>
              {t('schemes.grades.add')}
            </Button>
            <Typography.Text type="secondary">{t('schemes.grades.help')}</Typography.Text>
          </Space>
        </Space>
      </Card>
    </div>
  );
}
