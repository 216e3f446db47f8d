import { sql, type Kysely } from 'kysely';
import { AUDIT_CHAIN_START, auditRowHash, type AuditRowContent } from '../auditRowHash';

/**
 * Frozen: the audit log becomes a hash chain. Each row gets `hash` = SHA-256 over the previous
 * row's hash and its own content (backend/db/auditRowHash.ts); existing rows are hashed here, in id
 * order. 0002's triggers refuse UPDATE and DELETE, but INSERT OR REPLACE deleted and re-inserted a
 * row without firing them, and an insert could take a lower id; now every insert must name an id
 * above every id the table has ever had (sqlite_sequence remembers deleted ones) and carry a hash.
 * appendAudit does both. SQLite-only triggers; a PostgreSQL port needs its own equivalent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
  await sql`drop trigger audit_log_no_update`.execute(db);
  const rows = (await db.selectFrom('audit_log').selectAll().orderBy('id').execute()) as AuditRowContent[];
  let previous = AUDIT_CHAIN_START;
  for (const row of rows) {
    previous = auditRowHash(previous, row);
    await db.updateTable('audit_log').set({ hash: previous }).where('id', '=', row.id).execute();
  }
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_append_only before insert on audit_log
    when new.hash is null
      or new.id <= (select coalesce(max(id), 0) from audit_log)
      or new.id <= coalesce((select seq from sqlite_sequence where name = 'audit_log'), 0)
    begin select raise(abort, 'audit_log is append-only: a new row needs the next id and a hash'); end`.execute(db);
}
