import type { Kysely } from 'kysely';

/**
 * Frozen: the first schema. Never edit; add a new migration instead.
 * Every imported row carries `created_batch_id` (the batch that inserted it) and `batch_id`
 * (the batch that last changed it), so a batch can be undone. `nk` is the natural key of
 * data-kinds.md, used for upserts on re-import.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sheet', 'text')
    .addColumn('header_row', 'integer')
    .addColumn('encoding', 'text')
    .addColumn('mapping_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unlinked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('warnings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('rejects_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('as_of_month', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('committed'))
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addColumn('undone_at', 'text')
    .execute();

  const batchCols = (t: ReturnType<Kysely<any>['schema']['createTable']>) =>
    t
      .addColumn('created_batch_id', 'integer', (c) => c.notNull().references('import_batches.id'))
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id'));

  await batchCols(
    db.schema
      .createTable('managers')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('department', 'text')
      .addColumn('area', 'text')
      .addColumn('routes', 'text')
      .addColumn('phone', 'text')
      .addColumn('dingtalk_id', 'text')
      .addColumn('hired_on', 'text')
      .addColumn('status', 'text'),
  ).execute();

  await batchCols(
    db.schema
      .createTable('retailers')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('licence', 'text', (c) => c.notNull())
      .addColumn('customer_code', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('owner', 'text')
      .addColumn('phone', 'text')
      .addColumn('address', 'text')
      .addColumn('longitude', 'real')
      .addColumn('latitude', 'real')
      .addColumn('format', 'text')
      .addColumn('market', 'text')
      .addColumn('tier', 'integer')
      .addColumn('route', 'text')
      .addColumn('manager_code', 'text')
      .addColumn('manager_name', 'text')
      .addColumn('status', 'text'),
  ).execute();
  await db.schema.createIndex('retailers_customer_code').on('retailers').column('customer_code').execute();

  // Assignment history: which manager serves a retailer (through its route) from a month on.
  await batchCols(
    db.schema
      .createTable('assignments')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('retailer_id', 'integer', (c) => c.notNull().references('retailers.id'))
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('route', 'text')
      .addColumn('manager_id', 'integer', (c) => c.references('managers.id')),
  ).execute();
  await db.schema.createIndex('assignments_month').on('assignments').columns(['month', 'retailer_id']).execute();

  await batchCols(
    db.schema
      .createTable('brands')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('brand', 'text')
      .addColumn('price_class', 'text')
      .addColumn('wholesale_price', 'real')
      .addColumn('retail_price', 'real')
      .addColumn('key_brand', 'integer')
      .addColumn('new_brand', 'integer')
      .addColumn('launched_on', 'text'),
  ).execute();
  await db.schema.createIndex('brands_name').on('brands').column('name').execute();

  await batchCols(
    db.schema
      .createTable('calendar_days')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('workday', 'integer', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();

  await batchCols(
    db.schema
      .createTable('journals')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('manager_id', 'integer', (c) => c.notNull().references('managers.id'))
      .addColumn('retailer_id', 'integer', (c) => c.references('retailers.id'))
      .addColumn('retailer_ref', 'text')
      .addColumn('retailer_name', 'text')
      .addColumn('arrived_at', 'text')
      .addColumn('left_at', 'text')
      .addColumn('method', 'text')
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('problems', 'text')
      .addColumn('actions', 'text')
      .addColumn('price_marked', 'integer')
      .addColumn('display_ok', 'integer')
      .addColumn('violation', 'text'),
  ).execute();
  await db.schema.createIndex('journals_manager_date').on('journals').columns(['manager_id', 'date']).execute();
  await db.schema.createIndex('journals_date').on('journals').column('date').execute();

  await batchCols(
    db.schema
      .createTable('attendance')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('manager_id', 'integer', (c) => c.notNull().references('managers.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('at', 'text')
      .addColumn('is_absence', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('kind', 'text')
      .addColumn('result', 'text')
      .addColumn('anomaly', 'text')
      .addColumn('mock_location', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('address', 'text')
      .addColumn('longitude', 'real')
      .addColumn('latitude', 'real')
      .addColumn('retailer_id', 'integer', (c) => c.references('retailers.id'))
      .addColumn('retailer_ref', 'text')
      .addColumn('link_method', 'text')
      .addColumn('visited', 'text')
      .addColumn('device', 'text'),
  ).execute();
  await db.schema.createIndex('attendance_manager_date').on('attendance').columns(['manager_id', 'date']).execute();
  await db.schema.createIndex('attendance_date').on('attendance').column('date').execute();

  await batchCols(
    db.schema
      .createTable('reports')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('manager_id', 'integer', (c) => c.notNull().references('managers.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('submitted_on', 'text'),
  ).execute();
  await db.schema.createIndex('reports_period').on('reports').columns(['period', 'manager_id']).execute();

  await batchCols(
    db.schema
      .createTable('surveys')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('survey_id', 'text')
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('retailer_id', 'integer', (c) => c.references('retailers.id'))
      .addColumn('retailer_ref', 'text', (c) => c.notNull())
      .addColumn('method', 'text')
      .addColumn('knows_manager', 'integer', (c) => c.notNull())
      .addColumn('names_manager', 'integer')
      .addColumn('visits_last_month', 'integer')
      .addColumn('items_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('overall', 'text')
      .addColumn('comments', 'text'),
  ).execute();
  await db.schema.createIndex('surveys_date').on('surveys').column('date').execute();

  await batchCols(
    db.schema
      .createTable('orders')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('retailer_id', 'integer', (c) => c.references('retailers.id'))
      .addColumn('retailer_ref', 'text', (c) => c.notNull())
      .addColumn('brand_id', 'integer', (c) => c.references('brands.id'))
      .addColumn('brand_code', 'text')
      .addColumn('brand_name', 'text')
      .addColumn('demand', 'real')
      .addColumn('quantity', 'real', (c) => c.notNull())
      .addColumn('supplied', 'real')
      .addColumn('wholesale_price', 'real')
      .addColumn('amount', 'real')
      .addColumn('retail_price', 'real'),
  ).execute();
  await db.schema.createIndex('orders_date_retailer').on('orders').columns(['date', 'retailer_id']).execute();

  await batchCols(
    db.schema
      .createTable('agreements')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('retailer_id', 'integer', (c) => c.references('retailers.id'))
      .addColumn('retailer_ref', 'text', (c) => c.notNull())
      .addColumn('brand_code', 'text')
      .addColumn('agreed', 'real', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('agreements_month').on('agreements').column('month').execute();

  await batchCols(
    db.schema
      .createTable('inspections')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('retailer_id', 'integer', (c) => c.references('retailers.id'))
      .addColumn('retailer_ref', 'text', (c) => c.notNull())
      .addColumn('violation', 'text', (c) => c.notNull())
      .addColumn('inspector', 'text')
      .addColumn('notes', 'text'),
  ).execute();
  await db.schema.createIndex('inspections_date').on('inspections').column('date').execute();

  await batchCols(
    db.schema
      .createTable('spotchecks')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('nk', 'text', (c) => c.notNull().unique())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('manager_id', 'integer', (c) => c.notNull().references('managers.id'))
      .addColumn('item', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('answer', 'real', (c) => c.notNull()),
  ).execute();

  // Old values of rows a batch updated, so undoing the batch can put them back.
  await db.schema
    .createTable('row_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id'))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'integer', (c) => c.notNull())
    .addColumn('old_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('row_history_batch').on('row_history').column('batch_id').execute();

}
