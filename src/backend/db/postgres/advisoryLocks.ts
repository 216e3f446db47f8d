import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * The first of the two int4 keys of every Kaoping advisory lock ('KP'), so that other users of
 * advisory locks on the same server cannot collide with ours; the second key is the district id,
 * or CITY_LOCK_KEY for the city's shared data (district ids start at 1).
 */
const KAOPING_LOCKS = 0x4b50;
export const CITY_LOCK_KEY = 0;

/** The longest application_name PostgreSQL keeps (NAMEDATALEN - 1 bytes). */
const APPLICATION_NAME_BYTES = 63;

/**
 * Names the transaction's session for the length of the transaction (set_config … is_local:
 * reset at commit or rollback, so a pooled connection goes back unnamed). pg_stat_activity shows
 * it to every session at once, which is how a second writer learns who holds a district.
 * PostgreSQL keeps printable ASCII only: the label is percent-encoded and cut at 63 bytes.
 */
export async function labelTransaction(trx: Kysely<Database>, label: string): Promise<void> {
  await sql`select set_config('application_name', ${asciiLabel(label)}, true)`.execute(trx);
}

function asciiLabel(label: string): string {
  const encoded = encodeURI(label);
  if (encoded.length <= APPLICATION_NAME_BYTES) return encoded;
  // Never cut inside a %XX escape.
  const cut = encoded.slice(0, APPLICATION_NAME_BYTES);
  return cut.replace(/%[0-9A-F]?$/i, '');
}

/** A label as labelTransaction wrote it (an escape cut short by the length limit dropped). */
export function readLabel(applicationName: string): string {
  for (let end = applicationName.length; end > 0; end -= 1) {
    try {
      return decodeURI(applicationName.slice(0, end));
    } catch {
      // a multi-byte character cut short at the end: try without its last bytes
    }
  }
  return '';
}

/** Takes the lock for the rest of the transaction if nobody holds it; false when another session does. */
export async function tryAdvisoryLock(trx: Kysely<Database>, key: number): Promise<boolean> {
  const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${KAOPING_LOCKS}::int4, ${key}::int4) as got`.execute(trx);
  return rows[0]?.got === true;
}

/**
 * Waits at most `waitMs` for the lock (lock_timeout for this one statement). False when the wait
 * ran out: PostgreSQL then has aborted the transaction (55P03), and the caller must roll it back.
 */
export async function waitAdvisoryLock(trx: Kysely<Database>, key: number, waitMs: number): Promise<boolean> {
  const { rows } = await sql<{ before: string }>`select current_setting('lock_timeout') as before`.execute(trx);
  await sql`select set_config('lock_timeout', ${`${Math.max(1, Math.round(waitMs))}ms`}, true)`.execute(trx);
  try {
    await sql`select pg_advisory_xact_lock(${KAOPING_LOCKS}::int4, ${key}::int4)`.execute(trx);
  } catch (err) {
    if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '55P03') return false;
    throw err;
  }
  await sql`select set_config('lock_timeout', ${rows[0]?.before ?? '0'}, true)`.execute(trx);
  return true;
}

/** The application_name of the session holding the lock, or null (nobody holds it now, or it is not visible). */
export async function advisoryLockHolder(db: Kysely<Database>, key: number): Promise<string | null> {
  const { rows } = await sql<{ application_name: string | null }>`
    select a.application_name
      from pg_locks l join pg_stat_activity a on a.pid = l.pid
     where l.locktype = 'advisory' and l.granted
       and l.database = (select oid from pg_database where datname = current_database())
       and l.classid = ${KAOPING_LOCKS}::int4::oid and l.objid = ${key}::int4::oid and l.objsubid = 2
     limit 1`.execute(db);
  return rows[0]?.application_name ?? null;
}
