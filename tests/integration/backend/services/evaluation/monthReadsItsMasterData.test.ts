import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateStoredMonth, monthWorkdays } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { loadEvaluationInput } from '../../../../../src/backend/services/evaluation/loadEvaluationInput';
import { attendanceMonth } from '../../../../../src/backend/services/scorecard/attendanceMonth';
import type { MonthEvaluation } from '../../../../../src/core/measures/monthEvaluation';
import { tempDir } from '../../../../helpers/tempDir';
import { B1, B2, B3, B4, BRAND_HEADER, BRANDS, openHistoryDistrict, ORDER_HEADER, R1, R2, R3, R4, RETAILER_HEADER, RETAILERS, retailersWith, ROSTER, type HistoryDistrict } from './historyDistrict';

const dir = tempDir();
let n = 0;
let district: HistoryDistrict;
const open = async () => {
  n += 1;
  district = await openHistoryDistrict(path.join(dir, `case${n}`));
  return district;
};
afterEach(() => district?.store.close());

const evaluate = async (month: string) => (await evaluateStoredMonth(district.store, month, { now: new Date('2027-01-10T09:00:00Z') })).evaluation;
const manager = (e: MonthEvaluation, code: string) => {
  const m = e.managers.find((x) => x.code === code);
  if (!m) throw new Error(`no ${code} in ${e.month}`);
  return m;
};
const metric = (e: MonthEvaluation, code: string, dim: keyof MonthEvaluation['managers'][number]['dimensions'], key: string) =>
  (manager(e, code).dimensions[dim].metrics as Record<string, number | null>)[key];

/** R1's assignment ranges as the month's evaluation reads them: [manager, from, to]. */
const rangesOfR1 = async (month: string) => {
  const { input } = await loadEvaluationInput(district.store, month, await monthWorkdays(district.store, month));
  const r1 = input.retailers.find((r) => r.licence === R1)?.id;
  return input.assignments.filter((a) => a.retailerId === r1).map((a) => [a.managerCode, a.from, a.to]);
};
/** A punch export of July, each punch at 10:00: [工号, day, 许可证号]. */
const julyPunches = (...punches: [string, string, string][]) => [['工号', '打卡时间', '许可证号'], ...punches.map(([code, day, licence]) => [code, `2026-07-${day} 10:00`, licence])];

describe('route assignments, retailer names and status are history', () => {
  it("October reads the same before and after November's retailer file", async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('品规目录.csv', BRANDS, { asOfMonth: '2026-10' });
    // The first retailer file was stamped with the month it was imported in (December), as
    // happens when nobody says which month it speaks for.
    await d.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-12' });
    await d.load('订单_202610.csv', [ORDER_HEADER, ['2026-10-12', R1, B1, 100], ['2026-10-12', R2, B2, 50], ['2026-10-13', R3, B1, 30], ['2026-10-14', R4, B2, 20]]);
    const before = await evaluate('2026-10');
    // By hand: LH001 holds R1 + R2 = 100 + 50 条, LH002 holds R3 + R4 = 30 + 20 条.
    expect([metric(before, 'LH001', 'sales', 'volume'), metric(before, 'LH002', 'sales', 'volume')]).toEqual([150, 50]);

    // November's file: R2 moves to LH002, R3 is renamed and closed.
    const novemberFile = await d.load('零售客户档案_202611.csv', [
      RETAILER_HEADER,
      [R1, '福顺便利店', 117.1201, 36.6512, 10, 'X01', 'LH001', '正常'],
      [R2, '老王烟酒店', 117.1302, 36.6603, 10, 'X02', 'LH002', '正常'],
      [R3, '惠民超市(新)', 117.2001, 36.7001, 10, 'X02', 'LH002', '注销'],
      [R4, '新星商店', 117.2102, 36.7102, 10, 'X02', 'LH002', '正常'],
    ]);
    // Honest counts: 2 rows changed (R2's route and manager, R3's name and status): 更新 2; the 4
    // assignments for November are on their own line, not updates.
    expect(novemberFile.counts).toMatchObject({ inserted: 0, updated: 2, unchanged: 2, assignments: 4 });
    const after = await evaluate('2026-10');
    expect(after).toEqual(before);
    expect([metric(after, 'LH001', 'sales', 'volume'), metric(after, 'LH002', 'sales', 'volume')]).toEqual([150, 50]);

    // November reads November's file: R2 is LH002's (20 条), R3 has its new name and is closed.
    await d.load('订单_202611.csv', [ORDER_HEADER, ['2026-11-10', R1, B1, 10], ['2026-11-10', R2, B2, 20]]);
    const november = await evaluate('2026-11');
    expect([metric(november, 'LH001', 'sales', 'volume'), metric(november, 'LH002', 'sales', 'volume')]).toEqual([10, 20]);
    const shop = async (month: string) => {
      const { input } = await loadEvaluationInput(d.store, month, await monthWorkdays(d.store, month));
      const r = input.retailers.find((x) => x.licence === R3);
      return [r?.name, r?.status];
    };
    expect(await shop('2026-10')).toEqual(['惠民超市', '正常']);
    expect(await shop('2026-11')).toEqual(['惠民超市(新)', '注销']);
    // December reads the file that spoke for December: R3 open again under its old name.
    expect(await shop('2026-12')).toEqual(['惠民超市', '正常']);
  });
});

