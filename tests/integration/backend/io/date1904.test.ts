import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import { openSpreadsheet } from '../../../../src/backend/io/openSpreadsheet';
import { readAllRows } from './readAllRows';
import { createTempDirectory } from './tempDirectory';

const temp = createTempDirectory('date1904');
afterAll(() => temp.remove());

const DAY_MS = 86_400_000;

async function partText(path: string, part: string): Promise<string> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== part) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
  } finally {
    zip.close();
  }
  throw new Error(`${part} not found`);
}

async function writeDatedWorkbook(path: string, date1904: boolean): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const sheet = workbook.addWorksheet('日历');
  sheet.addRow(['日期', '打卡时间', '序号']);
  sheet.addRow([new Date(Date.UTC(2026, 9, 8)), new Date(Date.UTC(2026, 9, 8, 8, 42)), 46000]);
  sheet.getColumn(1).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm';
  await workbook.xlsx.writeFile(path);
}

describe('the 1904 date system', () => {
  it('is really in the written file, with serials counted from 1904', async () => {
    const path = temp.file('1904.xlsx');
    await writeDatedWorkbook(path, true);
    expect(await partText(path, 'xl/workbook.xml')).toMatch(/<workbookPr[^>]*date1904="1"/);
    const serialFrom1904 = (Date.UTC(2026, 9, 8) - Date.UTC(1904, 0, 1)) / DAY_MS;
    expect(await partText(path, 'xl/worksheets/sheet1.xml')).toContain(`<v>${serialFrom1904}</v>`);
  });

  it('reads date cells as the dates Excel shows and flags the workbook', async () => {
    const path = temp.file('1904-read.xlsx');
    await writeDatedWorkbook(path, true);
    const source = await openSpreadsheet(path);
    expect(source.date1904).toBe(true);
    const [sheet] = await readAllRows(source);
    expect(sheet?.rows[1]?.cells.slice(0, 2)).toEqual([new Date('2026-10-08T00:00:00Z'), new Date('2026-10-08T08:42:00Z')]);
    // A number in a General cell stays a number: the core adds 1462 days when date1904 is set.
    expect(sheet?.rows[1]?.cells[2]).toBe(46000);
  });

  it('reads the same dates from the 1900 system, unflagged', async () => {
    const path = temp.file('1900.xlsx');
    await writeDatedWorkbook(path, false);
    expect(await partText(path, 'xl/workbook.xml')).not.toContain('date1904="1"');
    const source = await openSpreadsheet(path);
    expect(source.date1904).toBe(false);
    const [sheet] = await readAllRows(source);
    expect(sheet?.rows[1]?.cells.slice(0, 2)).toEqual([new Date('2026-10-08T00:00:00Z'), new Date('2026-10-08T08:42:00Z')]);
  });
});
