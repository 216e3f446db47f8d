import { sql, type Kysely } from 'kysely';

/**
 * Frozen: districts (营销部). A city store holds several districts; a desktop store holds one.
 *
 * - `districts`: one row per 营销部, named uniquely.
 * - The district is a column where a row's own facts cannot tell it: `managers` and `retailers`
 *   (master data; a retailer carries its own district instead of deriving it from its manager or
 *   route assignment, because assignments change month by month and an unassigned shop still
 *   belongs somewhere), `import_batches` (who imported into which district; the activity rows a
 *   batch created belong to its district, and reach it through their manager or retailer), and
 *   the month's state: `evaluations` and `report_freezes` (one per district × month: two
 *   districts' same month are finalized, reopened and marked stale independently),
 *   `adjustments` and `manual_scores`.
 * - brands and the work calendar stay city-wide (one brand list and one holiday calendar per
 *   city company); their batches carry the importing district all the same.
 *
 * An existing store gets one district, named after its roster's department (the most common
 * one), else the supervisor's unit (设置 › 常规), else 本营销部, and every row is put in it: the
 * desktop (one supervisor, one district) works as before. A store without any data gets none;
 * its first import names it.
 *
 * evaluations and report_freezes had the month alone as their unique key: they are rebuilt
 * (renamed, created anew, copied, dropped). Portable SQL only; their ids are not copied (nothing
 * refers to them) so that PostgreSQL's identity stays in step.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('districts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  for (const table of ['import_batches', 'managers', 'retailers', 'adjustments', 'manual_scores']) {
    await db.schema.alterTable(table).addColumn('district_id', 'integer', (c) => c.references('districts.id')).execute();
  }

  const districtId = await backfillDistrict(db);

  await db.schema.alterTable('evaluations').renameTo('evaluations_0013').execute();
  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('schemes.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .addColumn('finalized_at', 'text')
    .addColumn('finalized_by', 'text')
    .addColumn('input_batches_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('inputs_json', 'text')
    .addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
    .addUniqueConstraint('evaluations_district_month', ['district_id', 'month'])
    .execute();
  const evaluationColumns = ['month', 'scheme_id', 'status', 'evaluated_at', 'finalized_at', 'finalized_by', 'input_batches_json', 'result_json', 'inputs_json'];
  if (districtId !== null) {
    await db
      .insertInto('evaluations')
      .columns([...evaluationColumns, 'district_id'])
      .expression(
        db
          .selectFrom('evaluations_0013')
          .select([...evaluationColumns, sql.lit(districtId).as('district_id')])
          .orderBy('id'),
      )
      .execute();
  }
  await db.schema.dropTable('evaluations_0013').execute();

  await db.schema.alterTable('report_freezes').renameTo('report_freezes_0013').execute();
  await db.schema
    .createTable('report_freezes')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
    .addPrimaryKeyConstraint('report_freezes_pk', ['district_id', 'month'])
    .execute();
  if (districtId !== null) {
    await db
      .insertInto('report_freezes')
      .columns(['month', 'frozen_at', 'inputs_json', 'district_id'])
      .expression(db.selectFrom('report_freezes_0013').select(['month', 'frozen_at', 'inputs_json', sql.lit(districtId).as('district_id')]))
      .execute();
  }
  await db.schema.dropTable('report_freezes_0013').execute();

  await db.schema.createIndex('managers_district').on('managers').column('district_id').execute();
  await db.schema.createIndex('retailers_district').on('retailers').column('district_id').execute();
  await db.schema.createIndex('import_batches_district').on('import_batches').column('district_id').execute();
  await db.schema.createIndex('adjustments_district_month').on('adjustments').columns(['district_id', 'month']).execute();
  await db.schema.createIndex('manual_scores_district_month').on('manual_scores').columns(['district_id', 'month']).execute();
}

/** Creates the existing data's district and puts every row in it; null when the store is empty. */
async function backfillDistrict(db: Kysely<any>): Promise<number | null> {
  const used = async (table: string) => (await db.selectFrom(table).select('id').limit(1).execute()).length > 0;
  const hasData = (await used('import_batches')) || (await used('evaluations')) || (await used('adjustments')) || (await used('manual_scores'));
  if (!hasData) return null;
  const name = (await mostCommonDepartment(db)) ?? (await supervisorUnit(db)) ?? '本营销部';
  const row = await db
    .insertInto('districts')
    .values({ name, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  for (const table of ['import_batches', 'managers', 'retailers', 'adjustments', 'manual_scores']) {
    await db.updateTable(table).set({ district_id: id }).execute();
  }
  return id;
}

async function mostCommonDepartment(db: Kysely<any>): Promise<string | null> {
  const row = await db
    .selectFrom('managers')
    .select((eb) => ['department', eb.fn.countAll().as('n')])
    .where('department', 'is not', null)
    .where(sql`trim(department)`, '!=', '')
    .groupBy('department')
    .orderBy('n', 'desc')
    .orderBy('department')
    .limit(1)
    .executeTakeFirst();
  return row ? String(row.department).trim() : null;
}

async function supervisorUnit(db: Kysely<any>): Promise<string | null> {
  const row = await db.selectFrom('app_settings').select('value_json').where('key', '=', 'supervisor').executeTakeFirst();
  if (!row) return null;
  try {
    const unit = (JSON.parse(String(row.value_json)) as { unit?: unknown }).unit;
    return typeof unit === 'string' && unit.trim() !== '' ? unit.trim() : null;
  } catch {
    return null;
  }
}
