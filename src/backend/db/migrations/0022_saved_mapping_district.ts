import type { Kysely } from 'kysely';

/**
 * Frozen: a saved column mapping belongs to the district whose supervisor saved it. A mapping is
 * applied by itself to every later file with the same header row, so on a city server one
 * district's supervisor must not overwrite (or have applied) another's. Null: no district's (a
 * mapping saved on a store without districts, or by an account without one), used by all.
 * An existing store of one district (the desktop) puts its mappings in that district.
 * Portable SQL only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('saved_mappings').addColumn('district_id', 'integer', (c) => c.references('districts.id')).execute();
  const districts = await db.selectFrom('districts').select('id').limit(2).execute();
  const only = districts.length === 1 ? districts[0] : undefined;
  if (only) await db.updateTable('saved_mappings').set({ district_id: Number(only.id) }).execute();
}