describe('brand marks are history', () => {
  it("February reads the same after June's brand list; a 新品 counts only once launched", async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-02' });
    await d.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-02' });
    await d.load('品规目录_202602.csv', BRANDS);
    await d.load('订单_202602.csv', [
      ORDER_HEADER,
      ['2026-02-10', R1, B1, 40],
      ['2026-02-10', R1, B2, 60],
      ['2026-02-11', R2, B4, 5],
      ['2026-02-12', R3, B3, 10],
      ['2026-02-12', R3, B2, 20],
    ]);
    const before = await evaluate('2026-02');
    // By hand. LH001: 40 + 60 + 5 = 105 条, key brand B1 40 → 40/105; B4 is marked 新品 but only
    // launched in June, so R2's 5 条 of it place no new brand: reach 0 of 2 active retailers.
    // LH002: 10 + 20 = 30 条, no key brand → 0; R3 ordered B3 (launched 2025-12) → reach 1 of 2.
    expect(metric(before, 'LH001', 'sales', 'key_brand_share')).toBeCloseTo(40 / 105, 12);
    expect(metric(before, 'LH002', 'sales', 'key_brand_share')).toBe(0);
    expect([metric(before, 'LH001', 'brand', 'new_brand_reach'), metric(before, 'LH002', 'brand', 'new_brand_reach')]).toEqual([0, 0.5]);

    // June's list: 云烟(紫) becomes a key brand, 好猫(长乐) is no longer new.
    await d.load('品规目录_202606.csv', [
      BRAND_HEADER,
      [B1, '中华(硬)', '375.00', '450.00', '是', '否', null],
      [B2, '云烟(紫)', '95.40', '110.00', '是', '否', null],
      [B3, '好猫(长乐)', '60.00', '70.00', '否', '否', '2025-12-01'],
      [B4, '黄鹤楼(新)', '180.00', '210.00', '否', '是', '2026-06-01'],
    ]);
    expect(await evaluate('2026-02')).toEqual(before);

    // June reads June's list: 云烟(紫) is key (R1's 10 条 of it: share 1). The only new brand is
    // 黄鹤楼(新) and no retailer ordered it: nobody could score, so the dimension is 无数据, not 100.
    await d.load('订单_202606.csv', [ORDER_HEADER, ['2026-06-10', R1, B2, 10], ['2026-06-10', R3, B3, 10]]);
    const june = await evaluate('2026-06');
    expect(metric(june, 'LH001', 'sales', 'key_brand_share')).toBe(1);
    expect([manager(june, 'LH001').dimensions.brand.score, manager(june, 'LH002').dimensions.brand.score]).toEqual([null, null]);
  });
});

