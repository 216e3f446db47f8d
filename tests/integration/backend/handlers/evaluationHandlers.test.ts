import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../src/backend/handlers';
import { saveSchemeVersion } from '../../../../src/backend/repositories/schemeRepository';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';
import { DIMENSION_KEYS } from '../../../../src/core/measures/dimensions';
import { buildDemoDatabase, type DemoDatabase } from '../../../helpers/demoDatabase';
import { tempDir } from '../../../helpers/tempDir';
import { call, data, recordingContext } from '../../../helpers/invoke';

const MONTH = '2026-10';
const NOW = new Date('2026-11-10T02:00:00Z');
const SUPERVISOR = '主管甲';
let demo: DemoDatabase;
let handlers: Handlers;
let computedRecords: number | null = null;
const dir = tempDir('kaoping-eval-handlers-');

beforeAll(async () => {
  demo = await buildDemoDatabase(dir);
  handlers = createHandlers({ store: demo.store, now: () => NOW, workDir: dir });
  // Changes are signed with the supervisor's name from 设置 › 常规, never the OS account.
  await data(handlers, 'app.setSupervisor', { name: SUPERVISOR, unit: '临河营销部' });
}, 180_000);
afterAll(async () => {
  await handlers?.close();
  await demo?.store.close();
});

/** The rows of the audit trail for the month, oldest first. */
async function auditRows() {
  return demo.store.db.selectFrom('audit_log').selectAll().where('entity', '=', 'evaluation').orderBy('id').execute();
}

