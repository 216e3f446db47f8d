import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../../helpers/importGraph';

/**
 * Issue 18 point 1: services hold no raw SQL. A statement kysely's builder cannot write lives in a
 * repository (or a db/ helper), with a dialect branch only where the SQL differs.
 */
const importsRawSql = (text: string) => /import\s*\{[^}]*\bsql\b[^}]*\}\s*from\s*'kysely'/.test(text) || /\bCompiledQuery\b/.test(text);

describe('services hold no raw SQL', () => {
  it('no file under src/backend/services imports kysely’s sql tag or runs a compiled query', () => {
    const files = tsFiles('src/backend/services');
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((f) => importsRawSql(fs.readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('finds one when there is one', () => {
    expect(importsRawSql("import { type Kysely, sql } from 'kysely';")).toBe(true);
    expect(importsRawSql("import { sql,\n  type Kysely } from 'kysely';")).toBe(true);
    expect(importsRawSql("import type { Kysely } from 'kysely';")).toBe(false);
  });
});
