import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../../../../src/core/import/cell';
import { openSpreadsheet } from '../../../../src/backend/io/openSpreadsheet';
import { repairCjkMojibake } from '../../../../src/core/import/repairMojibake';
import { readAllRows } from './readAllRows';

const SAMPLES = join(import.meta.dirname, '../../../fixtures/samples');
const xlsxSamples = readdirSync(SAMPLES).filter((name) => name.endsWith('.xlsx'));

/** exceljs's in-memory reader, an independent implementation, flattened the way the contract says. */
function flattenExcelJsValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value === '' ? null : value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('') || null;
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return null;
  if ('result' in value) {
    const result = value.result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date)) ? null : result;
  }
  return null;
}

async function readWithExcelJs(path: string): Promise<Array<{ name: string; rows: Array<{ rowNumber: number; cells: CellValue[] }> }>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets.map((sheet) => {
    const rows: Array<{ rowNumber: number; cells: CellValue[] }> = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: CellValue[] = [];
      for (let column = 1; column <= row.cellCount; column++) {
        const cell = row.getCell(column);
        // exceljs repeats a merged range's value in every cell; the contract keeps it top-left only.
        cells.push(cell.type === ExcelJS.ValueType.Merge ? null : flattenExcelJsValue(cell.value));
      }
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      if (cells.length > 0) rows.push({ rowNumber, cells });
    });
    return { name: sheet.name, rows };
  });
}

describe('the sample exports', () => {
  it.each(xlsxSamples)('%s reads the same as exceljs readFile', async (name) => {
    const path = join(SAMPLES, name);
    const ours = await readAllRows(await openSpreadsheet(path));
    const theirs = await readWithExcelJs(path);
    // The roster went through LibreOffice with the wrong encoding; the reader repairs what exceljs shows raw.
    const repaired = theirs.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => (typeof cell === 'string' ? repairCjkMojibake(cell) : cell)) })),
    }));
    expect(ours.map(({ name: sheetName, rows }) => ({ name: sheetName, rows }))).toEqual(repaired);
  });

  it('reads the DingTalk attendance export: title rows, header on row 3, times and dates as text', async () => {
    const [sheet] = await readAllRows(await openSpreadsheet(join(SAMPLES, '钉钉考勤_原始记录_202610.xlsx')));
    expect(sheet?.name).toBe('原始记录');
    expect(sheet?.rows[0]?.cells[0]).toMatch(/^原始记录 统计日期：2026-10-01 至 2026-10-31/);
    expect(sheet?.rows[2]).toMatchObject({ rowNumber: 3 });
    expect(sheet?.rows[2]?.cells.slice(0, 4)).toEqual(['姓名', '考勤组', '部门', '工号']);
    expect(sheet?.rows).toHaveLength(18);
  });

  it('reads the retailer archive: merged title, blank row 2, a licence stored as a number', async () => {
    const [sheet] = await readAllRows(await openSpreadsheet(join(SAMPLES, '零售客户档案.xlsx')));
    expect(sheet?.rows.slice(0, 3).map((row) => row.rowNumber)).toEqual([1, 3, 4]);
    expect(sheet?.rows[1]?.cells[0]).toBe('专卖许可证号');
    expect(sheet?.rows[2]?.cells[0]).toBe(370902110001);
    expect(sheet?.rows[3]?.cells[0]).toBe('370902110002');
  });

  it('repairs the LibreOffice-written roster to readable Chinese', async () => {
    const [sheet] = await readAllRows(await openSpreadsheet(join(SAMPLES, '客户经理花名册.xlsx')));
    expect(sheet?.name).toBe('_roster');
    expect(sheet?.rows[0]?.cells).toEqual(['员工编号', '客户经理姓名', '所属部门', '片区', '负责线路', '手机号', '钉钉UserId', '入职日期', '在岗状态']);
    expect(sheet?.rows[1]?.cells.slice(0, 5)).toEqual(['LH001', '周婷', '临河营销部', '城区片', 'LH-01、LH-02']);
    expect(sheet?.rows[1]?.cells[7]).toEqual(new Date('2010-01-15T00:00:00Z'));
    expect(sheet?.rows).toHaveLength(9);
  });

  it('decodes the GB18030 CSVs', async () => {
    const orders = await openSpreadsheet(join(SAMPLES, '订单明细_2025-10_2026-10.csv'));
    expect(orders).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', date1904: false });
    const [sheet] = await readAllRows(orders);
    expect(sheet?.name).toBe('订单明细_2025-10_2026-10');
    expect(sheet?.rows[0]?.cells).toEqual(['订货日期', '许可证号', '卷烟编码', '卷烟名称', '需求量(条)', '订购量（条）', '批发价', '金额', '零售指导价']);
    expect(sheet?.rows[2]?.cells).toEqual(['2025/10/14', '370902110001', '6901028045117', '玉溪(软)', '16', '16', '198.00', '3,168.00', '230.00']);
    const lines = iconv.decode(readFileSync(join(SAMPLES, '订单明细_2025-10_2026-10.csv')), 'gb18030').trim().split(/\r?\n/);
    expect(sheet?.rows).toHaveLength(lines.length);

    const [cards] = await readAllRows(await openSpreadsheet(join(SAMPLES, '电子卡拜访记录_202610.csv')));
    expect(cards?.rows[0]?.cells).toEqual(['工号', '客户编码', '刷卡时间', '终端号']);
    expect(cards?.rows.at(-1)?.rowNumber).toBe(16);
  });

  it('decodes the UTF-8-BOM brand list without a BOM in the first header', async () => {
    const source = await openSpreadsheet(join(SAMPLES, '品规目录.csv'));
    expect(source.encoding).toBe('utf8-bom');
    const [sheet] = await readAllRows(source);
    expect(sheet?.rows[0]?.cells[0]).toBe('卷烟编码');
    expect(sheet?.rows[1]?.cells).toEqual(['6901028001687', '中华(硬)', '中华', '一类', '375.00', '450.00', '是', '×', '2010-01-01']);
    expect(sheet?.rows).toHaveLength(11);
  });
});
