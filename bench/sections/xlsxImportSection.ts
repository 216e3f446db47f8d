import type { BenchContext } from '../benchContext';
import { runsText } from '../benchContext';
import type { Measured } from '../measure';
import { fmt, type FigureRow, type SectionResult, type TargetCheck } from '../resultTables';

const SECTION = '1 xlsx import';
const RATIO_TARGET = 0.8;
const RSS_TARGET_MB = 300;

function outcomeText(m: Measured): string {
  if (m.guarded) return `stopped by guard: ${m.guarded.reason}${m.guarded.phase ? ` (in ${m.guarded.phase})` : ''}`;
  if (m.failed) return `failed: ${m.failed.reason.split('\n').slice(-1)[0] ?? ''}${m.failed.phase ? ` (in ${m.failed.phase})` : ''}`;
  return `${fmt.seconds(m.median('seconds'))} · ${fmt.rate(m.median('rowsPerSecond'))}`;
}

function peak(m: Measured): number | null {
  return m.guarded ? m.guarded.peakRssMb : m.median('peakRssMb');
}

/**
 * Kaoping's import of the big DingTalk attendance sheet and the ~1M-row orders workbook, each
 * against exceljs reading the same file in streaming mode with nothing else to do, and against
 * the naive readFile + row-by-row insert (run under a time/memory guard).
 */
export async function xlsxImportSection(ctx: BenchContext): Promise<SectionResult> {
  const demo = await ctx.datasets.demo(ctx.config.xlsxDemo);
  const template = await ctx.datasets.store(demo, 'master');
  const attendance = demo.manifest.files.find((f) => f.kind === 'attendance' && f.name.endsWith('.xlsx'));
  const orders = demo.manifest.files.find((f) => f.kind === 'orders' && f.name.endsWith('.xlsx'));
  if (!attendance || !orders) throw new Error(`${demo.dir} lacks the DingTalk or orders workbook`);
  const figures: FigureRow[] = [];
  const targets: TargetCheck[] = [];
  let passed = true;
  const notes = [
    `xlsx files from ${demo.dir}; imports go into a fresh copy of a database holding only the district's master data (roster, retailers, brands, calendar).`,
  ];

  for (const { label, file, checkRss } of [
    { label: `attendance ${fmt.count(attendance.rows)} rows`, file: `${demo.dir}/${attendance.name}`, checkRss: false },
    { label: `orders ${fmt.count(orders.rows)} rows`, file: `${demo.dir}/${orders.name}`, checkRss: true },
  ]) {
    ctx.log(`${SECTION}: ${label}`);
    const workDb = ctx.datasets.work('xlsx-import.sqlite');
    const imported = await ctx.measure('import-file', { template, workDb, file }, `xlsx ${label} import`);
    const streamed = await ctx.measure('exceljs-stream', { file }, `xlsx ${label} exceljs stream`);
    const naive = await ctx.measure('exceljs-naive', { file, workDb: ctx.datasets.work('xlsx-naive.sqlite') }, `xlsx ${label} exceljs naive`, {
      guard: ctx.config.naiveGuard,
      stopWhenGuarded: true,
    });
    passed &&= imported.failed === null && streamed.failed === null;
    const importRate = imported.median('rowsPerSecond');
    const streamRate = streamed.median('rowsPerSecond');
    const naiveRate = naive.median('rowsPerSecond');
    const ratio = importRate !== null && streamRate ? importRate / streamRate : null;
    const naiveRatio = naiveRate !== null && streamRate ? naiveRate / streamRate : null;
    const importCpuRate = imported.median('rowsPerCpuSecond');
    const streamCpuRate = streamed.median('rowsPerCpuSecond');
    // The same ratio in CPU time: less sensitive to what else the shared machine runs.
    const cpuRatio = importCpuRate !== null && streamCpuRate ? importCpuRate / streamCpuRate : null;
    figures.push(
      {
        section: SECTION,
        item: `${label}: Kaoping importFile → SQLite`,
        runs: runsText(imported, ctx.config.runs),
        figure: outcomeText(imported),
        cpuSeconds: imported.median('cpuSeconds'),
        peakRssMb: peak(imported),
        vsBaseline: `${fmt.ratio(ratio)} streaming read (CPU ${fmt.ratio(cpuRatio)})`,
        numbers: {
          seconds: imported.median('seconds'),
          cpuSeconds: imported.median('cpuSeconds'),
          rowsPerSecond: importRate,
          rowsPerCpuSecond: importCpuRate,
          rows: imported.first('rows'),
          ratioToStreamingRead: ratio,
          cpuRatioToStreamingRead: cpuRatio,
        },
      },
      {
        section: SECTION,
        item: `${label}: exceljs WorkbookReader alone, no DB (baseline)`,
        runs: runsText(streamed, ctx.config.runs),
        figure: outcomeText(streamed),
        cpuSeconds: streamed.median('cpuSeconds'),
        peakRssMb: peak(streamed),
        vsBaseline: '1.00× (baseline)',
        numbers: { seconds: streamed.median('seconds'), cpuSeconds: streamed.median('cpuSeconds'), rowsPerSecond: streamRate, rowsPerCpuSecond: streamCpuRate, rows: streamed.first('rows') },
      },
      {
        section: SECTION,
        item: `${label}: exceljs readFile + better-sqlite3 row inserts (naive)`,
        runs: runsText(naive, ctx.config.runs),
        figure: outcomeText(naive),
        cpuSeconds: naive.median('cpuSeconds'),
        peakRssMb: peak(naive),
        vsBaseline: naive.guarded || naive.failed ? 'did not finish' : `${fmt.ratio(naiveRatio)} streaming read`,
        numbers: {
          seconds: naive.median('seconds'),
          rowsPerSecond: naiveRate,
          readSeconds: naive.median('readSeconds'),
          insertSeconds: naive.median('insertSeconds'),
          guarded: naive.guarded?.reason ?? null,
          failed: naive.failed?.reason ?? null,
        },
      },
    );
    targets.push({
      target: `xlsx import (${label}) ≥ ${RATIO_TARGET}× exceljs streaming read`,
      measured: `${fmt.ratio(ratio)} (CPU-time basis ${fmt.ratio(cpuRatio)})`,
      met: ratio === null ? null : ratio >= RATIO_TARGET,
    });
    if (checkRss) {
      const rss = peak(imported);
      targets.push({
        target: `xlsx import peak RSS < ${RSS_TARGET_MB} MB (${label}; target stated at 1M rows)`,
        measured: fmt.mb(rss),
        met: rss === null ? null : rss < RSS_TARGET_MB,
      });
    }
  }
  return { figures, targets, notes, passed };
}
