import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openTestStore } from '../../../../helpers/testStore';
import { importFile } from '../../../../../src/backend/services/import/importFile';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { undoBatch } from '../../../../../src/backend/services/undoBatch';
import type { FileImportReport } from '../../../../../src/shared/importReport';
import {
  DAILY_PUNCHES,
  GRID_PUNCHES,
  writeAmbiguous,
  writeDailyStats,
  writeMasters,
  writeMemberList,
  writeMonthlySummary,
  writeOrderExport,
  writeOrderView,
  writePhoneList,
  writePunchGrid,
  writeRawRecordWithSource,
  writeWeComPunches,
} from '../../../../helpers/importCorpus';
import { tempDir } from '../../../../helpers/tempDir';

const now = new Date('2026-12-03T09:00:00Z');
const root = tempDir();
let dir: string;
let store: Store;
let n = 0;

beforeEach(async () => {
  n += 1;
  dir = path.join(root, `case${n}`);
  fs.mkdirSync(dir);
  store = await openTestStore(path.join(dir, 'kaoping.sqlite'));
  const masters = await writeMasters(dir);
  const reports = await importFiles(store, [masters.roster, masters.retailers, masters.brands], { now });
  expect(reports.map((r) => [r.kind, r.status])).toEqual([
    ['roster', 'imported'],
    ['retailers', 'imported'],
    ['brands', 'imported'],
  ]);
  return () => store.close();
});

/** Every stored value of the master tables, as text: compared before and after each file. */
async function masterDump(): Promise<string> {
  const tables = ['managers', 'retailers', 'brands', 'assignments'] as const;
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await store.db.selectFrom(t).selectAll().orderBy('id').execute();
  return JSON.stringify(out);
}

async function punches() {
  return store.db
    .selectFrom('attendance')
    .innerJoin('managers', 'managers.id', 'attendance.manager_id')
    .select(['managers.code', 'attendance.at', 'attendance.date', 'attendance.kind', 'attendance.result', 'attendance.is_absence', 'attendance.address', 'attendance.source'])
    .orderBy('managers.code')
    .orderBy('attendance.date')
    .orderBy('attendance.at')
    .orderBy('attendance.kind')
    .execute();
}

function expectImported(r: FileImportReport): void {
  expect(r.message).toBeNull();
  expect(r.status).toBe('imported');
}

describe('DingTalk 每日统计', () => {
  it.each(['xlsx', 'csv', 'excelValues'] as const)('the %s gives one punch per 上班N/下班N time with its result, absences for 未打卡, and leaves master data alone', async (format) => {
    const files = await writeDailyStats(dir);
    const before = await masterDump();
    const report = await importFile(store, files[format], { now });
    expectImported(report);
    expect(report.kind).toBe('attendance');
    expect(report.counts.rejected).toBe(0);
    expect(report.warnings.join('')).toContain('每日统计');
    const rows = await punches();
    const got = rows.map((p) => [p.code, p.at, p.kind, p.result]);
    const want = DAILY_PUNCHES.map(([code, at, kind, result]) => [code, at, kind, result]);
    const key = (x: unknown[]) => JSON.stringify(x);
    expect(got.map(key).sort()).toEqual(want.map(key).sort());
    expect(rows.filter((p) => p.is_absence === 1).map((p) => [p.code, p.date, p.kind])).toEqual([['LH001', '2026-10-09', '下班']]);
    expect(rows.every((p) => p.address === null)).toBe(true);
    expect(await masterDump()).toBe(before);
  });
});

describe('DingTalk 打卡时间 day grid', () => {
  it.each([false, true])('takes the month from the title and each line of a cell as a punch (weekday labels in the day cell: %s)', async (labelsInDayCell) => {
    const file = await writePunchGrid(dir, labelsInDayCell);
    const before = await masterDump();
    const report = await importFile(store, file, { now });
    expectImported(report);
    expect(report.kind).toBe('attendance');
    const rows = await punches();
    expect(rows.map((p) => [p.code, p.at])).toEqual(GRID_PUNCHES);
    expect(await masterDump()).toBe(before);
  });
});

