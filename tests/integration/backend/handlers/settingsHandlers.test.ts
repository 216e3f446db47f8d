import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../src/backend/handlers';
import { finalizeMonth } from '../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { readMonthSnapshot } from '../../../../src/backend/services/evaluation/monthSnapshot';
import { undoBatch } from '../../../../src/backend/services/undoBatch';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';
import type { SchemeDto } from '../../../../src/shared/api/settingsApi';
import { tempDir } from '../../../helpers/tempDir';
import { call, data } from '../../../helpers/invoke';
import { buildReportDistrict, MONTH, type ReportDistrict } from '../../../helpers/reportDistrict';

const dir = tempDir('kaoping-settings-');
let district: ReportDistrict;
let handlers: Handlers;
const FINAL_MONTH = '2026-09';

beforeAll(async () => {
  district = await buildReportDistrict(dir);
  handlers = createHandlers({ store: district.store, now: () => new Date('2026-11-05T08:00:00Z'), workDir: dir });
  await evaluateStoredMonth(district.store, MONTH, { now: new Date('2026-11-03T01:00:00Z') });
  await evaluateStoredMonth(district.store, FINAL_MONTH, { now: new Date('2026-11-03T01:00:00Z') });
  await finalizeMonth(district.store, FINAL_MONTH, { who: '主管甲', now: new Date('2026-11-03T02:00:00Z') });
}, 120_000);
afterAll(async () => {
  await handlers?.close();
  await district?.store.close();
});

const clone = (s: SchemeDto): SchemeDto => structuredClone(s);
const schemeRows = () => district.store.db.selectFrom('schemes').selectAll().orderBy('id').execute();
const audit = (entity: string) => district.store.db.selectFrom('audit_log').selectAll().where('entity', '=', entity).orderBy('id').execute();

describe('schemes', () => {
  it('lists the default scheme with the months that use it, and returns it by default', async () => {
    const list = await data(handlers, 'settings.schemes', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: '默认方案', version: 1, months: [MONTH, FINAL_MONTH] });
    const scheme = await data(handlers, 'settings.scheme', {});
    expect(scheme.name).toBe('默认方案');
    expect(scheme.weights).toEqual(DEFAULT_SCHEME.weights);
    expect(await call(handlers, 'settings.scheme', { name: '没有这个方案' })).toMatchObject({ ok: false, error: { code: 'unknown_scheme' } });
  });

  it('refuses weights that do not add up to 100 and bad thresholds, with every Chinese reason, storing nothing', async () => {
    const before = await schemeRows();
    const bad = clone(await data(handlers, 'settings.scheme', {}));
    bad.weights.sales = 30;
    bad.thresholds.nearCopyJaccard = 1.5;
    bad.thresholds.reportDueDay = 31;
    const result = await call(handlers, 'settings.saveScheme', { scheme: bad });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_scheme');
    expect(result.error.message).toContain('各维度权重合计为 105，应为 100');
    expect(result.error.message).toContain('雷同判定阈值应在 0 到 1 之间（不含 0），当前为 1.5');
    expect(result.error.message).toContain('月报截止日应为 1 到 28 之间的整数，当前为 31');
    expect(result.error.details).toHaveLength(3);
    expect(await schemeRows()).toEqual(before);

    const stray = clone(await data(handlers, 'settings.scheme', {}));
    stray.weights.bogus = 0;
    expect(await call(handlers, 'settings.saveScheme', { scheme: stray })).toMatchObject({
      ok: false,
      error: { code: 'invalid_scheme', message: expect.stringContaining('没有「bogus」这个考核维度') },
    });
  });

  it('saves a new version, keeps the old one untouched, and the month scored with it keeps it', async () => {
    const v1Row = (await schemeRows())[0];
    const edited = clone(await data(handlers, 'settings.scheme', {}));
    edited.weights.sales = 20;
    edited.weights.attendance = 20;
    edited.thresholds.keyBrandShareTarget = 0.5;
    const saved = await data(handlers, 'settings.saveScheme', { scheme: edited });
    expect(saved).toMatchObject({ name: '默认方案', version: 2, months: [] });

    const rows = await schemeRows();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(v1Row);
    const v2 = await data(handlers, 'settings.scheme', { name: '默认方案' });
    expect(v2.version).toBe(2);
    expect(v2.weights.sales).toBe(20);
    // One number in the editor: the key-brand target is copied into the metric's linear rule.
    expect(v2.metrics.sales?.find((m) => m.metric === 'key_brand_share')?.rule).toEqual({ type: 'linear', floor: 0, target: 0.5 });
    expect((await data(handlers, 'settings.scheme', { name: '默认方案', version: 1 })).weights.sales).toBe(25);

    const snapshot = await readMonthSnapshot(district.store.db, MONTH);
    expect(snapshot?.scheme).toMatchObject({ name: '默认方案', version: 1 });
    const list = await data(handlers, 'settings.schemes', {});
    expect(list.map((s) => [s.name, s.version, s.months])).toEqual([
      ['默认方案', 1, [MONTH, FINAL_MONTH]],
      ['默认方案', 2, []],
    ]);

    const renamed = await data(handlers, 'settings.saveScheme', { scheme: { ...edited, name: '  城区方案 ' } });
    expect(renamed).toMatchObject({ name: '城区方案', version: 1 });
    const audits = await audit('scheme');
    expect(audits.map((a) => [a.entity_id, a.old_value, a.new_value])).toEqual([
      ['默认方案', '1', '2'],
      ['城区方案', null, '1'],
    ]);
  });
});

