import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dimensionRadarOption } from '../../../core/report/charts/dimensionRadarOption';
import { DIMENSION_KEYS } from '../../../core/measures/dimensions';
import type { ScorecardDto } from '../../../shared/api/evaluationApi';
import { EChart } from '../../charts/EChart';

/** The report's radar (same look as the printed sheet), with the names in the UI language and a tooltip. */
export function DimensionRadar({ card }: { card: ScorecardDto }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const spec = dimensionRadarOption(
      DIMENSION_KEYS.map((key) => ({
        label: t(`measures.dimensions.${key}`),
        manager: card.manager.dimensions[key]?.score ?? null,
        district: card.districtAverages[key] ?? null,
      })),
      { manager: t('scorecard.radarSelf'), district: t('scorecard.radarDistrict'), noData: `（${t('scorecard.noData')}）` },
    );
    const base = spec.option as Record<string, unknown>;
    return { ...base, tooltip: { trigger: 'item', confine: true }, radar: { ...(base.radar as object), radius: '60%', center: ['50%', '46%'] } };
  }, [card, t]);
  return <EChart option={option} style={{ width: '100%', height: 356 }} testId="scorecard-radar" />;
}
