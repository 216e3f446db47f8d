import type { Kysely } from 'kysely';

/**
 * Frozen: what copy detection found among a month's journal entries, kept for the month's next
 * evaluation (backend/services/evaluation/journalCopyCache.ts). Comparing every entry of the month
 * with the month and the 30 days before it is most of an evaluation's computing, and between two
 * evaluations of a month its input rarely changes (an orders or attendance import leaves it alone).
 *
 * `journal_copy_cache`: one row per month; `input_key` is a SHA-256 of everything the findings
 * depend on (the entries compared, the rule's settings and the rule's version), so a row is used
 * only when its key is the key of the question asked now; no trigger is needed, and an edited or
 * undone journal row simply no longer matches. Nothing is backfilled: a month without a row is
 * computed on its next evaluation. Portable SQL (kysely's schema builder), the same on PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journal_copy_cache')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('input_key', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('journal_copy_cache').execute();
}