describe('dates inside a month', () => {
  it('a transfer on 07-16 splits July: punches are judged against the assignment of their day', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-06' });
    await d.load('零售客户档案_202606.csv', RETAILERS);
    await d.load('零售客户档案_202607.csv', [
      [...RETAILER_HEADER, '生效日期'],
      [R1, '福顺便利店', 117.1201, 36.6512, 10, 'X02', 'LH002', '正常', '2026-07-16'],
      [R2, '老王烟酒店', 117.1302, 36.6603, 10, 'X02', 'LH002', '正常', '2026-07-16'],
      [R3, '惠民超市', 117.2001, 36.7001, 10, 'X02', 'LH002', '正常', null],
      [R4, '新星商店', 117.2102, 36.7102, 10, 'X02', 'LH002', '正常', null],
    ]);
    await d.load('考勤_202607.csv', julyPunches(['LH001', '06', R1], ['LH001', '13', R1], ['LH001', '21', R2], ['LH002', '08', R1], ['LH002', '20', R2]));
    const july = await evaluate('2026-07');
    const outOfArea = (code: string) => manager(july, code).flags.filter((f) => f.type === 'attendance.out_of_area').map((f) => f.date);
    // By hand: R1 and R2 are LH001's until 07-15 and LH002's from 07-16. LH001's punches at R1 on
    // 07-06 and 07-13 are at his own shop; on 07-21 R2 is no longer his. LH002 at R1 on 07-08 is
    // at a shop that was still LH001's; at R2 on 07-20 at her own.
    expect(outOfArea('LH001')).toEqual(['2026-07-21']);
    expect(outOfArea('LH002')).toEqual(['2026-07-08']);
    // June still reads June's file: R1, R2 are LH001's all month.
    expect(await rangesOfR1('2026-06')).toEqual([
      ['LH001', '0000-01-01', '2026-05-31'],
      ['LH001', '2026-06-01', '2026-07-15'],
      ['LH002', '2026-07-16', null],
    ]);
  });

  it('a successor hired on 07-16 (入职日期) takes the retailers over from that day, without a 生效日期', async () => {
    const d = await open();
    await d.load('花名册.csv', [...ROSTER.map((r, i) => [...r, i === 0 ? '入职日期' : '2020-03-01']), ['LH003', '王强', '临河营销部', 'X03', '在岗', '2026-07-16']], {
      asOfMonth: '2026-06',
    });
    await d.load('零售客户档案_202606.csv', RETAILERS);
    await d.load('零售客户档案_202607.csv', [
      RETAILER_HEADER,
      [R1, '福顺便利店', 117.1201, 36.6512, 10, 'X03', 'LH003', '正常'],
      [R2, '老王烟酒店', 117.1302, 36.6603, 10, 'X01', 'LH001', '正常'],
      [R3, '惠民超市', 117.2001, 36.7001, 10, 'X02', 'LH002', '正常'],
      [R4, '新星商店', 117.2102, 36.7102, 10, 'X02', 'LH002', '正常'],
    ]);
    expect(await rangesOfR1('2026-07')).toEqual([
      ['LH001', '0000-01-01', '2026-05-31'],
      ['LH001', '2026-06-01', '2026-07-15'],
      ['LH003', '2026-07-16', null],
    ]);
  });

  it('a manager transferred on 07-15 (调离日期) hands her shops over that day: presence, coverage and out_of_area read the day', async () => {
    const d = await open();
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-06' });
    await d.load('零售客户档案_202606.csv', RETAILERS);
    // July's roster: 张伟 transferred on 07-15; July's retailer file gives her shops to 李娜,
    // who was there all along (no 入职日期 in July), and no 生效日期 says from when.
    await d.load('花名册_202607.csv', [
      [...ROSTER[0]!, '调离日期'],
      ['LH001', '张伟', '临河营销部', 'X01', '调离', '2026-07-15'],
      ['LH002', '李娜', '临河营销部', 'X02', '在岗', null],
    ]);
    await d.load('零售客户档案_202607.csv', retailersWith({ [R1]: { route: 'X02', manager: 'LH002' }, [R2]: { route: 'X02', manager: 'LH002' } }));
    await d.load(
      '考勤_202607.csv',
      julyPunches(
        ['LH001', '01', R1],
        ['LH001', '02', R2],
        ['LH001', '06', R1],
        ['LH001', '13', R2],
        ['LH001', '15', R1],
        ['LH002', '08', R1],
        ['LH002', '21', R2],
        ['LH002', '22', R3],
        ['LH002', '23', R3],
        ['LH002', '24', R4],
      ),
    );
    expect(await rangesOfR1('2026-07')).toEqual([
      ['LH001', '0000-01-01', '2026-05-31'],
      ['LH001', '2026-06-01', '2026-07-15'],
      ['LH002', '2026-07-16', null],
    ]);
    const july = await evaluate('2026-07');
    const flagDates = (code: string, type: string) => manager(july, code).flags.filter((f) => f.type === type).map((f) => f.date);
    // By hand. July 2026 has 23 workdays (no holiday); 张伟 is judged to 07-15: 07-01…03, 06…10,
    // 13…15 = 11 workdays, punched on 5 of them; the 6 others are her absences, none after 07-15.
    expect(metric(july, 'LH001', 'attendance', 'present_days')).toBe(5);
    expect(flagDates('LH001', 'attendance.absent')).toEqual(['2026-07-03', '2026-07-07', '2026-07-08', '2026-07-09', '2026-07-10', '2026-07-14']);
    // Her scorecard's attendance calendar shows the same 6 days missed, none after she left.
    expect((await attendanceMonth(d.store, '2026-07', 'LH001', '2026-08-10')).absentDays).toEqual(flagDates('LH001', 'attendance.absent'));
    // R1 and R2 were hers through 07-15: her 5 punches are at her own shops (0 out_of_area), both
    // shops visited on her days (coverage 2/2); tier 10 asks 1 visit a month, ⌈15/31⌉ = 1 each: plan 2/2.
    expect(flagDates('LH001', 'attendance.out_of_area')).toEqual([]);
    expect([metric(july, 'LH001', 'attendance', 'coverage'), metric(july, 'LH001', 'attendance', 'plan_compliance')]).toEqual([1, 1]);
    // 李娜 at R1 on 07-08 was at 张伟's shop (1 out_of_area), and it is no visit of hers: of R1–R4
    // she covered R2, R3, R4 on her days (3/4); plan: R1 0 of ⌈16/31⌉ = 1, R2 1, R3 min(2, 1), R4 1 → 3/4.
    expect(flagDates('LH002', 'attendance.out_of_area')).toEqual(['2026-07-08']);
    expect([metric(july, 'LH002', 'attendance', 'coverage'), metric(july, 'LH002', 'attendance', 'plan_compliance')]).toEqual([0.75, 0.75]);
  });

  it('after her 调离日期 a shop nobody took over is nobody\'s: a colleague punching there is out of area', async () => {
    const d = await open();
    await d.load('花名册.csv', [[...ROSTER[0]!, '调离日期'], [...ROSTER[1]!, '2026-07-15'], [...ROSTER[2]!, null]], { asOfMonth: '2026-07' });
    await d.load('零售客户档案_202607.csv', RETAILERS);
    await d.load('考勤_202607.csv', julyPunches(['LH001', '14', R1], ['LH002', '20', R1]));
    const july = await evaluate('2026-07');
    const outOfArea = manager(july, 'LH002').flags.filter((f) => f.type === 'attendance.out_of_area');
    expect(outOfArea.map((f) => f.message)).toEqual(['7月20日 10:00 在「福顺便利店」打卡，不在本人片区（该户当日未分配客户经理）']);
    expect(manager(july, 'LH001').flags.filter((f) => f.type === 'attendance.out_of_area')).toEqual([]);
  });
});
