import type { Kysely } from 'kysely';

/**
 * Frozen: what a verdict that holds up needs (issue 14).
 * - managers.left_on: the roster's 离职日期/调离日期, the last day a manager is judged.
 * - evaluations.inputs_json: what the evaluation was computed from (the newest import batch, the
 *   scheme version, the manual scores …), compared at read time with the store to tell a stale
 *   evaluation (需重新考评) from a current one. Null for evaluations made before this migration.
 * - app_settings: small named settings, the supervisor's name and unit first.
 * - manual_scores: the supervisor's scores of metrics whose rule is 手工评分; the latest per
 *   month × manager × metric applies, every one is kept (and audited).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('managers').addColumn('left_on', 'text').execute();
  await db.schema.alterTable('evaluations').addColumn('inputs_json', 'text').execute();
  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('manual_scores')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('manager_code', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('manual_scores_month').on('manual_scores').columns(['month', 'manager_code']).execute();
}
