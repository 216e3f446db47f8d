import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../src/backend/handlers';
import { adjustDimension, finalizeMonth } from '../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../src/backend/services/evaluation/evaluateStoredMonth';
import type { MonthSnapshot } from '../../../../src/backend/services/evaluation/monthSnapshot';
import { DIMENSION_KEYS, type MetricKey } from '../../../../src/core/measures/dimensions';
import { messagesZh } from '../../../../src/core/messages/messageText';
import type { EvidenceRefDto, ScorecardDto } from '../../../../src/shared/api/evaluationApi';
import { buildDemoDatabase, type DemoDatabase } from '../../../helpers/demoDatabase';
import { tempDir } from '../../../helpers/tempDir';
import { call, data } from '../../../helpers/invoke';

const MONTH = '2026-10';
const now = new Date('2026-11-10T02:00:00Z');
const dir = tempDir('kaoping-scorecard-');
let demo: DemoDatabase;
let handlers: Handlers;
let snapshot: MonthSnapshot;
let beforeEvaluation: Awaited<ReturnType<typeof call<'evaluation.scorecard'>>>;

beforeAll(async () => {
  // Two months of orders: the scorecard does not need last year's volume, and the import is much faster.
  demo = await buildDemoDatabase(dir, 1, 2);
  handlers = createHandlers({ store: demo.store, now: () => now, workDir: dir });
  beforeEvaluation = await call(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: 'LH002' });
  snapshot = await evaluateStoredMonth(demo.store, MONTH, { now });
}, 240_000);
afterAll(async () => {
  await handlers?.close();
  await demo?.store.close();
});

const TABLES = { attendance: 'attendance', journals: 'journals', reports: 'reports', surveys: 'surveys', inspections: 'inspections', orders: 'orders', retailers: 'retailers' } as const;

function uniqueRefs(refs: readonly EvidenceRefDto[]): EvidenceRefDto[] {
  const seen = new Set<string>();
  return refs.filter((r) => !seen.has(`${r.kind}#${r.id}`) && Boolean(seen.add(`${r.kind}#${r.id}`)));
}

