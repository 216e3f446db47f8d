/**
 * By-hand benchmark, not a test: time and peak RSS of reading a 200k-row x 15-column
 * attendance-like xlsx with openSpreadsheet versus exceljs's bare streaming reader.
 *   npx tsx tests/integration/backend/io/measureReaderSpeed.ts [rows]
 * Each reader runs in its own child process so that peak RSS is its own.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openSpreadsheet } from '../../../../src/backend/io/openSpreadsheet';

const rows = Number(process.argv[2] ?? process.env.BENCH_ROWS ?? 200_000);
const directory = join(tmpdir(), 'kaoping-io-bench');
const file = join(directory, `attendance-${rows}.xlsx`);

async function writeWorkbook(): Promise<void> {
  mkdirSync(directory, { recursive: true });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet('原始记录');
  sheet.addRow(['原始记录 统计日期：2026-10-01 至 2026-10-31']).commit();
  sheet
    .addRow(['姓名', '考勤组', '部门', '工号', '职位', 'UserId', '考勤日期', '考勤时间', '打卡时间', '打卡结果', '打卡地址', '打卡备注', '异常打卡原因', '经度', '纬度'])
    .commit();
  for (let i = 0; i < rows; i++) {
    const manager = i % 40;
    const row = sheet.addRow([
      `经理${manager}`,
      '客户经理外勤组',
      '临河营销部',
      `LH${String(manager).padStart(3, '0')}`,
      '客户经理',
      `dt_lh${manager}`,
      new Date(Date.UTC(2026, 9, 1 + (i % 31))),
      i % 2 === 0 ? '上班' : '下班',
      `${String(8 + (i % 10)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      i % 17 === 0 ? '外勤' : '正常',
      `临河县胜利路${i % 500}号`,
      i % 3 === 0 ? `拜访客户：便利店（3709021100${String(i % 100).padStart(2, '0')}）` : null,
      i % 101 === 0 ? '定位异常' : null,
      117 + (i % 1000) / 10_000,
      36.6 + (i % 1000) / 10_000,
    ]);
    row.getCell(7).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  await writer.commit();
}

async function readWithOpenSpreadsheet(): Promise<number> {
  const source = await openSpreadsheet(file);
  let count = 0;
  for await (const sheet of source.sheets()) {
    for await (const row of sheet.rows) count += row.cells.length > 0 ? 1 : 0;
  }
  return count;
}

async function readWithExceljs(styles: 'ignore' | 'cache'): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { styles, sharedStrings: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  let count = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) count += row.cellCount > 0 ? 1 : 0;
  }
  return count;
}

async function child(mode: string): Promise<void> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const count =
    mode === 'kaoping' ? await readWithOpenSpreadsheet() : await readWithExceljs(mode === 'exceljs-styles' ? 'cache' : 'ignore');
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  // CPU time is the fairer figure on a machine shared with other work.
  console.log(
    `${mode.padEnd(16)} ${count} rows  wall ${seconds.toFixed(2)} s  cpu ${cpuSeconds.toFixed(2)} s  ${Math.round(count / seconds).toLocaleString('en-US')} rows/s  peak RSS ${peakMb.toFixed(0)} MB`,
  );
}

const mode = process.env.BENCH_CHILD;
if (mode !== undefined) {
  await child(mode);
} else {
  if (!existsSync(file)) {
    const started = performance.now();
    await writeWorkbook();
    console.log(`wrote ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const run of [1, 2, 3]) {
    for (const childMode of ['exceljs', 'exceljs-styles', 'kaoping']) {
      execFileSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', String(rows)], {
        env: { ...process.env, BENCH_CHILD: childMode },
        stdio: 'inherit',
      });
    }
    console.log(`-- run ${run}`);
  }
}
