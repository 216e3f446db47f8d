import { AutoComplete, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  districts: { id: number; name: string }[];
  value: string | undefined;
  onChange: (name: string | undefined) => void;
  disabled: boolean;
}

/**
 * The district (营销部) the files go into. With several districts one must be chosen; with one it
 * is optional (the roster's 营销部 decides), and a new name can be typed: a roster of another
 * 营销部 than the store's (the demo tried first, then one's own files) is refused until its
 * district is named, and on a desktop there is no command line to name it with.
 */
export function ImportDistrictChooser({ districts, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const typed = value?.trim() ?? '';
  const isNew = typed !== '' && !districts.some((d) => d.name === typed);
  const options = districts.filter((d) => typed === '' || isNew || d.name.includes(typed)).map((d) => ({ value: d.name, label: d.name }));
  return (
    <>
      <AutoComplete
        aria-label={t('import.district')}
        placeholder={districts.length > 1 ? t('import.districtPlaceholder') : t('import.districtAuto', { name: districts[0]?.name ?? '' })}
        value={value}
        onChange={(v: string) => onChange(v.trim() === '' ? undefined : v)}
        options={options}
        allowClear
        disabled={disabled}
        style={{ minWidth: 280 }}
        data-testid="import-district"
      />
      {isNew && (
        <Tag color="orange" data-testid="import-district-new">
          {t('import.districtNew', { name: typed })}
        </Tag>
      )}
    </>
  );
}
