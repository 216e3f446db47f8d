import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { FlagType } from '../../../../../src/core/measures/dimensions';
import { DIMENSION_KEYS } from '../../../../../src/core/measures/dimensions';
import { adjustDimension, finalizeMonth, reopenMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { describeOnBothStores } from '../../../../helpers/bothStores';
import { buildDemoDatabase } from '../../../../helpers/demoDatabase';
import { tempDir } from '../../../../helpers/tempDir';

const MONTH = '2026-10';
const actor = { who: '主管甲', now: new Date('2026-11-10T02:00:00Z') };
describeOnBothStores('the demo month', () => buildDemoDatabase(tempDir()), (fixture) => {
  it('flags every planted problem at its manager, and honest managers raise no copy, concentration or travel flags', async () => {
    const snapshot = await evaluateStoredMonth(fixture().store, MONTH, { now: actor.now });
    expect(snapshot.evaluation.workdays).toBe(18);
    const flagsOf = (code: string) => snapshot.evaluation.managers.find((m) => m.code === code)?.flags ?? [];
    for (const planted of fixture().demo.manifest.planted) {
      expect(
        flagsOf(planted.managerCode).map((f) => f.type),
        `${planted.flag} planted at ${planted.managerCode}: ${planted.detail}`,
      ).toContain(planted.flag);
    }
    const watched: FlagType[] = [
      'records.self_copy',
      'records.cross_copy',
      'attendance.concentration',
      'attendance.impossible_travel',
    ];
    for (const m of fixture().demo.manifest.managers.filter((x) => x.honest)) {
      expect(flagsOf(m.code).filter((f) => watched.includes(f.type))).toEqual([]);
    }
    const vetoed = snapshot.evaluation.managers.filter((m) => m.veto);
    expect(vetoed.length).toBeGreaterThan(0);
    for (const m of vetoed) expect(m.grade).toBe('不合格');
    for (const m of snapshot.evaluation.managers) {
      for (const f of m.flags) {
        expect(f.message).toMatch(/[\u4e00-\u9fff]/);
        if (f.type !== 'attendance.absent' && f.type !== 'records.report_missing') expect(f.evidence.length).toBeGreaterThan(0);
      }
    }
  });

  it('keeps evidence ids that point at real rows', async () => {
    const snapshot = await evaluateStoredMonth(fixture().store, MONTH, { now: actor.now });
    const refs = snapshot.evaluation.managers.flatMap((m) => m.flags.flatMap((f) => f.evidence));
    const tables = { attendance: 'attendance', journals: 'journals', reports: 'reports', surveys: 'surveys', inspections: 'inspections', orders: 'orders', retailers: 'retailers' } as const;
    // An absence points at the calendar day itself (id YYYYMMDD), not at a row.
    expect(refs.some((ref) => ref.kind === 'calendar')).toBe(true);
    for (const ref of refs.filter((r) => r.kind !== 'calendar').slice(0, 200)) {
      const row = await fixture().store.db.selectFrom(tables[ref.kind as Exclude<typeof ref.kind, 'calendar'>]).select('id').where('id', '=', ref.id).executeTakeFirst();
      expect(row, `${ref.kind} #${ref.id}`).toBeDefined();
    }
  });

  it('adjusts with a mandatory reason, finalizes, refuses edits while final, and reopens with a reason; all audited', async () => {
    const before = await evaluateStoredMonth(fixture().store, MONTH, { now: actor.now });
    const target = before.evaluation.managers[0];
    if (!target) throw new Error('no managers evaluated');
    await expect(
      adjustDimension(fixture().store, { month: MONTH, managerCode: target.code, dimension: 'records', score: 50, reason: '  ' }, actor),
    ).rejects.toThrow('原因');
    const adjusted = await adjustDimension(
      fixture().store,
      { month: MONTH, managerCode: target.code, dimension: 'records', score: 50, reason: '周记内容与实际走访不符' },
      actor,
    );
    const m = adjusted.evaluation.managers.find((x) => x.code === target.code);
    expect(m?.dimensions.records.score).toBe(50);
    expect(m?.dimensions.records.computedScore).toBe(target.dimensions.records.score);
    // The total is the weighted mean over dimensions with data, recomputed with the adjusted score.
    const dims = DIMENSION_KEYS.map((k) => m?.dimensions[k]).filter((d) => d && d.score !== null);
    const expected = dims.reduce((s, d) => s + (d?.weight ?? 0) * (d?.score ?? 0), 0) / dims.reduce((s, d) => s + (d?.weight ?? 0), 0);
    expect(m?.total).toBeCloseTo(Math.round(expected * 10) / 10, 5);

    const final = await finalizeMonth(fixture().store, MONTH, actor);
    expect(final.status).toBe('final');
    await expect(
      adjustDimension(fixture().store, { month: MONTH, managerCode: target.code, dimension: 'sales', score: 10, reason: '试试' }, actor),
    ).rejects.toThrow('定稿');
    const again = await evaluateStoredMonth(fixture().store, MONTH, { now: new Date('2026-12-01T00:00:00Z') });
    expect(again.evaluatedAt).toBe(final.evaluatedAt);
    expect(again.evaluation).toEqual(final.evaluation);

    await expect(reopenMonth(fixture().store, MONTH, '', actor)).rejects.toThrow('原因');
    const reopened = await reopenMonth(fixture().store, MONTH, '发现考勤数据漏导', actor);
    expect(reopened.status).toBe('draft');

    const audit = await fixture().store.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(audit.map((a) => [a.entity_id, a.new_value, a.reason])).toEqual([
      [`${MONTH}/${target.code}`, '50', '周记内容与实际走访不符'],
      [MONTH, 'final', null],
      [MONTH, 'draft', '发现考勤数据漏导'],
    ]);
  });

  it('the audit log refuses UPDATE and DELETE at the database level', async () => {
    await expect(sql`update audit_log set who = 'x'`.execute(fixture().store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(fixture().store.db)).rejects.toThrow(/append-only/);
  });
});
