import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';
import type { SqlValue } from '../rowUpserter';

export type { SqlValue };

const SENTINEL_PREFIX = '\u0000param:';

/** A placeholder for building a query once with kysely and binding values per row later. */
export function param(name: string): string {
  return SENTINEL_PREFIX + name;
}

/**
 * The hot paths of import run one statement per row over millions of rows; building each with
 * kysely would cost more than SQLite itself. So the SQL is still built by kysely, once, with
 * named placeholders, and then run as a better-sqlite3 prepared statement.
 */
export interface PreparedQuery {
  statement: BetterSqlite3.Statement;
  /** The placeholders' names in parameter order. */
  names: readonly string[];
  bind(values: Record<string, SqlValue>): SqlValue[];
}

export function prepareQuery(sqlite: BetterSqlite3.Database, compiled: CompiledQuery): PreparedQuery {
  const names = compiled.parameters.map((p) => {
    if (typeof p !== 'string' || !p.startsWith(SENTINEL_PREFIX)) {
      throw new Error(`prepareQuery: every parameter must be a param() placeholder, got ${String(p)}`);
    }
    return p.slice(SENTINEL_PREFIX.length);
  });
  return {
    statement: sqlite.prepare(compiled.sql),
    names,
    bind: (values) => names.map((n) => values[n] ?? null),
  };
}
