import type { BenchContext } from '../benchContext';
import { runsText } from '../benchContext';
import { fmt, type SectionResult } from '../resultTables';

const SECTION = '2 CSV import';
const RATIO_TARGET = 0.4;
/** Imports stay under this peak RSS (issue 17): a supervisor's office PC runs other programs too. */
const PEAK_RSS_TARGET_MB = 300;

/**
 * Kaoping's import of GB18030 orders rows (the provincial system's export) against the sqlite3
 * shell's `.import` of the same rows as UTF-8 into a table of the same columns: the floor.
 */
export async function csvImportSection(ctx: BenchContext): Promise<SectionResult> {
  const demo = await ctx.datasets.demo(ctx.config.districtDemo);
  const template = await ctx.datasets.store(demo, 'master');
  const cut = await ctx.datasets.csvCut(demo, ctx.config.csvRows);
  const label = `orders ${fmt.count(ctx.config.csvRows)} rows`;
  ctx.log(`${SECTION}: ${label}`);
  const imported = await ctx.measure('import-file', { template, workDb: ctx.datasets.work('csv-import.sqlite'), file: cut.gb18030 }, `csv ${label} import`);
  const floor = await ctx.measure('sqlite-cli-import', { csv: cut.utf8, workDb: ctx.datasets.work('csv-cli.sqlite') }, `csv ${label} sqlite3 .import`);
  const importRate = imported.median('rowsPerSecond');
  const floorRate = floor.median('rowsPerSecond');
  const ratio = importRate !== null && floorRate ? importRate / floorRate : null;
  const importCpuRate = imported.median('rowsPerCpuSecond');
  const floorCpuRate = floor.median('rowsPerCpuSecond');
  const cpuRatio = importCpuRate !== null && floorCpuRate ? importCpuRate / floorCpuRate : null;
  const peakRss = imported.median('peakRssMb');
  const failure = (m: typeof imported) => (m.failed ? `failed: ${m.failed.reason.split('\n').slice(-1)[0] ?? ''}` : null);
  return {
    figures: [
      {
        section: SECTION,
        item: `${label} GB18030: Kaoping importFile → SQLite`,
        runs: runsText(imported, ctx.config.runs),
        figure: failure(imported) ?? `${fmt.seconds(imported.median('seconds'))} · ${fmt.rate(importRate)}`,
        cpuSeconds: imported.median('cpuSeconds'),
        peakRssMb: imported.median('peakRssMb'),
        vsBaseline: `${fmt.ratio(ratio)} sqlite3 .import (CPU ${fmt.ratio(cpuRatio)})`,
        numbers: {
          seconds: imported.median('seconds'),
          cpuSeconds: imported.median('cpuSeconds'),
          rowsPerSecond: importRate,
          rowsPerCpuSecond: importCpuRate,
          rows: imported.first('rows'),
          ratioToSqliteCli: ratio,
          cpuRatioToSqliteCli: cpuRatio,
        },
      },
      {
        section: SECTION,
        item: `${label} UTF-8: sqlite3 CLI .import, same columns (floor)`,
        runs: runsText(floor, ctx.config.runs),
        figure: failure(floor) ?? `${fmt.seconds(floor.median('seconds'))} · ${fmt.rate(floorRate)}`,
        cpuSeconds: floor.median('cpuSeconds'),
        peakRssMb: floor.median('peakRssMb'),
        vsBaseline: '1.00× (baseline)',
        numbers: { seconds: floor.median('seconds'), cpuSeconds: floor.median('cpuSeconds'), rowsPerSecond: floorRate, rowsPerCpuSecond: floorCpuRate, rows: floor.first('rows') },
      },
    ],
    targets: [
      {
        target: `CSV import ≥ ${RATIO_TARGET}× the sqlite3 CLI .import`,
        measured: `${fmt.ratio(ratio)} (CPU-time basis ${fmt.ratio(cpuRatio)})`,
        met: ratio === null ? null : ratio >= RATIO_TARGET,
      },
      {
        target: `CSV import peak RSS < ${PEAK_RSS_TARGET_MB} MB`,
        measured: fmt.mb(peakRss),
        met: peakRss === null ? null : peakRss < PEAK_RSS_TARGET_MB,
      },
    ],
    notes: [`CSV rows: the first ${ctx.config.csvRows} lines of ${demo.dir}'s orders CSV; sqlite3 ${'.import'} peak RSS is polled from /proc (VmHWM).`],
    passed: imported.failed === null && floor.failed === null,
  };
}
