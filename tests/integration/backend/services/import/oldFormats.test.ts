import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openTestStore } from '../../../../helpers/testStore';
import { openSpreadsheet } from '../../../../../src/backend/io/openSpreadsheet';
import { buildErrorsWorkbook } from '../../../../../src/backend/services/import/errorsWorkbook';
import { importFile } from '../../../../../src/backend/services/import/importFile';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { previewFile } from '../../../../../src/backend/services/import/previewFile';
import type { FileImportReport } from '../../../../../src/shared/importReport';
import { passwordProtectedXlsBytes, writeHtmlTable, writeXls } from '../../../../helpers/writeOldFormats';
import { tempDir } from '../../../../helpers/tempDir';
import { type SheetCell, writeCsv, writeXlsx } from '../../../../helpers/writeSheets';
import { writeMiniDistrict } from './miniDistrict';

const now = new Date('2026-11-02T09:00:00Z');
const dir = tempDir();
const stores: Store[] = [];
let n = 0;

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});

const day = (d: number, h = 0, m = 0) => new Date(Date.UTC(2026, 9, d, h, m));

const RETAILER_TITLE = '零售客户档案（截至2026年10月）';
const RETAILER_HEADER = ['许可证号', '客户编码', '客户名称', '经度', '纬度', '档位', '送货线路', '客户经理工号', '状态'];
// Licence numbers as numbers and as text, customer codes with leading zeros (text), numbers stored as text.
const RETAILER_ROWS: SheetCell[][] = [
  [370902110001, '0010001', '福顺便利店', 117.1201, 36.6512, 25, 'X01', 'LH001', '正常'],
  ['370902110002', '0010002', '老王烟酒店', 117.1302, 36.6603, '12', 'X02', 'LH001', '正常'],
  ['370902110003', '0010003', '惠民超市', 117.2001, 36.7001, 5, 'X03', null, '正常'],
];

const ORDER_HEADER = ['订单日期', '许可证号', '卷烟编码', '卷烟名称', '订购量', '金额'];
const ORDER_ROWS: SheetCell[][] = [
  [day(3), 370902110001, '6901028001687', '中华(硬)', 2, 750],
  [day(3), '370902110002', '6901028075022', '云烟(紫)', '5', 477],
  [day(17), '370902110003', '6901028001687', '中华(硬)', -1, -375],
  [day(28), 370902110001, '6901028075022', '云烟(紫)', 12.5, 1192.5],
];

async function newStore(): Promise<{ store: Store; caseDir: string }> {
  n += 1;
  const caseDir = path.join(dir, `case${n}`);
  fs.mkdirSync(caseDir);
  const masters = await writeMiniDistrict(caseDir);
  const store = await openTestStore(path.join(caseDir, 'kaoping.sqlite'));
  stores.push(store);
  const reports = await importFiles(store, [masters.roster, masters.brands], { now });
  expect(reports.map((r) => r.status)).toEqual(['imported', 'imported']);
  return { store, caseDir };
}

async function importBoth(store: Store, retailers: string, orders: string): Promise<FileImportReport[]> {
  const reports = [await importFile(store, retailers, { now, asOfMonth: '2026-10' }), await importFile(store, orders, { now })];
  expect(reports.map((r) => [r.kind, r.status, r.message])).toEqual([
    ['retailers', 'imported', null],
    ['orders', 'imported', null],
  ]);
  return reports;
}

/** What the import stored, without the row ids and batch ids that differ between stores. */
async function storedRows(store: Store) {
  const retailers = await store.db
    .selectFrom('retailers')
    .select(['licence', 'customer_code', 'name', 'longitude', 'latitude', 'tier', 'route', 'manager_code', 'status'])
    .orderBy('licence')
    .execute();
  const orders = await store.db
    .selectFrom('orders')
    .innerJoin('retailers', 'retailers.id', 'orders.retailer_id')
    .innerJoin('brands', 'brands.id', 'orders.brand_id')
    .select(['orders.date', 'retailers.licence', 'brands.code', 'orders.brand_name', 'orders.quantity', 'orders.amount'])
    .orderBy('orders.date')
    .orderBy('retailers.licence')
    .execute();
  return { retailers, orders };
}

