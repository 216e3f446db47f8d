import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openTestStore } from '../../../../helpers/testStore';
import { countRowsByKind } from '../../../../../src/backend/services/countRowsByKind';
import { importFile } from '../../../../../src/backend/services/import/importFile';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { undoBatch } from '../../../../../src/backend/services/undoBatch';
import { tempDir } from '../../../../helpers/tempDir';
import { writeCsv, writeXlsx } from '../../../../helpers/writeSheets';
import { writeMiniDistrict } from './miniDistrict';

const now = new Date('2026-11-02T09:00:00Z');
const dir = tempDir();
let store: Store;
let files: Awaited<ReturnType<typeof writeMiniDistrict>>;
let n = 0;

beforeEach(async () => {
  n += 1;
  const caseDir = path.join(dir, `case${n}`);
  fs.mkdirSync(caseDir);
  files = await writeMiniDistrict(caseDir);
  store = await openTestStore(path.join(caseDir, 'kaoping.sqlite'));
  return () => store.close();
});

async function importMasters() {
  const reports = await importFiles(store, [files.brands, files.retailers, files.roster], { now });
  expect(reports.map((r) => [r.kind, r.status])).toEqual([
    ['roster', 'imported'],
    ['retailers', 'imported'],
    ['brands', 'imported'],
  ]);
  return reports;
}

describe('importing master data', () => {
  it('takes files in dependency order and links retailers to managers by 工号 and by route', async () => {
    await importMasters();
    const retailers = await store.db
      .selectFrom('retailers')
      .leftJoin('assignments', 'assignments.retailer_id', 'retailers.id')
      .leftJoin('managers', 'managers.id', 'assignments.manager_id')
      .select(['retailers.licence', 'retailers.name', 'assignments.month', 'managers.code'])
      .orderBy('retailers.licence')
      .execute();
    expect(retailers).toEqual([
      { licence: '370902110001', name: '福顺便利店', month: '2026-10', code: 'LH001' },
      { licence: '370902110002', name: '老王烟酒店', month: '2026-10', code: 'LH001' },
      // No 客户经理工号 in the row: the route X03 belongs to LH002 in the roster.
      { licence: '370902110003', name: '惠民超市', month: '2026-10', code: 'LH002' },
    ]);
    const brands = await store.db.selectFrom('brands').select(['code', 'key_brand', 'new_brand']).orderBy('code').execute();
    expect(brands).toEqual([
      { code: '6901028001687', key_brand: 1, new_brand: 0 },
      { code: '6901028075022', key_brand: 0, new_brand: 1 },
    ]);
  });

  it('re-importing the same files changes nothing and an extended file only adds its new rows', async () => {
    await importMasters();
    const before = await countRowsByKind(store);
    const again = await importFiles(store, [files.roster, files.retailers, files.brands], { now });
    expect(again.every((r) => r.counts.inserted === 0 && r.counts.updated === 0)).toBe(true);
    expect(await countRowsByKind(store)).toEqual(before);

    const extended = await writeXlsx(path.join(path.dirname(files.roster), '客户经理花名册_新.xlsx'), [
      ['工号', '姓名', '服务线路'],
      ['LH001', '张伟', 'X01、X02'],
      ['LH002', '李娜', 'X03、X04'],
      ['LH003', '王强', 'X05'],
    ]);
    const r = await importFile(store, extended, { now });
    expect(r.status).toBe('imported');
    // Only 服务线路 is in the file: LH001's routes are the same, LH002's changed; nothing else is touched.
    expect(r.counts).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    expect((await countRowsByKind(store)).roster).toBe(3);
  });
});

