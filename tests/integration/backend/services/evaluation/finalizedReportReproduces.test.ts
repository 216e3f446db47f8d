import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalizeMonth, reopenMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { exportMonthReport } from '../../../../../src/backend/services/report/exportMonthReport';
import { tempDir } from '../../../../helpers/tempDir';
import { allCells, readWorkbook } from '../../../../helpers/readWorkbook';
import { B1, B2, BRANDS, openHistoryDistrict, ORDER_HEADER, R1, R2, R3, R4, RETAILER_HEADER, RETAILERS, ROSTER, type HistoryDistrict } from './historyDistrict';

const dir = tempDir();
let d: HistoryDistrict;
beforeAll(async () => {
  d = await openHistoryDistrict(path.join(dir, 'district'));
});
afterAll(() => d.store.close());

async function cellTexts(file: string): Promise<Map<string, string>> {
  const workbook = await readWorkbook(file);
  return new Map(allCells(workbook).map((c) => [`${c.sheet}!${c.address}`, JSON.stringify(c.cell.value ?? null)] as const));
}

describe('a finalized report reproduces', () => {
  it('a closure, a rename and a transfer after finalization leave the October report identical but for the export time', async () => {
    await d.load('花名册.csv', ROSTER, { asOfMonth: '2026-10' });
    await d.load('品规目录.csv', BRANDS, { asOfMonth: '2026-10' });
    await d.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-10' });
    await d.load('订单_202610.csv', [ORDER_HEADER, ['2026-10-12', R1, B1, 100], ['2026-10-12', R2, B2, 50], ['2026-10-13', R3, B1, 30], ['2026-10-14', R4, B2, 20]]);
    // 李娜 punches at 张伟's 福顺便利店: an out_of_area flag whose text and evidence name the shop.
    await d.load('考勤_202610.csv', [['工号', '打卡时间', '许可证号'], ['LH002', '2026-10-12 09:30', R1], ['LH001', '2026-10-12 10:30', R1]]);
    const evaluated = await evaluateStoredMonth(d.store, '2026-10', { now: new Date('2026-11-03T09:00:00Z') });
    const flag = evaluated.evaluation.managers.find((m) => m.code === 'LH002')?.flags.find((f) => f.type === 'attendance.out_of_area');
    expect(flag?.message).toContain('「福顺便利店」');
    await finalizeMonth(d.store, '2026-10', { who: '王主管', now: new Date('2026-11-05T09:00:00Z') });
    const first = path.join(dir, '考评报表_202610_a.xlsx');
    await exportMonthReport(d.store, '2026-10', first, { now: new Date('2026-11-05T10:00:00Z') });

    // December: 福顺便利店 is renamed, 老王烟酒店 closes, 张伟 moves to another department and 李娜 changes her name.
    await d.load('零售客户档案_202612.csv', [
      RETAILER_HEADER,
      [R1, '福顺超市', 117.1201, 36.6512, 10, 'X01', 'LH001', '正常'],
      [R2, '老王烟酒店', 117.1302, 36.6603, 10, 'X01', 'LH001', '注销'],
      [R3, '惠民超市', 117.2001, 36.7001, 10, 'X02', 'LH002', '正常'],
      [R4, '新星商店', 117.2102, 36.7102, 10, 'X02', 'LH002', '正常'],
    ]);
    await d.load('花名册_202612.csv', [
      ['工号', '姓名', '营销部', '服务线路', '状态'],
      ['LH001', '张伟', '城区营销部', 'X01', '调离'],
      ['LH002', '李娜娜', '临河营销部', 'X02', '在岗'],
    ]);
    const second = path.join(dir, '考评报表_202610_b.xlsx');
    await exportMonthReport(d.store, '2026-10', second, { now: new Date('2027-03-01T10:00:00Z') });

    const a = await cellTexts(first);
    const b = await cellTexts(second);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([address, text]) => b.get(address) !== text);
    // Only the footers that say when the file was exported differ (one merged footer per manager sheet).
    expect(differing.length).toBeGreaterThan(0);
    const exportTime = /导出于 \d{4}-\d\d-\d\d \d\d:\d\d/;
    for (const [address, text] of differing) {
      expect(text).toMatch(exportTime);
      expect(b.get(address)?.replace(exportTime, '')).toBe(text.replace(exportTime, ''));
    }
    const texts = [...a.values()].join('\n');
    expect(texts).toContain('临河营销部');
    expect(texts).toContain('福顺便利店');
    expect(texts).not.toContain('福顺超市');

    // Reopened and evaluated again, October still reads October's names.
    await reopenMonth(d.store, '2026-10', '复核', { who: '王主管', now: new Date('2027-03-02T09:00:00Z') });
    const again = await evaluateStoredMonth(d.store, '2026-10', { now: new Date('2027-03-02T09:00:00Z') });
    expect(again.evaluation.managers.map((m) => [m.code, m.name])).toEqual([
      ['LH001', '张伟'],
      ['LH002', '李娜'],
    ]);
    expect(again.evaluation.managers.find((m) => m.code === 'LH002')?.flags.find((f) => f.type === 'attendance.out_of_area')?.message).toBe(flag?.message);
    const third = path.join(dir, '考评报表_202610_c.xlsx');
    await exportMonthReport(d.store, '2026-10', third, { now: new Date('2027-03-02T10:00:00Z') });
    const c = await cellTexts(third);
    const draftTexts = [...c.values()].join('\n');
    expect(draftTexts).toContain('临河营销部');
    expect(draftTexts).not.toContain('福顺超市');
  });

  it('a month finalized before reports were frozen is frozen by its first export, and later exports equal it', async () => {
    const e = await openHistoryDistrict(path.join(dir, 'legacy'));
    try {
      await e.load('花名册.csv', ROSTER, { asOfMonth: '2026-09' });
      await e.load('零售客户档案.csv', RETAILERS, { asOfMonth: '2026-09' });
      await e.load('考勤_202609.csv', [['工号', '打卡时间', '许可证号'], ['LH002', '2026-09-14 09:30', R1]]);
      await evaluateStoredMonth(e.store, '2026-09', { now: new Date('2026-10-03T09:00:00Z') });
      await finalizeMonth(e.store, '2026-09', { who: '王主管', now: new Date('2026-10-05T09:00:00Z') });
      await e.store.db.deleteFrom('report_freezes').execute();
      const first = path.join(dir, 'legacy_a.xlsx');
      await exportMonthReport(e.store, '2026-09', first, { now: new Date('2026-10-05T10:00:00Z') });
      expect(await e.store.db.selectFrom('report_freezes').select('month').execute()).toEqual([{ month: '2026-09' }]);
      // A finalized September refuses a file for itself (the freeze); October's file renames the shop.
      await e.load('零售客户档案(更正).csv', [RETAILER_HEADER, [R1, '福顺超市', 117.1201, 36.6512, 10, 'X01', 'LH001', '正常']], { asOfMonth: '2026-10' });
      const second = path.join(dir, 'legacy_b.xlsx');
      await exportMonthReport(e.store, '2026-09', second, { now: new Date('2026-10-05T10:00:00Z') });
      expect(await cellTexts(second)).toEqual(await cellTexts(first));
      expect([...(await cellTexts(second)).values()].join('\n')).toContain('福顺便利店');
    } finally {
      e.store.close();
    }
  });
});
