import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../shared/importReport';
import { AppGrid } from '../../grid/AppGrid';

/** A refused file's problems by row and column, so they can be found in Excel. */
export function ErrorGrid({ errors }: { errors: ImportIssue[] }) {
  const { t } = useTranslation();
  const columnDefs = useMemo<ColDef<ImportIssue>[]>(
    () => [
      { field: 'row', headerName: t('import.colRow'), width: 80, filter: 'agNumberColumnFilter' },
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
    <div style={{ height }} data-testid="error-grid">
      <AppGrid<ImportIssue> rowData={errors} columnDefs={columnDefs} defaultColDef={{ sortable: true, resizable: true }} rowHeight={28} headerHeight={32} />
    </div>
  );
}
