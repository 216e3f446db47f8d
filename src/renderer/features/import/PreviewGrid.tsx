import type { CellStyle, ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { FilePreview } from '../../../shared/api/importApi';
import { AppGrid } from '../../grid/AppGrid';

type PreviewRow = Record<string, string>;

const INVALID_STYLE: CellStyle = { background: '#fff1f0', color: '#cf1322', boxShadow: 'inset 0 0 0 1px #ff7875' };
const UNMAPPED_STYLE: CellStyle = { color: '#999' };

/** The first rows under the header exactly as read, so the user can check the columns line up. */
export function PreviewGrid({ preview }: { preview: FilePreview }) {
  const { columnDefs, rows } = useMemo(() => {
    const mappedLabel = new Map(preview.mapped.map((m) => [m.column, m.label]));
    // Cells the import would refuse: red, with the reason on hover.
    const errorAt = new Map((preview.cellErrors ?? []).map((e) => [`${e.row}:${e.column}`, e.reason]));
    const defs: ColDef<PreviewRow>[] = preview.headers.map((header, i) => {
      const label = mappedLabel.get(i);
      return {
        colId: `c${i}`,
        field: `c${i}`,
        headerName: label && label !== header ? `${header} → ${label}` : header || `#${i + 1}`,
        headerTooltip: header,
        width: 130,
        cellStyle: (p): CellStyle | null =>
          errorAt.has(`${p.node.rowIndex}:${i}`) ? INVALID_STYLE : label ? null : UNMAPPED_STYLE,
        tooltipValueGetter: (p) => errorAt.get(`${p.node?.rowIndex}:${i}`),
        cellClass: (p) => (errorAt.has(`${p.node.rowIndex}:${i}`) ? 'preview-invalid-cell' : undefined),
      };
    });
    const data = preview.rows.map((row) => Object.fromEntries(row.map((v, i) => [`c${i}`, v])));
    return { columnDefs: defs, rows: data };
  }, [preview]);
  const height = Math.min(8, Math.max(rows.length, 1)) * 30 + 40;
  return (
    <div style={{ height }} data-testid="preview-grid">
      <AppGrid<PreviewRow> rowData={rows} columnDefs={columnDefs} defaultColDef={{ resizable: true, sortable: false }} rowHeight={28} headerHeight={30} tooltipShowDelay={200} />
    </div>
  );
}
