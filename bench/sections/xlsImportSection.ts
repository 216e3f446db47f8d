import type { BenchContext } from '../benchContext';
import { runsText } from '../benchContext';
import { fmt, type SectionResult } from '../resultTables';

const SECTION = '2b .xls import';

/**
 * Kaoping's import of a full old-format sheet (BIFF8, 65,536 rows with the header), read whole
 * by SheetJS, and of the same rows as a web system's HTML table, against its import of the same
 * rows as the GB18030 CSV (the streamed path): what reading a file in one piece costs.
 */
export async function xlsImportSection(ctx: BenchContext): Promise<SectionResult> {
  const demo = await ctx.datasets.demo(ctx.config.districtDemo);
  const template = await ctx.datasets.store(demo, 'master');
  const rows = ctx.config.xlsRows;
  const xls = await ctx.datasets.xlsCut(demo, rows);
  const html = await ctx.datasets.htmlCut(demo, rows);
  const cut = await ctx.datasets.csvCut(demo, rows);
  const label = `orders ${fmt.count(rows)} rows`;
  ctx.log(`${SECTION}: ${label}`);
  const imported = await ctx.measure('import-file', { template, workDb: ctx.datasets.work('xls-import.sqlite'), file: xls }, `xls ${label} import`);
  const htmlImported = await ctx.measure('import-file', { template, workDb: ctx.datasets.work('html-import.sqlite'), file: html }, `html ${label} import`);
  const baseline = await ctx.measure('import-file', { template, workDb: ctx.datasets.work('xls-csv-import.sqlite'), file: cut.gb18030 }, `xls baseline: csv ${label} import`);
  const rate = imported.median('rowsPerSecond');
  const baselineRate = baseline.median('rowsPerSecond');
  const ratio = rate !== null && baselineRate ? rate / baselineRate : null;
  const rssRatio = (() => {
    const a = imported.median('peakRssMb');
    const b = baseline.median('peakRssMb');
    return a !== null && b ? a / b : null;
  })();
  const failure = (m: typeof imported) => (m.failed ? `failed: ${m.failed.reason.split('\n').slice(-1)[0] ?? ''}` : null);
  const sameRows = [imported, htmlImported].every((m) => m.first('rows') === baseline.first('rows') && m.first('inserted') === baseline.first('inserted'));
  const htmlRate = htmlImported.median('rowsPerSecond');
  const htmlRatio = htmlRate !== null && baselineRate ? htmlRate / baselineRate : null;
  const htmlRss = htmlImported.median('peakRssMb');
  const baselineRss = baseline.median('peakRssMb');
  return {
    figures: [
      {
        section: SECTION,
        item: `${label} BIFF8 .xls: Kaoping importFile → SQLite`,
        runs: runsText(imported, ctx.config.runs),
        figure: failure(imported) ?? `${fmt.seconds(imported.median('seconds'))} · ${fmt.rate(rate)}`,
        cpuSeconds: imported.median('cpuSeconds'),
        peakRssMb: imported.median('peakRssMb'),
        vsBaseline: `${fmt.ratio(ratio)} the CSV import (peak RSS ${fmt.ratio(rssRatio)})`,
        numbers: {
          seconds: imported.median('seconds'),
          cpuSeconds: imported.median('cpuSeconds'),
          rowsPerSecond: rate,
          rowsPerCpuSecond: imported.median('rowsPerCpuSecond'),
          rows: imported.first('rows'),
          inserted: imported.first('inserted'),
          ratioToCsvImport: ratio,
        },
      },
      {
        section: SECTION,
        item: `${label} GBK HTML table named .xls: Kaoping importFile → SQLite`,
        runs: runsText(htmlImported, ctx.config.runs),
        figure: failure(htmlImported) ?? `${fmt.seconds(htmlImported.median('seconds'))} · ${fmt.rate(htmlRate)}`,
        cpuSeconds: htmlImported.median('cpuSeconds'),
        peakRssMb: htmlRss,
        vsBaseline: `${fmt.ratio(htmlRatio)} the CSV import (peak RSS ${fmt.ratio(htmlRss !== null && baselineRss ? htmlRss / baselineRss : null)})`,
        numbers: {
          seconds: htmlImported.median('seconds'),
          cpuSeconds: htmlImported.median('cpuSeconds'),
          rowsPerSecond: htmlRate,
          rowsPerCpuSecond: htmlImported.median('rowsPerCpuSecond'),
          rows: htmlImported.first('rows'),
          inserted: htmlImported.first('inserted'),
          ratioToCsvImport: htmlRatio,
        },
      },
      {
        section: SECTION,
        item: `${label} GB18030 CSV, same rows: Kaoping importFile (baseline)`,
        runs: runsText(baseline, ctx.config.runs),
        figure: failure(baseline) ?? `${fmt.seconds(baseline.median('seconds'))} · ${fmt.rate(baselineRate)}`,
        cpuSeconds: baseline.median('cpuSeconds'),
        peakRssMb: baseline.median('peakRssMb'),
        vsBaseline: '1.00× (baseline)',
        numbers: {
          seconds: baseline.median('seconds'),
          cpuSeconds: baseline.median('cpuSeconds'),
          rowsPerSecond: baselineRate,
          rowsPerCpuSecond: baseline.median('rowsPerCpuSecond'),
          rows: baseline.first('rows'),
          inserted: baseline.first('inserted'),
        },
      },
    ],
    targets: [],
    notes: [
      `.xls rows: the first ${rows} lines of ${demo.dir}'s orders CSV written as BIFF8 by LibreOffice's Excel 97 filter (dates as dates, amounts as numbers, codes as text); ` +
        `the HTML table is the same lines as GBK HTML with a title row, text-formatted codes and x:num amounts; ` +
        `the .xls, the HTML table and the CSV import ${sameRows ? 'the same rows' : 'DIFFERENT rows (a reader bug)'}.`,
    ],
    passed: imported.failed === null && htmlImported.failed === null && baseline.failed === null && sameRows,
  };
}