describe('DingTalk 月度汇总', () => {
  it('is refused with a message naming 原始记录 and 每日统计, and nothing is written', async () => {
    const file = await writeMonthlySummary(dir);
    const before = await masterDump();
    const report = await importFile(store, file, { now });
    expect(report.status).toBe('refused');
    expect(report.message).toContain('月度汇总');
    expect(report.message).toContain('原始记录');
    expect(report.message).toContain('每日统计');
    // Even when told it is a roster.
    const forced = await importFile(store, file, { now, kind: 'roster', skipInvalid: true });
    expect(forced.status).toBe('refused');
    expect(await masterDump()).toBe(before);
    expect(await store.db.selectFrom('import_batches').select('id').execute()).toHaveLength(3);
  });
});

describe('WeCom 打卡记录 and 补打卡', () => {
  it('reads 日期 with its weekday, 打卡类型, the time alone, 打卡状态 and 打卡地点', async () => {
    const file = await writeWeComPunches(dir);
    const before = await masterDump();
    const report = await importFile(store, file, { now });
    expectImported(report);
    expect(report.kind).toBe('attendance');
    const rows = await punches();
    expect(rows.map((p) => [p.code, p.at, p.kind, p.result, p.address, p.is_absence])).toEqual([
      ['LH001', null, '下班', '未打卡', null, 1],
      ['LH001', '2026-10-08T08:42:00', '上班', '正常', '临河路1号附近', 0],
      ['LH001', '2026-10-08T10:15:00', '外出', '外勤', '胜利街', 0],
    ]);
    expect(await masterDump()).toBe(before);
  });

  it('keeps DingTalk 数据来源 so that a 补打卡 punch stays visible', async () => {
    const file = await writeRawRecordWithSource(dir);
    const report = await importFile(store, file, { now });
    expectImported(report);
    const rows = await punches();
    expect(rows.map((p) => [p.at, p.source])).toEqual([
      ['2026-10-12T08:20:00', '手机打卡'],
      ['2026-10-12T17:30:00', '补打卡'],
    ]);
  });
});

describe('order exports', () => {
  it.each(['xlsx', 'csv'] as const)('the %s takes 商品名称 as the brand and keeps 订单编号', async (format) => {
    const files = await writeOrderExport(dir);
    const before = await masterDump();
    const report = await importFile(store, files[format], { now });
    expectImported(report);
    expect(report.kind).toBe('orders');
    expect(report.counts).toMatchObject({ inserted: 3, skipped: 1, unlinked: 0 });
    const rows = await store.db
      .selectFrom('orders')
      .innerJoin('brands', 'brands.id', 'orders.brand_id')
      .select(['orders.order_no', 'orders.brand_name', 'brands.code', 'orders.quantity'])
      .orderBy('orders.id')
      .execute();
    expect(rows).toEqual([
      { order_no: 'DD20261008001', brand_name: '中华(硬)', code: '6901028001687', quantity: 3 },
      { order_no: 'DD20261008001', brand_name: '云烟(紫)', code: '6901028075022', quantity: 10 },
      { order_no: 'DD20261015007', brand_name: '云烟(紫)', code: '6901028075022', quantity: 4 },
    ]);
    expect(await masterDump()).toBe(before);
  });

  it('refuses a 10-column order view with the candidates and the Chinese headers each lacks', async () => {
    const file = await writeOrderView(dir);
    const before = await masterDump();
    for (const skipInvalid of [false, true]) {
      const report = await importFile(store, file, { now, skipInvalid });
      expect(report.status).toBe('refused');
      expect(report.candidates?.map((c) => c.kind)).toEqual(['orders', 'brands']);
      const orders = report.candidates?.[0]?.missing.join('；') ?? '';
      expect(orders).toContain('订单日期');
      expect(orders).toContain('许可证号');
      expect(report.candidates?.[1]?.missing.join('') ?? '').toContain('重点品牌');
      // Never an internal field name.
      expect(report.message).not.toMatch(/brandCode|brandName|customerCode|licence|\bdate\b|quantity/);
    }
    expect(await masterDump()).toBe(before);
  });
});