describe('evaluation.scorecard', () => {
  it('refuses a month that has not been evaluated, in Chinese', () => {
    expect(beforeEvaluation.ok).toBe(false);
    if (beforeEvaluation.ok) return;
    expect(beforeEvaluation.error.code).toBe('not_evaluated');
    expect(beforeEvaluation.error.message).toMatch(/还没有考评结果/);
  });

  it('refuses an unknown manager with not_found', async () => {
    const result = await call(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: 'NOPE9' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('not_found');
      expect(result.error.message).toContain('NOPE9');
    }
  });

  it('shows the snapshot’s metric values, and sub-scores that recombine into every dimension score', async () => {
    let exact = 0;
    let compared = 0;
    for (const manager of snapshot.evaluation.managers) {
      const card = await data(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: manager.code });
      expect(card.status).toBe('draft');
      expect(card.manager).toMatchObject({ code: manager.code, name: manager.name, rank: manager.rank, total: manager.total, grade: manager.grade });
      expect(card.metrics.map((m) => m.dimension)).toEqual(expect.arrayContaining([...DIMENSION_KEYS]));
      for (const key of DIMENSION_KEYS) {
        const dimension = manager.dimensions[key];
        const rows = card.metrics.filter((m) => m.dimension === key);
        expect(rows.length).toBe(Object.keys(dimension.metrics).length);
        for (const row of rows) {
          const stored = dimension.metrics[row.metric as MetricKey];
          expect(row.value, `${manager.code} ${row.metric}`).toBe(dimension.score === null ? null : (stored ?? null));
          expect(row.districtValue).toBe(snapshot.evaluation.districtMetrics[row.metric as MetricKey] ?? null);
          expect(row.label).toMatch(/[\u4e00-\u9fff]/);
          expect(row.rule).toMatch(/[\u4e00-\u9fff]/);
        }
        const scored = rows.filter((r) => r.weight !== null && r.score !== null);
        if (dimension.score === null) {
          expect(scored).toEqual([]);
          continue;
        }
        const weights = scored.reduce((s, r) => s + (r.weight ?? 0), 0);
        const recombined = scored.reduce((s, r) => s + (r.weight ?? 0) * (r.score ?? 0), 0) / weights;
        // Sub-scores carry one decimal, so the recombined mean may differ from the stored (rounded) score by at most 0.1.
        expect(Math.abs(recombined - dimension.score), `${manager.code} ${key}: ${recombined} vs ${dimension.score}`).toBeLessThanOrEqual(0.1 + 1e-9);
        compared += 1;
        if (Math.round(recombined * 10) / 10 === dimension.score) exact += 1;
      }
    }
    expect(compared).toBeGreaterThan(40);
    expect(exact / compared).toBeGreaterThan(0.9);
  });

  it('gives a scored metric its rule type and weight share, and an unscored one neither', async () => {
    const card = await data(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: 'LH002' });
    for (const key of DIMENSION_KEYS) {
      const scheme = snapshot.scheme.metrics[key];
      const rows = card.metrics.filter((m) => m.dimension === key);
      for (const row of rows) {
        const rule = scheme.find((m) => m.metric === row.metric);
        expect(row.ruleType).toBe(rule ? rule.rule.type : null);
        if (!rule) expect(row.rule).toBe('不计分，仅供参考');
      }
      const shares = rows.map((r) => r.weight ?? 0).reduce((a, b) => a + b, 0);
      if (scheme.some((m) => m.weight > 0)) expect(shares).toBeCloseTo(100, 1);
    }
    const attendanceRate = card.metrics.find((m) => m.metric === 'attendance_rate');
    expect(attendanceRate).toMatchObject({ format: 'percent', unit: '%' });
  });

  it('lists the manager’s flags with Chinese labels, and each flag counts on the metric it is about only', async () => {
    const manager = snapshot.evaluation.managers.find((m) => m.code === 'LH002')!;
    const card = await data(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: 'LH002' });
    expect(card.flags.map((f) => f.type)).toEqual(manager.flags.map((f) => f.type));
    expect(card.manager.flagCount).toBe(manager.flags.length);
    expect(card.flags.find((f) => f.type === 'attendance.absent')?.label).toBe('工作日无打卡');
    const indexesOf = (type: string) => card.flags.flatMap((f, i) => (f.type === type ? [i] : []));
    const rowOf = (metric: string) => card.metrics.find((m) => m.metric === metric)!;
    expect(indexesOf('attendance.absent').length).toBeGreaterThan(0);
    // Absences sit on the attendance rate, not on every attendance metric.
    expect(rowOf('attendance_rate').flagIndexes).toEqual(indexesOf('attendance.absent'));
    expect(rowOf('market_hours').flagIndexes).toEqual([]);
    expect(rowOf('self_copy').flagIndexes).toEqual(indexesOf('records.self_copy'));
    expect(rowOf('cross_copy').flagIndexes).toEqual(indexesOf('records.cross_copy'));
    expect(rowOf('journal_chars').flagIndexes).toEqual([]);
    // Every flag is counted at most once over all metric rows.
    const counted = card.metrics.flatMap((m) => m.flagIndexes);
    expect(new Set(counted).size).toBe(counted.length);
  });
});

