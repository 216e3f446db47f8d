import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef, type CSSProperties } from 'react';
import { echarts } from './echarts';

/** A chart that follows its container's size and its option. */
export function EChart({ option, style, testId }: { option: EChartsCoreOption; style?: CSSProperties; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
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
