import type { ColumnInfo, GridKind } from '../../../shared/api/dataApi';
import { GRID_TABLES } from '../../repositories/gridTables';

/** The columns a grid offers, for AG Grid's column definitions; every one sorts and filters in SQL. */
export function gridColumns(kind: GridKind): ColumnInfo[] {
  return GRID_TABLES[kind].columns.map((c) => ({
    field: c.field,
    label: c.label,
    labelEn: c.labelEn,
    type: c.type,
    sortable: true,
    visible: c.visible,
    ...(c.format ? { format: c.format } : {}),
  }));
}
