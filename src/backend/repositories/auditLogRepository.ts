import type { Kysely } from 'kysely';
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

export async function appendAudit(db: Kysely<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      who: e.who,
      entity: e.entity,
      entity_id: e.entityId,
      field: e.field,
      old_value: e.oldValue,
      new_value: e.newValue,
      reason: e.reason,
    })
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
