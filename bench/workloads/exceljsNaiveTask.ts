import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { announcePhase, secondsSince, startClock, stringParam, type TaskParams, type TaskResult } from '../childProtocol';
import { removeDatabase } from '../prepare/prepareStore';

type SqlValue = string | number | null;

function sqlValue(value: ExcelJS.CellValue): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/**
 * The naive way: exceljs readFile (the whole workbook in memory), then one prepared insert per
 * row with better-sqlite3 in one transaction, into a plain table with a column per cell.
 */
export async function exceljsNaiveTask(params: TaskParams): Promise<TaskResult> {
  const workDb = stringParam(params, 'workDb');
  removeDatabase(workDb);
  const clock = startClock();
  announcePhase('readFile');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(stringParam(params, 'file'));
  const readSeconds = clock.seconds();
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');

  announcePhase('insert');
  const insertStarted = performance.now();
  const db = new BetterSqlite3(workDb);
  const width = sheet.columnCount;
  const columns = Array.from({ length: width }, (_, i) => `c${i + 1}`);
  db.exec(`create table sheet_rows (${columns.map((c) => `${c}`).join(', ')})`);
  const insert = db.prepare(`insert into sheet_rows values (${columns.map(() => '?').join(', ')})`);
  let rows = 0;
  db.transaction(() => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: SqlValue[] = [];
      for (let c = 1; c <= width; c++) values.push(sqlValue(row.getCell(c).value));
      insert.run(values);
      rows++;
    });
  })();
  db.close();
  removeDatabase(workDb);
  const seconds = clock.seconds();
  const cpuSeconds = clock.cpuSeconds();
  return { seconds, cpuSeconds, rows, rowsPerSecond: rows / seconds, rowsPerCpuSecond: rows / cpuSeconds, readSeconds, insertSeconds: secondsSince(insertStarted) };
}
