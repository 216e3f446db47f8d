import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { finalizeMonth, reopenMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { readMonthSnapshot } from '../../../../../src/backend/services/evaluation/monthSnapshot';
import { setCalendarDay } from '../../../../../src/backend/services/settings/setCalendarDay';
import { undoBatch } from '../../../../../src/backend/services/undoBatch';
import { tempDir } from '../../../../helpers/tempDir';
import type { SheetCell } from '../../../../helpers/writeSheets';
import { B1, B2, BRANDS, OCTOBER_ORDERS, openHistoryDistrict, ORDER_HEADER, R1, R2, R3, R4, RETAILERS, ROSTER, type HistoryDistrict } from './historyDistrict';

const dir = tempDir();
let n = 0;
let district: HistoryDistrict;
const open = async () => {
  n += 1;
  district = await openHistoryDistrict(path.join(dir, `case${n}`));
  return district;
};
afterEach(() => district?.store.close());
const now = new Date('2026-11-20T09:00:00Z');

const JOURNAL_HEADER: SheetCell[] = ['日期', '工号', '许可证号', '日志内容'];
const JOURNALS: SheetCell[][] = [
  JOURNAL_HEADER,
  ['2026-10-08', 'LH001', R1, '走访福顺便利店，检查价签和陈列，价签齐全，建议把新品放到柜台正面。'],
  ['2026-10-08', 'LH001', R2, '走访老王烟酒店，了解本周动销情况，中华(硬)走得快，提醒店主按需订货。'],
  ['2026-10-09', 'LH001', null, '上午参加营销部例会，学习十月份货源投放政策，下午在办公室整理客户档案。'],
  ['2026-10-09', 'LH002', R3, '走访惠民超市，货架陈列整齐，店主反映云烟(紫)断货两天，已登记需求。'],
  ['2026-10-10', 'LH002', R4, '走访新星商店，宣传明码标价要求，店主表示下周更换价签。'],
];

describe('corrected exports replace', () => {
  it('re-importing a journal export with three corrected entries updates them (更新 3), keeps the count and undo restores the old texts', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-10' });
    await d.load('工作日志_202610.csv', JOURNALS);
    const stored = () => d.store.db.selectFrom('journals').select(['id', 'date', 'content']).orderBy('id').execute();
    const original = await stored();
    expect(original).toHaveLength(5);

    const corrected = JOURNALS.map((row) => [...row]);
    corrected[1]![3] = '走访福顺便利店，检查价签和陈列，价签齐全，建议把新品好猫(长乐)放到柜台正面。';
    // Without a retailer: the same manager's entry of the same day, nearly the same text.
    corrected[3]![3] = '上午参加营销部例会，学习十月份货源投放政策，下午在办公室整理并核对客户档案。';
    corrected[4]![3] = '走访惠民超市，货架陈列整齐，店主反映云烟(紫)断货三天，已登记需求并报送。';
    const report = await d.load('工作日志_202610(更正).csv', corrected);
    expect(report.counts).toMatchObject({ inserted: 0, updated: 3, unchanged: 2 });
    const after = await stored();
    expect(after.map((j) => j.id)).toEqual(original.map((j) => j.id));
    expect(after.map((j) => j.content)).toEqual(corrected.slice(1).map((row) => row[3]));
    const history = await d.store.db.selectFrom('row_history').select(['row_id', 'old_json']).where('batch_id', '=', report.batchId ?? 0).orderBy('row_id').execute();
    expect(history.map((h) => [h.row_id, (JSON.parse(h.old_json) as { content: string }).content])).toEqual(
      [0, 2, 3].map((i) => [original[i]?.id, original[i]?.content]),
    );

    // The same corrected file once more changes nothing.
    expect((await d.load('工作日志_202610(更正)2.csv', corrected)).counts).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    const undoneAgain = await undoBatch(d.store, report.batchId ?? 0, now);
    expect(undoneAgain).toMatchObject({ ok: true, deleted: 0, restored: 3 });
    expect(await stored()).toEqual(original);
  });

  it('a new entry of another day or shop is still added', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-10' });
    await d.load('工作日志_202610.csv', JOURNALS);
    const extended = [...JOURNALS, ['2026-10-10', 'LH001', null, '全天参加专卖联合检查，重点查看无证经营和价格违规。']];
    expect((await d.load('工作日志_202610(补).csv', extended)).counts).toMatchObject({ inserted: 1, updated: 0, unchanged: 5 });
  });
});

