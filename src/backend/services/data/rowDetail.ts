import type { GridKind, GridRow, RowDetail } from '../../../shared/api/dataApi';
import type { Store } from '../../db/openStore';
import { countRetailersOfManager } from '../../repositories/assignmentRepository';
import { columnEquals, columnInRange } from '../../repositories/gridFilterSql';
import { gridRowLinks, gridRowsByIds, queryGridPage } from '../../repositories/gridRowsRepository';
import { GRID_TABLES } from '../../repositories/gridTables';
import { GRID_LABELS } from '../../../core/kinds/kindRegistry';
import { RequestError } from '../requestError';
import { gridColumns } from './gridColumns';
import { monthRange } from '../../../core/calendar/dates';

/** Related rows shown per kind in a detail panel; the grids show the rest. */
const MAX_RELATED_ROWS = 500;


type Related = RowDetail['related'][number];

/** The month's rows of a dated grid whose `column` is `id`, in the grid's default order. */
async function monthRowsOf(store: Store, kind: 'journals' | 'attendance' | 'surveys' | 'orders', column: 'retailer_id' | 'manager_id', id: number, month: string): Promise<Related> {
  const spec = GRID_TABLES[kind];
  const { from, to } = monthRange(month);
  const conditions = [
    { condition: columnEquals(column, id), joins: [] },
    { condition: columnInRange('date', from, to), joins: [] },
  ];
  if (kind === 'attendance') conditions.push({ condition: columnEquals('is_absence', 0), joins: [] });
  const dateColumn = spec.columns.find((c) => c.field === 'date');
  const page = await queryGridPage(store.db, {
    spec,
    conditions,
    sort: dateColumn ? [{ column: dateColumn, sort: 'asc' }] : [],
    offset: 0,
    limit: MAX_RELATED_ROWS,
  });
  return {
    kind,
    label: `${month} ${GRID_LABELS[kind].zh}（${page.total}）`,
    labelEn: `${month} ${GRID_LABELS[kind].en} (${page.total})`,
    columns: gridColumns(kind),
    rows: page.rows,
  };
}

async function oneRow(store: Store, kind: GridKind, id: number): Promise<GridRow | null> {
  return (await gridRowsByIds(store.db, GRID_TABLES[kind], [id]))[0] ?? null;
}

/**
 * One row with its columns, and what relates to it: for a retailer the month's journals, punches,
 * surveys and orders; for a manager the month's journals and punches and how many retailers they
 * serve; for any other row its retailer and manager.
 */
export async function rowDetail(store: Store, kind: GridKind, id: number, month: string): Promise<RowDetail> {
  const row = await oneRow(store, kind, id);
  if (!row) throw new RequestError('not_found', `找不到这一行（${GRID_LABELS[kind].zh} #${id}），可能已被撤销导入`);
  const columns = gridColumns(kind);
  const related: Related[] = [];
  if (kind === 'retailers') {
    for (const k of ['journals', 'attendance', 'surveys', 'orders'] as const) related.push(await monthRowsOf(store, k, 'retailer_id', id, month));
  } else if (kind === 'managers') {
    row.retailerCount = await countRetailersOfManager(store.db, id, month);
    columns.push({ field: 'retailerCount', label: `${month} 服务零售户数`, labelEn: `Retailers served in ${month}`, type: 'number', sortable: false, visible: true, format: 'count' });
    for (const k of ['journals', 'attendance'] as const) related.push(await monthRowsOf(store, k, 'manager_id', id, month));
  } else {
    const { retailerId, managerId } = await gridRowLinks(store.db, GRID_TABLES[kind], id);
    for (const [linkedKind, linkedId] of [
      ['retailers', retailerId],
      ['managers', managerId],
    ] as const) {
      if (linkedId === null) continue;
      const linked = await oneRow(store, linkedKind, linkedId);
      if (linked) related.push({ kind: linkedKind, label: GRID_LABELS[linkedKind].zh, labelEn: GRID_LABELS[linkedKind].en, columns: gridColumns(linkedKind), rows: [linked] });
    }
  }
  return { kind, row, columns, related };
}
