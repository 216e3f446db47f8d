import type BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';

/**
 * The rows of a kysely query, read as arrays and made into objects here. better-sqlite3 builds
 * each row object property by property through V8's API, which for the evaluation's tens of
 * thousands of journal, retailer and punch rows cost a quarter more than reading arrays and
 * assigning the same keys in JavaScript. Values are exactly what `execute()` would return.
 */
export function readRows<O>(sqlite: BetterSqlite3.Database, query: { compile(): CompiledQuery<O> }): O[] {
  const compiled = query.compile();
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
