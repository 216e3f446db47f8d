import type { Kysely } from 'kysely';
import { DEFAULT_SCHEME } from '../../core/scoring/defaultScheme';
import type { Scheme } from '../../core/scoring/scheme';
import type { Database } from '../db/schema';

export interface StoredScheme {
  id: number;
  scheme: Scheme;
}

function toStored(row: { id: number; name: string; version: number; definition_json: string }): StoredScheme {
  const scheme = JSON.parse(row.definition_json) as Scheme;
  return { id: row.id, scheme: { ...scheme, name: row.name, version: row.version } };
}

/** The default scheme of measures.md is always there, as version 1 of 默认方案. */
export async function ensureDefaultScheme(db: Kysely<Database>, now: Date): Promise<StoredScheme> {
  const existing = await findScheme(db, DEFAULT_SCHEME.name, DEFAULT_SCHEME.version);
  if (existing) return existing;
  const row = await db
    .insertInto('schemes')
    .values({
      name: DEFAULT_SCHEME.name,
      version: DEFAULT_SCHEME.version,
      definition_json: JSON.stringify(DEFAULT_SCHEME),
      created_at: now.toISOString(),
      created_by: null,
    })
    .returning(['id', 'name', 'version', 'definition_json'])
    .executeTakeFirstOrThrow();
  return toStored(row);
}

/** A scheme by name: the given version, else its latest. */
export async function findScheme(db: Kysely<Database>, name: string, version?: number): Promise<StoredScheme | undefined> {
  let q = db.selectFrom('schemes').select(['id', 'name', 'version', 'definition_json']).where('name', '=', name);
  if (version !== undefined) q = q.where('version', '=', version);
  const row = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? toStored(row) : undefined;
}

export async function getSchemeById(db: Kysely<Database>, id: number): Promise<StoredScheme | undefined> {
  const row = await db.selectFrom('schemes').select(['id', 'name', 'version', 'definition_json']).where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** Saves a scheme as the next version of its name; earlier versions stay as they were. */
export async function saveSchemeVersion(db: Kysely<Database>, scheme: Scheme, who: string, now: Date): Promise<StoredScheme> {
  const latest = await findScheme(db, scheme.name);
  const version = (latest?.scheme.version ?? 0) + 1;
  const definition = { ...scheme, version };
  const row = await db
    .insertInto('schemes')
    .values({
      name: scheme.name,
      version,
      definition_json: JSON.stringify(definition),
      created_at: now.toISOString(),
      created_by: who,
    })
    .returning(['id', 'name', 'version', 'definition_json'])
    .executeTakeFirstOrThrow();
  return toStored(row);
}

export async function listSchemes(db: Kysely<Database>): Promise<{ id: number; name: string; version: number; createdAt: string }[]> {
  const rows = await db.selectFrom('schemes').select(['id', 'name', 'version', 'created_at']).orderBy('name').orderBy('version').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, version: r.version, createdAt: r.created_at }));
}
