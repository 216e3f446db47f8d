import type { Kysely } from 'kysely';
import { transactClaimed } from '../districts/districtWriteLock';
import type { Database } from '../../db/schema';
import { appendAudit } from '../../repositories/auditLogRepository';
import { currentCaller } from '../accounts/callerScope';
import { RequestError } from '../requestError';

/** Who judges the month: the name on audit rows, 定稿, comments and the report's 考核人 line. */
export interface Supervisor {
  name: string;
  unit: string;
}

const KEY = 'supervisor';

/** What a change is signed with before anyone has said who they are: never the OS account. */
const UNNAMED_SUPERVISOR = '（未填写考核人）';

export async function readSupervisor(db: Kysely<Database>): Promise<Supervisor | null> {
  const row = await db.selectFrom('app_settings').select('value_json').where('key', '=', KEY).executeTakeFirst();
  if (!row) return null;
  const value = JSON.parse(row.value_json) as Partial<Supervisor>;
  return typeof value.name === 'string' && value.name.trim() ? { name: value.name.trim(), unit: (value.unit ?? '').trim() } : null;
}

/**
 * The name changes are signed with: on a city server the logged-in account's (callerScope),
 * else the stored supervisor's, else UNNAMED_SUPERVISOR.
 */
export async function actingName(db: Kysely<Database>): Promise<string> {
  const caller = currentCaller();
  if (caller) return caller.name;
  return (await readSupervisor(db))?.name ?? UNNAMED_SUPERVISOR;
}

/** Sets the supervisor's name and unit; each changed field is audited (signed with the new name). */
export async function saveSupervisor(db: Kysely<Database>, next: Supervisor, now: Date): Promise<Supervisor> {
  const name = next.name.trim();
  const unit = next.unit.trim();
  if (!name) throw new RequestError('invalid_argument', '请填写考核人姓名');
  if (name.length > 50 || unit.length > 100) throw new RequestError('invalid_argument', '姓名不超过 50 字，单位不超过 100 字');
  await transactClaimed(db, { scope: 'city', action: 'supervisor', who: name }, async (trx) => {
    const before = await readSupervisor(trx);
    await trx
      .insertInto('app_settings')
      .values({ key: KEY, value_json: JSON.stringify({ name, unit }), updated_at: now.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify({ name, unit }), updated_at: now.toISOString() }))
      .execute();
    for (const [field, oldValue, newValue] of [
      ['name', before?.name ?? null, name],
      ['unit', before?.unit ?? null, unit],
    ] as const) {
      if (oldValue === newValue) continue;
      await appendAudit(trx, { at: now.toISOString(), who: name, entity: 'settings', entityId: KEY, field, oldValue, newValue, reason: null });
    }
  });
  return { name, unit };
}
