import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../src/backend/db/openStore';
import { createHandlers, invokeHandler, type Handlers } from '../../../../src/backend/handlers';
import { METHOD_ACCESS } from '../../../../src/backend/handlers/methodAccess';
import { WriteLock } from '../../../../src/backend/handlers/writeLock';
import { isPostgres } from '../../../../src/backend/db/isPostgres';
import { listDistricts } from '../../../../src/backend/repositories/districtRepository';
import type { CallerAccount } from '../../../../src/backend/services/accounts/accountRole';
import { importFiles } from '../../../../src/backend/services/import/importFiles';
import type { Result } from '../../../../src/shared/api/result';
import { API_NAMES, type ApiName, type HandlerContext } from '../../../../src/shared/api/kaopingApi';
import { describeOnBothStores } from '../../../helpers/bothStores';
import { tempDir } from '../../../helpers/tempDir';
import { writeCsv, type SheetCell } from '../../../helpers/writeSheets';

/**
 * A city store with two small districts (城东 and 城西), served with accounts and the real
 * district seam (districtOfCall.ts): what a supervisor's calls reach, through invokeHandler as
 * the HTTP host calls it.
 */
const MONTH = '2026-10';
const EAST = '城东营销部';
const WEST = '城西营销部';
const dir = tempDir('kaoping-district-call-');
const ctx: HandlerContext = { emit: () => undefined };
const now = new Date('2026-11-10T02:00:00Z');

const EAST_SUPERVISOR: CallerAccount = { id: 11, name: '东考核', role: 'supervisor', district: EAST };
const WEST_SUPERVISOR: CallerAccount = { id: 12, name: '西考核', role: 'supervisor', district: WEST };
const REVIEWER: CallerAccount = { id: 13, name: '市审阅', role: 'reviewer', district: null };
const NEW_SUPERVISOR: CallerAccount = { id: 14, name: '南考核', role: 'supervisor', district: '城南营销部' };
const WEST_COLLEAGUE: CallerAccount = { id: 15, name: '西考核二', role: 'supervisor', district: WEST };

let store: Store;
let handlers: Handlers;
const batchOf: Record<string, number> = {};
const journalOf: Record<string, number> = {};

/** A district's roster, shops and a fortnight of journals, as CSV files of its own. */
function districtFiles(name: string, prefix: string, licenceBase: number): string[] {
  const folder = path.join(dir, prefix);
  fs.mkdirSync(folder, { recursive: true });
  const codes = [`${prefix}001`, `${prefix}002`];
  const roster = writeCsv(path.join(folder, '花名册.csv'), [['工号', '姓名', '营销部', '服务线路', '状态'], ...codes.map((c, i) => [c, `${prefix}经理${i + 1}`, name, `L${i + 1}`, '在岗'])], 'utf8-bom');
  const retailers = writeCsv(path.join(folder, `零售客户_202610.csv`), [
    ['许可证号', '客户名称', '经度', '纬度', '档位', '送货线路', '客户经理工号', '状态'],
    ...codes.map((c, i) => [String(licenceBase + i), `${prefix}便利店${i + 1}`, 117.02 + i / 100, 36.6 + i / 100, 10 + i, `L${i + 1}`, c, '正常']),
  ], 'utf8-bom');
  const rows: SheetCell[][] = [['日期', '工号', '姓名', '许可证号', '日志内容']];
  ['2026-10-08', '2026-10-09', '2026-10-12', '2026-10-13'].forEach((d, n) =>
    codes.forEach((c, i) => rows.push([d, c, `${prefix}经理${i + 1}`, String(licenceBase + i), `${name}第${n + 1}次走访${prefix}便利店${i + 1}，核对库存${n * 3 + i + 5}条，记录陈列与价签情况。`])),
  );
  const journals = writeCsv(path.join(folder, '工作日志_202610.csv'), rows, 'utf8-bom');
  return [roster, retailers, journals];
}

async function call(name: ApiName, arg: unknown, caller?: CallerAccount): Promise<Result<unknown>> {
  return invokeHandler(handlers, name, arg, ctx, caller ? { caller } : {});
}

