import { BarChart, HeatmapChart, RadarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the screens draw, so the bundle stays small (stack-notes: import from echarts/core).
// Radar: the scorecard's dimensions; scatter: punches on the map, the day's timeline and the attendance calendar.
echarts.use([
  HeatmapChart,
  BarChart,
  RadarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  RadarComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