describe('all or nothing', () => {
  async function badJournals() {
    return writeXlsx(path.join(path.dirname(files.roster), '工作日志_202610.xlsx'), [
      ['日期', '工号', '许可证号', '日志内容', '发现问题'],
      [new Date(Date.UTC(2026, 9, 8)), 'LH001', '370902110001', '检查陈列，提醒店主明码标价，介绍新品云烟', null],
      ['2026-10-09', 'LH999', '370902110002', '走访老王烟酒店，了解上周销售情况和库存', null],
      ['2026-13-40', 'LH002', '370902110003', '到惠民超市查看货架陈列并记录价格', null],
      ['2026年10月10日', 'LH002', '999999999999', '走访一家新店，许可证号暂未建档', null],
    ]);
  }

  it('refuses the whole file by default, naming file, sheet, row, column, value and reason', async () => {
    await importMasters();
    const before = await countRowsByKind(store);
    const batchesBefore = await store.db.selectFrom('import_batches').select('id').execute();
    const file = await badJournals();
    const r = await importFile(store, file, { now });
    expect(r.status).toBe('refused');
    expect(r.counts.rejected).toBe(2);
    expect(r.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: '工作日志_202610.xlsx', sheet: 'Sheet1', row: 3, column: '工号', columnLetter: 'B', value: 'LH999' }),
        expect.objectContaining({ file: '工作日志_202610.xlsx', sheet: 'Sheet1', row: 4, column: '日期', columnLetter: 'A', value: '2026-13-40' }),
      ]),
    );
    for (const e of r.errors) expect(e.reason.length).toBeGreaterThan(2);
    expect(await countRowsByKind(store)).toEqual(before);
    expect(await store.db.selectFrom('import_batches').select('id').execute()).toEqual(batchesBefore);
  });

  it('with skipInvalid imports the valid rows, keeps unknown retailers unlinked and records the rejects', async () => {
    await importMasters();
    const r = await importFile(store, await badJournals(), { now, skipInvalid: true });
    expect(r.status).toBe('imported');
    expect(r.counts).toMatchObject({ inserted: 2, rejected: 2, unlinked: 1 });
    expect(r.warnings.join()).toContain('找不到零售户');
    const batch = await store.db.selectFrom('import_batches').selectAll().where('id', '=', r.batchId ?? 0).executeTakeFirstOrThrow();
    expect(JSON.parse(batch.rejects_json)).toHaveLength(2);
    const journals = await store.db.selectFrom('journals').select(['date', 'retailer_id', 'retailer_ref']).orderBy('date').execute();
    expect(journals.map((j) => j.date)).toEqual(['2026-10-08', '2026-10-10']);
    expect(journals[1]?.retailer_id).toBeNull();
    expect(journals[1]?.retailer_ref).toBe('999999999999');
  });
});

describe('hand mapping', () => {
  it('imports a file whose headers nothing recognises, below a title row, with the header row and mapping given', async () => {
    await importMasters();
    const file = await writeXlsx(path.join(path.dirname(files.roster), '走访.xlsx'), [
      ['2026年10月走访记录'],
      ['走访日', '人员编号', '走访记录文字'],
      ['2026-10-08', 'LH001', '到福顺便利店检查陈列，提醒明码标价，介绍新品'],
      ['2026-10-09', 'LH002', '到惠民超市了解上周销量，记录断货品规两个'],
    ]);
    const r = await importFile(store, file, {
      now,
      kind: 'journals',
      headerRowNumber: 2,
      manualMapping: { date: 0, managerCode: 1, content: 2 },
    });
    expect(r.status, r.message ?? '').toBe('imported');
    expect(r.headerRow).toBe(2);
    expect(r.counts.inserted).toBe(2);
  });
});

