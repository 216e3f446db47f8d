import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openTestStore } from '../../../../helpers/testStore';
import { adjustDimension, finalizeMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { readMonthSnapshot, type MonthSnapshot } from '../../../../../src/backend/services/evaluation/monthSnapshot';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { exportMonthReport } from '../../../../../src/backend/services/report/exportMonthReport';
import { saveScheme } from '../../../../../src/backend/services/settings/saveScheme';
import { setCalendarDay } from '../../../../../src/backend/services/settings/setCalendarDay';
import { undoBatch } from '../../../../../src/backend/services/undoBatch';
import type { ManagerEvaluation } from '../../../../../src/core/measures/monthEvaluation';
import { tempDir } from '../../../../helpers/tempDir';
import { readWorkbook, rowTexts } from '../../../../helpers/readWorkbook';
import { writeCsv, writeXlsx } from '../../../../helpers/writeSheets';

/**
 * A small district on a real store, built so that every rule of measures.md "Who is judged, and
 * what no data means" shows in one manager. October 2026 has 18 workdays on the shipped calendar:
 * 10-08, 10-09, 10-10 (调休), 10-12…16, 10-19…23, 10-26…30 (10-01…07 is 国庆节).
 */
const MONTH = '2026-10';
const now = new Date('2026-11-10T02:00:00Z');
const dir = tempDir('kaoping-judged-');
let store: Store;
let snapshot: MonthSnapshot;

const TEXT = [
  '上午走访福顺便利店，核对本周到货数量，店主反映中华(硬)到货偏少，已向订单员反馈。',
  '下午参加营销部例会，学习十月份货源投放方案，会后整理要点带给零售户。',
  '协助惠民超市整理柜台，把高档烟移到收银台旁的玻璃柜，价签全部换成新版。',
  '给两户年纪大的店主演示手机订货，教会了查询库存和修改订单，约好下周回访。',
] as const;

const manager = (code: string): ManagerEvaluation | undefined => snapshot.evaluation.managers.find((m) => m.code === code);

beforeAll(async () => {
  const files = [
    await writeXlsx(path.join(dir, '客户经理花名册.xlsx'), [
      ['工号', '姓名', '营销部', '入职日期', '状态', '离职日期'],
      ['LH001', '张伟', '临河营销部', '2020-03-01', '在岗', null],
      // Hired after the month: not judged in October at all.
      ['LH002', '李娜', '临河营销部', '2026-11-15', '在岗', null],
      // Hired mid-month: 10 workdays (10-19…23, 10-26…30).
      ['LH003', '王芳', '临河营销部', '2026-10-19', '在岗', null],
      // No retailers, no journals.
      ['LH004', '赵磊', '临河营销部', '2019-05-06', '在岗', null],
      // Left on 10-09: 2 workdays (10-08, 10-09).
      ['LH005', '钱进', '临河营销部', '2018-01-02', '离岗', '2026-10-09'],
      // 调离 without a date, last punch 10-14: 6 workdays (10-08, 09, 10, 12, 13, 14).
      ['LH006', '孙悦', '临河营销部', '2018-01-02', '调离', null],
      // 调离 without a date and nothing in the month: not judged.
      ['LH007', '周强', '临河营销部', '2018-01-02', '调离', null],
      // Retailers but no punches and no journals.
      ['LH008', '吴敏', '临河营销部', '2021-07-01', '在岗', null],
    ]),
    await writeXlsx(path.join(dir, '零售客户档案_202610.xlsx'), [
      ['许可证号', '客户名称', '档位', '送货线路', '客户经理工号', '状态'],
      ['370902110001', '福顺便利店', 20, 'X01', 'LH001', '正常'],
      ['370902110002', '老王烟酒店', 20, 'X02', 'LH003', '正常'],
      ['370902110003', '惠民超市', 20, 'X03', 'LH005', '正常'],
      ['370902110004', '兴隆商店', 20, 'X04', 'LH006', '正常'],
      ['370902110005', '万家便利', 20, 'X05', 'LH008', '正常'],
    ]),
    writeCsv(path.join(dir, '品规目录.csv'), [
      ['卷烟编码', '卷烟名称', '批发价(元/条)', '建议零售价', '重点品牌', '新品'],
      ['6901028001687', '中华(硬)', '375.00', '450.00', '是', '否'],
    ]),
    await writeXlsx(path.join(dir, '订单明细_202610.xlsx'), [
      ['订货日期', '许可证号', '卷烟编码', '卷烟名称', '订购量', '批发价', '建议零售价'],
      ...['370902110001', '370902110002', '370902110003', '370902110004', '370902110005'].map((licence) => [
        '2026-10-20',
        licence,
        '6901028001687',
        '中华(硬)',
        10,
        375,
        450,
      ]),
    ]),
    await writeXlsx(path.join(dir, '考勤打卡_202610.xlsx'), [
      ['工号', '姓名', '打卡时间', '许可证号'],
      ['LH001', '张伟', '2026-10-08 08:30:00', '370902110001'],
      ['LH001', '张伟', '2026-10-09 08:30:00', '370902110001'],
      ['LH003', '王芳', '2026-10-19 08:30:00', '370902110002'],
      ['LH003', '王芳', '2026-10-20 08:30:00', '370902110002'],
      ['LH004', '赵磊', '2026-10-08 09:00:00', null],
      ['LH005', '钱进', '2026-10-08 08:40:00', '370902110003'],
      ['LH006', '孙悦', '2026-10-08 08:50:00', '370902110004'],
      ['LH006', '孙悦', '2026-10-14 08:50:00', '370902110004'],
    ]),
    await writeXlsx(path.join(dir, '工作日志_202610.xlsx'), [
      ['日期', '工号', '姓名', '许可证号', '日志内容'],
      ['2026-10-08', 'LH001', '张伟', '370902110001', TEXT[0]],
      ['2026-10-09', 'LH001', '张伟', '370902110001', TEXT[1]],
      ['2026-10-19', 'LH003', '王芳', '370902110002', TEXT[2]],
      ['2026-10-08', 'LH005', '钱进', '370902110003', TEXT[3]],
    ]),
  ];
  store = await openTestStore(path.join(dir, 'judged.sqlite'));
  const reports = await importFiles(store, files, { now });
  const refused = reports.filter((r) => r.status !== 'imported');
  if (refused.length > 0) throw new Error(`fixture import refused: ${refused.map((r) => `${r.file}: ${r.message}`).join('; ')}`);
  snapshot = await evaluateStoredMonth(store, MONTH, { now });
}, 120_000);
afterAll(async () => {
  await store?.close();
});

describe('who is judged in a month', () => {
  it('leaves out someone hired after the month and someone gone (调离) without any activity in it', () => {
    expect(snapshot.evaluation.managers.map((m) => m.code).sort()).toEqual(['LH001', 'LH003', 'LH004', 'LH005', 'LH006', 'LH008']);
  });

  it('counts workdays from the hiring date: hired 10-19, punched 2 of 10 workdays, wrote on 1', () => {
    const m = manager('LH003');
    expect(m?.dimensions.attendance.metrics.present_days).toBe(2);
    expect(m?.dimensions.attendance.metrics.attendance_rate).toBe(0.2);
    expect(m?.dimensions.records.metrics.journal_rate).toBe(0.1);
    // Absences only on the 8 workdays after the hiring date without a punch.
    expect(m?.flags.filter((f) => f.type === 'attendance.absent').map((f) => f.date)).toEqual([
      '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30',
    ]);
  });

  it('ends workdays on the leaving date (离职日期 10-09): 1 of 2 workdays present', () => {
    const m = manager('LH005');
    expect(m?.dimensions.attendance.metrics.attendance_rate).toBe(0.5);
    expect(m?.dimensions.records.metrics.journal_rate).toBe(0.5);
    const absent = m?.flags.filter((f) => f.type === 'attendance.absent');
    expect(absent?.map((f) => f.date)).toEqual(['2026-10-09']);
    // The export has no 未打卡 row: the evidence is the calendar day itself.
    expect(absent?.[0]?.evidence).toEqual([{ kind: 'calendar', id: 20261009 }]);
  });

  it('ends the workdays of a 调离 manager without a date at the last punch (10-14): 2 of 6', () => {
    const m = manager('LH006');
    expect(m?.dimensions.attendance.metrics.present_days).toBe(2);
    expect(m?.dimensions.attendance.metrics.attendance_rate).toBeCloseTo(2 / 6, 12);
  });
});

describe('no data is decided per manager', () => {
  it('a manager with no retailers: 无数据 for the retailer-based dimensions, with a flag that says why', () => {
    const m = manager('LH004');
    for (const key of ['sales', 'brand', 'order', 'fulfilment', 'evaluation'] as const) expect(m?.dimensions[key].score, key).toBeNull();
    const flag = m?.flags.find((f) => f.type === 'area.no_retailers');
    expect(flag?.message).toContain('没有分配零售户');
  });

  it('no journals while the district has them: a journal rate of 0, fault counts 无数据, and a flag', () => {
    const m = manager('LH004');
    expect(m?.dimensions.records.metrics.journal_rate).toBe(0);
    expect(m?.dimensions.records.metrics.self_copy).toBeNull();
    expect(m?.dimensions.records.metrics.cross_copy).toBeNull();
    expect(m?.dimensions.records.metrics.short_entries).toBeNull();
    expect(m?.flags.some((f) => f.type === 'records.no_journals')).toBe(true);
    // A writer of entries keeps real counts: 0 copies is a fact for LH001.
    expect(manager('LH001')?.dimensions.records.metrics.self_copy).toBe(0);
  });

  it('no punches while the district has them: 0 present days over 18 workdays, and a flag', () => {
    const m = manager('LH008');
    expect(m?.dimensions.attendance.metrics.present_days).toBe(0);
    expect(m?.dimensions.attendance.metrics.attendance_rate).toBe(0);
    // No punch, so no anomalous punch to count: 无数据, not a perfect score. Rate 0, coverage 0/1 and
    // plan 0 all score 0, top3_share has no visits: the dimension is 0 (with 0 anomalies scored 100 it was 20 × 100 / 105 = 19.0).
    expect(m?.dimensions.attendance.metrics.punch_anomalies).toBeNull();
    expect(m?.dimensions.attendance.metrics.top3_share).toBeNull();
    expect(m?.dimensions.attendance.score).toBe(0);
    expect(m?.flags.find((f) => f.type === 'attendance.no_punches')?.message).toContain('18 个工作日');
    expect(m?.flags.filter((f) => f.type === 'attendance.absent')).toHaveLength(18);
  });

  it('below half of the weight: listed, neither graded nor ranked, with the missing dimensions named', () => {
    // LH004 has attendance (15) and records (15) only: 30 of 100.
    const m = manager('LH004');
    expect(m?.total).toBeNull();
    expect(m?.grade).toBeNull();
    expect(m?.rank).toBeNull();
    expect(m?.insufficient).toEqual(['sales', 'knowledge', 'brand', 'order', 'fulfilment', 'evaluation']);
    // LH001 has sales (25), attendance (15), records (15): 55 of 100, graded and ranked.
    expect(manager('LH001')?.insufficient).toBeNull();
    expect(manager('LH001')?.grade).not.toBeNull();
    expect(manager('LH001')?.rank).not.toBeNull();
  });
});

describe('results never silently stale', () => {
  it('is current right after the evaluation, and an adjustment (applied when read) leaves it current', async () => {
    expect(snapshot.stale).toEqual([]);
    await adjustDimension(store, { month: MONTH, managerCode: 'LH001', dimension: 'records', score: 70, reason: '核实' }, { who: '主管甲', now });
    const read = await readMonthSnapshot(store.db, MONTH);
    expect(read?.stale).toEqual([]);
    expect(read?.evaluation.managers.find((m) => m.code === 'LH001')?.dimensions.records.score).toBe(70);
  });

  it('a late journal file for the month makes it stale, says what and when, and 定稿 is refused', async () => {
    const late = await writeXlsx(path.join(dir, '工作日志_补交.xlsx'), [
      ['日期', '工号', '姓名', '许可证号', '日志内容'],
      ['2026-10-20', 'LH003', '王芳', '370902110002', '补交：走访老王烟酒店，检查陈列和明码标价情况，店主希望增加新品投放。'],
    ]);
    const lateAt = new Date('2026-11-11T03:00:00Z');
    const [report] = await importFiles(store, [late], { now: lateAt });
    expect(report?.status).toBe('imported');
    const read = await readMonthSnapshot(store.db, MONTH);
    expect(read?.stale).toEqual([{ kind: 'import', what: '导入了工作日志「工作日志_补交.xlsx」', at: lateAt.toISOString() }]);
    await expect(finalizeMonth(store, MONTH, { who: '主管甲', now })).rejects.toMatchObject({ code: 'stale' });
    await expect(finalizeMonth(store, MONTH, { who: '主管甲', now })).rejects.toThrow(/需重新考评.*工作日志_补交/);
    // A draft report of the stale result says so on 汇总's status line and in every page header.
    const file = path.join(dir, '考评报表_过时.xlsx');
    await exportMonthReport(store, MONTH, file, { now: lateAt });
    const workbook = await readWorkbook(file);
    const status = rowTexts(workbook.worksheets[0]!).flat().find((t) => t.startsWith('状态：'));
    expect(status).toMatch(/^状态：草稿 — 未定稿；需重新考评（考评后数据有变动：2026-11-11 \d{2}:00 导入了工作日志「工作日志_补交\.xlsx」）。本表为草稿/);
    expect(workbook.worksheets.every((ws) => (ws.headerFooter.oddHeader ?? '').includes('草稿 — 未定稿；需重新考评'))).toBe(true);

    // Undoing that import is itself a change of the month's inputs after a new run.
    snapshot = await evaluateStoredMonth(store, MONTH, { now });
    expect(snapshot.stale).toEqual([]);
    expect(manager('LH003')?.dimensions.records.metrics.journal_rate).toBe(0.2);
    const undone = await undoBatch(store, report!.batchId!, new Date('2026-11-11T04:00:00Z'));
    expect(undone.ok).toBe(true);
    expect((await readMonthSnapshot(store.db, MONTH))?.stale.map((r) => r.kind)).toEqual(['undo']);
  });

  it('an import for another month leaves it current', async () => {
    snapshot = await evaluateStoredMonth(store, MONTH, { now });
    const december = await writeXlsx(path.join(dir, '工作日志_202612.xlsx'), [
      ['日期', '工号', '姓名', '许可证号', '日志内容'],
      ['2026-12-01', 'LH001', '张伟', '370902110001', TEXT[0]],
    ]);
    await importFiles(store, [december], { now });
    expect((await readMonthSnapshot(store.db, MONTH))?.stale).toEqual([]);
  });

  it('a calendar edit in the month makes it stale; so does putting the day back', async () => {
    await setCalendarDay(store.db, { date: '2026-10-31', workday: true }, '主管甲', new Date('2026-11-12T01:00:00Z'));
    expect((await readMonthSnapshot(store.db, MONTH))?.stale).toEqual([{ kind: 'calendar', what: '修改了工作日历 2026-10-31', at: '2026-11-12T01:00:00.000Z' }]);
    snapshot = await evaluateStoredMonth(store, MONTH, { now });
    expect(snapshot.evaluation.workdays).toBe(19);
    expect(snapshot.stale).toEqual([]);
    await setCalendarDay(store.db, { date: '2026-10-31', workday: null }, '主管甲', new Date('2026-11-12T02:00:00Z'));
    const read = await readMonthSnapshot(store.db, MONTH);
    expect(read?.stale).toEqual([{ kind: 'calendar', what: '修改了工作日历 2026-10-31', at: '2026-11-12T02:00:00.000Z' }]);
  });

  it('a new scheme version makes it stale; 重新考评 then uses the newest version', async () => {
    snapshot = await evaluateStoredMonth(store, MONTH, { now });
    const used = snapshot.scheme;
    await saveScheme(store.db, { ...used, thresholds: { ...used.thresholds, minEntryChars: 25 } }, '主管甲', new Date('2026-11-13T01:00:00Z'));
    const read = await readMonthSnapshot(store.db, MONTH);
    expect(read?.stale).toEqual([
      { kind: 'scheme', what: `考核方案「${used.name}」已保存新版本 v${used.version + 1}（本次考评用的是 v${used.version}）`, at: '2026-11-13T01:00:00.000Z' },
    ]);
    expect(read?.nextScheme).toEqual({ name: used.name, version: used.version + 1 });
    snapshot = await evaluateStoredMonth(store, MONTH, { now });
    expect(snapshot.scheme.version).toBe(used.version + 1);
    expect(snapshot.stale).toEqual([]);
    const final = await finalizeMonth(store, MONTH, { who: '主管甲', now });
    expect(final.status).toBe('final');
  });
});