function codeOf(r: Result<unknown>): string {
  return r.ok ? 'ok' : r.error.code;
}

/** The two districts' store, made on SQLite (describeOnBothStores copies it into PostgreSQL). */
async function buildCity(): Promise<{ store: Store }> {
  const store = await openStore(path.join(dir, 'city.sqlite'), { backupBeforeMigrate: false });
  for (const [name, prefix, base] of [[EAST, 'DA', 370903880001], [WEST, 'DB', 370903770001]] as const) {
    const reports = await importFiles(store, districtFiles(name, prefix, base), { now, district: name });
    expect(reports.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
    batchOf[name] = reports[2]?.batchId as number;
    const journal = await store.db
      .selectFrom('journals')
      .innerJoin('managers', 'managers.id', 'journals.manager_id')
      .select('journals.id')
      .where('managers.code', '=', `${prefix}001`)
      .orderBy('journals.id')
      .executeTakeFirstOrThrow();
    journalOf[name] = journal.id;
  }
  expect((await listDistricts(store.db)).map((d) => d.name).sort()).toEqual([EAST, WEST].sort());
  // A batch of 城东's that its supervisor may undo (a September entry: nothing else builds on it).
  const extra = writeCsv(path.join(dir, '城东补录.csv'), [['日期', '工号', '姓名', '许可证号', '日志内容'], ['2026-09-30', 'DA001', 'DA经理1', '370903880001', '九月补录一条走访记录，检查陈列与价签。']], 'utf8-bom');
  const [extraReport] = await importFiles(store, [extra], { now, district: EAST });
  expect(extraReport?.status).toBe('imported');
  batchOf.extra = extraReport?.batchId as number;
  return { store };
}

/**
 * Every district write, with an argument naming 城西's things (for the supervisor of 城东) and
 * the same naming 城东's own. A month-wide write names nothing: it runs in the caller's district
 * (the second describe shows where it lands). A new district method fails the first test until listed.
 */
function foreignAndOwn(name: ApiName): { foreign: unknown[]; own: unknown } | 'month-wide' {
  const file = { fileName: '日志.csv', bytes: new Uint8Array(fs.readFileSync(path.join(dir, 'DA', '工作日志_202610.csv'))) };
  switch (name) {
    case 'import.run':
      return { foreign: [{ jobId: 'i-w', files: [file], district: WEST }], own: { jobId: 'i-e', files: [file], district: EAST } };
    case 'import.check':
      return { foreign: [{ files: [file], district: WEST }], own: { files: [file], district: EAST } };
    case 'import.undo':
      return { foreign: [{ batchId: batchOf[WEST] }, { batchId: 99_999 }], own: { batchId: batchOf.extra } };
    case 'evaluation.adjust':
      return {
        foreign: [{ month: MONTH, managerCode: 'DB001', dimension: 'records', score: 80, reason: '越权' }, { month: MONTH, managerCode: 'NOBODY', dimension: 'records', score: 80, reason: '不存在' }],
        own: { month: MONTH, managerCode: 'DA001', dimension: 'records', score: 80, reason: '本部' },
      };
    case 'evaluation.undoAdjustment':
      return { foreign: [{ month: MONTH, managerCode: 'DB001', reason: '越权' }], own: { month: MONTH, managerCode: 'DA001', reason: '本部' } };
    case 'evaluation.setManualScore':
      return { foreign: [{ month: MONTH, managerCode: 'DB002', metric: 'x', value: 90, reason: '越权' }], own: { month: MONTH, managerCode: 'DA002', metric: 'x', value: 90, reason: '本部' } };
    case 'journals.comment':
      return {
        foreign: [{ kind: 'journals', entryId: journalOf[WEST], text: '越权批注' }, { kind: 'journals', entryId: 99_999, text: '不存在' }],
        own: { kind: 'journals', entryId: journalOf[EAST], text: '' },
      };
    case 'evaluation.run':
    case 'evaluation.finalize':
    case 'evaluation.reopen':
    case 'import.cancel':
    case 'import.saveMapping':
      return 'month-wide';
    default:
      throw new Error(`${name}: no district argument listed for this district write`);
  }
}

const DISTRICT_WRITES = API_NAMES.filter((n) => METHOD_ACCESS[n] === 'district');

describeOnBothStores('a city store served with accounts', buildCity, (fixture) => {
  beforeAll(() => {
    store = fixture().store;
    handlers = createHandlers({ store, now: () => now, workDir: dir, accounts: {} });
  });
  afterAll(async () => {
    await handlers?.close();
  });

  describe('a supervisor naming another district’s ids is refused, fail closed', () => {
    it.each(DISTRICT_WRITES)('%s', async (name) => {
      const cases = foreignAndOwn(name);
      if (cases === 'month-wide') return;
      const before = await store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      for (const arg of cases.foreign) {
        const r = await call(name, arg, EAST_SUPERVISOR);
        expect([name, codeOf(r)]).toEqual([name, 'forbidden']);
        expect(r.ok ? '' : r.error.message).toMatch(new RegExp(`只能修改「${EAST}」的数据`));
      }
      // Nothing written by the refused calls.
      const after = await store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      // Their own ids pass the access check (the call may still fail on its own: a month not evaluated).
      expect(codeOf(await call(name, cases.own, EAST_SUPERVISOR))).not.toBe('forbidden');
    });

    it('an import without a choice goes into the supervisor’s district: changing another district’s people is refused there', async () => {
      // 城西's roster with one person renamed: the supervisor of 城东 may not change 城西's rows.
      const changed = writeCsv(path.join(dir, '城西花名册改名.csv'), [['工号', '姓名', '营销部', '服务线路', '状态'], ['DB001', '改了名', WEST, 'L1', '在岗']], 'utf8-bom');
      const westRoster = { fileName: '花名册.csv', bytes: new Uint8Array(fs.readFileSync(changed)) };
      const before = await store.db.selectFrom('managers').select(['code', 'name', 'district_id']).orderBy('code').execute();
      const r = await call('import.run', { jobId: 'west-roster', files: [westRoster] }, EAST_SUPERVISOR);
      expect(r.ok).toBe(true);
      const [report] = r.ok ? (r.data as { status: string; district?: string | null; message: string | null }[]) : [];
      expect(report?.status).toBe('refused');
      expect(report?.message ?? '').toMatch(/DB001|城西营销部/);
      expect(await store.db.selectFrom('managers').select(['code', 'name', 'district_id']).orderBy('code').execute()).toEqual(before);
    });

    it('names the other district in the refusal', async () => {
      const r = await call('import.undo', { batchId: batchOf[WEST] }, EAST_SUPERVISOR);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining(`涉及「${WEST}」`) } });
    });
  });

  describe('two districts through the handlers: each supervisor works in their own', () => {
    it('a reviewer must choose the district; a supervisor needs none', async () => {
      expect(codeOf(await call('evaluation.get', { month: MONTH }, REVIEWER))).toBe('district_needed');
      expect(await call('evaluation.get', { month: MONTH }, EAST_SUPERVISOR)).toEqual({ ok: true, data: null });
      // A supervisor cannot read another district's month by naming it.
      expect(codeOf(await call('evaluation.get', { month: MONTH, district: WEST }, EAST_SUPERVISOR))).toBe('other_district');
      // A supervisor whose district has no data yet is told so.
      expect(await call('evaluation.get', { month: MONTH }, NEW_SUPERVISOR)).toMatchObject({ ok: false, error: { code: 'unknown_district', message: expect.stringContaining('城南营销部') } });
    });

    it('A evaluates and finalizes A, B evaluates B; B stays draft, A is final', async () => {
      const east = await call('evaluation.run', { month: MONTH, jobId: 'run-east' }, EAST_SUPERVISOR);
      expect(east.ok).toBe(true);
      const eastCodes = (east.ok ? (east.data as { managers: { code: string }[] }).managers : []).map((m) => m.code).sort();
      expect(eastCodes).toEqual(['DA001', 'DA002']);
      const west = await call('evaluation.run', { month: MONTH, jobId: 'run-west' }, WEST_SUPERVISOR);
      expect((west.ok ? (west.data as { managers: { code: string }[] }).managers : []).map((m) => m.code).sort()).toEqual(['DB001', 'DB002']);

      expect(await call('evaluation.finalize', { month: MONTH }, EAST_SUPERVISOR)).toMatchObject({ ok: true, data: { status: 'final' } });
      expect(await call('evaluation.get', { month: MONTH }, EAST_SUPERVISOR)).toMatchObject({ ok: true, data: { status: 'final' } });
      expect(await call('evaluation.get', { month: MONTH }, WEST_SUPERVISOR)).toMatchObject({ ok: true, data: { status: 'draft' } });
      // The reviewer reads either by choosing it.
      expect(await call('evaluation.get', { month: MONTH, district: EAST }, REVIEWER)).toMatchObject({ ok: true, data: { status: 'final' } });
      expect(await call('evaluation.get', { month: MONTH, district: WEST }, REVIEWER)).toMatchObject({ ok: true, data: { status: 'draft' } });

      // B adjusts its own draft month; A's finalized month refuses A's adjustment.
      expect((await call('evaluation.adjust', { month: MONTH, managerCode: 'DB001', dimension: 'records', score: 77, reason: '复核' }, WEST_SUPERVISOR)).ok).toBe(true);
      expect(codeOf(await call('evaluation.adjust', { month: MONTH, managerCode: 'DA001', dimension: 'records', score: 77, reason: '复核' }, EAST_SUPERVISOR))).not.toBe('ok');

      const rows = await store.db
        .selectFrom('evaluations')
        .innerJoin('districts', 'districts.id', 'evaluations.district_id')
        .select(['districts.name', 'evaluations.status', 'evaluations.finalized_by'])
        .where('month', '=', MONTH)
        .orderBy('districts.name')
        .execute();
      expect(rows).toEqual(
        [
          { name: EAST, status: 'final', finalized_by: '东考核' },
          { name: WEST, status: 'draft', finalized_by: null },
        ].sort((a, b) => (a.name < b.name ? -1 : 1)),
      );
      const adjustments = await store.db.selectFrom('adjustments').innerJoin('districts', 'districts.id', 'adjustments.district_id').select(['districts.name', 'manager_code']).execute();
      expect(adjustments).toEqual([{ name: WEST, manager_code: 'DB001' }]);
    });

    it('scorecards and reports: a supervisor reaches their own district, a reviewer the one chosen', async () => {
      expect(await call('evaluation.scorecard', { month: MONTH, managerCode: 'DA001' }, EAST_SUPERVISOR)).toMatchObject({ ok: true });
      expect(codeOf(await call('evaluation.scorecard', { month: MONTH, managerCode: 'DB001' }, EAST_SUPERVISOR))).not.toBe('ok');
      expect(await call('evaluation.scorecard', { month: MONTH, managerCode: 'DB001', district: WEST }, REVIEWER)).toMatchObject({ ok: true });
      // Without a choice, the manager's own district (the ranking's links carry no district).
      expect(await call('evaluation.scorecard', { month: MONTH, managerCode: 'DB001' }, REVIEWER)).toMatchObject({ ok: true, data: { manager: { code: 'DB001' } } });
      expect(codeOf(await call('report.export', { month: MONTH, jobId: 'rep-r' }, REVIEWER))).toBe('district_needed');
      const reviewerWest = await call('report.export', { month: MONTH, jobId: 'rep-rw', district: WEST }, REVIEWER);
      const supervisorWest = await call('report.export', { month: MONTH, jobId: 'rep-w' }, WEST_SUPERVISOR);
      expect(reviewerWest.ok && supervisorWest.ok).toBe(true);
      expect(codeOf(await call('report.export', { month: MONTH, jobId: 'rep-x', district: WEST }, EAST_SUPERVISOR))).toBe('other_district');
    });

    it('日志对照 and a manager’s attendance read the caller’s or the manager’s district', async () => {
      expect(await call('journals.pairs', { month: MONTH }, EAST_SUPERVISOR)).toMatchObject({ ok: true, data: { status: 'final' } });
      expect(await call('journals.pairs', { month: MONTH }, WEST_SUPERVISOR)).toMatchObject({ ok: true, data: { status: 'draft' } });
      expect(await call('evaluation.attendance', { month: MONTH, managerCode: 'DB001' }, REVIEWER)).toMatchObject({ ok: true, data: { managerCode: 'DB001' } });
    });

    it('reopen by B’s supervisor does not touch A, and A reopens its own', async () => {
      expect(codeOf(await call('evaluation.reopen', { month: MONTH, reason: '误操作' }, WEST_SUPERVISOR))).not.toBe('ok');
      expect(await call('evaluation.get', { month: MONTH }, EAST_SUPERVISOR)).toMatchObject({ ok: true, data: { status: 'final' } });
      expect(await call('evaluation.reopen', { month: MONTH, reason: '补录日志' }, EAST_SUPERVISOR)).toMatchObject({ ok: true, data: { status: 'draft' } });
    });
  });

  describe('reads on a city server: a supervisor reads their own district, a reviewer every one', () => {
    const entriesArg = (managerCode: string) => ({ kind: 'journals', managerCode, month: MONTH });

    it('data.overview counts, lists and maps the supervisor’s district only', async () => {
      const east = await call('data.overview', { month: MONTH }, EAST_SUPERVISOR);
      const all = await call('data.overview', { month: MONTH }, REVIEWER);
      if (!east.ok || !all.ok) throw new Error('overview failed');
      const e = east.data as { counts: Record<string, number>; heatmap: { managers: { code: string }[] } };
      const a = all.data as typeof e;
      expect(e.heatmap.managers.map((m) => m.code)).toEqual(['DA001', 'DA002']);
      expect(a.heatmap.managers.map((m) => m.code)).toEqual(['DA001', 'DA002', 'DB001', 'DB002']);
      expect([e.counts.roster, e.counts.retailers]).toEqual([2, 2]);
      expect([a.counts.roster, a.counts.retailers]).toEqual([4, 4]);
      const west = await call('data.overview', { month: MONTH }, WEST_SUPERVISOR);
      const w = (west.ok ? west.data : {}) as typeof e;
      expect(e.counts.journals).toBeGreaterThan(0);
      expect((e.counts.journals ?? 0) + (w.counts.journals ?? 0)).toBe(a.counts.journals);
    });

    it('journals.entries: another district’s manager is refused, the own one and a reviewer’s read', async () => {
      expect(codeOf(await call('journals.entries', entriesArg('DB001'), EAST_SUPERVISOR))).toBe('other_district');
      const own = await call('journals.entries', entriesArg('DA001'), EAST_SUPERVISOR);
      expect(own.ok && (own.data as unknown[]).length).toBeGreaterThan(0);
      const reviewer = await call('journals.entries', entriesArg('DB001'), REVIEWER);
      expect(reviewer.ok && (reviewer.data as { managerCode: string }[]).every((x) => x.managerCode === 'DB001')).toBe(true);
      // A supervisor whose district the store lacks reads nobody's.
      expect(codeOf(await call('journals.entries', entriesArg('DA001'), NEW_SUPERVISOR))).toBe('other_district');
    });

    it('journals.byIds: an id of another district is refused, even beside an own one', async () => {
      const west = journalOf[WEST] as number;
      const east = journalOf[EAST] as number;
      expect(codeOf(await call('journals.byIds', { kind: 'journals', ids: [west] }, EAST_SUPERVISOR))).toBe('other_district');
      expect(codeOf(await call('journals.byIds', { kind: 'journals', ids: [east, west] }, EAST_SUPERVISOR))).toBe('other_district');
      expect(codeOf(await call('journals.byIds', { kind: 'journals', ids: [east] }, WEST_SUPERVISOR))).toBe('other_district');
      expect(await call('journals.byIds', { kind: 'journals', ids: [east, 99_999] }, EAST_SUPERVISOR)).toMatchObject({ ok: true, data: [{ id: east }] });
      const reviewer = await call('journals.byIds', { kind: 'journals', ids: [east, west] }, REVIEWER);
      expect(reviewer.ok && (reviewer.data as { id: number }[]).map((x) => x.id).sort()).toEqual([east, west].sort());
    });

    it('journals.managers lists the supervisor’s roster only', async () => {
      const codesOf = async (caller: CallerAccount) => {
        const r = await call('journals.managers', { month: MONTH }, caller);
        return r.ok ? (r.data as { code: string }[]).map((m) => m.code) : [];
      };
      expect(await codesOf(EAST_SUPERVISOR)).toEqual(['DA001', 'DA002']);
      expect(await codesOf(WEST_SUPERVISOR)).toEqual(['DB001', 'DB002']);
      expect(await codesOf(REVIEWER)).toEqual(['DA001', 'DA002', 'DB001', 'DB002']);
    });

    it('evaluation.evidence leaves out another district’s rows; evaluation.attendance refuses its manager', async () => {
      const refs = [{ kind: 'journals', id: journalOf[WEST] }, { kind: 'journals', id: journalOf[EAST] }];
      const ids = async (caller: CallerAccount) => {
        const r = await call('evaluation.evidence', { refs }, caller);
        return r.ok ? (r.data as { id: number }[]).map((x) => x.id) : ['failed'];
      };
      expect(await ids(EAST_SUPERVISOR)).toEqual([journalOf[EAST]]);
      expect(await ids(WEST_SUPERVISOR)).toEqual([journalOf[WEST]]);
      expect(await ids(REVIEWER)).toEqual([journalOf[WEST], journalOf[EAST]]);
      expect(codeOf(await call('evaluation.attendance', { month: MONTH, managerCode: 'DB001' }, EAST_SUPERVISOR))).toBe('other_district');
      expect(await call('evaluation.attendance', { month: MONTH, managerCode: 'DA001' }, EAST_SUPERVISOR)).toMatchObject({ ok: true, data: { managerCode: 'DA001' } });
    });

    it('import.batches lists the supervisor’s district’s batches', async () => {
      const ids = async (caller: CallerAccount) => {
        const r = await call('import.batches', {}, caller);
        return r.ok ? (r.data as { id: number }[]).map((b) => b.id) : [];
      };
      const eastIds = await ids(EAST_SUPERVISOR);
      const westIds = await ids(WEST_SUPERVISOR);
      expect(eastIds).toContain(batchOf[EAST]);
      expect(eastIds).not.toContain(batchOf[WEST]);
      expect(westIds).toContain(batchOf[WEST]);
      expect([...eastIds, ...westIds].sort()).toEqual((await ids(REVIEWER)).sort());
    });
  });

  describe('mappings and jobs belong to a district', () => {
    const mapping = { name: '东部日志格式', kind: 'journals', headers: ['日期', '工号', '内容'], mapping: { date: 0, managerCode: 1, content: 2 } };

    it('a supervisor cannot overwrite another district’s saved mapping, nor sees it', async () => {
      expect(await call('import.saveMapping', mapping, EAST_SUPERVISOR)).toMatchObject({ ok: true });
      const replaced = await call('import.saveMapping', { ...mapping, mapping: { date: 1, managerCode: 0, content: 2 } }, WEST_SUPERVISOR);
      expect(codeOf(replaced)).toBe('other_district');
      const names = async (caller: CallerAccount) => {
        const r = await call('import.mappings', {}, caller);
        return r.ok ? (r.data as { name: string; mapping: Record<string, number> }[]) : [];
      };
      expect((await names(EAST_SUPERVISOR)).find((m) => m.name === mapping.name)?.mapping).toEqual(mapping.mapping);
      expect((await names(WEST_SUPERVISOR)).map((m) => m.name)).not.toContain(mapping.name);
      expect((await names(REVIEWER)).map((m) => m.name)).toContain(mapping.name);
      // The own district's supervisor corrects it.
      expect(await call('import.saveMapping', { ...mapping, mapping: { date: 1, managerCode: 0, content: 2 } }, EAST_SUPERVISOR)).toMatchObject({ ok: true });
    });

    it('import.cancel: another district’s job is refused; a colleague of the district and the starter cancel it', async () => {
      // The write lock held, so that the import waits (registered, cancellable) until released.
      const lock = new WriteLock();
      let release = () => undefined as void;
      const held = lock.run(() => new Promise<void>((resolve) => (release = resolve)));
      const served = createHandlers({ store, now: () => now, workDir: dir, writeLock: lock, accounts: {} });
      try {
        const file = { fileName: '日志.csv', bytes: new Uint8Array(fs.readFileSync(path.join(dir, 'DB', '工作日志_202610.csv'))) };
        const running = invokeHandler(served, 'import.run', { jobId: 'west-held', files: [file] }, ctx, { caller: WEST_SUPERVISOR });
        const cancel = (caller: CallerAccount) => invokeHandler(served, 'import.cancel', { jobId: 'west-held' }, ctx, { caller });
        // Until the job is registered a cancel finds nothing; then 城东's is refused.
        let east = await cancel(EAST_SUPERVISOR);
        for (let i = 0; i < 10_000 && east.ok; i++) {
          await new Promise((r) => setImmediate(r));
          east = await cancel(EAST_SUPERVISOR);
        }
        expect(codeOf(east)).toBe('other_district');
        expect(codeOf(await cancel(REVIEWER))).toBe('other_district');
        expect(await cancel(WEST_COLLEAGUE)).toEqual({ ok: true, data: { cancelled: true } });
        release();
        await held;
        await running;
      } finally {
        release();
        // On PostgreSQL the handlers read through the store itself (openReadStore.ts): closing them would close the fixture's store.
        if (!isPostgres(store.db)) await served.close();
      }
    });
  });

  describe('grids on a city server: a supervisor sees their district’s rows, a reviewer every row', () => {
    async function codes(kind: 'managers' | 'journals', caller?: CallerAccount): Promise<string[]> {
      const r = await call('data.rows', { kind, startRow: 0, endRow: 1000 }, caller);
      if (!r.ok) throw new Error(r.error.message);
      const rows = (r.data as { rows: Record<string, unknown>[] }).rows;
      return [...new Set(rows.map((row) => String(row.code ?? row.managerCode ?? row.managerName ?? '')))].sort();
    }

    async function total(kind: 'managers' | 'journals' | 'retailers' | 'brands', caller?: CallerAccount): Promise<number> {
      const r = await call('data.count', { kind }, caller);
      if (!r.ok) throw new Error(r.error.message);
      return (r.data as { total: number }).total;
    }

    it('managers, retailers and journals narrow to the district; counts match the rows', async () => {
      expect(await codes('managers', EAST_SUPERVISOR)).toEqual(['DA001', 'DA002']);
      expect(await codes('managers', WEST_SUPERVISOR)).toEqual(['DB001', 'DB002']);
      expect(await codes('managers', REVIEWER)).toEqual(['DA001', 'DA002', 'DB001', 'DB002']);
      const journalsOf = async (district: string) =>
        Number(
          (
            await store.db
              .selectFrom('journals')
              .innerJoin('managers', 'managers.id', 'journals.manager_id')
              .innerJoin('districts', 'districts.id', 'managers.district_id')
              .where('districts.name', '=', district)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const east = await journalsOf(EAST);
      const west = await journalsOf(WEST);
      expect(east).toBeGreaterThan(0);
      expect(west).toBeGreaterThan(0);
      expect(await total('journals', EAST_SUPERVISOR)).toBe(east);
      expect(await total('journals', WEST_SUPERVISOR)).toBe(west);
      expect(await total('journals', REVIEWER)).toBe(east + west);
      expect(await total('retailers', EAST_SUPERVISOR)).toBe(2);
      expect(await total('retailers', REVIEWER)).toBe(4);
      // A supervisor whose district the store lacks sees no rows, not everyone's.
      expect(await total('managers', NEW_SUPERVISOR)).toBe(0);
    });

    it('a row of another district does not open for a supervisor; their own and a reviewer’s do', async () => {
      const idOf = async (code: string) => (await store.db.selectFrom('managers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
      expect(codeOf(await call('data.detail', { kind: 'managers', id: await idOf('DB001'), month: MONTH }, EAST_SUPERVISOR))).toBe('other_district');
      expect(codeOf(await call('data.detail', { kind: 'journals', id: journalOf[WEST] as number, month: MONTH }, EAST_SUPERVISOR))).toBe('other_district');
      expect(codeOf(await call('data.detail', { kind: 'managers', id: await idOf('DA001'), month: MONTH }, EAST_SUPERVISOR))).toBe('ok');
      expect(codeOf(await call('data.detail', { kind: 'managers', id: await idOf('DB001'), month: MONTH }, REVIEWER))).toBe('ok');
    });

    it('the grid export writes only the district’s rows', async () => {
      const arg = { kind: 'managers', columns: ['code', 'name'], title: '客户经理', jobId: 'export-east' };
      const east = await call('data.export', arg, EAST_SUPERVISOR);
      const all = await call('data.export', { ...arg, jobId: 'export-all' }, REVIEWER);
      expect([east.ok && (east.data as { rows: number }).rows, all.ok && (all.data as { rows: number }).rows]).toEqual([2, 4]);
    });

    it('without accounts (the desktop) the grids show every row, as before', async () => {
      const desktop = createHandlers({ store, now: () => now, workDir: dir });
      try {
        const r = await invokeHandler(desktop, 'data.count', { kind: 'managers' }, ctx);
        expect(r).toEqual({ ok: true, data: { total: 4 } });
      } finally {
        // On PostgreSQL the handlers read through the store itself (openReadStore.ts): closing them would close the fixture's store.
        if (!isPostgres(store.db)) await desktop.close();
      }
    });
  });
  describe('late master data links the importing district’s rows only', () => {
    it('城东’s retailer file links 城东’s waiting journal, never 城西’s of the same licence', async () => {
      const EAST_LATE = '370903880009';
      const WEST_LATE = '370903880010';
      const journal = (code: string, name: string, licence: string) =>
        writeCsv(path.join(dir, `late-${code}.csv`), [['日期', '工号', '姓名', '许可证号', '日志内容'], ['2026-09-29', code, name, licence, `九月走访新店${licence}，核对陈列、价签与库存。`]], 'utf8-bom');
      expect((await importFiles(store, [journal('DA001', 'DA经理1', EAST_LATE)], { now, district: EAST }))[0]?.status).toBe('imported');
      expect((await importFiles(store, [journal('DB001', 'DB经理1', WEST_LATE)], { now, district: WEST }))[0]?.status).toBe('imported');
      const waiting = async (licence: string) =>
        (await store.db.selectFrom('journals').select(['retailer_id']).where('retailer_ref', '=', licence).execute()).map((r) => r.retailer_id);
      expect([await waiting(EAST_LATE), await waiting(WEST_LATE)]).toEqual([[null], [null]]);

      // 城东's shop list, now with both new licences (the second one is 城东's shop as far as this file says).
      const shops = writeCsv(path.join(dir, '城东零售客户_late.csv'), [
        ['许可证号', '客户名称', '经度', '纬度', '档位', '送货线路', '客户经理工号', '状态'],
        ['370903880001', 'DA便利店1', 117.02, 36.6, 10, 'L1', 'DA001', '正常'],
        ['370903880002', 'DA便利店2', 117.03, 36.61, 11, 'L2', 'DA002', '正常'],
        [EAST_LATE, 'DA新店', 117.04, 36.62, 12, 'L1', 'DA001', '正常'],
        [WEST_LATE, 'DA新店二', 117.05, 36.63, 12, 'L2', 'DA002', '正常'],
      ], 'utf8-bom');
      const [report] = await importFiles(store, [shops], { now, district: EAST });
      expect(report?.status).toBe('imported');
      expect((await waiting(EAST_LATE))[0]).not.toBeNull();
      // 城西's journal waits for 城西's own file: 城东's import did not change 城西's rows.
      expect(await waiting(WEST_LATE)).toEqual([null]);
    });
  });
});