describe('corrected reports and surveys replace', () => {
  it('a monthly report whose text and a survey whose answers were corrected are updated in place, the old values kept for undo', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-10' });
    const reportHeader: SheetCell[] = ['工号', '月份', '类型', '报告内容'];
    await d.load('月报_202610.csv', [reportHeader, ['LH001', '2026-10', '月报', '十月份片区销量平稳，中华(硬)需求旺盛，新品铺货率偏低。']]);
    const surveyHeader: SheetCell[] = ['调查日期', '许可证号', '是否认识客户经理', '服务态度', '送货服务'];
    await d.load('满意度_202610.csv', [surveyHeader, ['2026-10-20', R1, '是', 4, 3], ['2026-10-21', R3, '否', 2, 2]]);
    const reports = await d.load('月报_202610(更正).csv', [reportHeader, ['LH001', '2026-10', '月报', '十月份片区销量平稳，中华(硬)需求旺盛，新品铺货率偏低，下月重点推广好猫(长乐)。']]);
    const surveys = await d.load('满意度_202610(更正).csv', [surveyHeader, ['2026-10-20', R1, '是', 5, 4], ['2026-10-21', R3, '否', 2, 2]]);
    expect(reports.counts).toMatchObject({ inserted: 0, updated: 1 });
    expect(surveys.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(await d.store.db.selectFrom('reports').select('body').execute()).toEqual([{ body: '十月份片区销量平稳，中华(硬)需求旺盛，新品铺货率偏低，下月重点推广好猫(长乐)。' }]);
    expect(await d.store.db.selectFrom('surveys').select('id').execute()).toHaveLength(2);
    expect(await undoBatch(d.store, reports.batchId ?? 0, now)).toMatchObject({ ok: true, restored: 1 });
    expect(await undoBatch(d.store, surveys.batchId ?? 0, now)).toMatchObject({ ok: true, restored: 1 });
    expect(await d.store.db.selectFrom('reports').select('body').execute()).toEqual([{ body: '十月份片区销量平稳，中华(硬)需求旺盛，新品铺货率偏低。' }]);
    // The survey's first answers (服务态度 4, 送货服务 3) are back, on the same row.
    const answers = await d.store.db.selectFrom('surveys').select(['date', 'items_json']).orderBy('date').execute();
    expect(answers.map((a) => [a.date, Object.values(JSON.parse(a.items_json) as Record<string, number>)])).toEqual([
      ['2026-10-20', [4, 3]],
      ['2026-10-21', [2, 2]],
    ]);
  });

  it('a survey export with 问卷编号 whose answers and date were corrected updates the respondent\'s row (更新 1)', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-10' });
    const header: SheetCell[] = ['问卷编号', '调查日期', '许可证号', '是否认识客户经理', '服务态度'];
    await d.load('满意度_202610.csv', [header, ['Q-0001', '2026-10-20', R1, '是', 4], ['Q-0002', '2026-10-21', R3, '否', 2]]);
    const fixed = await d.load('满意度_202610(更正).csv', [header, ['Q-0001', '2026-10-22', R1, '是', 5], ['Q-0002', '2026-10-21', R3, '否', 2]]);
    expect(fixed.counts).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const rows = () => d.store.db.selectFrom('surveys').select(['survey_id', 'date', 'items_json']).orderBy('survey_id').execute();
    expect((await rows()).map((r) => [r.survey_id, r.date])).toEqual([
      ['Q-0001', '2026-10-22'],
      ['Q-0002', '2026-10-21'],
    ]);
    expect(await undoBatch(d.store, fixed.batchId ?? 0, now)).toMatchObject({ ok: true, deleted: 0, restored: 1 });
    expect((await rows()).map((r) => [r.survey_id, r.date, Object.values(JSON.parse(r.items_json) as Record<string, number>)])).toEqual([
      ['Q-0001', '2026-10-20', [4]],
      ['Q-0002', '2026-10-21', [2]],
    ]);
  });
});

