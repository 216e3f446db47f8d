import type { Kysely } from 'kysely';

/**
 * Frozen: a supervisor's comment on a journal entry or report (日志对照). One per entry, editable;
 * every change is also written to audit_log, so this table holds only the current text.
 * `kind` is 'journals' or 'reports'; no foreign key, because the entry tables differ by kind and an
 * undone import may remove the entry while its comment stays on record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entry_comments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('entry_comments_kind_entry', ['kind', 'entry_id'])
    .execute();
}
