import type { Kysely } from 'kysely';
import type { Database, SavedMappingRow } from '../db/schema';

export interface NewSavedMapping {
  name: string;
  kind: string;
  headersJson: string;
  mappingJson: string;
  savedAt: string;
}

/** Saving under an existing name replaces that mapping (the supervisor corrected it). */
export async function upsertSavedMapping(db: Kysely<Database>, m: NewSavedMapping): Promise<void> {
  await db
    .insertInto('saved_mappings')
    .values({ name: m.name, kind: m.kind, headers_json: m.headersJson, mapping_json: m.mappingJson, saved_at: m.savedAt })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ kind: m.kind, headers_json: m.headersJson, mapping_json: m.mappingJson, saved_at: m.savedAt }),
    )
    .execute();
}

export async function listSavedMappings(db: Kysely<Database>): Promise<SavedMappingRow[]> {
  return db.selectFrom('saved_mappings').selectAll().orderBy('saved_at', 'desc').orderBy('id', 'desc').execute();
}
