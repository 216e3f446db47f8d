import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import type { JournalCopyFindings } from '../../../../../src/core/measures/findJournalCopies';
import { buildDemoDatabase, type DemoDatabase } from '../../../../helpers/demoDatabase';
import { tempDir } from '../../../../helpers/tempDir';

const MONTH = '2026-10';
const now = new Date('2026-11-10T02:00:00Z');
let demo: DemoDatabase;

beforeAll(async () => {
  demo = await buildDemoDatabase(tempDir(), 1, 2);
}, 180_000);
afterAll(() => demo?.store.close());

const kept = () => demo.store.db.selectFrom('journal_copy_cache').selectAll().where('month', '=', MONTH).executeTakeFirst();
const evaluate = async () => (await evaluateStoredMonth(demo.store, MONTH, { now })).evaluation;

describe('the copy findings kept per district and month (migrations 0016, 0026)', () => {
  it('are kept by an evaluation, answer the next one, and give the very evaluation computing them gives', async () => {
    const computed = await evaluate();
    const row = await kept();
    expect(row?.input_key).toMatch(/^[0-9a-f]{64}$/);
    const findings = JSON.parse(row?.findings_json ?? '') as JournalCopyFindings;
    // The demo plants copies: the kept findings hold the month's pairs.
    expect(computed.nearCopyPairs.filter((p) => p.kind === 'journals').length).toBeGreaterThan(0);
    expect(findings.pairs.length).toBeGreaterThanOrEqual(computed.nearCopyPairs.filter((p) => p.kind === 'journals').length);
    expect(JSON.stringify(await evaluate())).toBe(JSON.stringify(computed));

    // The kept row is what the next evaluation reads: a changed figure in it shows up in the result.
    const [first] = findings.pairs;
    if (!first) throw new Error('no kept pair');
    const marked = { ...findings, pairs: [{ ...first, similarity: 0.123456789 }, ...findings.pairs.slice(1)] };
    await demo.store.db.updateTable('journal_copy_cache').set({ findings_json: JSON.stringify(marked) }).where('month', '=', MONTH).execute();
    const fromKept = await evaluate();
    expect(fromKept.nearCopyPairs.find((p) => p.aId === first.aId && p.bId === first.bId)?.similarity).toBe(0.123456789);

    // A kept row that cannot be read is computed anew (and kept again).
    await demo.store.db.updateTable('journal_copy_cache').set({ findings_json: '{' }).where('month', '=', MONTH).execute();
    expect(JSON.stringify(await evaluate())).toBe(JSON.stringify(computed));
    const rewritten = await kept();
    expect(JSON.parse(rewritten?.findings_json ?? '')).toEqual(findings);
    expect(rewritten?.input_key).toBe(row?.input_key);
  });

  it('no longer answer once an entry compared has changed: the evaluation computes and keeps the new findings', async () => {
    const before = await kept();
    const findings = JSON.parse(before?.findings_json ?? '') as JournalCopyFindings;
    const [first] = findings.pairs;
    if (!first) throw new Error('no kept pair');
    await demo.store.db
      .updateTable('journal_copy_cache')
      .set({ findings_json: JSON.stringify({ ...findings, pairs: [{ ...first, similarity: 0.123456789 }, ...findings.pairs.slice(1)] }) })
      .where('month', '=', MONTH)
      .execute();
    // One entry of the month that is in no pair gets a sentence more.
    const paired = new Set(findings.pairs.flatMap((p) => [p.aId, p.bId]));
    const entries = await demo.store.db.selectFrom('journals').select(['id', 'content']).where('date', '>=', `${MONTH}-01`).orderBy('id').execute();
    const loner = entries.find((e) => !paired.has(e.id));
    if (!loner) throw new Error('every entry is paired');
    await demo.store.db.updateTable('journals').set({ content: `${loner.content}另：补记一户门店的陈列调整情况。` }).where('id', '=', loner.id).execute();
    const after = await evaluate();
    expect(after.nearCopyPairs.find((p) => p.aId === first.aId && p.bId === first.bId)?.similarity).not.toBe(0.123456789);
    const row = await kept();
    expect(row?.input_key).not.toBe(before?.input_key);
    expect((JSON.parse(row?.findings_json ?? '') as JournalCopyFindings).pairs.map((p) => p.similarity)).not.toContain(0.123456789);
  });
});
