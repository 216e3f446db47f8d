import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CompareManagerDto } from '../../../shared/api/journalsApi';

/** One side's choice: a manager and, optionally, one day of the month. */
export function ManagerDayPicker({
  side,
  month,
  managers,
  code,
  day,
  onChange,
  withDay = true,
}: {
  side: 'left' | 'right';
  month: string;
  managers: CompareManagerDto[];
  code: string | null;
  day: string | null;
  onChange: (code: string | null, day: string | null) => void;
  withDay?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', gap: 6, alignItems: 'center', minWidth: 0 }}>
      <Select
        size="small"
        value={code ?? undefined}
        placeholder={t('compare.pickManager')}
        showSearch={{ optionFilterProp: 'label' }}
        options={managers.map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` }))}
        onChange={(value: string) => onChange(value, day)}
        style={{ width: 160 }}
        data-testid={`manager-${side}`}
      />
      {withDay && (
        <DatePicker
          size="small"
          value={day ? dayjs(day) : null}
          placeholder={t('compare.pickDay')}
          defaultPickerValue={dayjs(`${month}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') !== month}
          onChange={(d) => onChange(code, d ? d.format('YYYY-MM-DD') : null)}
          style={{ width: 150 }}
          data-testid={`day-${side}`}
        />
      )}
    </div>
  );
}