describe('attendance links and duplicates', () => {
  it('links punches by code, by a name in 备注, by coordinates within 150 m, and keeps same-minute repeats', async () => {
    await importMasters();
    const file = await writeXlsx(path.join(path.dirname(files.roster), '钉钉考勤_原始记录_202610.xlsx'), [
      ['原始记录 统计日期：2026-10-01 至 2026-10-31'],
      ['报表生成时间：2026-11-01 08:00'],
      ['姓名', '工号', 'UserId', '考勤日期', '打卡时间', '打卡结果', '打卡地址', '打卡备注', '经度', '纬度', '异常打卡原因'],
      ['张伟', 'LH001', 'user001', '26-10-08 星期四', '08:42', '正常', '某路1号', '拜访福顺便利店', null, null, null],
      ['张伟', null, 'user001', '26-10-08 星期四', '09:30', '外勤', '某路2号', null, 117.1303, 36.6604, null],
      ['张伟', 'LH001', null, '26-10-08 星期四', '09:30', '外勤', '某路2号', null, 117.1303, 36.6604, null],
      ['李娜', 'LH002', 'user002', '26-10-08 星期四', '10:05', '外勤', '远处', null, 118.5, 37.5, '模拟定位'],
      ['李娜', 'LH002', 'user002', '26-10-09 星期五', null, '未打卡', null, null, null, null, null],
    ]);
    const r = await importFile(store, file, { now });
    expect(r.status).toBe('imported');
    expect(r.headerRow).toBe(3);
    const rows = await store.db
      .selectFrom('attendance')
      .leftJoin('retailers', 'retailers.id', 'attendance.retailer_id')
      .select(['attendance.at', 'attendance.is_absence', 'attendance.link_method', 'attendance.mock_location', 'retailers.name'])
      .orderBy('attendance.id')
      .execute();
    expect(rows).toEqual([
      { at: '2026-10-08T08:42:00', is_absence: 0, link_method: 'text', mock_location: 0, name: '福顺便利店' },
      { at: '2026-10-08T09:30:00', is_absence: 0, link_method: 'coords', mock_location: 0, name: '老王烟酒店' },
      { at: '2026-10-08T09:30:00', is_absence: 0, link_method: 'coords', mock_location: 0, name: '老王烟酒店' },
      { at: '2026-10-08T10:05:00', is_absence: 0, link_method: null, mock_location: 1, name: null },
      { at: null, is_absence: 1, link_method: null, mock_location: 0, name: null },
    ]);
    expect((await countRowsByKind(store)).attendance).toBe(4);
    const again = await importFile(store, file, { now });
    expect(again.counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
  });
});

describe('undo', () => {
  it('restores updated rows, deletes inserted ones, and refuses while a later batch depends on them', async () => {
    const [rosterReport] = await importMasters();
    const changed = await writeXlsx(path.join(path.dirname(files.roster), '花名册_改.xlsx'), [
      ['工号', '姓名', '服务线路'],
      ['LH002', '李娜娜', 'X03'],
      ['LH003', '王强', 'X05'],
    ]);
    const second = await importFile(store, changed, { now });
    expect(second.counts).toMatchObject({ inserted: 1, updated: 1 });

    const blocked = await undoBatch(store, rosterReport?.batchId ?? 0, now);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.message).toContain(`#${second.batchId}`);

    const undone = await undoBatch(store, second.batchId ?? 0, now);
    expect(undone).toMatchObject({ ok: true, deleted: 1, restored: 1 });
    const managers = await store.db.selectFrom('managers').select(['code', 'name']).orderBy('code').execute();
    expect(managers).toEqual([
      { code: 'LH001', name: '张伟' },
      { code: 'LH002', name: '李娜' },
    ]);
    expect((await undoBatch(store, second.batchId ?? 0, now)).ok).toBe(false);
  });
});

describe('refusals leave the database unchanged', () => {
  it.each([
    ['empty.csv', Buffer.alloc(0)],
    ['old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)])],
    ['noise.xlsx', Buffer.from('this is not a workbook at all')],
  ])('%s', async (name, bytes) => {
    const r = await importFile(store, { fileName: name, bytes }, { now });
    expect(r.status).toBe('refused');
    expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await store.db.selectFrom('import_batches').select('id').execute()).toEqual([]);
  });

  it('a CSV without a recognisable header says so', async () => {
    const file = writeCsv(path.join(dir, 'random.csv'), [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    const r = await importFile(store, file, { now });
    expect(r.status).toBe('refused');
    expect(r.message).toContain('表头');
  });

  it('treats __proto__ and constructor headers as plain unmapped names', async () => {
    await importMasters();
    const file = writeCsv(
      path.join(dir, 'proto.csv'),
      [
        ['抽查日期', '工号', '抽查项目', '回答', '__proto__', 'constructor'],
        ['2026-10-15', 'LH001', '辖区零售户数', '3', 'x', 'y'],
      ],
      'gb18030',
    );
    const r = await importFile(store, file, { now });
    expect(r.status).toBe('imported');
    expect(r.unmapped.map((u) => u.header)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
