import type { Kysely } from 'kysely';

/**
 * Frozen: the copy findings of 0016 are kept per district and month. Keyed by month alone, two
 * districts evaluating the same month replaced each other's row, so every evaluation of one after
 * the other computed its findings anew (correct, since the key never matched, but the cache was
 * no use on a city store). The table is a cache: it is recreated empty, and each district's next
 * evaluation of a month computes and keeps its findings. Portable SQL, the same on PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('journal_copy_cache').execute();
  await db.schema
    .createTable('journal_copy_cache')
    .addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('input_key', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('journal_copy_cache_pk', ['district_id', 'month'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('journal_copy_cache').execute();
  await db.schema
    .createTable('journal_copy_cache')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('input_key', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .execute();
}
