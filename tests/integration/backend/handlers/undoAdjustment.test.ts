import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../src/backend/handlers';
import { buildDemoDatabase, type DemoDatabase } from '../../../helpers/demoDatabase';
import { tempDir } from '../../../helpers/tempDir';
import { call, data } from '../../../helpers/invoke';

const MONTH = '2026-10';
const NOW = new Date('2026-11-10T02:00:00Z');
let demo: DemoDatabase;
let handlers: Handlers;
const dir = tempDir('kaoping-undo-adjustment-');

beforeAll(async () => {
  demo = await buildDemoDatabase(dir, 1, 2);
  handlers = createHandlers({ store: demo.store, now: () => NOW, workDir: dir });
}, 180_000);
afterAll(async () => {
  await handlers?.close();
  await demo?.store.close();
});

describe('evaluation.undoAdjustment', () => {
  it('takes back the last adjustment to the score before it, needs a reason, audits it, and refuses when nothing is left', async () => {
    const evaluated = await data(handlers, 'evaluation.run', { month: MONTH, jobId: 'eval-1' });
    const code = evaluated.managers[0]!.code;
    const computed = evaluated.managers[0]!.dimensions.records!.score;
    await data(handlers, 'evaluation.adjust', { month: MONTH, managerCode: code, dimension: 'records', score: 88, reason: '复核' });
    await data(handlers, 'evaluation.adjust', { month: MONTH, managerCode: code, dimension: 'records', score: 70, reason: '再次复核' });

    const blank = await call(handlers, 'evaluation.undoAdjustment', { month: MONTH, managerCode: code, reason: '  ' });
    expect(blank).toEqual({ ok: false, error: { code: 'invalid_adjustment', message: '必须填写原因' } });

    const once = await data(handlers, 'evaluation.undoAdjustment', { month: MONTH, managerCode: code, reason: '录错了' });
    expect(once.managers.find((m) => m.code === code)?.dimensions.records).toMatchObject({ score: 88, computedScore: computed });
    const twice = await data(handlers, 'evaluation.undoAdjustment', { month: MONTH, managerCode: code, reason: '不调整了' });
    const records = twice.managers.find((m) => m.code === code)?.dimensions.records;
    expect(records?.score).toBe(computed);
    expect(records?.computedScore).toBeUndefined();
    expect(await data(handlers, 'evaluation.get', { month: MONTH })).toEqual(twice);

    const nothing = await call(handlers, 'evaluation.undoAdjustment', { month: MONTH, managerCode: code, reason: '再撤' });
    expect(nothing.ok).toBe(false);
    if (!nothing.ok) expect(nothing.error.message).toContain('没有');

    const audit = await demo.store.db.selectFrom('audit_log').select(['old_value', 'new_value', 'reason']).where('entity', '=', 'evaluation').orderBy('id').execute();
    expect(audit.slice(-2)).toEqual([
      { old_value: '70', new_value: '88', reason: '撤销上一次调整：录错了' },
      { old_value: '88', new_value: String(computed), reason: '撤销上一次调整：不调整了' },
    ]);
  });
});
