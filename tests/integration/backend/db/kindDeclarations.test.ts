import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../src/backend/db/openStore';
import { gridRowsByIds, queryGridPage } from '../../../../src/backend/repositories/gridRowsRepository';
import { REFERENCES, TABLE_OF_KIND } from '../../../../src/backend/db/kindTables';
import { GRID_TABLES, JOINS } from '../../../../src/backend/repositories/gridTables';
import { RECORD_BUILDERS } from '../../../../src/core/import/buildRecord';
import type { FieldType } from '../../../../src/core/kinds/fieldSpec';
import type { GridColumnSource, KindDeclaration, LinkValue } from '../../../../src/core/kinds/kindDeclaration';
import { columnOf } from '../../../../src/core/kinds/storedColumn';
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
  return new Set(columnTypesOf(table).keys());
}

/** Each column of a table with its declared SQL type. */
function columnTypesOf(table: string): Map<string, string> {
  const rows = store.sqlite.prepare(`PRAGMA table_info(${JSON.stringify(table)})`).all() as { name: string; type: string }[];
  return new Map(rows.map((r) => [r.name, r.type]));
}

/** Columns every imported table has for the importer's own bookkeeping. */
// district_id (migration 0014) is set when the import settles its district, never from a field.
const BOOKKEEPING = ['id', 'nk', 'batch_id', 'created_batch_id', 'district_id'];

/** The SQL type a field of each type is stored as. */
const SQL_TYPE: Record<FieldType, string> = {
  text: 'TEXT',
  code: 'TEXT',
  date: 'TEXT',
  datetime: 'TEXT',
  time: 'TEXT',
  month: 'TEXT',
  period: 'TEXT',
  enum: 'TEXT',
  int: 'INTEGER',
  number: 'REAL',
  bool: 'INTEGER',
};

/** The table a linked id points at. */
const LINKED_TABLE: Partial<Record<LinkValue, string>> = { managerId: 'managers', retailerId: 'retailers', brandId: 'brands' };

/** The fields that name what a row refers to. */
function referenceFields(d: KindDeclaration): string[] {
  return [
    ...(d.references.manager !== undefined ? ['managerCode', 'managerUserId', 'managerName'] : []),
    ...(d.references.retailer !== undefined ? ['licence', 'customerCode', d.references.retailer.byText ?? ''] : []),
    ...(d.references.brand === true ? ['brandCode', 'brandName'] : []),
  ];
}

/** A record built from a row whose every cell is empty: the keys every record of the kind has. */
function emptyRecordKeys(d: KindDeclaration): Set<string> {
  const record = RECORD_BUILDERS[d.kind](d.fields.map(() => null), () => undefined, d.fields.map(() => false));
  return new Set(Object.keys(record.data));
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

describe('what the writer derives from the declarations, against the migrated database', () => {
  it('declares exactly the columns of each kind\'s table, besides the bookkeeping ones', () => {
    for (const kind of KIND_KEYS) {
      const d = KIND_DECLARATIONS[kind];
      expect(TABLE_OF_KIND[kind], kind).toBe(d.table);
      const stored = [...columnsOf(d.table)].filter((c) => !BOOKKEEPING.includes(c)).sort();
      expect(Object.keys(d.columns).sort(), `${kind}: columns of ${d.table}`).toEqual(stored);
    }
  });

  it('stores each field in a column of its type', () => {
    for (const kind of KIND_KEYS) {
      const d = KIND_DECLARATIONS[kind];
      const types = columnTypesOf(d.table);
      for (const [column, c] of Object.entries(d.columns)) {
        if (!('record' in c.value)) continue;
        const key = c.value.record;
        const field = d.fields.find((f) => f.key === key);
        if (field === undefined || column !== columnOf(key)) continue;
        expect(types.get(column), `${kind}.${key} → ${d.table}.${column}`).toBe(SQL_TYPE[field.type]);
      }
    }
  });

  it('writes every field somewhere: in a column, the natural key or a reference', () => {
    // A retailer file's 生效日期 starts its route assignment (rowWrites), not a retailer column.
    const elsewhere = new Set(['retailers.assignedFrom']);
    for (const kind of KIND_KEYS) {
      const d = KIND_DECLARATIONS[kind];
      const read = new Set<string>(referenceFields(d));
      for (const c of Object.values(d.columns)) {
        if ('record' in c.value) read.add(c.value.record);
        for (const f of c.carriedBy ?? []) read.add(f);
      }
      for (const alternative of d.naturalKey) for (const part of alternative.parts) if (typeof part === 'string') read.add(part);
      const unwritten = d.fields.map((f) => f.key).filter((key) => !read.has(key) && !elsewhere.has(`${kind}.${key}`));
      expect(unwritten, kind).toEqual([]);
    }
  });

  it('writes and keys only values a record has, carried by fields the kind has', () => {
    for (const kind of KIND_KEYS) {
      const d = KIND_DECLARATIONS[kind];
      const keys = emptyRecordKeys(d);
      const fields = new Set(d.fields.map((f) => f.key));
      for (const [column, c] of Object.entries(d.columns)) {
        if ('record' in c.value) expect(keys.has(c.value.record), `${kind}.${column} ← ${c.value.record}`).toBe(true);
        for (const f of c.carriedBy ?? []) expect(fields.has(f), `${kind}.${column} carried by ${f}`).toBe(true);
      }
      for (const alternative of d.naturalKey) {
        if (alternative.when !== undefined) expect(keys.has(alternative.when), `${kind} key when ${alternative.when}`).toBe(true);
        for (const part of alternative.parts) {
          if (typeof part === 'string') expect(keys.has(part), `${kind} key part ${part}`).toBe(true);
          else if ('ref' in part && part.ref === 'manager') expect(d.references.manager, `${kind} keys by its manager`).toBeDefined();
          else if ('ref' in part && part.ref === 'retailer') expect(d.references.retailer, `${kind} keys by its retailer`).toBeDefined();
          else if ('ref' in part) expect(d.references.brand, `${kind} keys by its brand`).toBe(true);
        }
      }
      expect(d.naturalKey.at(-1)?.when, `${kind}: the last way of keying applies to every row`).toBeUndefined();
    }
  });

  it('links by columns that point at the referenced tables, as undo knows them', () => {
    for (const kind of KIND_KEYS) {
      const d = KIND_DECLARATIONS[kind];
      const declared = Object.entries(d.columns).flatMap(([column, c]) => {
        const to = 'link' in c.value ? LINKED_TABLE[c.value.link] : undefined;
        return to === undefined ? [] : [{ from: d.table, column, to }];
      });
      const known = REFERENCES.filter((r) => r.from === d.table);
      expect(known, kind).toEqual(expect.arrayContaining(declared));
      expect(declared, kind).toEqual(expect.arrayContaining(known));
    }
  });
});
