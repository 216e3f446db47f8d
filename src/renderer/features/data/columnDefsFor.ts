import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { ColumnInfo, ColumnType, GridRow } from '../../../shared/api/dataApi';
import type { SavedColumn } from './columnLayoutStore';
import { formatCell } from './formatCell';
import { shownLabel } from './shownLabel';

// Wide enough for the floating filters too (a date filter needs its whole yyyy-mm-dd input).
const WIDTH: Record<ColumnType, number> = { text: 130, number: 104, date: 140, datetime: 170, bool: 96, longtext: 320 };

/** Money and quantities carry separators and decimals (12,345.60): a little wider than a plain number. */
function widthOf(column: ColumnInfo): number {
  return column.type === 'number' && (column.format === 'money' || column.format === 'coordinate') ? 112 : WIDTH[column.type];
}

function filterFor(type: ColumnType): string {
  if (type === 'number') return 'agNumberColumnFilter';
  if (type === 'date' || type === 'datetime') return 'agDateColumnFilter';
  return 'agTextColumnFilter';
}

/**
 * The grid's columns from data.columns, in the remembered order with remembered widths and
 * visibility; columns the backend added since are appended with their defaults. "initial*"
 * props so React re-renders never undo what the user dragged.
 */
export function columnDefsFor(columns: ColumnInfo[], saved: SavedColumn[], t: TFunction, language = 'zh-CN'): ColDef<GridRow>[] {
  const byField = new Map(columns.map((c) => [c.field, c]));
  const ordered = [
    ...saved.map((s) => byField.get(s.colId ?? '')).filter((c): c is ColumnInfo => c !== undefined),
    ...columns.filter((c) => !saved.some((s) => s.colId === c.field)),
  ];
  return ordered.map((column) => {
    const remembered = saved.find((s) => s.colId === column.field);
    return {
      colId: column.field,
      field: column.field,
      headerName: shownLabel(column, language),
      headerTooltip: shownLabel(column, language),
      initialWidth: remembered?.width ?? widthOf(column),
      initialHide: remembered?.hide ?? !column.visible,
      initialPinned: remembered?.pinned ?? undefined,
      sortable: column.sortable,
      filter: column.sortable ? filterFor(column.type) : false,
      floatingFilter: column.sortable,
      filterParams: {
        buttons: ['reset'],
        maxNumConditions: 2,
        // A plain yyyy-mm-dd box: the native picker follows the OS locale (mm/dd/yyyy on many PCs) and is cut off in a narrow column.
        ...(column.type === 'date' || column.type === 'datetime' ? { browserDatePicker: false } : {}),
      },
      type: column.type === 'number' ? 'rightAligned' : undefined,
      valueFormatter: (p) => formatCell(p.value as string | number | null | undefined, column.type, t, column.format),
      // Long text shows one line here; the drawer shows all of it.
      tooltipValueGetter: column.type === 'longtext' ? (p) => formatCell(p.value as string | null, 'text', t).slice(0, 300) : undefined,
    } satisfies ColDef<GridRow>;
  });
}

/** The default layout, for "恢复默认列". */
export function defaultColumnState(columns: ColumnInfo[]) {
  return columns.map((c) => ({ colId: c.field, width: widthOf(c), hide: !c.visible, pinned: null, sort: null }));
}
