import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { gridViewIds } from '../../../../../src/backend/repositories/gridRowsRepository';
import { GRID_TABLES } from '../../../../../src/backend/repositories/gridTables';
import { gridCount, gridRows, sortOf, viewOf } from '../../../../../src/backend/services/data/gridRows';
import type { ColumnFilter } from '../../../../../src/shared/api/dataApi';
import { postgresCopyOf } from '../../../../helpers/bothStores';
import { buildDemoDatabase, type DemoDatabase } from '../../../../helpers/demoDatabase';
import { postgresSkipReason, postgresTestUrl } from '../../../../helpers/postgresTestDatabase';
import { tempDir } from '../../../../helpers/tempDir';

const pgUrl = postgresTestUrl();
type RowsArg = Parameters<typeof gridRows>[1];

/** A piece of a value to search for, with its ASCII letters' case swapped (SQLite's LIKE ignores it). */
function needleOf(value: string): string {
  const chars = [...value];
  const piece = chars.slice(Math.floor(chars.length / 3), Math.floor(chars.length / 3) + 3).join('') || value;
  return piece.replace(/[a-z]/gi, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
}

/**
 * The grids' filters on the demo district, on SQLite and on its PostgreSQL copy: for every column
 * a text filter (contains, any ASCII case; on number columns the number's text), number filters by
 * value, and the quick filter give the same page, the same count and the same ids for an export.
 */
describe.skipIf(!pgUrl)(`grid filters on SQLite and on PostgreSQL${postgresSkipReason()}`, () => {
  let demo: DemoDatabase;
  let pg: Store;

  beforeAll(async () => {
    demo = await buildDemoDatabase(tempDir('kaoping-grid-filters-'), 1, 2);
    pg = await postgresCopyOf(demo.store, pgUrl as string);
  }, 240_000);
  afterAll(async () => {
    await pg?.close();
    await demo?.store.close();
  });

  it('filters every column of every grid alike', async () => {
    const differing: string[] = [];
    let views = 0;
    let matched = 0;
    for (const [kind, spec] of Object.entries(GRID_TABLES)) {
      const first = await gridRows(demo.store, { kind, startRow: 0, endRow: 100, filters: {}, count: false, sort: [] } as RowsArg);
      const filters: Record<string, ColumnFilter>[] = [];
      for (const column of spec.columns) {
        const value = first.rows.map((r) => r[column.field]).find((v) => v !== null && v !== undefined && v !== '');
        if (value === undefined || value === null) continue;
        if (column.type === 'number' && typeof value === 'number') {
          filters.push({ [column.field]: { filterType: 'number', type: 'equals', filter: value } });
          filters.push({ [column.field]: { filterType: 'number', type: 'greaterThan', filter: value } });
          filters.push({ [column.field]: { filterType: 'text', type: 'contains', filter: String(value).slice(0, 3) } });
          // SQLite prints a whole float as 2.0: found on both stores, or on neither.
          if (Number.isInteger(value)) filters.push({ [column.field]: { filterType: 'text', type: 'endsWith', filter: `${value}.0` } });
        } else if (typeof value === 'string' && column.type !== 'date') {
          filters.push({ [column.field]: { filterType: 'text', type: 'contains', filter: needleOf(value) } });
          filters.push({ [column.field]: { filterType: 'text', type: 'startsWith', filter: value.slice(0, 2).toLowerCase() } });
        }
      }
      const quick = first.rows.map((r) => Object.values(r).find((v) => typeof v === 'string' && /[A-Za-z]/.test(v))).find((v) => v !== undefined);
      const views_: { filters: Record<string, ColumnFilter>; quickFilter?: string }[] = filters.map((f) => ({ filters: f }));
      if (typeof quick === 'string') views_.push({ filters: {}, quickFilter: needleOf(quick) });
      for (const view of views_) {
        const arg = { kind, startRow: 0, endRow: 100, count: true, sort: [], ...view } as RowsArg;
        const [onSqlite, onPostgres] = [await gridRows(demo.store, arg), await gridRows(pg, arg)];
        const [countSqlite, countPostgres] = [await gridCount(demo.store, arg), await gridCount(pg, arg)];
        const ids = async (store: Store) => gridViewIds(store.db, { ...viewOf(arg, store.db), sort: sortOf(spec, []) });
        const [idsSqlite, idsPostgres] = [await ids(demo.store), await ids(pg)];
        views += 1;
        if (countSqlite.total > 0) matched += 1;
        if (
          JSON.stringify(onPostgres) !== JSON.stringify(onSqlite) ||
          countPostgres.total !== countSqlite.total ||
          JSON.stringify(idsPostgres) !== JSON.stringify(idsSqlite)
        ) {
          differing.push(`${kind} ${JSON.stringify(view)}: ${countSqlite.total} vs ${countPostgres.total}`);
        }
      }
    }
    expect(views).toBeGreaterThan(100);
    expect(matched).toBeGreaterThan(views / 2);
    expect(differing).toEqual([]);
  });
});