describe('late master data relinks', () => {
  it('orders imported before their retailers are linked by the retailer import, which says how many; undo unlinks them', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('品规目录.csv', BRANDS, { asOfMonth: '2026-10' });
    const orders = await d.load('订单_202610.csv', [...OCTOBER_ORDERS, ['2026-10-14', '370902119999', B2, 7]]);
    expect(orders.counts.unlinked).toBe(5);
    const retailers = await d.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-10' });
    expect(retailers.warnings).toContain('此前未关联的 4 行已关联（订单 4 行）');
    expect(retailers.counts.linked).toBe(4);
    const unlinked = () => d.store.db.selectFrom('orders').select('retailer_ref').where('retailer_id', 'is', null).orderBy('retailer_ref').execute();
    expect(await unlinked()).toEqual([{ retailer_ref: '370902119999' }]);
    // By hand: LH001 holds R1 + R2 = 150 条, LH002 R3 + R4 = 50 条; the unknown shop's 7 条 count for nobody.
    const october = (await evaluateStoredMonth(d.store, '2026-10', { now })).evaluation;
    expect(october.managers.map((m) => [m.code, m.dimensions.sales.metrics.volume])).toEqual([
      ['LH001', 150],
      ['LH002', 50],
    ]);

    // Undoing the retailer import takes the links back (they were its changes), not the orders.
    expect(await undoBatch(d.store, retailers.batchId ?? 0, now)).toMatchObject({ ok: true, deleted: 4, restored: 4 }); // 4 retailers (their assignments and versions go with them), 4 links;
    expect(await unlinked()).toHaveLength(5);
    expect(await d.store.db.selectFrom('orders').select('id').execute()).toHaveLength(5);
  });

  it('a draft month whose orders waited for their retailer is stale (需重新考评) for the rows the retailer file linked, and re-evaluated counts them', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('品规目录.csv', BRANDS, { asOfMonth: '2026-10' });
    // R4 新星商店 is not in the first retailer file: its October order line waits unlinked.
    await d.load('零售客户档案.csv', RETAILERS.slice(0, 4), { asOfMonth: '2026-10' });
    const orders = await d.load('订单_202610.csv', OCTOBER_ORDERS);
    expect(orders.counts.unlinked).toBe(1);
    const volumes = (e: { managers: { code: string; dimensions: { sales: { metrics: Record<string, number | null> } } }[] }) =>
      e.managers.map((m) => [m.code, m.dimensions.sales.metrics.volume]);
    // By hand: LH001 R1 + R2 = 150 条; LH002 only R3's 30 条 (R4's 20 条 belong to nobody yet).
    expect(volumes((await evaluateStoredMonth(d.store, '2026-10', { now })).evaluation)).toEqual([
      ['LH001', 150],
      ['LH002', 30],
    ]);
    expect((await readMonthSnapshot(d.store.db, '2026-10'))?.stale).toEqual([]);

    const late = await d.load('零售客户档案_补.csv', RETAILERS, { asOfMonth: '2026-10' });
    expect(late.counts.linked).toBe(1);
    expect(late.warnings).toContain('此前未关联的 1 行已关联（订单 1 行）');
    const stale = (await readMonthSnapshot(d.store.db, '2026-10'))?.stale ?? [];
    expect(stale.map((r) => r.what)).toEqual(['导入了零售客户档案「零售客户档案_补.csv」，本月用到的 1 行此前未关联的数据已关联（订单 1 行）']);
    // Re-evaluated: LH002 holds R3 + R4 = 30 + 20 = 50 条.
    expect(volumes((await evaluateStoredMonth(d.store, '2026-10', { now })).evaluation)).toEqual([
      ['LH001', 150],
      ['LH002', 50],
    ]);
  });

  it('order lines of a brand not yet in the brand list are linked by the list that brings it (counts.linked), and their value then counts', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-10' });
    await d.load('品规目录.csv', BRANDS.slice(0, 2), { asOfMonth: '2026-10' });
    await d.load('订单_202610.csv', [ORDER_HEADER, ['2026-10-12', R1, B1, 10], ['2026-10-12', R1, B2, 20], ['2026-10-13', R3, B2, 30]]);
    const unlinkedBrand = () => d.store.db.selectFrom('orders').select('brand_code').where('brand_id', 'is', null).execute();
    expect(await unlinkedBrand()).toEqual([{ brand_code: B2 }, { brand_code: B2 }]);
    const list = await d.load('品规目录_补.csv', BRANDS, { asOfMonth: '2026-10' });
    expect(list.counts.linked).toBe(2);
    expect(list.warnings).toContain('此前未关联的 2 行已关联（订单 2 行）');
    expect(await unlinkedBrand()).toEqual([]);
    // By hand: LH002's 30 条 of 云烟(紫) at 95.40 wholesale / 110.00 retail: margin (110 − 95.4) / 110.
    const october = (await evaluateStoredMonth(d.store, '2026-10', { now })).evaluation;
    expect(october.managers.find((m) => m.code === 'LH002')?.dimensions.sales.metrics.margin_rate).toBeCloseTo((110 - 95.4) / 110, 10);
  });

  it('rows of a finalized month are not linked by a later retailer file (it says so), those of a draft month are', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('品规目录.csv', BRANDS, { asOfMonth: '2026-10' });
    await d.load('零售客户档案.csv', RETAILERS.slice(0, 4), { asOfMonth: '2026-10' });
    await d.load('订单_202610.csv', OCTOBER_ORDERS);
    await d.load('订单_202611.csv', [ORDER_HEADER, ['2026-11-10', R4, B2, 15]]);
    await evaluateStoredMonth(d.store, '2026-10', { now });
    await finalizeMonth(d.store, '2026-10', { who: '王主管', now });
    const late = await d.load('零售客户档案_202611.csv', RETAILERS);
    expect(late.counts.linked).toBe(1);
    expect(late.warnings).toContain('此前未关联的 1 行已关联（订单 1 行）');
    expect(late.warnings).toContain('另有 1 行属于已定稿的月份（2026-10），未关联：重新打开这些月份后再导入本文件即可关联');
    const r4Lines = await d.store.db.selectFrom('orders').select(['date', 'retailer_id']).where('retailer_ref', '=', R4).orderBy('date').execute();
    expect(r4Lines.map((o) => [o.date, o.retailer_id === null])).toEqual([
      ['2026-10-14', true],
      ['2026-11-10', false],
    ]);
    // As the warning says: reopened, the same file links October's line.
    await reopenMonth(d.store, '2026-10', '补录零售户', { who: '王主管', now });
    expect((await d.load('零售客户档案_202611(再).csv', RETAILERS)).counts.linked).toBe(1);
  });
});

