import type { Kysely } from 'kysely';
import { AUDIT_CHAIN_START, auditRowHash } from '../db/auditRowHash';
import { auditSequence } from '../db/auditSequence';
import type { Database } from '../db/schema';

export interface AuditEntry {
  at: string;
  who: string;
  entity: string;
  entityId: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
}

/**
 * Appends one row to the audit chain: the next id, and a hash over the previous row's hash and
 * this row (the table's triggers refuse any other insert). Run it inside the write's transaction
 * (and the write lock), so that the row read as previous is still the last one.
 */
export async function appendAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  const seq = await auditSequence(db);
  const row = {
    id: Math.max(last?.id ?? 0, seq) + 1,
    at: e.at,
    who: e.who,
    entity: e.entity,
    entity_id: e.entityId,
    field: e.field,
    old_value: e.oldValue,
    new_value: e.newValue,
    reason: e.reason,
  };
  await db
    .insertInto('audit_log')
    .values({ ...row, hash: auditRowHash(last?.hash ?? AUDIT_CHAIN_START, row) })
    .execute();
}

export async function listAudit(db: Kysely<Database>, entity: string, entityIdPrefix: string): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', 'like', `${entityIdPrefix}%`)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    who: r.who,
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    reason: r.reason,
  }));
}
