import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../src/backend/db/openStore';
import { gridRowsByIds, queryGridPage } from '../../../../src/backend/repositories/gridRowsRepository';
import { GRID_TABLES, JOINS } from '../../../../src/backend/repositories/gridTables';
import type { GridColumnSource } from '../../../../src/core/kinds/kindDeclaration';
import { GRIDS, KIND_DECLARATIONS } from '../../../../src/core/kinds/kindRegistry';
import { GRID_KINDS } from '../../../../src/shared/api/dataApi';
import { KIND_KEYS } from '../../../../src/shared/kindKeys';
import { tempDir } from '../../../helpers/tempDir';

let store: Store;
beforeAll(async () => {
  store = await openStore(path.join(tempDir(), 'kaoping.sqlite'));
});
afterAll(() => store?.close());

/** The columns of a table as the migrated database has them. */
function columnsOf(table: string): Set<string> {
  const rows = store.sqlite.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

/** The columns of t (and of joined tables, as "alias.column") a declared grid column reads. */
function columnsRead(source: GridColumnSource): string[] {
  if ('join' in source) return [`${source.join}.${source.column}`, ...(source.fallback !== undefined ? [source.fallback] : [])];
  if ('yesNo' in source) return [source.yesNo];
  if ('timeOf' in source) return [source.timeOf];
  if ('codes' in source) return [source.codes];
  return [source.column];
}

describe('the kinds\' declarations and the migrated database', () => {
  it('store every kind in a table of imported rows', () => {
    for (const kind of KIND_KEYS) {
      const columns = columnsOf(KIND_DECLARATIONS[kind].table);
      expect(columns.size, `${kind}: table ${KIND_DECLARATIONS[kind].table}`).toBeGreaterThan(0);
      for (const c of ['id', 'nk', 'batch_id', 'created_batch_id']) expect(columns.has(c), `${kind}.${c}`).toBe(true);
    }
  });

  it('name only columns the grids\' tables and their joined tables have', () => {
    for (const kind of GRID_KINDS) {
      const grid = GRIDS[kind];
      const own = columnsOf(grid.table);
      const missing: string[] = [];
      for (const column of grid.columns) {
        for (const read of columnsRead(column.source)) {
          const [alias, name] = read.includes('.') ? read.split('.') : [null, read];
          if (alias === null) {
            if (!own.has(name ?? '')) missing.push(`${kind}.${column.field}: ${grid.table}.${read}`);
            continue;
          }
          const join = JOINS[alias as keyof typeof JOINS];
          if (!own.has(join.foreignKey)) missing.push(`${kind}.${column.field}: ${grid.table}.${join.foreignKey}`);
          if (!columnsOf(join.table).has(name ?? '')) missing.push(`${kind}.${column.field}: ${join.table}.${name}`);
        }
      }
      if (grid.month !== null && !own.has(grid.month.column)) missing.push(`${kind}: month column ${grid.month.column}`);
      expect(missing, kind).toEqual([]);
      const fields = grid.columns.map((c) => c.field);
      expect(new Set(fields).size, `${kind}: field names are unique`).toBe(fields.length);
      if (grid.defaultSort !== null) expect(fields, kind).toContain(grid.defaultSort.field);
    }
  });

  it('give every column a Chinese and an English name', () => {
    for (const kind of GRID_KINDS) {
      for (const c of GRIDS[kind].columns) {
        expect(c.label.zh, `${kind}.${c.field}`).toMatch(/[\u4e00-\u9fff]/);
        expect(c.label.en, `${kind}.${c.field}`).toMatch(/^[\x20-\x7e]+$/);
      }
    }
  });

  it('derive grid SQL that SQLite accepts for every column, sorted by each', async () => {
    for (const kind of GRID_KINDS) {
      const spec = GRID_TABLES[kind];
      await expect(gridRowsByIds(store.db, spec, [1]), kind).resolves.toEqual([]);
      for (const column of spec.columns) {
        await expect(queryGridPage(store.db, { spec, conditions: [], sort: [{ column, sort: 'asc' }], offset: 0, limit: 1 }), `${kind}.${column.field}`).resolves.toMatchObject({ rows: [] });
      }
    }
  });
});
