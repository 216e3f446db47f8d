import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawRow } from '../../../../src/core/import/cell';
import { openSpreadsheet } from '../../../../src/backend/io/openSpreadsheet';
import { peekRows } from '../../../../src/backend/io/peekRows';
import type { SheetSource } from '../../../../src/backend/io/spreadsheetSource';
import { openFileDescriptorCount } from './readAllRows';
import { createTempDirectory } from './tempDirectory';

const ROWS = 20_000;
const temp = createTempDirectory('streaming');
const path = temp.file('考勤_20k.xlsx');

/** What the writer put in data row i (1-based, below the title and header rows). */
function expectedRow(i: number): RawRow {
  return {
    rowNumber: i + 2,
    cells: [`LH${String(i % 40).padStart(3, '0')}`, new Date(Date.UTC(2026, 9, 1 + (i % 31))), i, i % 7 === 0 ? '外勤' : '正常'],
  };
}

beforeAll(async () => {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = writer.addWorksheet('原始记录');
  sheet.addRow(['原始记录 统计日期：2026-10-01 至 2026-10-31']).commit();
  sheet.addRow(['工号', '考勤日期', '序号', '打卡结果']).commit();
  for (let i = 1; i <= ROWS; i++) {
    const row = sheet.addRow(expectedRow(i).cells);
    row.getCell(2).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  sheet.commit();
  const second = writer.addWorksheet('汇总');
  second.addRow(['工号', '出勤天数']).commit();
  second.addRow(['LH001', 22]).commit();
  second.commit();
  await writer.commit();
});
afterAll(() => temp.remove());

async function firstSheet(sheets: AsyncGenerator<SheetSource>): Promise<SheetSource> {
  const next = await sheets.next();
  if (next.done === true) throw new Error('no sheet');
  return next.value;
}

describe('streaming a 20k-row sheet', () => {
  it('peeks at the head, then streams every row, head included, with real row numbers and values', async () => {
    const source = await openSpreadsheet(path);
    const sheet = await firstSheet(source.sheets());
    const { head, rest } = await peekRows(sheet.rows, 30);
    expect(head).toHaveLength(30);
    expect(head[0]).toEqual({ rowNumber: 1, cells: ['原始记录 统计日期：2026-10-01 至 2026-10-31'] });
    expect(head[1]?.cells).toEqual(['工号', '考勤日期', '序号', '打卡结果']);
    expect(head[29]).toEqual(expectedRow(28));

    let count = 0;
    let mismatches = 0;
    for await (const row of rest) {
      count++;
      const expected = count <= 2 ? head[count - 1] : expectedRow(count - 2);
      if (JSON.stringify(row) !== JSON.stringify(expected)) mismatches++;
    }
    expect(count).toBe(ROWS + 2);
    expect(mismatches).toBe(0);
  });

  it('peeks a short sheet whole', async () => {
    const source = await openSpreadsheet(path);
    const sheets = source.sheets();
    await firstSheet(sheets);
    const summary = await firstSheet(sheets);
    const { head, rest } = await peekRows(summary.rows, 30);
    expect(head.map((row) => row.cells)).toEqual([['工号', '出勤天数'], ['LH001', 22]]);
    const replayed: RawRow[] = [];
    for await (const row of rest) replayed.push(row);
    expect(replayed).toEqual(head);
  });

  it('leaks no file descriptor when the consumer breaks, skips sheets or abandons a peeked sheet', async () => {
    const before = await openFileDescriptorCount();
    for (let round = 0; round < 3; round++) {
      const source = await openSpreadsheet(path);
      // Break out of a sheet half-way.
      for await (const sheet of source.sheets()) {
        for await (const row of sheet.rows) if (row.rowNumber > 100) break;
      }
      // Skip every sheet without reading.
      for await (const sheet of source.sheets()) expect(sheet.name).not.toBe('');
      // Peek, then walk away from the loop without touching rest.
      for await (const sheet of source.sheets()) {
        await peekRows(sheet.rows, 30);
        break;
      }
    }
    expect(await openFileDescriptorCount()).toBe(before);
  });

  it('keeps the chosen sheet readable after the consumer leaves the loop over sheets', async () => {
    const source = await openSpreadsheet(path);
    let chosen: AsyncIterable<RawRow> | undefined;
    for await (const sheet of source.sheets()) {
      const { rest } = await peekRows(sheet.rows, 30);
      chosen = rest;
      break;
    }
    let count = 0;
    for await (const _row of chosen ?? []) count++;
    expect(count).toBe(ROWS + 2);
  });

  it('refuses to read on in a sheet after the consumer moved on to the next one', async () => {
    const source = await openSpreadsheet(path);
    const sheets = source.sheets();
    const first = await firstSheet(sheets);
    const { rest } = await peekRows(first.rows, 5);
    await firstSheet(sheets);
    await expect(async () => {
      for await (const _row of rest) {
        // Consuming the replayed head is fine; the stream behind it is closed.
      }
    }).rejects.toThrow(/已在切换到工作表「汇总」时关闭/);
  });

  it('stops with too_many_rows once the rows pass maxRows, after yielding exactly maxRows', async () => {
    // exceljs's streaming writer declares no <dimension>, so only the streaming check can catch this.
    const source = await openSpreadsheet(path, { limits: { maxRows: 1000 } });
    const sheet = await firstSheet(source.sheets());
    let received = 0;
    await expect(async () => {
      for await (const _row of sheet.rows) received++;
    }).rejects.toMatchObject({ code: 'too_many_rows', sheet: '原始记录', fileName: '考勤_20k.xlsx' });
    expect(received).toBe(1000);
  });
});
