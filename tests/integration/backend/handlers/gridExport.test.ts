import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../src/backend/handlers';
import { displayWidth } from '../../../../src/backend/io/report/displayWidth';
import type { Store } from '../../../../src/backend/db/openStore';
import { tempDir } from '../../../helpers/tempDir';
import { call, data, recordingContext } from '../../../helpers/invoke';
import { buildWorkbenchDistrict, type DistrictFacts } from '../../../helpers/workbenchDistrict';

let store: Store;
let facts: DistrictFacts;
let handlers: Handlers;
const dir = tempDir('kaoping-grid-export-');

beforeAll(async () => {
  ({ store, facts } = await buildWorkbenchDistrict(dir));
  handlers = createHandlers({ store, now: () => new Date('2026-11-02T08:00:00Z'), workDir: dir });
});
afterAll(async () => {
  await handlers.close();
  await store.close();
});

async function readSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('data.export', () => {
  it("writes the grid's view: its filter, its sort, its visible columns in order, numbers with formats, dates as dates", async () => {
    const amounts = facts.orders.map((o) => o.amount).sort((a, b) => a - b);
    const cut = amounts[Math.floor(amounts.length / 2)] ?? 0;
    const view = {
      kind: 'orders' as const,
      filters: { amount: { filterType: 'number' as const, type: 'greaterThan', filter: cut } },
      sort: [{ colId: 'amount', sort: 'desc' as const }],
    };
    const expected = await data(handlers, 'data.rows', { ...view, startRow: 0, endRow: 1000 });
    expect(expected.rows.length).toBeGreaterThan(3);

    const { ctx, events } = recordingContext();
    const result = await data(handlers, 'data.export', { ...view, columns: ['amount', 'date', 'retailerName', 'quantity'], title: '订单明细', jobId: 'export-1' }, ctx);
    expect(result.rows).toBe(expected.rows.length);
    expect(result.fileName).toBe('订单明细.xlsx');

    const sheet = await readSheet(result.bytes);
    expect(sheet.name).toBe('订单明细');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['金额', '日期', '零售户', '订购量']);
    expect(sheet.rowCount).toBe(expected.rows.length + 1);
    expected.rows.forEach((row, i) => {
      const cells = sheet.getRow(i + 2);
      expect(cells.getCell(1).value).toBe(row.amount);
      expect(cells.getCell(1).numFmt).toBe('#,##0.00');
      const date = cells.getCell(2).value;
      expect(date).toBeInstanceOf(Date);
      expect((date as Date).toISOString().slice(0, 10)).toBe(row.date);
      expect(cells.getCell(2).numFmt).toBe('yyyy-mm-dd');
      expect(cells.getCell(3).value).toBe(row.retailerName);
      expect(cells.getCell(4).value).toBe(row.quantity);
      expect(cells.getCell(4).numFmt).toBe(Number.isInteger(row.quantity) ? '#,##0' : '#,##0.0#');
    });
    expect(sheet.autoFilter).toBe(`A1:D${expected.rows.length + 1}`);
    // Columns are as wide as their values (retailer names are two columns per character), so nothing prints cut off.
    const widestName = Math.max(...expected.rows.map((r) => displayWidth(String(r.retailerName))));
    expect(sheet.getColumn(3).width ?? 0).toBeGreaterThanOrEqual(widestName);

    const progress = events.filter((e) => e.name === 'job.progress').map((e) => e.payload as { step: string; done: number; total: number });
    expect(progress.at(0)).toMatchObject({ step: 'rows', done: 0, total: expected.rows.length });
    expect(progress.at(-1)).toMatchObject({ step: 'rows', done: expected.rows.length, total: expected.rows.length });
    expect(events.at(-1)?.name).toBe('job.done');
  });

  it('refuses an unknown column and an export without columns, with a message', async () => {
    const unknown = await call(handlers, 'data.export', { kind: 'orders', columns: ['nope'], title: '订单明细', jobId: 'export-2' });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toContain('nope');
    const none = await call(handlers, 'data.export', { kind: 'orders', columns: [], title: '订单明细', jobId: 'export-3' });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.message).toContain('至少显示一列');
  });
});

describe('data.exportRows', () => {
  it('writes rows the page holds, keeping formula-like text as text and numbers as numbers', async () => {
    const result = await data(handlers, 'data.exportRows', {
      title: '考评排名',
      subtitle: '2026-10',
      columns: [
        { field: 'name', label: '客户经理', type: 'text' },
        { field: 'total', label: '总分', type: 'number', format: 'score' },
        { field: 'volume', label: '订货量', type: 'number', format: 'quantity' },
      ],
      rows: [
        { name: '=1+1', total: 91.25, volume: 5835.6 },
        { name: '王芳', total: null, volume: 5848 },
      ],
    });
    expect(result.fileName).toBe('考评排名-2026-10.xlsx');
    const sheet = await readSheet(result.bytes);
    expect(sheet.getCell('A2').value).toBe('=1+1');
    expect(sheet.getCell('B2').value).toBe(91.25);
    expect(sheet.getCell('B2').numFmt).toBe('0.0');
    expect(sheet.getCell('C2').numFmt).toBe('#,##0.0#');
    expect(sheet.getCell('B3').value).toBe(null);
    expect(sheet.getCell('C3').numFmt).toBe('#,##0');
  });
});
