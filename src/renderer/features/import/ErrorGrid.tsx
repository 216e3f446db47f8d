import type { ColDef } from 'ag-grid-community';
import type { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../shared/importReport';
import { AppGrid } from '../../grid/AppGrid';
import { ExportRowsButton } from '../../grid/ExportRowsButton';
import type { ExportContext } from '../../grid/exportRowsOf';

/**
 * A file's problems by row and column, so they can be found in Excel; 导出 Excel writes the grid's
 * current view (filters, sort, visible columns), titled with the file's name.
 */
export function ErrorGrid({ errors, file }: { errors: ImportIssue[]; file: string }) {
  const { t } = useTranslation();
  const gridRef = useRef<AgGridReact<ImportIssue>>(null);
  const columnDefs = useMemo<ColDef<ImportIssue>[]>(
    () => [
      { field: 'row', headerName: t('import.colRow'), width: 80, filter: 'agNumberColumnFilter', context: { exportFormat: 'plain' } satisfies ExportContext<ImportIssue> },
      {
        colId: 'column',
        headerName: t('import.colColumn'),
        width: 150,
        valueGetter: (p) => (p.data ? [p.data.columnLetter, p.data.column].filter(Boolean).join(' ') : ''),
        filter: 'agTextColumnFilter',
      },
      { field: 'value', headerName: t('import.colValue'), width: 180, filter: 'agTextColumnFilter' },
      { field: 'reason', headerName: t('import.colReason'), flex: 1, minWidth: 240, filter: 'agTextColumnFilter', tooltipField: 'reason' },
      { field: 'sheet', headerName: t('import.colSheet'), width: 110, hide: true },
    ],
    [t],
  );
  const height = Math.min(10, Math.max(errors.length, 1)) * 30 + 42;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <ExportRowsButton<ImportIssue> title={t('office.export.errorsTitle')} subtitle={file} api={() => gridRef.current?.api} testId="export-errors" />
      </div>
      <div style={{ height }} data-testid="error-grid">
        <AppGrid<ImportIssue> gridRef={gridRef} rowData={errors} columnDefs={columnDefs} defaultColDef={{ sortable: true, resizable: true }} rowHeight={28} headerHeight={32} />
      </div>
    </div>
  );
}
