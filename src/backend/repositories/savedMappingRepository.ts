import type { Kysely } from 'kysely';
import type { Database, SavedMappingRow } from '../db/schema';

export interface NewSavedMapping {
  name: string;
  kind: string;
  headersJson: string;
  mappingJson: string;
  savedAt: string;
  /** The district it is saved for (a supervisor's); undefined: none (the desktop keeps what it had). */
  districtId?: number;
}

/** Saving under an existing name replaces that mapping (the supervisor corrected it). */
export async function upsertSavedMapping(db: Kysely<Database>, m: NewSavedMapping): Promise<void> {
  const district = m.districtId === undefined ? {} : { district_id: m.districtId };
  await db
    .insertInto('saved_mappings')
    .values({ name: m.name, kind: m.kind, headers_json: m.headersJson, mapping_json: m.mappingJson, saved_at: m.savedAt, ...district })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ kind: m.kind, headers_json: m.headersJson, mapping_json: m.mappingJson, saved_at: m.savedAt, ...district }),
    )
    .execute();
}

/** Newest first; with `districtId`, that district's and those of no district. */
export async function listSavedMappings(db: Kysely<Database>, districtId?: number): Promise<SavedMappingRow[]> {
  let q = db.selectFrom('saved_mappings').selectAll().orderBy('saved_at', 'desc').orderBy('id', 'desc');
  if (districtId !== undefined) q = q.where((eb) => eb.or([eb('district_id', '=', districtId), eb('district_id', 'is', null)]));
  return q.execute();
}

export async function findSavedMapping(db: Kysely<Database>, name: string): Promise<SavedMappingRow | undefined> {
  return db.selectFrom('saved_mappings').selectAll().where('name', '=', name).executeTakeFirst();
}
