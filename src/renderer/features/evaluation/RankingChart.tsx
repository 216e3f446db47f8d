import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerRowDto } from '../../../shared/api/evaluationApi';
import { navigate } from '../../app/hashRoute';
import { EChart } from '../../charts/EChart';
import { totalsBarOption } from './totalsBarOption';

function openScorecard(data: unknown): void {
  const code = (data as { managerCode?: unknown } | null)?.managerCode;
  if (typeof code === 'string') navigate({ page: { name: 'evaluation', manager: code } });
}

/** The month's totals by manager, coloured by grade; a bar opens that manager's scorecard. */
export function RankingChart({ managers, grades, height }: { managers: ManagerRowDto[]; grades: string[]; height: number }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => totalsBarOption(managers, grades, { veto: t('evaluation.chartVeto'), noData: t('evaluation.noData') }),
    [managers, grades, t],
  );
  return <EChart option={option} style={{ width: '100%', height }} testId="ranking-chart" onItemClick={openScorecard} />;
}