describe('master data from its own columns only', () => {
  it('a phone list changes phones only, and undo puts them back exactly', async () => {
    const before = await masterDump();
    const report = await importFile(store, writePhoneList(dir), { now });
    expectImported(report);
    expect(report.kind).toBe('roster');
    expect(report.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(report.changes).toEqual([
      { table: 'managers', key: 'LH001 张伟', fields: [{ column: 'phone', label: '手机', old: '13800000001', new: '13911112222' }] },
    ]);
    expect(report.masterRowsChanged).toBe(1);
    const managers = await store.db.selectFrom('managers').selectAll().orderBy('id').execute();
    const beforeRows = JSON.parse(before).managers as typeof managers;
    expect(managers.map((m) => ({ ...m, batch_id: 0 }))).toEqual(
      beforeRows.map((m) => ({ ...m, batch_id: 0, phone: m.code === 'LH001' ? '13911112222' : m.phone })),
    );
    const undone = await undoBatch(store, report.batchId ?? 0, now);
    expect(undone.ok).toBe(true);
    expect(await masterDump()).toBe(before);
  });

  it('a DingTalk member list (姓名, 工号, 部门, UserId) is not a roster', async () => {
    const before = await masterDump();
    const report = await importFile(store, await writeMemberList(dir), { now, skipInvalid: true });
    expect(report.status).toBe('refused');
    expect(report.candidates?.[0]?.kind).toBe('roster');
    expect(report.candidates?.[0]?.missing.join('')).toContain('服务线路');
    expect(await masterDump()).toBe(before);
  });

  it('a file fitting two kinds about equally is refused with both, and imports once the kind is given', async () => {
    const file = writeAmbiguous(dir);
    const report = await importFile(store, file, { now });
    expect(report.status).toBe('refused');
    expect(report.candidates?.map((c) => c.kind).sort()).toEqual(['inspections', 'orders']);
    const chosen = await importFile(store, file, { now, kind: 'inspections' });
    expectImported(chosen);
    expect(chosen.counts.inserted).toBe(1);
  });

  it('a retailer file without route or manager columns changes neither, and says which month it speaks for', async () => {
    const before = await masterDump();
    const file = path.join(dir, '零售户电话.csv');
    fs.writeFileSync(file, '许可证号,客户名称,电话\r\n370902110002,老王烟酒店,0478-1234567\r\n');
    const report = await importFile(store, file, { now });
    expectImported(report);
    expect(report.kind).toBe('retailers');
    expect(report.counts).toMatchObject({ updated: 1, assignments: 0 });
    const dumpAfter = JSON.parse(await masterDump()) as Record<string, Record<string, unknown>[]>;
    const dumpBefore = JSON.parse(before) as Record<string, Record<string, unknown>[]>;
    expect(dumpAfter.assignments).toEqual(dumpBefore.assignments);
    expect(dumpAfter.retailers?.map((r) => [r.licence, r.phone, r.name, r.route, r.manager_code, r.tier])).toEqual(
      dumpBefore.retailers?.map((r) => [r.licence, r.licence === '370902110002' ? '0478-1234567' : r.phone, r.name, r.route, r.manager_code, r.tier]),
    );
  });
});

describe('honest counts and the month a retailer file speaks for', () => {
  it('an identical retailer file for a new month counts no update, the new assignments on their own line', async () => {
    const masters = await writeMasters(path.join(dir));
    const again = path.join(dir, '零售客户档案_202611.xlsx');
    fs.copyFileSync(masters.retailers, again);
    const report = await importFile(store, again, { now });
    expectImported(report);
    expect(report.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, assignments: 3 });
    expect(report.asOfMonth).toBe('2026-11');
    expect(report.asOfMonthSource).toBe('fileName');
  });

  it('without a month in the name: the latest month with activity data, else the month before the clock', async () => {
    const noMonth = path.join(dir, '零售客户档案.xlsx');
    fs.copyFileSync((await writeMasters(dir)).retailers, noMonth);
    const empty = await importFile(store, noMonth, { now, dryRun: true });
    expect([empty.asOfMonth, empty.asOfMonthSource]).toEqual(['2026-11', 'previousMonth']);
    await importFile(store, (await writeDailyStats(dir)).csv, { now });
    const withData = await importFile(store, noMonth, { now });
    expect([withData.asOfMonth, withData.asOfMonthSource]).toEqual(['2026-10', 'latestActivity']);
    expect(withData.counts.assignments).toBe(0);
  });
});

