import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/backend/db/openStore';
import { openTestStore } from '../../../helpers/testStore';
import { writeDemoDistrict } from '../../../../src/backend/demo/writeDemoDistrict';
import { createHandlers, type Handlers } from '../../../../src/backend/handlers';
import { finalizeMonth } from '../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { importFiles } from '../../../../src/backend/services/import/importFiles';
import type { NearCopyMonthDto, TextEntryDto } from '../../../../src/shared/api/journalsApi';
import { tempDir } from '../../../helpers/tempDir';
import { call, data } from '../../../helpers/invoke';

const SUPERVISOR = '主管甲';

/**
 * 日志对照 on the demo district (two months; October has planted self and cross copies):
 * the evaluation's pairs with names and dates, a manager's entries in order, and comments
 * that are saved, edited, removed, audited and refused once the month is finalized.
 */
const MONTH = '2026-10';
const PREV = '2026-09';
const dir = tempDir('kaoping-journals-');
const NOW = new Date('2026-11-06T03:04:05Z');
let store: Store;
let handlers: Handlers;
let month: NearCopyMonthDto;

beforeAll(async () => {
  const demo = await writeDemoDistrict({ outDir: path.join(dir, 'demo'), months: 2 });
  store = await openTestStore(path.join(dir, 'kaoping.sqlite'));
  const reports = await importFiles(store, demo.files, { now: new Date('2026-11-03T08:00:00Z') });
  expect(reports.filter((r) => r.status !== 'imported')).toEqual([]);
  handlers = createHandlers({ store, now: () => NOW, workDir: dir });
  // Comments are signed with the supervisor's name from 设置 › 常规, never the OS account.
  await data(handlers, 'app.setSupervisor', { name: SUPERVISOR, unit: '临河营销部' });
}, 300_000);
afterAll(async () => {
  await handlers?.close();
  await store?.close();
});

const managerByCode = async () =>
  new Map((await store.db.selectFrom('managers').select(['id', 'code', 'name']).execute()).map((m) => [m.code, m]));

