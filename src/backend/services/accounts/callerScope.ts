import { AsyncLocalStorage } from 'node:async_hooks';
import type { CallerAccount } from './accountRole';

/**
 * The account a served call runs as, for the whole of the call (its job included). The host sets
 * it once per request (invokeHandler's `caller`); the access policy (handlers/methodAccess.ts)
 * and the name changes are signed with (services/app/supervisor.ts actingName) read it. Scoped
 * rather than passed down: every handler already asks actingName who acts, and a parameter
 * would have to cross every handler file and service for that one name.
 */
const scope = new AsyncLocalStorage<CallerAccount>();

export function runAsCaller<T>(caller: CallerAccount, work: () => Promise<T>): Promise<T> {
  return scope.run(caller, work);
}

/** The served call's account, or undefined (the desktop, the CLI, a loopback browser without login). */
export function currentCaller(): CallerAccount | undefined {
  return scope.getStore();
}
