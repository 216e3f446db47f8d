import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiCall } from '../../api/useApi';

/** 营销部: the district a reviewer or admin views in a store with several (a supervisor sees their own). */
export function DistrictChoice({ value, onChange }: { value: string | undefined; onChange: (district: string) => void }) {
  const { t } = useTranslation();
  const call = useApiCall();
  const [districts, setDistricts] = useState<{ id: number; name: string }[]>([]);
  useEffect(() => {
    void call('import.districts', {}).then((r) => {
      if (r.ok) setDistricts(r.data);
    });
  }, [call]);
  return (
    <Select
      aria-label={t('evaluation.district')}
      placeholder={t('evaluation.districtPlaceholder')}
      value={value}
      onChange={onChange}
      options={districts.map((d) => ({ value: d.name, label: d.name }))}
      style={{ minWidth: 220 }}
      data-testid="evaluation-district"
    />
  );
}