describe('work calendar', () => {
  it('shows the shipped 国庆节 holidays and the make-up Saturday of October 2026', async () => {
    const days = await data(handlers, 'calendar.month', { month: '2026-10' });
    expect(days).toHaveLength(31);
    expect(days.filter((d) => d.workday)).toHaveLength(18);
    const day = (d: string) => days.find((x) => x.date === `2026-10-${d}`);
    for (const d of ['01', '02', '05', '07']) expect(day(d)).toEqual({ date: `2026-10-${d}`, workday: false, kind: 'holiday', note: '国庆节', overridden: false });
    expect(day('08')).toMatchObject({ workday: true, note: null });
    expect(day('10')).toMatchObject({ workday: true, kind: 'makeup', note: '调休上班（国庆节）', overridden: false });
    expect(day('11')).toMatchObject({ workday: false, note: '周末' });
  });

  it('toggles a day (stored, audited, in the import history), resets it to the shipped calendar', async () => {
    const off = await data(handlers, 'calendar.setDay', { date: '2026-10-12', workday: false, note: '片区培训' });
    expect(off.find((d) => d.date === '2026-10-12')).toEqual({ date: '2026-10-12', workday: false, kind: 'holiday', note: '片区培训', overridden: true });
    expect(off.filter((d) => d.workday)).toHaveLength(17);
    const row = await district.store.db.selectFrom('calendar_days').selectAll().where('date', '=', '2026-10-12').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ workday: 0, note: '片区培训' });
    const batch = await district.store.db.selectFrom('import_batches').selectAll().where('id', '=', row.batch_id).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ kind: 'calendar', file_name: '手工修改工作日历', inserted: 1 });

    const worked = await data(handlers, 'calendar.setDay', { date: '2026-10-11', workday: true });
    expect(worked.find((d) => d.date === '2026-10-11')).toMatchObject({ workday: true, overridden: true, note: '调休上班' });
    const back = await data(handlers, 'calendar.setDay', { date: '2026-10-12', workday: null });
    expect(back.find((d) => d.date === '2026-10-12')).toEqual({ date: '2026-10-12', workday: true, kind: 'workday', note: null, overridden: false });
    // Put back in a batch of its own: the day holds the shipped value, and undoing the batch brings the edit back.
    const kept = await district.store.db.selectFrom('calendar_days').select(['date', 'workday', 'note', 'batch_id']).orderBy('date').execute();
    expect(kept.map(({ date, workday, note }) => ({ date, workday, note }))).toEqual([
      { date: '2026-10-11', workday: 1, note: null },
      { date: '2026-10-12', workday: 1, note: null },
    ]);
    const putBack = kept[1]?.batch_id ?? 0;
    expect(putBack).not.toBe(row.batch_id);
    expect(await district.store.db.selectFrom('import_batches').select(['file_name', 'updated']).where('id', '=', putBack).executeTakeFirst()).toEqual({
      file_name: '手工修改工作日历',
      updated: 1,
    });
    expect(await undoBatch(district.store, row.batch_id, new Date())).toMatchObject({ ok: false, message: expect.stringContaining(`#${putBack}`) });
    expect(await undoBatch(district.store, putBack, new Date())).toMatchObject({ ok: true, deleted: 0, restored: 1 });
    expect(await district.store.db.selectFrom('calendar_days').select(['workday', 'note']).where('date', '=', '2026-10-12').executeTakeFirst()).toEqual({ workday: 0, note: '片区培训' });
    expect(await undoBatch(district.store, row.batch_id, new Date())).toMatchObject({ ok: true, deleted: 1, restored: 0 });
    expect(await district.store.db.selectFrom('calendar_days').select('date').execute()).toEqual([{ date: '2026-10-11' }]);

    const audits = await audit('calendar');
    expect(audits.map((a) => [a.entity_id, a.old_value, a.new_value, a.reason])).toEqual([
      ['2026-10-12', '工作日', '休息日', '片区培训'],
      ['2026-10-11', '休息日', '工作日', null],
      ['2026-10-12', '休息日（已修改）', '工作日（恢复内置日历）', null],
    ]);
    for (const a of audits) expect(a.who).toBeTruthy();
  });

  it('refuses to change a day of a finalized month and changes nothing', async () => {
    const before = await audit('calendar');
    const result = await call(handlers, 'calendar.setDay', { date: `${FINAL_MONTH}-14`, workday: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'finalized', message: expect.stringContaining('2026-09 已定稿，不能修改该月的工作日历') } });
    expect(await district.store.db.selectFrom('calendar_days').select('date').where('date', 'like', `${FINAL_MONTH}%`).execute()).toEqual([]);
    expect(await audit('calendar')).toEqual(before);
    expect(await call(handlers, 'calendar.setDay', { date: '2026-02-30', workday: false })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });

  it('stores a day set to what the shipped calendar says anyway, but does not mark it as changed', async () => {
    const days = await data(handlers, 'calendar.setDay', { date: '2026-10-13', workday: true });
    expect(days.find((d) => d.date === '2026-10-13')).toEqual({ date: '2026-10-13', workday: true, kind: 'workday', note: null, overridden: false });
    expect(await district.store.db.selectFrom('calendar_days').select('date').where('date', '=', '2026-10-13').execute()).toHaveLength(1);
    expect(days.filter((d) => d.overridden).map((d) => d.date)).toEqual(['2026-10-11']);
  });
});
