import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromiumOptions';

const ECHARTS = path.resolve(__dirname, '../../../node_modules/echarts/dist/echarts.min.js');
/** Markup that would create elements (and run script) if a tooltip took it as HTML. */
const HOSTILE = '<img src=x onerror="window.__xss=(window.__xss||0)+1"><b>粗</b>';

let browser: Browser;
let page: Page;
let bundleText = '';

/** A fresh page per chart, so that nothing one chart left in the document counts against another. */
async function freshPage(): Promise<void> {
  // A new page, not setContent: that keeps the window (and what a previous chart did to it).
  await page?.close();
  page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await page.setContent('<!doctype html><html><body><div id="chart" style="width:800px;height:500px"></div></body></html>');
  await page.addScriptTag({ content: fs.readFileSync(ECHARTS, 'utf8') });
  await page.addScriptTag({ content: bundleText });
}

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [path.join(__dirname, 'chartOptionsEntry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  bundleText = bundle.outputFiles[0]!.text;
}, 60_000);
afterAll(async () => browser?.close());

/**
 * Renders the named chart's option with hostile names in the page, shows the tooltip of every
 * data item of every series, and reports what the page holds afterwards.
 */
async function renderChart(chart: string): Promise<{ tips: number; shownText: string; elements: string[]; xss: number }> {
  await freshPage();
  return page.evaluate(
    async ({ chart, hostile }) => {
      const w = window as unknown as {
        echarts: { init(el: HTMLElement, theme: null, opts: object): { setOption(o: object): void; dispatchAction(a: object): void; getOption(): { series: { data?: unknown[] }[] }; dispose(): void } };
        kaopingCharts: Record<string, (...args: unknown[]) => unknown>;
        __xss?: number;
      };
      const c = w.kaopingCharts;
      const name = hostile;
      const punch = (id: number, hour: number) => ({ id, date: '2026-10-12', time: '09:30:00', hour, lat: 36.7 + id / 1000, lng: 117.1, place: name, retailerName: name, result: name, flagged: id === 2, evidence: id === 1 });
      const labels = { evidence: name, other: name, longitude: 'lng', latitude: 'lat', hour: '时', day: (d: string) => d, punch: name, flagged: name, absent: name };
      const options: Record<string, () => unknown> = {
        totals: () =>
          c.totalsBarOption!(
            [
              { code: name, name, rank: 1, total: 88, grade: name, veto: null, dimensions: {}, flagCount: 0 },
              { code: 'LH002', name, rank: 2, total: 60, grade: '合格', veto: { reason: name, evidence: [] }, dimensions: {}, flagCount: 1 },
            ],
            ['优秀', '合格'],
            { veto: name, noData: '无' },
          ),
        ranking: () =>
          (c.rankingBarOption!([{ rank: 1, name, total: 88, grade: '优秀', vetoed: true }, { rank: 2, name, total: 70, grade: '合格', vetoed: false }], ['优秀', '合格']) as { option: unknown }).option,
        heatmap: () =>
          c.attendanceHeatmapOption!(
            { heatmap: { managers: [{ code: name, name }, { code: 'LH002', name }], days: ['2026-10-12', '2026-10-13'], cells: [[0, 0, 2], [1, 1, 1]] }, workdays: ['2026-10-12'] },
            (n: number) => `${n} 次`,
          ),
        punchMap: () => c.punchMapOption!([punch(1, 9.5), punch(2, 10)], labels),
        timeline: () => c.dayTimelineOption!(['2026-10-12'], [punch(1, 9.5), punch(2, 10)], labels),
        calendar: () =>
          c.attendanceCalendarOption!(
            {
              month: '2026-10',
              managerCode: name,
              managerName: name,
              days: [{ date: '2026-10-12', workday: true, kind: 'workday', note: name, overridden: true }],
              punches: [punch(1, 9.5), punch(2, 21)],
              absentDays: [],
            },
            labels,
          ),
      };
      const el = document.getElementById('chart')!;
      const instance = w.echarts.init(el, null, { renderer: 'svg', width: 800, height: 500 });
      instance.setOption(options[chart]!() as object);
      let tips = 0;
      let shownText = '';
      const series = instance.getOption().series;
      for (let s = 0; s < series.length; s++) {
        for (let d = 0; d < (series[s]!.data?.length ?? 0); d++) {
          instance.dispatchAction({ type: 'showTip', seriesIndex: s, dataIndex: d });
          // ECharts sets the tooltip's content when it shows it; give the page a frame.
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          tips += 1;
          shownText += document.body.innerText;
        }
      }
      const elements = [...document.querySelectorAll('img, b, script:not([src])')].map((e) => e.outerHTML).filter((h) => !h.includes('echarts'));
      // The two scripts added by the test are not markup from a chart.
      const created = elements.filter((h) => !h.startsWith('<script'));
      instance.dispose();
      return { tips, shownText, elements: created, xss: w.__xss ?? 0 };
    },
    { chart, hostile: HOSTILE },
  );
}

describe('chart tooltips and labels never turn imported text into markup', () => {
  for (const chart of ['totals', 'ranking', 'heatmap', 'punchMap', 'timeline', 'calendar']) {
    it(chart, async () => {
      const result = await renderChart(chart);
      expect(result.tips).toBeGreaterThan(0);
      expect(result.elements).toEqual([]);
      expect(result.xss).toBe(0);
      // Where a tooltip shows a name, it shows it as the literal text.
      if (chart !== 'ranking') expect(result.shownText).toContain('<img src=x');
    });
  }
});