async function fromXlsx(): Promise<Awaited<ReturnType<typeof storedRows>>> {
  const { store, caseDir } = await newStore();
  await importBoth(
    store,
    await writeXlsx(path.join(caseDir, '零售客户档案.xlsx'), [[RETAILER_TITLE], [], RETAILER_HEADER, ...RETAILER_ROWS]),
    await writeXlsx(path.join(caseDir, '订单明细_202610.xlsx'), [ORDER_HEADER, ...ORDER_ROWS], '订单'),
  );
  return storedRows(store);
}

function xlsFiles(caseDir: string, date1904: boolean): { retailers: string; orders: string } {
  return {
    retailers: writeXls(
      path.join(caseDir, '零售客户档案.xls'),
      [{ name: '档案', rows: [[RETAILER_TITLE], [], RETAILER_HEADER, ...RETAILER_ROWS], merges: [{ row: 0, from: 0, to: 8 }] }],
      { date1904 },
    ),
    // The data sits on the second sheet, after a sheet of notes and a hidden one.
    orders: writeXls(
      path.join(caseDir, '订单明细_202610.xls'),
      [
        { name: '说明', rows: [['本表由营销系统导出'], ['数量单位：条']] },
        { name: '隐藏', rows: [['x', 'y']], hidden: true },
        { name: '订单', rows: [ORDER_HEADER, ...ORDER_ROWS] },
      ],
      { date1904 },
    ),
  };
}

function htmlCell(value: SheetCell): SheetCell {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null ? null : String(value);
}

describe('old formats are imported like the same data from .xlsx', () => {
  it('a BIFF8 .xls (1900 and 1904 date systems): every sheet, merged title, numbers stored as text', async () => {
    const expected = await fromXlsx();
    expect(expected.orders).toHaveLength(4);
    expect(expected.retailers.map((r) => r.customer_code)).toEqual(['0010001', '0010002', '0010003']);

    for (const date1904 of [false, true]) {
      const { store, caseDir } = await newStore();
      const files = xlsFiles(caseDir, date1904);
      const source = await openSpreadsheet(files.orders);
      expect([source.format, source.date1904]).toEqual(['xls', date1904]);
      const reports = await importBoth(store, files.retailers, files.orders);
      expect(reports.map((r) => [r.format, r.sheet])).toEqual([
        ['xls', '档案'],
        ['xls', '订单'],
      ]);
      expect(await storedRows(store)).toEqual(expected);
    }
  });

  it('an HTML table in GBK named .xls: title row skipped, codes keep leading zeros, mso-number-format respected', async () => {
    const expected = await fromXlsx();
    const { store, caseDir } = await newStore();
    const retailers = writeHtmlTable(path.join(caseDir, '零售客户档案.xls'), {
      title: RETAILER_TITLE,
      header: RETAILER_HEADER,
      rows: RETAILER_ROWS.map((row) => row.map(htmlCell)),
      columnFormats: ['@', '@', null, '0.0000', '0.0000', '0', '@', '@', null],
      charset: 'gbk',
      layoutTableFirst: true,
    });
    const orders = writeHtmlTable(path.join(caseDir, '订单明细_202610.xls'), {
      title: '订单明细（2026年10月）',
      header: ORDER_HEADER,
      // Amounts shown with thousands separators, as a "#,##0.00" column displays them.
      rows: ORDER_ROWS.map((row) =>
        row.map((value, i) => (i === 5 ? (value as number).toLocaleString('en-US', { minimumFractionDigits: 2 }) : htmlCell(value))),
      ),
      columnFormats: ['yyyy-mm-dd', '@', '@', null, '0.0', '#,##0.00'],
      charset: 'gbk',
      metaCharset: false,
    });
    expect(fs.readFileSync(orders).includes(Buffer.from('订单日期', 'utf8'))).toBe(false);

    const preview = await previewFile(retailers);
    expect([preview.format, preview.encoding, preview.kind, preview.sheet, preview.headerRow]).toEqual(['html', 'gb18030', 'retailers', '表格2', 2]);
    expect(preview.rows[0]?.slice(0, 2)).toEqual(['370902110001', '0010001']);

    const reports = await importBoth(store, retailers, orders);
    expect(reports.map((r) => [r.format, r.encoding, r.sheet, r.headerRow])).toEqual([
      ['html', 'gb18030', '表格2', 2],
      ['html', 'gb18030', '表格1', 2],
    ]);
    expect(await storedRows(store)).toEqual(expected);
  });

  it('a .xls that is really an xlsx, a CSV or an HTML page is read as what it is', async () => {
    const expected = await fromXlsx();
    const { store, caseDir } = await newStore();
    const xlsx = await writeXlsx(path.join(caseDir, 'real.xlsx'), [[RETAILER_TITLE], [], RETAILER_HEADER, ...RETAILER_ROWS]);
    const retailers = path.join(caseDir, '零售客户档案.xls');
    fs.renameSync(xlsx, retailers);
    const orders = writeCsv(path.join(caseDir, '订单明细_202610.xls'), [ORDER_HEADER, ...ORDER_ROWS], 'gb18030');
    expect((await previewFile(retailers)).format).toBe('xlsx');
    expect((await previewFile(orders)).format).toBe('csv');
    const reports = await importBoth(store, retailers, orders);
    expect(reports.map((r) => r.format)).toEqual(['xlsx', 'csv']);
    expect(await storedRows(store)).toEqual(expected);

    const html = writeHtmlTable(path.join(caseDir, '网页.xlsx'), { header: ORDER_HEADER, rows: [ORDER_ROWS[0]!.map(htmlCell)], charset: 'utf-8' });
    expect([(await previewFile(html)).format, (await previewFile(html)).encoding]).toEqual(['html', 'utf8']);
    expect((await previewFile(xlsFiles(caseDir, false).orders)).format).toBe('xls');
  });
});

