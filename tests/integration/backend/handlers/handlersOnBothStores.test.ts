import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../src/backend/handlers';
import { describeOnBothStores, type StoreDialectName } from '../../../helpers/bothStores';
import { buildDemoDatabase } from '../../../helpers/demoDatabase';
import { data } from '../../../helpers/invoke';
import { tempDir } from '../../../helpers/tempDir';

const MONTH = '2026-10';
const NOW = new Date('2026-11-10T02:00:00Z');
const dir = tempDir('kaoping-handlers-both-');
/** What each store answered, to compare once both have run (SQLite's block runs first). */
const answers: Partial<Record<StoreDialectName, unknown[]>> = {};

/**
 * The evaluation, journal and report handlers as `kaoping serve` calls them, on SQLite and on
 * PostgreSQL: the same answers from the same demo district, step by step.
 */
describeOnBothStores('handlers on both stores', () => buildDemoDatabase(dir, 1, 2), (fixture, dialect) => {
  let handlers: Handlers;
  beforeAll(async () => {
    handlers = createHandlers({ store: fixture().store, now: () => NOW, workDir: dir });
    await data(handlers, 'app.setSupervisor', { name: '主管甲', unit: '临河营销部' });
  });
  afterAll(async () => handlers?.close());

  it('runs, adjusts, undoes, comments, finalizes, exports and reopens a month', async () => {
    const seen: unknown[] = [];
    const run = await data(handlers, 'evaluation.run', { month: MONTH, jobId: `run-${dialect}` });
    seen.push(run);
    const code = run.managers[0]!.code;
    seen.push(await data(handlers, 'evaluation.adjust', { month: MONTH, managerCode: code, dimension: 'records', score: 55, reason: '日志不实' }));
    seen.push(await data(handlers, 'evaluation.undoAdjustment', { month: MONTH, managerCode: code, reason: '录错了' }));
    seen.push(await data(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: code }));
    const entries = await data(handlers, 'journals.entries', { kind: 'journals', managerCode: code, month: MONTH });
    seen.push(entries);
    seen.push(await data(handlers, 'journals.comment', { kind: 'journals', entryId: entries[0]!.id, text: '需核实' }));
    seen.push(await data(handlers, 'journals.pairs', { month: MONTH }));
    const final = await data(handlers, 'evaluation.finalize', { month: MONTH });
    expect(final.status).toBe('final');
    seen.push(final);
    const report = await data(handlers, 'report.export', { month: MONTH, jobId: `report-${dialect}` });
    expect(report.bytes.length).toBeGreaterThan(10_000);
    seen.push(report.fileName);
    seen.push(await data(handlers, 'evaluation.reopen', { month: MONTH, reason: '补导考勤' }));
    answers[dialect] = seen;
    if (dialect === 'postgres') expect(JSON.parse(JSON.stringify(seen))).toEqual(JSON.parse(JSON.stringify(answers.sqlite)));
  });
});
