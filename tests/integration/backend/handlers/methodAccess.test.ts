import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/backend/db/openStore';
import { openTestStore } from '../../../helpers/testStore';
import { createHandlers, declaredMethods, invokeHandler, type Handlers } from '../../../../src/backend/handlers';
import { JobRegistry } from '../../../../src/backend/handlers/jobRegistry';
import type { DistrictClaim } from '../../../../src/backend/handlers/districtOfCall';
import { METHOD_ACCESS, type MethodAccess } from '../../../../src/backend/handlers/methodAccess';
import type { AccountRole, CallerAccount } from '../../../../src/backend/services/accounts/accountRole';
import { runAsCaller } from '../../../../src/backend/services/accounts/callerScope';
import { RequestError } from '../../../../src/backend/services/requestError';
import { API_NAMES, type ApiName, type HandlerContext } from '../../../../src/shared/api/kaopingApi';
import { tempDir } from '../../../helpers/tempDir';

const dir = tempDir('kaoping-access-');
const ctx: HandlerContext = { emit: () => undefined };
let store: Store;
let handlers: Handlers;
/** What the district hook answers for the next call (the seam h18c's districts will fill). */
let claim: DistrictClaim = 'unknown';

const CALLERS: Record<AccountRole, CallerAccount> = {
  admin: { id: 1, name: 'admin1', role: 'admin', district: null },
  supervisor: { id: 2, name: '李考核', role: 'supervisor', district: '城东营销部' },
  reviewer: { id: 3, name: 'reviewer1', role: 'reviewer', district: null },
};

/** Who may call a method of each access, by role: the rule methodAccess.ts states. */
const ALLOWED: Record<MethodAccess, AccountRole[]> = {
  read: ['admin', 'supervisor', 'reviewer'],
  district: ['supervisor'],
  city: ['admin'],
  desktop: [],
};

beforeAll(async () => {
  store = await openTestStore(path.join(dir, 'k.sqlite'), { backupBeforeMigrate: false });
  handlers = createHandlers({ store, now: () => new Date('2026-12-01T08:00:00Z'), workDir: dir, accounts: { districtOf: async () => claim } });
});
afterAll(async () => {
  await handlers?.close();
  await store?.close();
});

/**
 * Calls the bound method itself (past the contract's argument check, with an empty argument):
 * the access check is the outermost policy, so a refusal comes before the work reads its
 * argument; an allowed call then fails or succeeds on its own, which is not a refusal.
 */
async function outcome(name: ApiName, caller: CallerAccount | undefined): Promise<'refused' | 'unauthorized' | 'passed'> {
  const bound = handlers[name] as (arg: unknown, c: HandlerContext) => Promise<unknown>;
  const run = () => bound({ jobId: `job-${name}-${caller?.role ?? 'none'}` }, ctx);
  try {
    await (caller ? runAsCaller(caller, run) : run());
    return 'passed';
  } catch (err) {
    if (err instanceof RequestError && err.code === 'forbidden') return 'refused';
    if (err instanceof RequestError && err.code === 'unauthorized') return 'unauthorized';
    return 'passed';
  }
}

describe('roles on a city server: every contract method as every role', () => {
  it('declares an access for every contract method, and none for a name outside the contract', () => {
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual([...API_NAMES].sort());
  });

  it('declares no method that takes the write lock a plain read, exports apart', () => {
    const env = { store, now: () => new Date(), workDir: dir, reader: store, jobs: new JobRegistry() };
    const methods = declaredMethods(env);
    const exports = new Set<ApiName>(['report.export', 'report.scorecards']);
    const writers = API_NAMES.filter((n) => methods[n].policies.includes('writes') && !exports.has(n));
    expect(writers.length).toBeGreaterThan(10);
    expect(writers.filter((n) => METHOD_ACCESS[n] === 'read')).toEqual([]);
  });

  it.each(API_NAMES.map((n) => [n, METHOD_ACCESS[n]] as const))('%s (%s): allowed and refused by role', async (name, access) => {
    for (const role of ['admin', 'supervisor', 'reviewer'] as const) {
      claim = 'unknown';
      const expected = ALLOWED[access].includes(role) ? 'passed' : 'refused';
      expect([role, await outcome(name, CALLERS[role])]).toEqual([role, expected]);
    }
    claim = 'unknown';
    expect(await outcome(name, undefined)).toBe('unauthorized');
  });

  it.each(API_NAMES.filter((n) => METHOD_ACCESS[n] === 'district'))('%s: a supervisor naming another district is refused, their own passes', async (name) => {
    claim = { districts: ['城西营销部'] };
    expect(await outcome(name, CALLERS.supervisor)).toBe('refused');
    claim = { districts: ['城东营销部', '城西营销部'] };
    expect(await outcome(name, CALLERS.supervisor)).toBe('refused');
    claim = { districts: ['城东营销部'] };
    expect(await outcome(name, CALLERS.supervisor)).toBe('passed');
    claim = 'unknown';
  });
});

describe('through invokeHandler, as the host calls', () => {
  it('refuses with a Result naming the account, and signs an allowed change with the account', async () => {
    const refused = await invokeHandler(handlers, 'calendar.setDay', { date: '2026-10-01', workday: false }, ctx, { caller: CALLERS.reviewer });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('审阅人账号「reviewer1」') } });
    const none = await invokeHandler(handlers, 'app.info', {}, ctx);
    expect(none).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const allowed = await invokeHandler(handlers, 'calendar.setDay', { date: '2026-10-01', workday: false, note: '国庆' }, ctx, { caller: CALLERS.admin });
    expect(allowed.ok).toBe(true);
    const rows = await store.db.selectFrom('audit_log').select(['who', 'entity']).where('entity', '!=', 'account').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.who))).toEqual(new Set(['admin1']));
  });

  it('without accounts (the desktop and the loopback browser) nothing is checked', async () => {
    const desktop = createHandlers({ store, now: () => new Date('2026-12-01T08:00:00Z'), workDir: dir });
    try {
      expect((await invokeHandler(desktop, 'app.info', {}, ctx)).ok).toBe(true);
    } finally {
      await desktop.close();
    }
  });
});