describe('evaluation.evidence', () => {
  it('resolves every flag’s evidence to real rows, in the order asked, with coordinates for punches', async () => {
    for (const code of ['LH002', 'LH004', 'LH007', 'LH009']) {
      const card: ScorecardDto = await data(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: code });
      const refs = uniqueRefs(card.flags.flatMap((f) => f.evidence));
      expect(refs.length, code).toBeGreaterThan(0);
      const evidence = await data(handlers, 'evaluation.evidence', { refs });
      expect(evidence.map((e) => `${e.kind}#${e.id}`)).toEqual(refs.map((r) => `${r.kind}#${r.id}`));
      for (const e of evidence) {
        // A described text or note carries the parts it was said from, so the screen can say it in English.
        if (e.textParts) expect(messagesZh(e.textParts), `${e.kind}#${e.id}`).toBe(e.text);
        if (e.note !== null) expect(e.noteParts && messagesZh(e.noteParts, '；'), `${e.kind}#${e.id}`).toBe(e.note);
        if (e.kind === 'attendance' || e.kind === 'calendar') expect(e.textParts?.length, `${e.kind}#${e.id}`).toBeGreaterThan(0);
        if (e.kind === 'calendar') {
          // An absence's day: its date from the id, the calendar's kind of day, and no punch.
          expect(e.date).toBe(`${String(e.id).slice(0, 4)}-${String(e.id).slice(4, 6)}-${String(e.id).slice(6, 8)}`);
          expect(e.text).toMatch(/^工作日历：(工作日|调休上班（工作日）)；当天打卡：无$/);
          continue;
        }
        const row = await demo.store.db.selectFrom(TABLES[e.kind]).select('id').where('id', '=', e.id).executeTakeFirst();
        expect(row, `${e.kind} #${e.id}`).toBeDefined();
        expect(e.text.length).toBeGreaterThan(0);
        if (e.kind === 'attendance') {
          const punch = await demo.store.db.selectFrom('attendance').select(['latitude', 'longitude', 'date']).where('id', '=', e.id).executeTakeFirstOrThrow();
          expect({ lat: e.lat, lng: e.lng, date: e.date }).toEqual({ lat: punch.latitude, lng: punch.longitude, date: punch.date });
        } else {
          expect(e.lat).toBeUndefined();
        }
      }
    }
  });

  it('shows a near-copy flag’s journals by their own text', async () => {
    const card = await data(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: 'LH007' });
    const copy = card.flags.find((f) => f.type === 'records.self_copy')!;
    expect(copy.pairs?.length).toBeGreaterThan(0);
    const evidence = await data(handlers, 'evaluation.evidence', { refs: copy.evidence });
    const journal = evidence.find((e) => e.kind === 'journals')!;
    const row = await demo.store.db.selectFrom('journals').select('content').where('id', '=', journal.id).executeTakeFirstOrThrow();
    expect(journal.text).toBe(row.content);
  });
});

describe('evaluation.attendance', () => {
  it('returns every day of October with the shipped 国庆节 and 调休 notes, and the punches with coordinates', async () => {
    const month = await data(handlers, 'evaluation.attendance', { month: MONTH, managerCode: 'LH007' });
    expect(month.managerName).toBe(snapshot.evaluation.managers.find((m) => m.code === 'LH007')?.name);
    expect(month.days.map((d) => d.date)).toEqual(Array.from({ length: 31 }, (_, i) => `2026-10-${String(i + 1).padStart(2, '0')}`));
    for (const d of month.days.slice(0, 7)) expect(d).toMatchObject({ workday: false, kind: 'holiday', note: '国庆节' });
    expect(month.days[9]).toMatchObject({ date: '2026-10-10', workday: true, kind: 'makeup', note: '调休上班（国庆节）' });
    expect(month.days[10]).toMatchObject({ date: '2026-10-11', workday: false, kind: 'weekend', note: '周末' });
    expect(month.days[11]).toMatchObject({ date: '2026-10-12', workday: true, kind: 'workday', note: null });
    expect(month.days.filter((d) => d.workday)).toHaveLength(snapshot.evaluation.workdays);
    // The demo's imported calendar repeats the shipped one: nothing differs from it.
    expect(month.days.filter((d) => d.overridden)).toEqual([]);

    const manager = await demo.store.db.selectFrom('managers').select('id').where('code', '=', 'LH007').executeTakeFirstOrThrow();
    const rows = await demo.store.db
      .selectFrom('attendance')
      .select(['id', 'at', 'latitude', 'longitude', 'is_absence'])
      .where('manager_id', '=', manager.id)
      .where('date', 'like', `${MONTH}-%`)
      .execute();
    expect(month.punches.map((p) => p.id).sort((a, b) => a - b)).toEqual(rows.map((r) => r.id).sort((a, b) => a - b));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const p of month.punches) {
      const row = byId.get(p.id)!;
      expect({ lat: p.lat, lng: p.lng }).toEqual({ lat: row.latitude, lng: row.longitude });
      if (row.is_absence === 0 && row.at) {
        expect(p.time).toBe(row.at.slice(11, 19));
        expect(p.hour).toBeCloseTo(Number(row.at.slice(11, 13)) + Number(row.at.slice(14, 16)) / 60 + Number(row.at.slice(17, 19)) / 3600, 5);
      }
    }
    const flagged = new Set(
      snapshot.evaluation.managers.find((m) => m.code === 'LH007')!.flags.flatMap((f) => f.evidence.filter((e) => e.kind === 'attendance').map((e) => e.id)),
    );
    expect(flagged.size).toBeGreaterThan(0);
    expect(month.punches.filter((p) => p.flagged).map((p) => p.id).sort()).toEqual([...flagged].filter((id) => byId.has(id)).sort());
    const offHours = month.punches.find((p) => p.date === '2026-10-21' && (p.hour ?? 0) >= 21);
    expect(offHours?.flagged).toBe(true);
  });

  it('marks as absent exactly the workdays the evaluation flagged', async () => {
    const month = await data(handlers, 'evaluation.attendance', { month: MONTH, managerCode: 'LH002' });
    const flagged = snapshot.evaluation.managers
      .find((m) => m.code === 'LH002')!
      .flags.filter((f) => f.type === 'attendance.absent')
      .map((f) => f.date);
    expect(month.absentDays).toEqual(flagged);
    expect(month.absentDays).toEqual(expect.arrayContaining(['2026-10-13', '2026-10-16', '2026-10-28']));
    for (const day of month.absentDays) expect(month.punches.some((p) => p.date === day && p.time !== null)).toBe(false);
  });

  it('refuses an unknown manager with not_found', async () => {
    const result = await call(handlers, 'evaluation.attendance', { month: MONTH, managerCode: 'NOPE9' });
    expect(result.ok ? 'ok' : result.error.code).toBe('not_found');
  });
});

