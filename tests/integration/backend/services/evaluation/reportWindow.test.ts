import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openTestStore } from '../../../../helpers/testStore';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { readMonthSnapshot, type MonthSnapshot } from '../../../../../src/backend/services/evaluation/monthSnapshot';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { saveScheme } from '../../../../../src/backend/services/settings/saveScheme';
import { tempDir } from '../../../../helpers/tempDir';
import { writeXlsx } from '../../../../helpers/writeSheets';

/**
 * measures.md, order.missed: a violation found by an inspection is missed unless the manager
 * reported it at that retailer in the preceding window (reportWindowDays, 30 by default). The
 * journals read from the store, and the staleness check, must reach as far back as the scheme's
 * window, not a fixed 30 days.
 *
 * By hand: the inspection on 10-08 finds 假烟 at 福顺便利店; LH001 reported 假烟 there on 08-20,
 * 49 days before (and before 09-01, where a fixed 30-day look-back from the month would stop).
 * Window 30 (09-08…10-08): missed 1, reported 0 in October, order_score 0.
 * Window 60 (08-09…10-08): missed 0, no violation counted, order_score 100.
 */
const MONTH = '2026-10';
const now = new Date('2026-11-10T02:00:00Z');
const dir = tempDir('kaoping-window-');
let store: Store;

const journal = (date: string, text: string, violation: string) => ['LH001', '张伟', date, '370902110001', text, violation];
const JOURNAL_HEADER = ['工号', '姓名', '日期', '许可证号', '日志内容', '违规情况'];
const order = (s: MonthSnapshot) => s.evaluation.managers.find((m) => m.code === 'LH001')!.dimensions.order;

beforeAll(async () => {
  const files = [
    await writeXlsx(path.join(dir, '客户经理花名册.xlsx'), [
      ['工号', '姓名', '营销部', '入职日期', '状态'],
      ['LH001', '张伟', '临河营销部', '2020-03-01', '在岗'],
    ]),
    await writeXlsx(path.join(dir, '零售客户档案_202610.xlsx'), [
      ['许可证号', '客户名称', '档位', '送货线路', '客户经理工号', '状态'],
      ['370902110001', '福顺便利店', 20, 'X01', 'LH001', '正常'],
    ]),
    await writeXlsx(path.join(dir, '工作日志_202608-202610.xlsx'), [
      JOURNAL_HEADER,
      journal('2026-08-20', '走访福顺便利店，发现柜台里有两条疑似假冒中华，已拍照上报专卖所。', '假烟'),
      journal('2026-10-08', '上午走访福顺便利店，核对本周到货数量，店主反映到货偏少，已向订单员反馈。', '无'),
    ]),
    await writeXlsx(path.join(dir, '专卖检查记录_202610.xlsx'), [
      ['检查日期', '许可证号', '违规类型', '检查人员'],
      ['2026-10-08', '370902110001', '假烟', '刘专管'],
    ]),
  ];
  store = await openTestStore(path.join(dir, 'window.sqlite'));
  const reports = await importFiles(store, files, { now });
  const refused = reports.filter((r) => r.status !== 'imported');
  if (refused.length > 0) throw new Error(`fixture import refused: ${refused.map((r) => `${r.file}: ${r.message}`).join('; ')}`);
}, 120_000);
afterAll(async () => {
  await store?.close();
});

describe("the journals' look-back follows the scheme's report window", () => {
  it('window 30: the report 49 days before the inspection is too old, the violation is missed', async () => {
    const snapshot = await evaluateStoredMonth(store, MONTH, { now });
    expect(snapshot.scheme.thresholds.reportWindowDays).toBe(30);
    expect(order(snapshot).metrics).toMatchObject({ reported: 0, missed: 1, order_score: 0 });
    const flags = snapshot.evaluation.managers.find((m) => m.code === 'LH001')!.flags.filter((f) => f.type === 'order.missed');
    expect(flags.map((f) => f.message)).toEqual(['10月8日 专卖检查在「福顺便利店」查出「假烟」，此前 30 天内本人日志未反映']);
  });

  it('window 60: the same report counts, nothing is missed; a late journal inside the window makes the month stale, one before it does not', async () => {
    const used = (await evaluateStoredMonth(store, MONTH, { now })).scheme;
    await saveScheme(store.db, { ...used, thresholds: { ...used.thresholds, reportWindowDays: 60 } }, '主管甲', new Date('2026-11-11T01:00:00Z'));
    const snapshot = await evaluateStoredMonth(store, MONTH, { now });
    expect(snapshot.scheme.thresholds.reportWindowDays).toBe(60);
    expect(order(snapshot).metrics).toMatchObject({ reported: 0, missed: 0, order_score: 100 });
    expect(snapshot.evaluation.managers[0]!.flags.filter((f) => f.type === 'order.missed')).toEqual([]);

    // 60 days before 10-01 is 08-02: an entry of 07-20 is outside every window of October, one of 08-10 is not.
    const early = await writeXlsx(path.join(dir, '工作日志_202607.xlsx'), [
      JOURNAL_HEADER,
      journal('2026-07-20', '走访福顺便利店，帮助店主整理柜台陈列，讲解新版价签的摆放要求。', '无'),
    ]);
    await importFiles(store, [early], { now: new Date('2026-11-12T01:00:00Z') });
    expect((await readMonthSnapshot(store.db, MONTH))?.stale).toEqual([]);
    const inWindow = await writeXlsx(path.join(dir, '工作日志_202608.xlsx'), [
      JOURNAL_HEADER,
      journal('2026-08-10', '走访福顺便利店，店主反映附近有流动摊贩卖烟，已记录并告知专卖所。', '无'),
    ]);
    await importFiles(store, [inWindow], { now: new Date('2026-11-12T02:00:00Z') });
    expect((await readMonthSnapshot(store.db, MONTH))?.stale).toEqual([
      { kind: 'import', what: '导入了工作日志「工作日志_202608.xlsx」', at: '2026-11-12T02:00:00.000Z' },
    ]);
  });
});
