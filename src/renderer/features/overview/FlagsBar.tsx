import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { flagTypeLabel } from '../../i18n/messageOf';
import type { MonthOverview } from '../../../shared/api/dataApi';
import { EChart } from '../../charts/EChart';
import { formatNumber } from '../../../core/format/numberFormat';

/** The month's flags by type, largest first. */
export function FlagsBar({ flags, onOpen }: { flags: MonthOverview['flagsByType']; onOpen?: () => void }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const sorted = [...flags].sort((a, b) => a.count - b.count);
    return {
      grid: { left: 8, right: 36, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, show: false },
      yAxis: { type: 'category', data: sorted.map((f) => flagTypeLabel(t, f.type, f.label)), axisLabel: { fontSize: 12, width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', data: sorted.map((f) => f.count), itemStyle: { color: '#fa8c16' }, barMaxWidth: 16, label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value, 'count') } }],
    };
  }, [flags, t]);
  // A bar opens the ranking, whose 异常 counts lead to each manager's flags and evidence.
  return (
    <EChart
      option={option}
      style={{ width: '100%', height: Math.max(120, flags.length * 26 + 16), cursor: onOpen ? 'pointer' : undefined }}
      testId="flags-bar"
      {...(onOpen ? { onItemClick: () => onOpen() } : {})}
    />
  );
}
