import type { CompiledQuery, Kysely } from 'kysely';
import { sqliteOf } from './sqlite/storeSqliteDialect';

/**
 * The rows of a kysely query, on the executor given (the store's db or a transaction). On SQLite
 * they are read as arrays and made into objects here: better-sqlite3 builds each row object
 * property by property through V8's API, which for the evaluation's tens of thousands of
 * journal, retailer and punch rows cost a quarter more than reading arrays and assigning the
 * same keys in JavaScript. On PostgreSQL (and a SQLite database opened without the store's
 * dialect) the compiled query runs through kysely. Values are exactly what `execute()` returns.
 */
export async function readRows<DB, O>(db: Kysely<DB>, query: { compile(): CompiledQuery<O> }): Promise<O[]> {
  const compiled = query.compile();
  const sqlite = sqliteOf(db);
  if (!sqlite) return [...(await db.executeQuery(compiled)).rows];
  const statement = sqlite.prepare(compiled.sql).raw(true);
  const names = statement.columns().map((c) => c.name);
  const rows = statement.all(...(compiled.parameters as unknown[])) as unknown[][];
  const objects = new Array<O>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const object: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) object[names[c]!] = row[c];
    objects[r] = object as O;
  }
  return objects;
}

/**
 * The first column of a query's rows as numbers (ids), in order: on SQLite plucked by
 * better-sqlite3 as one plain array (a million ids cost a few megabytes, no row objects); on
 * PostgreSQL read through kysely.
 */
export async function readIds<DB>(db: Kysely<DB>, query: { compile(): CompiledQuery<unknown> }): Promise<number[]> {
  const compiled = query.compile();
  const sqlite = sqliteOf(db);
  if (sqlite) return sqlite.prepare(compiled.sql).pluck(true).all(...(compiled.parameters as unknown[])) as number[];
  return (await db.executeQuery(compiled)).rows.map((row) => Number(Object.values(row as Record<string, unknown>)[0]));
}
