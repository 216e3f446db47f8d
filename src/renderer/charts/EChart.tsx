import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, type CSSProperties } from 'react';
import { echarts } from './echarts';

/** A chart that follows its container's size and its option. */
export function EChart({
  option,
  style,
  testId,
  onItemClick,
}: {
  option: EChartsCoreOption;
  style?: CSSProperties;
  testId?: string;
  /** A click on a data item (a bar, a point) with that item's data as given in the option. */
  onItemClick?: (data: unknown) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  // The latest handler, so that a new callback does not re-create the chart.
  const clickRef = useRef(onItemClick);
  clickRef.current = onItemClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => clickRef.current?.(params.data));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={style} data-testid={testId} />;
}
