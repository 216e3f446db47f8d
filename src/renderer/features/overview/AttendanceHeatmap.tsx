import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthOverview } from '../../../shared/api/dataApi';
import { EChart } from '../../charts/EChart';
import { attendanceHeatmapOption } from './attendanceHeatmapOption';

const ROW_HEIGHT = 22;

/** Managers × days: a gap in a row is a day without any punch; non-workdays are greyed on the axis. */
export function AttendanceHeatmap({ heatmap, workdays }: Pick<MonthOverview, 'heatmap' | 'workdays'>) {
  const { t } = useTranslation();
  const option = useMemo(() => attendanceHeatmapOption({ heatmap, workdays }, (count) => t('overview.punches', { count })), [heatmap, workdays, t]);
  const height = Math.max(240, heatmap.managers.length * ROW_HEIGHT + 90);
  return <EChart option={option} style={{ width: '100%', height }} testId="attendance-heatmap" />;
}