describe('evaluation handlers', () => {
  it('get is null before the first run; run reports its steps and get then returns the same month', async () => {
    expect(await data(handlers, 'evaluation.get', { month: MONTH })).toBeNull();

    const { ctx, events } = recordingContext();
    const run = await data(handlers, 'evaluation.run', { month: MONTH, jobId: 'eval-1' }, ctx);
    const managers = await demo.store.db.selectFrom('managers').select('code').execute();
    expect(run.managers.map((m) => m.code).sort()).toEqual(managers.map((m) => m.code).sort());
    expect(run).toMatchObject({ month: MONTH, status: 'draft', finalizedAt: null, scheme: { name: DEFAULT_SCHEME.name }, grades: ['优秀', '良好', '合格', '不合格'] });
    expect(run.evaluatedAt).toBe(NOW.toISOString());
    for (const m of run.managers) expect(Object.keys(m.dimensions).sort()).toEqual([...DIMENSION_KEYS].sort());

    const progress = events.filter((e) => e.name === 'job.progress').map((e) => e.payload);
    expect(progress).toEqual([
      { jobId: 'eval-1', step: 'load', done: 0, total: 3 },
      { jobId: 'eval-1', step: 'compute', done: 1, total: 3 },
      { jobId: 'eval-1', step: 'save', done: 2, total: 3 },
      { jobId: 'eval-1', step: 'save', done: 3, total: 3 },
    ]);
    // The job closes after its last progress event.
    expect(events.at(-1)).toEqual({ name: 'job.done', payload: { jobId: 'eval-1' } });

    const got = await data(handlers, 'evaluation.get', { month: MONTH });
    expect(got).toEqual(run);
    const stored = await demo.store.db.selectFrom('evaluations').select(['status', 'result_json']).where('month', '=', MONTH).executeTakeFirstOrThrow();
    const storedManagers = (JSON.parse(stored.result_json) as { managers: { code: string; total: number | null; veto: unknown }[] }).managers;
    for (const m of storedManagers) {
      const row = got?.managers.find((r) => r.code === m.code);
      expect(row?.total, m.code).toBe(m.total);
      expect(row?.veto !== null, m.code).toBe(m.veto !== null);
    }
    expect(run.managers.some((m) => m.veto !== null)).toBe(true);
  });

  it('refuses an adjustment without a reason and keeps one with a reason, with the computed score beside it', async () => {
    const before = await data(handlers, 'evaluation.get', { month: MONTH });
    const target = before!.managers.find((m) => m.dimensions.records?.score !== null)!;
    const computed = target.dimensions.records!.score;
    computedRecords = computed;

    const blank = await call(handlers, 'evaluation.adjust', { month: MONTH, managerCode: target.code, dimension: 'records', score: 88, reason: '   ' });
    expect(blank).toEqual({ ok: false, error: { code: 'invalid_adjustment', message: '必须填写原因' } });
    expect(await demo.store.db.selectFrom('adjustments').select('id').execute()).toEqual([]);

    const adjusted = await data(handlers, 'evaluation.adjust', { month: MONTH, managerCode: target.code, dimension: 'records', score: 88, reason: '抽查日志后复核' });
    const row = adjusted.managers.find((m) => m.code === target.code)!;
    expect(row.dimensions.records).toMatchObject({ score: 88, computedScore: computed });
    const stored = await demo.store.db.selectFrom('adjustments').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ month: MONTH, manager_code: target.code, score: 88, reason: '抽查日志后复核', created_by: SUPERVISOR, created_at: NOW.toISOString() });
    expect(await data(handlers, 'evaluation.get', { month: MONTH })).toEqual(adjusted);
  });

  it('finalizes; then adjusting and re-running with another scheme are refused and a plain run returns the month unchanged', async () => {
    await saveSchemeVersion(demo.store.db, { ...DEFAULT_SCHEME, name: '严格方案' }, '测试', NOW);
    const final = await data(handlers, 'evaluation.finalize', { month: MONTH });
    expect(final).toMatchObject({ status: 'final', finalizedAt: NOW.toISOString(), finalizedBy: SUPERVISOR });

    const adjust = await call(handlers, 'evaluation.adjust', { month: MONTH, managerCode: final.managers[1]!.code, dimension: 'sales', score: 10, reason: '试试' });
    expect(adjust.ok).toBe(false);
    if (!adjust.ok) {
      expect(adjust.error.code).toBe('finalized');
      expect(adjust.error.message).toContain('已定稿');
    }
    const other = await call(handlers, 'evaluation.run', { month: MONTH, jobId: 'eval-2', schemeName: '严格方案' });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error.code).toBe('finalized');

    const { ctx, events } = recordingContext();
    const again = await data(handlers, 'evaluation.run', { month: MONTH, jobId: 'eval-3' }, ctx);
    expect(again).toEqual(final);
    expect(events.map((e) => e.name)).toEqual(['job.done']);
    expect(await demo.store.db.selectFrom('adjustments').select('id').execute()).toHaveLength(1);
  });

  it('refuses a reopen without a reason and reopens with one, audited', async () => {
    const blank = await call(handlers, 'evaluation.reopen', { month: MONTH, reason: '' });
    expect(blank).toEqual({ ok: false, error: { code: 'invalid_adjustment', message: '必须填写原因' } });
    expect((await data(handlers, 'evaluation.get', { month: MONTH }))?.status).toBe('final');

    const reopened = await data(handlers, 'evaluation.reopen', { month: MONTH, reason: '补录了专卖检查' });
    expect(reopened).toMatchObject({ status: 'draft', finalizedAt: null, finalizedBy: null });
    const audit = await auditRows();
    expect(audit.map((a) => [a.field, a.old_value, a.new_value, a.reason])).toEqual([
      [expect.stringContaining('records'), String(computedRecords), '88', '抽查日志后复核'],
      ['status', 'draft', 'final', null],
      ['status', 'final', 'draft', '补录了专卖检查'],
    ]);
    // A draft month can be re-run with another scheme again.
    const rerun = await data(handlers, 'evaluation.run', { month: MONTH, jobId: 'eval-4', schemeName: '严格方案' });
    expect(rerun.scheme).toEqual({ name: '严格方案', version: 1 });
  });

  it('refuses to finalize or adjust a month that was never evaluated', async () => {
    const result = await call(handlers, 'evaluation.finalize', { month: '2025-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not_evaluated');
    expect(await data(handlers, 'evaluation.get', { month: '2025-01' })).toBeNull();
  });
});
