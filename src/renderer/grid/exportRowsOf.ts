import type { Column, GridApi, IRowNode } from 'ag-grid-community';
import type { ApiArg } from '../../shared/api/kaopingApi';

type ExportColumn = ApiArg<'data.exportRows'>['columns'][number];
type ExportCell = string | number | null;

/**
 * What a column of a client-side grid exports as, in its colDef's `context`: a number kind
 * (`exportFormat`), or its own value for the workbook (`exportValue`, e.g. 否决 for a veto tag).
 * Without either, a column exports the text the grid shows.
 */
export interface ExportContext<TData> {
  exportFormat?: ExportColumn['format'];
  exportValue?: (data: TData) => ExportCell;
  /** A column of buttons (撤销) that has nothing to export. */
  exportSkip?: boolean;
}

/** The visible columns in their order and the rows after the grid's filters and sort, as 'data.exportRows' takes them. */
export function exportRowsOf<TData>(api: GridApi<TData>): Pick<ApiArg<'data.exportRows'>, 'columns' | 'rows'> {
  const contextOf = (c: Column) => (c.getColDef().context ?? {}) as ExportContext<TData>;
  const shown = api.getAllDisplayedColumns().filter((c) => c.getColDef().headerName && !contextOf(c).exportSkip);
  const columns: ExportColumn[] = shown.map((c) => {
    const context = contextOf(c);
    return {
      field: c.getColId(),
      label: c.getColDef().headerName ?? c.getColId(),
      type: context.exportFormat ? 'number' : 'text',
      ...(context.exportFormat ? { format: context.exportFormat } : {}),
    };
  });
  const rows: Record<string, ExportCell>[] = [];
  api.forEachNodeAfterFilterAndSort((node: IRowNode<TData>) => {
    if (!node.data) return;
    const row: Record<string, ExportCell> = {};
    for (const c of shown) {
      const context = contextOf(c);
      const id = c.getColId();
      if (context.exportValue) {
        row[id] = context.exportValue(node.data);
        continue;
      }
      const raw: unknown = api.getCellValue({ rowNode: node, colKey: c });
      if (context.exportFormat) {
        row[id] = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
        continue;
      }
      const shownText: unknown = api.getCellValue({ rowNode: node, colKey: c, useFormatter: true });
      const value = shownText ?? raw;
      row[id] = value === null || value === undefined ? null : typeof value === 'number' ? value : String(value);
    }
    rows.push(row);
  });
  return { columns, rows };
}
