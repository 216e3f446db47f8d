import { expect, it } from 'vitest';
import { listAudit } from '../../../../../src/backend/repositories/auditLogRepository';
import { ensureDefaultScheme, findScheme } from '../../../../../src/backend/repositories/schemeRepository';
import { readSupervisor, saveSupervisor } from '../../../../../src/backend/services/app/supervisor';
import { adjustDimension, finalizeMonth, reopenMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { readManualScores, setManualScore } from '../../../../../src/backend/services/evaluation/manualScores';
import { readMonthSnapshot } from '../../../../../src/backend/services/evaluation/monthSnapshot';
import { undoLastAdjustment } from '../../../../../src/backend/services/evaluation/undoLastAdjustment';
import { commentOnEntry } from '../../../../../src/backend/services/journals/commentOnEntry';
import { saveScheme } from '../../../../../src/backend/services/settings/saveScheme';
import { setCalendarDay } from '../../../../../src/backend/services/settings/setCalendarDay';
import { undoBatch } from '../../../../../src/backend/services/undoBatch';
import { describeOnBothStores } from '../../../../helpers/bothStores';
import { buildDemoDatabase } from '../../../../helpers/demoDatabase';
import { tempDir } from '../../../../helpers/tempDir';

/**
 * The services that write outside the import, each in its own explicit transaction, on SQLite
 * and on PostgreSQL (the same demo district in both): what they write, what they audit, and that
 * a refused write leaves nothing behind.
 */
const MONTH = '2026-10';
const actor = { who: '主管甲', now: new Date('2026-11-10T02:00:00Z') };

describeOnBothStores('writes outside the import', () => buildDemoDatabase(tempDir('kaoping-both-'), 1, 2), (fixture) => {
  it('adjusts a dimension and takes the adjustment back, both audited; finalize and reopen', async () => {
    const { store } = fixture();
    const evaluated = await evaluateStoredMonth(store, MONTH, { now: actor.now });
    const target = evaluated.evaluation.managers[0]!;
    const computed = target.dimensions.records.score;
    const adjusted = await adjustDimension(store, { month: MONTH, managerCode: target.code, dimension: 'records', score: 42, reason: '日志与走访不符' }, actor);
    expect(adjusted.evaluation.managers[0]!.dimensions.records.score).toBe(42);
    const undone = await undoLastAdjustment(store, { month: MONTH, managerCode: target.code, reason: '录错了' }, actor);
    expect(undone.evaluation.managers[0]!.dimensions.records.score).toBe(computed);
    expect(await store.db.selectFrom('adjustments').select('id').execute()).toEqual([]);
    await expect(undoLastAdjustment(store, { month: MONTH, managerCode: target.code, reason: '再撤' }, actor)).rejects.toThrow('没有对工号');

    expect((await finalizeMonth(store, MONTH, actor)).status).toBe('final');
    expect(await store.db.selectFrom('report_freezes').select('month').execute()).toEqual([{ month: MONTH }]);
    expect((await reopenMonth(store, MONTH, '补导考勤', actor)).status).toBe('draft');
    expect(await store.db.selectFrom('report_freezes').select('month').execute()).toEqual([]);
    const audit = await listAudit(store.db, 'evaluation', MONTH);
    expect(audit.map((a) => [a.entityId, a.field.split('（')[0], a.oldValue, a.newValue, a.reason])).toEqual([
      [`${MONTH}/${target.code}`, 'dimension.records', computed === null ? null : String(computed), '42', '日志与走访不符'],
      [`${MONTH}/${target.code}`, 'dimension.records', '42', computed === null ? null : String(computed), '撤销上一次调整：录错了'],
      [MONTH, 'status', 'draft', 'final', null],
      [MONTH, 'status', 'final', 'draft', '补导考勤'],
    ]);
  });

  it('takes a manual score with its reason, audited', async () => {
    const { store } = fixture();
    const code = (await readMonthSnapshot(store.db, MONTH))!.evaluation.managers[1]!.code;
    await setManualScore(store.db, { month: MONTH, managerCode: code, metric: 'knowledge_score', value: 75, reason: '抽查答对三题' }, actor);
    expect((await readManualScores(store.db, MONTH)).map((s) => [s.managerCode, s.metric, s.score, s.who])).toEqual([[code, 'knowledge_score', 75, '主管甲']]);
    const audit = await listAudit(store.db, 'evaluation', `${MONTH}/${code}`);
    expect(audit.map((a) => [a.field.split('（')[0], a.oldValue, a.newValue])).toEqual([['manual.knowledge_score', null, '75']]);
  });

  it('sets, changes and removes a comment on a journal entry; each change audited, an unchanged one not', async () => {
    const { store } = fixture();
    const entry = await store.db.selectFrom('journals').select('id').where('date', 'like', `${MONTH}-%`).orderBy('id').executeTakeFirstOrThrow();
    const req = { kind: 'journals' as const, entryId: entry.id };
    expect((await commentOnEntry(store.db, { ...req, text: ' 需核实 ' }, actor)).comment).toBe('需核实');
    await commentOnEntry(store.db, { ...req, text: '需核实' }, actor);
    await commentOnEntry(store.db, { ...req, text: '已核实' }, actor);
    await commentOnEntry(store.db, { ...req, text: '' }, actor);
    expect(await store.db.selectFrom('entry_comments').select('entry_id').execute()).toEqual([]);
    const audit = await listAudit(store.db, 'entry_comment', `journals/${entry.id}`);
    expect(audit.map((a) => [a.oldValue, a.newValue])).toEqual([
      [null, '需核实'],
      ['需核实', '已核实'],
      ['已核实', null],
    ]);
  });

  it('saves a scheme as its next version; an invalid one is refused and leaves no version and no audit row', async () => {
    const { store } = fixture();
    const base = await ensureDefaultScheme(store.db, actor.now);
    const saved = await saveScheme(store.db, { ...base.scheme, thresholds: { ...base.scheme.thresholds, reportWindowDays: 45 } }, '主管甲', actor.now);
    expect(saved.scheme.version).toBe(base.scheme.version + 1);
    const bad = { ...base.scheme, weights: { ...base.scheme.weights, nonsense: 5 } } as typeof base.scheme;
    await expect(saveScheme(store.db, bad, '主管甲', actor.now)).rejects.toMatchObject({ code: 'invalid_scheme' });
    expect((await findScheme(store.db, base.scheme.name))?.scheme.version).toBe(saved.scheme.version);
    expect((await listAudit(store.db, 'scheme', base.scheme.name)).map((a) => [a.oldValue, a.newValue])).toEqual([[String(base.scheme.version), String(saved.scheme.version)]]);
  });

  it('changes a calendar day as a one-row batch, which undoes to the day as it was', async () => {
    const { store } = fixture();
    const day = '2026-10-31';
    const before = await store.db.selectFrom('calendar_days').select(['workday', 'note', 'batch_id']).where('date', '=', day).executeTakeFirst();
    await setCalendarDay(store.db, { date: day, workday: before?.workday !== 1, note: '调休' }, '主管甲', actor.now);
    const changed = await store.db.selectFrom('calendar_days').select(['workday', 'note', 'batch_id']).where('date', '=', day).executeTakeFirstOrThrow();
    expect([changed.workday, changed.note]).toEqual([before?.workday === 1 ? 0 : 1, '调休']);
    const batch = await store.db.selectFrom('import_batches').select(['id', 'kind', 'inserted', 'updated']).where('id', '=', changed.batch_id).executeTakeFirstOrThrow();
    expect([batch.kind, batch.inserted + batch.updated]).toEqual(['calendar', 1]);
    const undone = await undoBatch(store, batch.id, actor.now);
    expect(undone.ok).toBe(true);
    expect(await store.db.selectFrom('calendar_days').select(['workday', 'note', 'batch_id']).where('date', '=', day).executeTakeFirst()).toEqual(before);
    const audit = await listAudit(store.db, 'calendar', day);
    expect(audit.map((a) => a.reason)).toEqual(['调休']);
  });

  it('names the supervisor, each changed field audited', async () => {
    const { store } = fixture();
    await saveSupervisor(store.db, { name: '张明', unit: '临河营销部' }, actor.now);
    await saveSupervisor(store.db, { name: '张明', unit: '临河营销部市场科' }, actor.now);
    expect(await readSupervisor(store.db)).toEqual({ name: '张明', unit: '临河营销部市场科' });
    expect((await listAudit(store.db, 'settings', 'supervisor')).map((a) => [a.field, a.newValue])).toEqual([
      ['name', '张明'],
      ['unit', '临河营销部'],
      ['unit', '临河营销部市场科'],
    ]);
  });
});
