import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthOverview } from '../../../shared/api/dataApi';
import { navigate } from '../../app/hashRoute';
import { EChart } from '../../charts/EChart';
import { attendanceHeatmapOption } from './attendanceHeatmapOption';

const ROW_HEIGHT = 22;

/** Managers × days: a gap in a row is a day without any punch; non-workdays are greyed on the axis. */
export function AttendanceHeatmap({ heatmap, workdays }: Pick<MonthOverview, 'heatmap' | 'workdays'>) {
  const { t } = useTranslation();
  const option = useMemo(() => attendanceHeatmapOption({ heatmap, workdays }, (count) => t('overview.punches', { count })), [heatmap, workdays, t]);
  const height = Math.max(240, heatmap.managers.length * ROW_HEIGHT + 90);
  // A cell opens that manager's punches of that day.
  const open = (data: unknown) => {
    if (!Array.isArray(data)) return;
    const [day, manager] = data as [number, number, number];
    const code = heatmap.managers[manager]?.code;
    const date = heatmap.days[day];
    if (code && date) navigate({ page: { name: 'data', kind: 'attendance', filter: { managerCode: code, date } } });
  };
  return <EChart option={option} style={{ width: '100%', height, cursor: 'pointer' }} testId="attendance-heatmap" onItemClick={open} />;
}