describe('dry run', () => {
  it('counts and lists the changes, and writes nothing', async () => {
    const before = await masterDump();
    const batches = await store.db.selectFrom('import_batches').select('id').execute();
    const report = await importFile(store, writePhoneList(dir), { now, dryRun: true });
    expect(report.status).toBe('imported');
    expect(report.dryRun).toBe(true);
    expect(report.batchId).toBeNull();
    expect(report.counts.updated).toBe(1);
    expect(report.changes?.[0]?.fields).toEqual([{ column: 'phone', label: '手机', old: '13800000001', new: '13911112222' }]);
    expect(await masterDump()).toBe(before);
    expect(await store.db.selectFrom('import_batches').select('id').execute()).toEqual(batches);
    expect(await store.db.selectFrom('row_history').select('id').execute()).toEqual([]);
  });
});

describe('clear words for refusals', () => {
  async function ordersWorkbook(name: string, fill: (ws: import('exceljs').Worksheet) => void): Promise<string> {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    ws.addRow(['订单日期', '许可证号', '卷烟编码', '卷烟名称', '订购量']);
    fill(ws);
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('a formula without a stored result asks for the file to be saved in Excel/WPS in a number column, and stays text in a text column', async () => {
    const file = await ordersWorkbook('公式.xlsx', (ws) => {
      ws.addRow(['2026-10-08', '370902110001', '6901028001687', { formula: 'CONCAT("中华","(硬)")' }, 3]);
      ws.addRow(['2026-10-09', '370902110001', '6901028001687', '中华(硬)', { formula: 'SUM(1,2)' }]);
    });
    const refused = await importFile(store, file, { now });
    expect(refused.status).toBe('refused');
    expect(refused.errors.map((e) => [e.row, e.column, e.reason])).toEqual([[3, '订购量', expect.stringContaining('在 Excel 或 WPS 中打开这个文件、保存后再导入')]]);
    const kept = await importFile(store, file, { now, skipInvalid: true });
    expectImported(kept);
    const rows = await store.db.selectFrom('orders').select(['date', 'brand_name']).execute();
    expect(rows).toEqual([{ date: '2026-10-08', brand_name: '=CONCAT("中华","(硬)")' }]);
  });

  it('a date cell of serial 0 says it is not a date; an infinite number says it is out of range', async () => {
    const file = await ordersWorkbook('零日期.xlsx', (ws) => {
      ws.addRow([0, '370902110001', '6901028001687', '中华(硬)', 3]);
      ws.addRow(['2026-10-09', '370902110001', '6901028001687', '中华(硬)', '1e400']);
    });
    const report = await importFile(store, file, { now });
    expect(report.errors.map((e) => [e.row, e.reason])).toEqual([
      [2, '值为 0（Excel 显示为 1900-01-00），不是日期'],
      [3, '数字超出范围（太大，无法计算）'],
    ]);
  });

  it('exact duplicate rows are reported with their row numbers', async () => {
    const file = path.join(dir, '订单_重复.csv');
    fs.writeFileSync(
      file,
      '订单日期,许可证号,卷烟编码,订购量\r\n2026-10-08,370902110001,6901028001687,3\r\n2026-10-09,370902110001,6901028001687,2\r\n2026-10-08,370902110001,6901028001687,3\r\n',
    );
    const report = await importFile(store, file, { now });
    expectImported(report);
    expect(report.warnings).toContain('1 行与文件中前面的行完全相同：第 4 行（同第 2 行）。请检查是否重复复制或导出');
  });

  it('an over-long CSV record says so instead of blaming quotes alone', async () => {
    const file = path.join(dir, '超长.csv');
    fs.writeFileSync(file, `订单日期,许可证号,卷烟编码,订购量\r\n2026-10-08,370902110001,${'9'.repeat(9 * 1024 * 1024)},3\r\n`);
    const report = await importFile(store, file, { now });
    expect(report.status).toBe('refused');
    expect(report.message).toContain('超过 8 MB 字符的上限');
  });
});

describe('a cell over the size limit', () => {
  it('is refused as such, not as a damaged file', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('日志');
    ws.addRow(['日期', '工号', '日志内容']);
    ws.addRow(['2026-10-08', 'LH001', '走'.repeat(4_300_000)]);
    const file = path.join(dir, '超大单元格.xlsx');
    await wb.xlsx.writeFile(file);
    const report = await importFile(store, file, { now });
    expect(report.status).toBe('refused');
    expect(report.message).toContain('超过 400 万个字符');
    expect(report.message).not.toContain('已损坏');
  });
});
