import { z } from 'zod';
import { API_ARGS, isApiName, type ApiName, type HandlerContext, type KaopingHandlers } from '../shared/api/kaopingApi';
import { fail, ok, type Result } from '../shared/api/result';
import { appHandlers } from './handlers/appHandlers';
import { dataHandlers } from './handlers/dataHandlers';
import { evaluationHandlers } from './handlers/evaluationHandlers';
import type { HandlerDeps, HandlerEnv } from './handlers/handlerDeps';
import { bindMethods, type Methods } from './handlers/methodPolicies';
import { importHandlers } from './handlers/importHandlers';
import { JobRegistry } from './handlers/jobRegistry';
import { journalsHandlers } from './handlers/journalsHandlers';
import { openReadStore } from './handlers/openReadStore';
import { reportHandlers } from './handlers/reportHandlers';
import { scorecardHandlers } from './handlers/scorecardHandlers';
import { settingsHandlers } from './handlers/settingsHandlers';
import { WriteLock } from './handlers/writeLock';
import { districtOfCall } from './handlers/districtOfCall';
import type { CallerAccount } from './services/accounts/accountRole';
import { runAsCaller } from './services/accounts/callerScope';
import { StoreError } from './db/openStore';
import { FileRefusedError } from './io/fileRefusedError';
import { EvaluationError } from './services/evaluation/evaluationError';
import { ReportExportError } from './services/report/reportExportError';
import { RequestError } from './services/requestError';


/** Every contract method with its declared policies, before binding (tests read the policies). */
export function declaredMethods(env: HandlerEnv): Methods {
  return {
    ...appHandlers(env),
    ...importHandlers(env),
    ...dataHandlers(env),
    ...evaluationHandlers(env),
    ...scorecardHandlers(env),
    ...journalsHandlers(env),
    ...settingsHandlers(env),
    ...reportHandlers(env),
  } satisfies Methods;
}

/** The handlers plus what a host needs to shut down cleanly. */
export type Handlers = KaopingHandlers & {
  cancelAllJobs(): void;
  /** Closes the handlers' read connection (not the store, which the caller owns). */
  close(): Promise<void>;
};

/**
 * The contract's implementation: one function per name, arguments already validated, each with
 * the policies its handler file declares (handlers/methodPolicies.ts: write lock, job, backup
 * first). Queries use a read-only connection that sees committed data only. Call close() when done.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const env = { ...deps, reader: openReadStore(deps.store), jobs: new JobRegistry() };
  const methods = declaredMethods(env);
  const accounts = deps.accounts ? { districtOf: deps.accounts.districtOf ?? districtOfCall } : undefined;
  const handlers = bindMethods({ ...env, writeLock: deps.writeLock ?? new WriteLock(), accounts }, methods);
  return { ...handlers, cancelAllJobs: () => env.jobs.cancelAll(), close: () => env.reader.close() };
}

const zhCNLocale = z.locales.zhCN().localeError;
/** zod's Chinese messages, except an infinite number, which it calls "期望 数字，实际接收 数字". */
const zhCN: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.expected === 'number' && typeof issue.input === 'number' && !Number.isNaN(issue.input)
    ? '数字超出范围'
    : zhCNLocale(issue);

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}：${i.message}` : i.message))
    .join('；');
}

/** One call of the contract by name, as a host makes it (validation and error shaping inside). */
export type ContractInvoke = (name: string, rawArg: unknown, ctx: HandlerContext) => Promise<Result<unknown>>;

export interface InvokeOptions {
  /** Where unexpected errors go (their stack never reaches the page). Default: console.error. */
  logError?: (name: string, err: unknown) => void;
  /** The logged-in account the call runs as (a city server's session); its audit rows name it. */
  caller?: CallerAccount;
}

async function call<K extends ApiName>(handlers: KaopingHandlers, name: K, rawArg: unknown, ctx: HandlerContext): Promise<Result<unknown>> {
  const parsed = API_ARGS[name].safeParse(rawArg, { error: zhCN });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }));
    return fail('invalid_argument', `参数有误：${describeIssues(parsed.error.issues)}`, issues);
  }
  const handler = handlers[name] as (arg: unknown, ctx: HandlerContext) => Promise<unknown>;
  return ok(await handler(parsed.data, ctx));
}

/**
 * The only dispatch and the only error shaping, for Electron's main and the HTTP host alike:
 * rejects unknown names, validates the argument with the contract's schema, runs the method
 * (its policies included) and turns every thrown error into a Result (known errors keep their
 * code and Chinese message; anything else is logged and becomes 'internal'). `handlers` may be a
 * getter (the desktop app swaps them after a restore; a closed database is an internal error).
 */
export async function invokeHandler(
  handlers: KaopingHandlers | (() => KaopingHandlers),
  name: string,
  rawArg: unknown,
  ctx: HandlerContext,
  opts: InvokeOptions = {},
): Promise<Result<unknown>> {
  if (!isApiName(name)) return fail('not_found', `没有名为「${name}」的接口`);
  try {
    const target = typeof handlers === 'function' ? handlers() : handlers;
    const caller = opts.caller;
    return await (caller ? runAsCaller(caller, () => call(target, name, rawArg, ctx)) : call(target, name, rawArg, ctx));
  } catch (err) {
    if (err instanceof RequestError) return fail(err.code, err.message, err.details);
    if (err instanceof EvaluationError || err instanceof ReportExportError || err instanceof StoreError || err instanceof FileRefusedError) {
      return fail(err.code, err.message);
    }
    (opts.logError ?? ((n, e) => console.error(`[kaoping] ${n} failed:`, e)))(name, err);
    return fail('internal', '后台处理时出了意外错误，操作没有完成。请重试；如果反复出现，请查看日志或联系维护人员。');
  }
}
