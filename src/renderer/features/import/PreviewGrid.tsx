import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { FilePreview } from '../../../shared/api/importApi';
import { AppGrid } from '../../grid/AppGrid';

type PreviewRow = Record<string, string>;

/** The first rows under the header exactly as read, so the user can check the columns line up. */
export function PreviewGrid({ preview }: { preview: FilePreview }) {
  const { columnDefs, rows } = useMemo(() => {
    const mappedLabel = new Map(preview.mapped.map((m) => [m.column, m.label]));
    const defs: ColDef<PreviewRow>[] = preview.headers.map((header, i) => {
      const label = mappedLabel.get(i);
      return {
        colId: `c${i}`,
        field: `c${i}`,
        headerName: label && label !== header ? `${header} → ${label}` : header || `#${i + 1}`,
        headerTooltip: header,
        width: 130,
        cellStyle: label ? undefined : { color: '#999' },
      };
    });
    const data = preview.rows.map((row) => Object.fromEntries(row.map((v, i) => [`c${i}`, v])));
    return { columnDefs: defs, rows: data };
  }, [preview]);
  const height = Math.min(8, Math.max(rows.length, 1)) * 30 + 40;
  return (
    <div style={{ height }} data-testid="preview-grid">
      <AppGrid<PreviewRow> rowData={rows} columnDefs={columnDefs} defaultColDef={{ resizable: true, sortable: false }} rowHeight={28} headerHeight={30} />
    </div>
  );
}
