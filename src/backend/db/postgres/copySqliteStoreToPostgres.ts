import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { StoreError } from '../openStore';
import { redactStoreUrl } from '../storeLocation';

/** One value in COPY's text format: \N for null, backslash escapes, bytea as \\x hex. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString('hex')}`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string);
}

/** Tables in an order where every table comes after the tables its foreign keys name. */
function tablesInDependencyOrder(sqlite: BetterSqlite3.Database): string[] {
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name").all() as { name: string }[]).map((t) => t.name);
  const needs = new Map(tables.map((t) => [t, (sqlite.prepare('select distinct "table" as t from pragma_foreign_key_list(?)').all(t) as { t: string }[]).map((r) => r.t).filter((r) => r !== t)]));
  const ordered: string[] = [];
  const visit = (t: string) => {
    if (ordered.includes(t)) return;
    for (const dependency of needs.get(t) ?? []) visit(dependency);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

async function* copyLines(sqlite: BetterSqlite3.Database, table: string, columns: string[]): AsyncGenerator<string> {
  let chunk = '';
  const select = sqlite.prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from "${table}" order by rowid`).raw(true);
  for (const row of select.iterate() as Iterable<unknown[]>) {
    chunk += `${row.map(copyField).join('\t')}\n`;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Copies every row of a SQLite store into a PostgreSQL store already migrated to the same schema
 * and empty (a district's desktop file onto the city server), through COPY FROM STDIN: one
 * transaction, all or nothing. Identity sequences are moved past the copied ids, so rows inserted
 * afterwards get new ones. Returns the rows copied per table.
 */
export async function copySqliteStoreToPostgres(sqlite: BetterSqlite3.Database, url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const copied: Record<string, number> = {};
  try {
    await client.query('begin');
    for (const table of tablesInDependencyOrder(sqlite)) {
      const columns = (sqlite.prepare('select name from pragma_table_info(?) order by cid').all(table) as { name: string }[]).map((c) => c.name);
      const present = await client.query<{ any: boolean }>(`select exists (select 1 from "${table}") as any`);
      if (present.rows[0]?.any) throw new StoreError('unsupported_location', `PostgreSQL 数据库（${redactStoreUrl(url)}）的 ${table} 表已有数据：只能复制到空数据库，以免混在一起。`);
      const copy = client.query(copyFrom(`copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`));
      await pipeline(Readable.from(copyLines(sqlite, table, columns)), copy);
      copied[table] = copy.rowCount ?? 0;
      if (columns.includes('id')) {
        await client.query(`select setval(pg_get_serial_sequence($1, 'id'), max(id)) from "${table}" having max(id) is not null and pg_get_serial_sequence($1, 'id') is not null`, [table]);
      }
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  return copied;
}
