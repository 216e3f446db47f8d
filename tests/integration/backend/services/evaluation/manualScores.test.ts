// SQLite only (not in vitest.config.mts's postgres project): runs the CLI on the database file and reopens it with openStore (writesOnBothStores sets manual scores on both).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../src/backend/db/openStore';
import { listAudit } from '../../../../../src/backend/repositories/auditLogRepository';
import { readSupervisor, saveSupervisor } from '../../../../../src/backend/services/app/supervisor';
import { finalizeMonth, reopenMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { readMonthSnapshot } from '../../../../../src/backend/services/evaluation/monthSnapshot';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { exportMonthReport } from '../../../../../src/backend/services/report/exportMonthReport';
import { saveScheme } from '../../../../../src/backend/services/settings/saveScheme';
import { DEFAULT_SCHEME } from '../../../../../src/core/scoring/defaultScheme';
import { runCli } from '../../../../helpers/runCli';
import { tempDir } from '../../../../helpers/tempDir';
import { writeXlsx } from '../../../../helpers/writeSheets';
import { readWorkbook, rowTexts } from '../../../../helpers/readWorkbook';

/**
 * 手工评分 end to end on a real store, and who the supervisor is: a scheme whose 了解市场 is
 * scored by hand, two managers, the CLI's `score` and `--by`, 定稿 and the report's signature.
 */
const MONTH = '2026-10';
const now = new Date('2026-11-10T02:00:00Z');
const dir = tempDir('kaoping-manual-');
const dbPath = path.join(dir, 'manual.sqlite');
let store: Store;

beforeAll(async () => {
  const files = [
    await writeXlsx(path.join(dir, '客户经理花名册.xlsx'), [
      ['工号', '姓名', '营销部', '入职日期', '状态'],
      ['LH001', '张伟', '临河营销部', '2020-03-01', '在岗'],
      ['LH002', '李娜', '临河营销部', '2021-05-06', '在岗'],
    ]),
    await writeXlsx(path.join(dir, '零售客户档案_202610.xlsx'), [
      ['许可证号', '客户名称', '档位', '送货线路', '客户经理工号', '状态'],
      ['370902110001', '福顺便利店', 20, 'X01', 'LH001', '正常'],
      ['370902110002', '老王烟酒店', 20, 'X02', 'LH002', '正常'],
    ]),
    // Orders give 硬性指标 (25): with 出勤 and 文字记录 more than half of the weight has data.
    await writeXlsx(path.join(dir, '订单明细_202610.xlsx'), [
      ['订货日期', '许可证号', '卷烟编码', '卷烟名称', '订购量', '批发价', '建议零售价'],
      ['2026-10-20', '370902110001', '6901028001687', '中华(硬)', 10, 375, 450],
      ['2026-10-20', '370902110002', '6901028001687', '中华(硬)', 8, 375, 450],
    ]),
    await writeXlsx(path.join(dir, '考勤打卡_202610.xlsx'), [
      ['工号', '姓名', '打卡时间', '许可证号'],
      ['LH001', '张伟', '2026-10-08 08:30:00', '370902110001'],
      ['LH002', '李娜', '2026-10-08 08:40:00', '370902110002'],
    ]),
    await writeXlsx(path.join(dir, '工作日志_202610.xlsx'), [
      ['日期', '工号', '姓名', '许可证号', '日志内容'],
      ['2026-10-08', 'LH001', '张伟', '370902110001', '上午走访福顺便利店，核对本周到货数量，店主反映中华(硬)到货偏少。'],
      ['2026-10-08', 'LH002', '李娜', '370902110002', '协助老王烟酒店整理柜台，把高档烟移到收银台旁的玻璃柜，价签换新。'],
    ]),
  ];
  store = await openStore(dbPath);
  const reports = await importFiles(store, files, { now });
  if (reports.some((r) => r.status !== 'imported')) throw new Error('fixture import refused');
  const scheme = { ...DEFAULT_SCHEME, name: '手工了解市场', metrics: { ...DEFAULT_SCHEME.metrics, knowledge: [{ metric: 'knowledge_score' as const, weight: 1, rule: { type: 'manual' as const } }] } };
  await saveScheme(store.db, scheme, '主管甲', now);
  await evaluateStoredMonth(store, MONTH, { now, schemeName: '手工了解市场' });
}, 120_000);
afterAll(async () => {
  await store?.close();
});

describe('the supervisor', () => {
  it('is nobody until set; setting and changing name and unit is audited', async () => {
    expect(await readSupervisor(store.db)).toBeNull();
    await saveSupervisor(store.db, { name: ' 张明 ', unit: '临河营销部' }, now);
    await saveSupervisor(store.db, { name: '张明', unit: '临河营销部市场科' }, new Date('2026-11-10T03:00:00Z'));
    expect(await readSupervisor(store.db)).toEqual({ name: '张明', unit: '临河营销部市场科' });
    const audit = await listAudit(store.db, 'settings', 'supervisor');
    expect(audit.map((a) => [a.field, a.oldValue, a.newValue, a.who])).toEqual([
      ['name', null, '张明', '张明'],
      ['unit', null, '临河营销部', '张明'],
      ['unit', '临河营销部', '临河营销部市场科', '张明'],
    ]);
    await expect(saveSupervisor(store.db, { name: '  ', unit: '' }, now)).rejects.toThrow('请填写考核人姓名');
  });
});

describe('manual scores', () => {
  it('a 手工评分 metric without a score is 待评分 and 定稿 lists who and what is missing', async () => {
    const snapshot = await readMonthSnapshot(store.db, MONTH);
    for (const m of snapshot!.evaluation.managers) {
      expect(m.pendingManual).toEqual(['knowledge_score']);
      expect(m.dimensions.knowledge.score).toBeNull();
    }
    const refused = finalizeMonth(store, MONTH, { who: '张明', now });
    await expect(refused).rejects.toMatchObject({ code: 'unscored' });
    await expect(finalizeMonth(store, MONTH, { who: '张明', now })).rejects.toThrow('张伟（LH001）：市场了解抽查得分；李娜（LH002）：市场了解抽查得分');
  });

  it('`kaoping score` takes a score with --by, refuses one without a reason, and the month is stale until re-run', async () => {
    await store.close();
    const noReason = await runCli(['score', '--db', dbPath, '--month', MONTH, '--manager', 'LH001', '--metric', 'knowledge_score', '--value', '80']);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('必须填写原因');
    const byFlag = await runCli(['score', '--db', dbPath, '--month', MONTH, '--manager', 'LH001', '--metric', 'knowledge_score', '--value', '80', '--reason', '抽查答对四题', '--by', '王科长']);
    expect(byFlag.code, byFlag.stderr).toBe(0);
    // Without --by: KAOPING_USER, never the OS account.
    const byEnv = await runCli(
      ['score', '--db', dbPath, '--month', MONTH, '--manager', 'LH002', '--metric', 'knowledge_score', '--value', '60', '--reason', '抽查答对三题'],
      { KAOPING_USER: '李主管' },
    );
    expect(byEnv.code, byEnv.stderr).toBe(0);
    store = await openStore(dbPath);
    const stale = (await readMonthSnapshot(store.db, MONTH))!.stale;
    expect(stale.map((r) => r.what)).toEqual(['录入了 LH001 的手工评分（市场了解抽查得分）', '录入了 LH002 的手工评分（市场了解抽查得分）']);
    await expect(finalizeMonth(store, MONTH, { who: '张明', now })).rejects.toMatchObject({ code: 'stale' });
    const rows = await store.db.selectFrom('manual_scores').select(['manager_code', 'score', 'created_by']).orderBy('id').execute();
    expect(rows).toEqual([
      { manager_code: 'LH001', score: 80, created_by: '王科长' },
      { manager_code: 'LH002', score: 60, created_by: '李主管' },
    ]);
  });

  it('重新考评 takes the scores in: the dimension is the score, the total gains its weight', async () => {
    const before = (await readMonthSnapshot(store.db, MONTH))!.evaluation.managers.find((m) => m.code === 'LH001')!;
    expect(before.insufficient).toBeNull();
    const after = (await evaluateStoredMonth(store, MONTH, { now })).evaluation.managers.find((m) => m.code === 'LH001')!;
    expect(after.pendingManual).toEqual([]);
    expect(after.dimensions.knowledge.score).toBe(80);
    // Total = (Σ weight × score of the dimensions with data + 5 × 80) / (their weights + 5).
    const withData = Object.values(before.dimensions).filter((d) => d.score !== null);
    const sum = withData.reduce((s, d) => s + d.weight * d.score!, 0);
    const weights = withData.reduce((s, d) => s + d.weight, 0);
    expect(after.total).toBe(Math.round(((sum + 5 * 80) / (weights + 5)) * 10) / 10);
  });

  it('定稿 and reopening are signed by the supervisor set in the app, and the report names them and the scores', async () => {
    const final = await finalizeMonth(store, MONTH, { who: '张明', now });
    expect(final.finalizedBy).toBe('张明');
    await reopenMonth(store, MONTH, '复核', { who: '张明', now });
    await store.close();
    const run = await runCli(['finalize', '--db', dbPath, '--month', MONTH]);
    expect(run.code, run.stderr).toBe(0);
    store = await openStore(dbPath);
    expect((await readMonthSnapshot(store.db, MONTH))!.finalizedBy).toBe('张明');

    const out = path.join(dir, '考评报表.xlsx');
    await exportMonthReport(store, MONTH, out, { now });
    const workbook = await readWorkbook(out);
    const texts = rowTexts(workbook.getWorksheet('张伟（LH001）') ?? workbook.worksheets.find((w) => w.name.includes('LH001'))!).map((r) => r.join('|'));
    expect(texts.some((t) => t.includes('考核人：') && t.includes('张明（临河营销部市场科）'))).toBe(true);
    // 汇总 is the page that is signed: its 考核人 line names the supervisor and unit, under the table.
    const summary = rowTexts(workbook.worksheets[0]!);
    const signature = summary.findIndex((r) => r.includes('考核人：'));
    expect(summary[signature]).toEqual(expect.arrayContaining(['考核人：', '张明（临河营销部市场科）', '审核人：', '日期：']));
    expect(signature).toBeGreaterThan(summary.findIndex((r) => r.includes('片区平均')));
    // Naming another supervisor later does not re-sign the finalized month's report.
    await saveSupervisor(store.db, { name: '李华', unit: '临河营销部' }, new Date('2026-11-20T01:00:00Z'));
    const again = path.join(dir, '考评报表_换人后.xlsx');
    await exportMonthReport(store, MONTH, again, { now });
    const signedAgain = rowTexts((await readWorkbook(again)).worksheets[0]!).find((r) => r.includes('考核人：'));
    expect(signedAgain).toContain('张明（临河营销部市场科）');
    expect(signedAgain).not.toContain('李华（临河营销部）');
    expect(texts.some((t) => /市场了解抽查得分：80 分（王科长，\d{4}-\d{2}-\d{2} \d{2}:\d{2}；抽查答对四题）/.test(t))).toBe(true);
  });
});