describe('undo refusals and the calendar', () => {
  it('an undo refusal lists every blocking batch at once, in the order to undo them', async () => {
    const d = await open();
    const roster = await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    const journals: number[] = [];
    for (let day = 1; day <= 7; day++) {
      const date = `2026-10-${String(day + 10).padStart(2, '0')}`;
      const r = await d.load(`日志_${day}.csv`, [JOURNAL_HEADER, [date, 'LH001', null, `${date} 在办公室整理客户档案，电话回访零售户${day}户，登记需求。`]]);
      journals.push(r.batchId ?? 0);
    }
    // A corrected export of the first day: it changes a row of the first journal batch.
    const fix = await d.load('日志_1更正.csv', [JOURNAL_HEADER, ['2026-10-11', 'LH001', null, '2026-10-11 在办公室整理客户档案，电话回访零售户1户，登记需求并回复。']]);
    expect(fix.counts.updated).toBe(1);

    const refused = await undoBatch(d.store, roster.batchId ?? 0, now);
    expect(refused.ok).toBe(false);
    const order = [fix.batchId ?? 0, ...journals].sort((a, b) => b - a);
    if (!refused.ok) expect(refused.message).toContain(`请先按此顺序撤销这 8 个批次：${order.map((b) => `#${b}`).join('、')}`);
    for (const b of order) expect((await undoBatch(d.store, b, now)).ok).toBe(true);
    expect(await undoBatch(d.store, roster.batchId ?? 0, now)).toMatchObject({ ok: true, deleted: 2, restored: 0 });
  });

  it('putting a calendar day back is a batch: the import of 365 days still undoes 365', async () => {
    const d = await open();
    const rows: SheetCell[][] = [['日期', '是否工作日']];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      const day = new Date(t);
      rows.push([day.toISOString().slice(0, 10), day.getUTCDay() === 0 || day.getUTCDay() === 6 ? '否' : '是']);
    }
    const calendar = await d.load('工作日历_2026.csv', rows);
    expect(calendar.counts.inserted).toBe(365);
    await setCalendarDay(d.store.db, { date: '2026-10-12', workday: false, note: '片区培训' }, 'tester', now);
    await setCalendarDay(d.store.db, { date: '2026-10-12', workday: null }, 'tester', now);
    expect(await d.store.db.selectFrom('calendar_days').select(['workday', 'note']).where('date', '=', '2026-10-12').executeTakeFirst()).toEqual({ workday: 1, note: null });
    const edits = await d.store.db.selectFrom('import_batches').select('id').where('file_name', '=', '手工修改工作日历').orderBy('id', 'desc').execute();
    expect(edits).toHaveLength(2);

    const refused = await undoBatch(d.store, calendar.batchId ?? 0, now);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain(edits.map((e) => `#${e.id}`).join('、'));
    expect(await undoBatch(d.store, edits[0]?.id ?? 0, now)).toMatchObject({ ok: true, deleted: 0, restored: 1 });
    expect(await d.store.db.selectFrom('calendar_days').select(['workday', 'note']).where('date', '=', '2026-10-12').executeTakeFirst()).toEqual({ workday: 0, note: '片区培训' });
    expect(await undoBatch(d.store, edits[1]?.id ?? 0, now)).toMatchObject({ ok: true, deleted: 0, restored: 1 });
    expect(await undoBatch(d.store, calendar.batchId ?? 0, now)).toMatchObject({ ok: true, deleted: 365, restored: 0 });
    expect(await d.store.db.selectFrom('calendar_days').select('id').execute()).toEqual([]);
  });
});