describe('errors in old formats name file, sheet, row and column', () => {
  it('a .xls and an HTML table with a bad quantity; the error list is an .xlsx', async () => {
    const { store, caseDir } = await newStore();
    const retailers = await writeXlsx(path.join(caseDir, '零售客户档案.xlsx'), [RETAILER_HEADER, ...RETAILER_ROWS]);
    await importFile(store, retailers, { now, asOfMonth: '2026-10' });
    const bad = [...ORDER_ROWS.slice(0, 2), [day(4), '370902110001', '6901028001687', '中华(硬)', '两条', 750]];
    const xls = writeXls(path.join(caseDir, '订单.xls'), [{ name: '说明', rows: [['见下一页']] }, { name: '订单', rows: [['订单明细'], ORDER_HEADER, ...bad] }]);
    const html = writeHtmlTable(path.join(caseDir, '订单.html'), { title: '订单明细', header: ORDER_HEADER, rows: bad.map((r) => r.map(htmlCell)), charset: 'gbk' });

    for (const [file, sheet] of [
      [xls, '订单'],
      [html, '表格1'],
    ] as const) {
      const report = await importFile(store, file, { now });
      expect(report.status).toBe('refused');
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatchObject({ file: path.basename(file), sheet, row: 5, column: '订购量', columnLetter: 'E', value: '两条' });
      const workbook = await buildErrorsWorkbook(report.errors);
      expect(Buffer.from(workbook.subarray(0, 2)).toString('latin1')).toBe('PK');
    }
  });
});

describe('old formats refused with a clear message', () => {
  it('a password-protected .xls', async () => {
    await expect(openSpreadsheet({ fileName: '加密.xls', bytes: passwordProtectedXlsBytes() })).rejects.toMatchObject({
      code: 'encrypted',
      message: expect.stringContaining('已加密'),
    });
  });

  it('a .xls or HTML page bigger than the cap', async () => {
    const { caseDir } = await newStore();
    const files = xlsFiles(caseDir, false);
    await expect(openSpreadsheet(files.orders, { limits: { maxXlsBytes: 1024 } })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringContaining('.xls'),
    });
    const html = writeHtmlTable(path.join(caseDir, '大.xls'), { header: ORDER_HEADER, rows: ORDER_ROWS.map((r) => r.map(htmlCell)), charset: 'utf-8' });
    await expect(openSpreadsheet(html, { limits: { maxHtmlBytes: 100 } })).rejects.toMatchObject({ code: 'too_large' });
  });

  it('an HTML page with no usable table keeps the advice to save it as .xlsx', async () => {
    const { caseDir } = await newStore();
    const page = path.join(caseDir, '登录.xls');
    fs.writeFileSync(page, '<!DOCTYPE html><html><head><meta charset="utf-8"><title>登录</title></head><body><table><tr><td>会话已过期，请重新登录</td></tr></table></body></html>');
    const preview = await previewFile(page);
    expect(preview.refusal).toContain('网页（HTML）');
    expect(preview.refusal).toContain('另存为 .xlsx');
  });
});