describe('the audit trail', () => {
  it('lists the manager’s adjustments (old → new, reason), the month’s 定稿 apart from them, and marks the dimension as adjusted', async () => {
    const before = await data(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: 'LH004' });
    expect(before.audit).toEqual([]);
    const old = before.manager.dimensions.records!.score;
    await adjustDimension(demo.store, { month: MONTH, managerCode: 'LH004', dimension: 'records', score: 55, reason: '日志雷同已核实' }, { who: '主管甲', now });
    // Another manager's adjustment stays off this card.
    await adjustDimension(demo.store, { month: MONTH, managerCode: 'LH007', dimension: 'records', score: 50, reason: '另一位' }, { who: '主管甲', now });
    await finalizeMonth(demo.store, MONTH, { who: '主管乙', now: new Date('2026-11-11T02:00:00Z') });

    const card = await data(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: 'LH004' });
    expect(card.status).toBe('final');
    expect(card.manager.dimensions.records).toMatchObject({ score: 55, computedScore: old });
    expect(card.audit).toHaveLength(1);
    expect(card.audit[0]).toMatchObject({ action: 'adjust', who: '主管甲', dimension: 'records', oldScore: old, newScore: 55, reason: '日志雷同已核实' });
    expect(card.audit[0]!.summary).toContain('文字记录');
    expect(card.audit[0]!.summary).toContain('55');
    expect(card.monthHistory).toHaveLength(1);
    expect(card.monthHistory[0]).toMatchObject({ action: 'finalize', who: '主管乙', at: '2026-11-11T02:00:00.000Z' });
    // A manager nobody adjusted has an empty 调整记录 even after the 定稿.
    const untouched = await data(handlers, 'evaluation.scorecard', { month: MONTH, managerCode: 'LH002' });
    expect(untouched.audit).toEqual([]);
    expect(untouched.monthHistory.map((e) => e.action)).toEqual(['finalize']);
    // Sub-scores still show what the scheme computed; the adjusted score is the supervisor's.
    const rows = card.metrics.filter((m) => m.dimension === 'records' && m.weight !== null && m.score !== null);
    const recombined = rows.reduce((s, r) => s + r.weight! * r.score!, 0) / rows.reduce((s, r) => s + r.weight!, 0);
    expect(Math.abs(recombined - (old ?? 0))).toBeLessThanOrEqual(0.1 + 1e-9);
  });
});
