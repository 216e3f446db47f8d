import type { ApiName, ApiParsedArg, ApiReturn, HandlerContext, KaopingHandlers } from '../../shared/api/kaopingApi';
import { isPostgres } from '../db/isPostgres';
import type { Store } from '../db/openStore';
import { backupBeforeWrite } from '../services/backupBeforeImport';
import { currentCaller } from '../services/accounts/callerScope';
import type { DistrictOfCall } from './districtOfCall';
import { accessRefusal } from './methodAccess';
import type { JobRegistry } from './jobRegistry';
import type { WriteLock } from './writeLock';

/**
 * Host policy, declared per contract method (like Actual's `mutator(undoable(fn))`): each handler
 * file wraps its work in the policies it needs, and every host (Electron IPC, the HTTP host) runs
 * the same wrapped method through invokeHandler, so no host can skip one:
 *
 *   'import.run':  job(writes(backupFirst(async (arg, ctx) => …)))
 *   'import.undo': writes(backupFirst(async (arg) => …))
 *   'data.rows':   reads(async (arg) => …)
 *
 * The freeze check (refuseFinalizedMonths) is not a wrapper: which months a write touches is
 * known only inside the service (an import's rows), so each writing service runs it inside the
 * write lock that `writes` holds. Error shaping is invokeHandler's, once for every host.
 */
export type PolicyName = 'job' | 'writes' | 'writesWhen' | 'backupFirst';

/** What a method's work receives: the host's event sink and, inside `job`, the cancel signal. */
export interface MethodContext extends HandlerContext {
  readonly signal: AbortSignal;
}

/** What the policies need from the backend (createHandlers supplies it). */
export interface PolicyEnv {
  store: Store;
  now: () => Date;
  writeLock: WriteLock;
  jobs: JobRegistry;
  /** Told about every backup taken before a write (for the log). */
  onBackup?: (file: string) => void;
  /**
   * Served with accounts (a city server): every call runs as a logged-in account (callerScope)
   * and passes the access check (methodAccess.ts) first, outermost, before any other policy.
   */
  accounts?: { districtOf: DistrictOfCall };
}

type Work<A, R> = (arg: A, ctx: MethodContext) => Promise<R>;
type Run<A, R> = (env: PolicyEnv, name: ApiName, arg: A, ctx: MethodContext) => Promise<R>;

/** A contract method's work with its policies around it, outermost first. */
export interface Method<A, R> {
  readonly policies: readonly PolicyName[];
  readonly run: Run<A, R>;
}

/** Every contract method, declared: a handler file returns `Pick<Methods, …>`. */
export type Methods = { [K in ApiName]: Method<ApiParsedArg<K>, ApiReturn<K>> };

function wrap<A, R>(policy: PolicyName, inner: Method<A, R>, run: Run<A, R>): Method<A, R> {
  return { policies: [policy, ...inner.policies], run };
}

/** No policy: a query on the read-only connection (or work that touches no data). */
export function reads<A, R>(work: Work<A, R>): Method<A, R> {
  return { policies: [], run: (_env, _name, arg, ctx) => work(arg, ctx) };
}

function lift<A, R>(inner: Work<A, R> | Method<A, R>): Method<A, R> {
  return typeof inner === 'function' ? reads(inner) : inner;
}

/**
 * Runs under the write lock: writers never interleave on the store's one connection. On
 * PostgreSQL (a pool; every write transaction claims its district: services/districts/
 * districtWriteLock.ts) writers of other districts go on at once, and a second writer of the
 * same district is told who holds it instead of queueing in this process behind a long import.
 */
export function writes<A, R>(inner: Work<A, R> | Method<A, R>): Method<A, R> {
  const m = lift(inner);
  return wrap('writes', m, (env, name, arg, ctx) => (isPostgres(env.store.db) ? m.run(env, name, arg, ctx) : env.writeLock.run(() => m.run(env, name, arg, ctx))));
}

/**
 * Takes the write lock only when `needed()` says so (a read that first seeds a default row);
 * otherwise a read that does not wait behind a running import.
 */
export function writesWhen<A, R>(needed: () => Promise<boolean>, inner: Work<A, R> | Method<A, R>): Method<A, R> {
  const m = lift(inner);
  return wrap('writesWhen', m, async (env, name, arg, ctx) =>
    (await needed()) && !isPostgres(env.store.db) ? env.writeLock.run(() => m.run(env, name, arg, ctx)) : m.run(env, name, arg, ctx),
  );
}

/**
 * A cancellable job named by the argument's jobId: registered first (so import.cancel reaches it
 * while it waits for the lock), its signal in ctx.signal, and always closed with 'job.done'.
 */
export function job<A extends { jobId: string }, R>(inner: Work<A, R> | Method<A, R>): Method<A, R> {
  const m = lift(inner);
  return wrap('job', m, async (env, name, arg, ctx) => {
    const controller = env.jobs.start(arg.jobId, currentCaller());
    try {
      return await m.run(env, name, arg, { ...ctx, signal: controller.signal });
    } finally {
      env.jobs.finish(arg.jobId);
      ctx.emit('job.done', { jobId: arg.jobId });
    }
  });
}

/**
 * An online backup before the work (backupBeforeWrite: none while nothing is imported; the work
 * does not start when it fails; a file that failed for a full disk says so itself: importFile words it). Put it
 * inside `writes`, so that the backup sees no other writer's open transaction.
 */
export function backupFirst<A, R>(inner: Work<A, R> | Method<A, R>): Method<A, R> {
  const m = lift(inner);
  return wrap('backupFirst', m, async (env, name, arg, ctx) => {
    const file = await backupBeforeWrite(env.store, name, env.now());
    if (file !== null) env.onBackup?.(file);
    return m.run(env, name, arg, ctx);
  });
}

const NEVER_ABORTED = new AbortController().signal;

/** The access check (served with accounts only): refuses before the method waits for a lock or starts a job. */
function checkAccess<A, R>(accounts: NonNullable<PolicyEnv['accounts']>, m: Method<A, R>): Method<A, R> {
  return {
    policies: m.policies,
    run: async (env, name, arg, ctx) => {
      const refusal = await accessRefusal(name, currentCaller(), () => accounts.districtOf(name, arg, env.store.db));
      if (refusal) throw refusal;
      return m.run(env, name, arg, ctx);
    },
  };
}

/** The declared methods as the plain handlers invokeHandler calls, policies applied. */
export function bindMethods(env: PolicyEnv, methods: Methods): KaopingHandlers {
  const bound: Record<string, (arg: unknown, ctx: HandlerContext) => Promise<unknown>> = {};
  for (const [name, declared] of Object.entries(methods) as [ApiName, Method<unknown, unknown>][]) {
    const method = env.accounts ? checkAccess(env.accounts, declared) : declared;
    bound[name] = (arg, ctx) => method.run(env, name, arg, { ...ctx, signal: NEVER_ABORTED });
  }
  return bound as KaopingHandlers;
}