describe('journals.pairs', () => {
  it('says the month is not evaluated yet instead of claiming there are no copies', async () => {
    expect(await data(handlers, 'journals.pairs', { month: MONTH })).toEqual({ month: MONTH, status: 'none', pairs: [] });
  });

  it("gives the stored evaluation's pairs, most similar first, with both managers' names and both entries' dates", async () => {
    await evaluateStoredMonth(store, MONTH, { now: new Date('2026-11-04T01:00:00Z') });
    month = await data(handlers, 'journals.pairs', { month: MONTH });
    expect(month.status).toBe('draft');
    const row = await store.db.selectFrom('evaluations').select('result_json').where('month', '=', MONTH).executeTakeFirstOrThrow();
    const stored = (JSON.parse(row.result_json) as { nearCopyPairs: { kind: string; aId: number; bId: number; similarity: number; self: boolean }[] })
      .nearCopyPairs;
    expect(stored.length).toBeGreaterThanOrEqual(3);
    const key = (p: { kind: string; aId: number; bId: number; similarity: number; self: boolean }) => `${p.kind}:${p.aId}:${p.bId}:${p.similarity}:${p.self}`;
    expect(month.pairs.map(key).sort()).toEqual(stored.map(key).sort());
    const sims = month.pairs.map((p) => p.similarity);
    expect(sims).toEqual([...sims].sort((a, b) => b - a));
    // The demo plants both kinds of copy.
    expect(month.pairs.some((p) => p.self && p.kind === 'journals')).toBe(true);
    expect(month.pairs.some((p) => !p.self && p.kind === 'journals')).toBe(true);

    const managers = await managerByCode();
    for (const pair of month.pairs) {
      expect(pair.aManager.name).toBe(managers.get(pair.aManager.code)?.name);
      expect(pair.bManager.name).toBe(managers.get(pair.bManager.code)?.name);
      expect(pair.self).toBe(pair.aManager.code === pair.bManager.code);
      if (pair.kind === 'journals') {
        const rows = await store.db.selectFrom('journals').select(['id', 'date', 'manager_id']).where('id', 'in', [pair.aId, pair.bId]).execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        expect(pair.aDate).toBe(byId.get(pair.aId)?.date);
        expect(pair.bDate).toBe(byId.get(pair.bId)?.date);
        expect(byId.get(pair.aId)?.manager_id).toBe(managers.get(pair.aManager.code)?.id);
        expect(pair.aDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('gives both texts of a pair by id, and the texts really are near-copies', async () => {
    const pair = month.pairs.find((p) => p.kind === 'journals' && !p.self);
    if (!pair) throw new Error('no cross pair');
    const entries = await data(handlers, 'journals.byIds', { kind: 'journals', ids: [pair.aId, pair.bId] });
    expect(entries.map((e) => e.id).sort()).toEqual([pair.aId, pair.bId].sort());
    const [a, b] = [entries.find((e) => e.id === pair.aId), entries.find((e) => e.id === pair.bId)];
    expect(a?.managerCode).toBe(pair.aManager.code);
    expect(b?.managerCode).toBe(pair.bManager.code);
    expect(a?.text.length).toBeGreaterThan(20);
    expect(a?.text).not.toBe(b?.text);
    expect(a?.text.slice(0, 10)).toBe(b?.text.slice(0, 10));
  });
});

describe('journals.entries', () => {
  it("lists a manager's journals of the month in date and time order, all of them and nobody else's", async () => {
    const managers = await managerByCode();
    const lh001 = managers.get('LH001');
    if (!lh001) throw new Error('no LH001');
    const entries = await data(handlers, 'journals.entries', { kind: 'journals', managerCode: 'LH001', month: MONTH });
    const count = await store.db
      .selectFrom('journals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('manager_id', '=', lh001.id)
      .where('date', 'like', `${MONTH}-%`)
      .executeTakeFirstOrThrow();
    expect(entries.length).toBe(Number(count.n));
    expect(entries.length).toBeGreaterThan(50);
    // Entries without an arrival time close their day.
    const keys = entries.map((e) => `${e.date} ${e.time ?? '99:99'}`);
    expect(keys).toEqual([...keys].sort());
    expect(entries.some((e) => e.time === null)).toBe(true);
    for (const e of entries) {
      expect(e).toMatchObject({ kind: 'journals', managerCode: 'LH001', managerName: lh001.name, month: MONTH, locked: false, comment: null });
      expect(e.date?.slice(0, 7)).toBe(MONTH);
      if (e.time !== null) expect(e.time).toMatch(/^\d{2}:\d{2}$/);
      expect(e.retailerName).toBeTruthy();
    }
    const day = entries[0]?.date ?? '';
    const ofDay = await data(handlers, 'journals.entries', { kind: 'journals', managerCode: 'LH001', month: MONTH, date: day });
    expect(ofDay.map((e) => e.id)).toEqual(entries.filter((e) => e.date === day).map((e) => e.id));
  });

  it("gives a manager's monthly report about the month, and last month's", async () => {
    const [current] = await data(handlers, 'journals.entries', { kind: 'reports', managerCode: 'LH004', month: MONTH });
    const [previous] = await data(handlers, 'journals.entries', { kind: 'reports', managerCode: 'LH004', month: PREV });
    expect(current).toMatchObject({ kind: 'reports', managerCode: 'LH004', month: MONTH });
    expect(previous).toMatchObject({ kind: 'reports', managerCode: 'LH004', month: PREV });
    expect(current?.text.length).toBeGreaterThan(50);
    expect(await data(handlers, 'journals.entries', { kind: 'reports', managerCode: 'NOBODY', month: MONTH })).toEqual([]);
  });

  it('lists the roster with each manager’s journal and report counts for the pickers', async () => {
    const list = await data(handlers, 'journals.managers', { month: MONTH });
    expect(list.map((m) => m.code)).toEqual([...list.map((m) => m.code)].sort());
    const lh001 = list.find((m) => m.code === 'LH001');
    const entries = await data(handlers, 'journals.entries', { kind: 'journals', managerCode: 'LH001', month: MONTH });
    expect(lh001?.journals).toBe(entries.length);
    expect(list.reduce((n, m) => n + m.reports, 0)).toBeGreaterThan(0);
  });
});

describe('journals.comment', () => {
  const audit = (entityId: string) =>
    store.db.selectFrom('audit_log').selectAll().where('entity', '=', 'entry_comment').where('entity_id', '=', entityId).orderBy('id').execute();

  it('saves, edits and removes a comment, keeping every change in the audit log', async () => {
    const pair = month.pairs.find((p) => p.kind === 'journals' && p.self);
    if (!pair) throw new Error('no self pair');
    const saved = await data(handlers, 'journals.comment', { kind: 'journals', entryId: pair.bId, text: '  与 13 日的日志几乎一样，已约谈。 ' });
    expect(saved).toMatchObject({ id: pair.bId, comment: '与 13 日的日志几乎一样，已约谈。', commentBy: SUPERVISOR, commentAt: NOW.toISOString() });
    const [reread] = await data(handlers, 'journals.byIds', { kind: 'journals', ids: [pair.bId] });
    expect(reread?.comment).toBe('与 13 日的日志几乎一样，已约谈。');

    await data(handlers, 'journals.comment', { kind: 'journals', entryId: pair.bId, text: '已约谈，本人承认照抄。' });
    // The same text again changes nothing and adds no audit row.
    await data(handlers, 'journals.comment', { kind: 'journals', entryId: pair.bId, text: '已约谈，本人承认照抄。' });
    const rows = await store.db.selectFrom('entry_comments').selectAll().where('entry_id', '=', pair.bId).execute();
    expect(rows).toEqual([expect.objectContaining({ kind: 'journals', text: '已约谈，本人承认照抄。', updated_by: SUPERVISOR })]);

    const removed = await data(handlers, 'journals.comment', { kind: 'journals', entryId: pair.bId, text: '   ' });
    expect(removed).toMatchObject({ comment: null, commentBy: null, commentAt: null });
    expect(await store.db.selectFrom('entry_comments').selectAll().where('entry_id', '=', pair.bId).execute()).toEqual([]);

    expect((await audit(`journals/${pair.bId}`)).map((r) => [r.old_value, r.new_value, r.who, r.field])).toEqual([
      [null, '与 13 日的日志几乎一样，已约谈。', SUPERVISOR, 'comment'],
      ['与 13 日的日志几乎一样，已约谈。', '已约谈，本人承认照抄。', SUPERVISOR, 'comment'],
      ['已约谈，本人承认照抄。', null, SUPERVISOR, 'comment'],
    ]);
  });

  it('keeps a journal comment and a report comment on the same id apart', async () => {
    const [report] = await data(handlers, 'journals.entries', { kind: 'reports', managerCode: 'LH004', month: MONTH });
    if (!report) throw new Error('no report');
    await data(handlers, 'journals.comment', { kind: 'reports', entryId: report.id, text: '与上月报告雷同' });
    await data(handlers, 'journals.comment', { kind: 'journals', entryId: report.id, text: '日志批注' });
    const [r] = await data(handlers, 'journals.byIds', { kind: 'reports', ids: [report.id] });
    const [j] = await data(handlers, 'journals.byIds', { kind: 'journals', ids: [report.id] });
    expect([r?.comment, j?.comment]).toEqual(['与上月报告雷同', '日志批注']);
  });

  it('names an entry that does not exist', async () => {
    const result = await call(handlers, 'journals.comment', { kind: 'journals', entryId: 9_999_999, text: '批注' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses comments on a finalized month in Chinese, marks its entries locked, and leaves other months open', async () => {
    const pair = month.pairs.find((p) => p.kind === 'journals');
    if (!pair) throw new Error('no pair');
    const before = (await store.db.selectFrom('audit_log').select('id').where('entity', '=', 'entry_comment').execute()).length;
    await finalizeMonth(store, MONTH, { who: '张主管', now: new Date('2026-11-05T02:00:00Z') });

    const refused = await call(handlers, 'journals.comment', { kind: 'journals', entryId: pair.aId, text: '定稿后的批注' });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('finalized');
    expect(refused.error.message).toMatch(/^2026-10 已定稿，不能再添加或修改批注/);
    // Removing is a change too: October's report keeps the comment it was given before 定稿.
    const [report] = await data(handlers, 'journals.entries', { kind: 'reports', managerCode: 'LH004', month: MONTH });
    if (!report) throw new Error('no report');
    expect(await call(handlers, 'journals.comment', { kind: 'reports', entryId: report.id, text: '' })).toMatchObject({ ok: false, error: { code: 'finalized' } });
    expect((await data(handlers, 'journals.byIds', { kind: 'reports', ids: [report.id] }))[0]).toMatchObject({ comment: '与上月报告雷同', locked: true });
    expect(await store.db.selectFrom('entry_comments').selectAll().where('entry_id', '=', pair.aId).where('kind', '=', 'journals').execute()).toEqual([]);
    expect((await store.db.selectFrom('audit_log').select('id').where('entity', '=', 'entry_comment').execute()).length).toBe(before);

    const [locked] = await data(handlers, 'journals.byIds', { kind: 'journals', ids: [pair.aId] });
    expect(locked?.locked).toBe(true);
    const september: TextEntryDto[] = await data(handlers, 'journals.entries', { kind: 'journals', managerCode: 'LH001', month: PREV });
    expect(september.length).toBeGreaterThan(0);
    expect(september.every((e) => !e.locked)).toBe(true);
    const first = september[0];
    if (!first) throw new Error('no September journal');
    expect(await data(handlers, 'journals.comment', { kind: 'journals', entryId: first.id, text: '九月未定稿，可以批注' })).toMatchObject({
      comment: '九月未定稿，可以批注',
    });
    expect((await data(handlers, 'journals.pairs', { month: MONTH })).status).toBe('final');
  });
});
