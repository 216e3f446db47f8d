import type { Kysely, Selectable } from 'kysely';
import type { Database, EntryCommentsTable } from '../db/schema';

export type EntryCommentRow = Selectable<EntryCommentsTable>;
export type CommentKind = EntryCommentsTable['kind'];

/** Ids per query: well below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/** The comments on the given entries of one kind, by entry id. */
export async function commentsByEntry(db: Kysely<Database>, kind: CommentKind, ids: readonly number[]): Promise<Map<number, EntryCommentRow>> {
  const byEntry = new Map<number, EntryCommentRow>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await db
      .selectFrom('entry_comments')
      .selectAll()
      .where('kind', '=', kind)
      .where('entry_id', 'in', unique.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) byEntry.set(row.entry_id, row);
  }
  return byEntry;
}

export async function getEntryComment(db: Kysely<Database>, kind: CommentKind, entryId: number): Promise<EntryCommentRow | undefined> {
  return db.selectFrom('entry_comments').selectAll().where('kind', '=', kind).where('entry_id', '=', entryId).executeTakeFirst();
}

export async function putEntryComment(
  db: Kysely<Database>,
  c: { kind: CommentKind; entryId: number; text: string; who: string; at: string },
): Promise<void> {
  await db
    .insertInto('entry_comments')
    .values({ kind: c.kind, entry_id: c.entryId, text: c.text, updated_by: c.who, updated_at: c.at })
    .onConflict((oc) => oc.columns(['kind', 'entry_id']).doUpdateSet({ text: c.text, updated_by: c.who, updated_at: c.at }))
    .execute();
}

export async function deleteEntryComment(db: Kysely<Database>, kind: CommentKind, entryId: number): Promise<void> {
  await db.deleteFrom('entry_comments').where('kind', '=', kind).where('entry_id', '=', entryId).execute();
}
