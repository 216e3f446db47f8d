import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerRowDto } from '../../../shared/api/evaluationApi';
import { EChart } from '../../charts/EChart';
import { totalsBarOption } from './totalsBarOption';

/** The month's totals by manager, coloured by grade. */
export function RankingChart({ managers, grades, height }: { managers: ManagerRowDto[]; grades: string[]; height: number }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => totalsBarOption(managers, grades, { veto: t('evaluation.chartVeto'), noData: t('evaluation.noData') }),
    [managers, grades, t],
  );
  return <EChart option={option} style={{ width: '100%', height }} testId="ranking-chart" />;
}
