// Bundled by chartMarkup.test.ts for the browser: the option builders of every chart that shows
// imported text, run in the page with the real ECharts (dist build loaded beside it).
import { rankingBarOption } from '../../../src/core/report/charts/rankingBarOption';
import { totalsBarOption } from '../../../src/renderer/features/evaluation/totalsBarOption';
import { attendanceHeatmapOption } from '../../../src/renderer/features/overview/attendanceHeatmapOption';
import { attendanceCalendarOption } from '../../../src/renderer/features/scorecard/attendanceCalendarOption';
import { dayTimelineOption, punchMapOption } from '../../../src/renderer/features/scorecard/punchChartsOption';

(globalThis as Record<string, unknown>).kaopingCharts = { rankingBarOption, totalsBarOption, attendanceHeatmapOption, attendanceCalendarOption, dayTimelineOption, punchMapOption };
