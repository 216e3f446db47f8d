import type { Kysely } from 'kysely';
import { isPostgres } from '../../db/isPostgres';
import { advisoryLockHolder, CITY_LOCK_KEY, labelTransaction, readLabel, tryAdvisoryLock, waitAdvisoryLock } from '../../db/postgres/advisoryLocks';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/openStore';
import { storeOn } from '../../db/storeOn';
import { transact } from '../../db/transact';
import { resolveDistrict } from './resolveDistrict';
import { listDistricts } from '../../repositories/districtRepository';
import { currentCaller } from '../accounts/callerScope';
import { RequestError } from '../requestError';
import { WRITE_ACTION_ZH, WRITE_ACTIONS, type WriteAction, type WriteBusy } from '../../../shared/api/writeBusy';


/** Whose data a write changes: one district's (by id), or the city's shared data (calendar, schemes, brands, accounts). */
export type WriteScope = number | 'city';

export interface WriteClaim {
  scope: WriteScope;
  action: WriteAction;
  /** Who writes; default: the served call's account (callerScope), else $KAOPING_USER, else the holder goes unnamed. */
  who?: string;
}

/** Another session holds the district: the write was not done (its transaction is rolled back). */
export class DistrictBusyError extends RequestError {
  constructor(readonly busy: WriteBusy) {
    super('district_busy', districtBusyMessage(busy), busy);
    this.name = 'DistrictBusyError';
  }
}

function districtBusyMessage(busy: WriteBusy): string {
  const where = busy.district === null ? '全市共用数据' : `营销部 ${busy.district}`;
  if (busy.who === null || busy.action === null) return `${where}正由其他用户修改，请稍后再试`;
  return `正在由 ${busy.who} ${WRITE_ACTION_ZH[busy.action]}（${where}），请稍后再试`;
}

/** How long a second writer waits before it is told who holds the district (KAOPING_LOCK_WAIT_MS; default 3 s). */
function lockWaitMs(): number {
  const raw = process.env.KAOPING_LOCK_WAIT_MS;
  const value = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : 3000;
}

const LABEL_PREFIX = 'kaoping ';

function holderOf(label: string | null): { who: string; action: WriteAction } | null {
  if (label === null) return null;
  const text = readLabel(label);
  if (!text.startsWith(LABEL_PREFIX)) return null;
  const rest = text.slice(LABEL_PREFIX.length);
  const space = rest.indexOf(' ');
  const action = rest.slice(0, space);
  if (space < 0 || !(WRITE_ACTIONS as readonly string[]).includes(action)) return null;
  return { who: rest.slice(space + 1), action: action as WriteAction };
}

/**
 * Claims a district (or the city) for the rest of the transaction `trx`, as its first statement:
 * writers of one district are serialised, across every process serving the same database. On
 * PostgreSQL a transaction-level advisory lock keyed by the district id (released at commit or
 * rollback, and by the server when the connection dies with a killed process); the session is
 * labelled with who does what first, so that a second writer, after waiting briefly, is told
 * 「正在由 X 导入数据（营销部 D），请稍后再试」 (DistrictBusyError) instead of waiting for a long
 * import. Readers take no lock and never wait. On SQLite nothing: the store's one connection and
 * BEGIN IMMEDIATE already serialise every writer. Claiming again in the same transaction is free.
 */
export async function claimWrite(trx: Kysely<Database>, claim: WriteClaim): Promise<void> {
  if (!isPostgres(trx)) return;
  if (!trx.isTransaction) throw new Error('claimWrite: needs a transaction (the lock lasts until it ends)');
  const key = claim.scope === 'city' ? CITY_LOCK_KEY : claim.scope;
  const who = claim.who ?? currentCaller()?.name ?? process.env.KAOPING_USER ?? '';
  await labelTransaction(trx, `${LABEL_PREFIX}${claim.action} ${who}`);
  if (await tryAdvisoryLock(trx, key)) return;
  // Said before waiting: once the wait runs out the transaction is aborted and reads nothing more.
  const holder = holderOf(await advisoryLockHolder(trx, key));
  const district = claim.scope === 'city' ? null : ((await listDistricts(trx)).find((d) => d.id === claim.scope)?.name ?? String(claim.scope));
  const waitMs = lockWaitMs();
  if (waitMs > 0 && (await waitAdvisoryLock(trx, key, waitMs))) return;
  throw new DistrictBusyError({ who: holder?.who || null, action: holder?.action ?? null, district });
}

/** `transact` with the district (or the city) claimed first: the one way a service writes a district's data. */
export function transactClaimed<T>(db: Kysely<Database>, claim: WriteClaim, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return transact(db, async (trx) => {
    await claimWrite(trx, claim);
    return work(trx);
  });
}

/**
 * A change of one district's data run whole in one claimed transaction, `work` given the store
 * seen from it: the checks it makes read what holds once no other writer of the district is
 * busy, so that e.g. a finalize never signs a result an evaluation is replacing meanwhile.
 * `districtId` undefined: the store's only district; a store without districts claims nothing.
 */
export async function writeInDistrict<T>(
  store: Store,
  districtId: number | undefined | null,
  claim: { action: WriteAction; who?: string },
  work: (inTrx: Store) => Promise<T>,
): Promise<T> {
  return transactInDistrict(store.db, districtId, claim, (trx) => work(storeOn(store, trx)));
}

/** writeInDistrict for a service that needs only the executor: `work` gets the claimed transaction. */
export async function transactInDistrict<T>(
  db: Kysely<Database>,
  districtId: number | undefined | null,
  claim: { action: WriteAction; who?: string },
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const scope = districtId ?? (await resolveDistrict(db));
  return scope === null ? transact(db, work) : transactClaimed(db, { scope, ...claim }, work);
}
