import type { GridApi, RowStyle } from 'ag-grid-community';
import type { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManagerRowDto } from '../../../shared/api/evaluationApi';
import { navigate } from '../../app/hashRoute';
import { AppGrid } from '../../grid/AppGrid';
import { gridTheme } from '../../grid/setupAgGrid';
import { gradeTintOf } from './gradeColorOf';
import { rankingColumns } from './rankingColumns';

// Eight four-character dimension headers must fit beside the names on a 1366-pixel screen.
const rankingTheme = gridTheme.withParams({ cellHorizontalPadding: 8 });

/** Every manager of the month by rank; a row opens that manager's scorecard. */
export function RankingGrid({
  managers,
  grades,
  gridRef,
  onSelect,
}: {
  managers: ManagerRowDto[];
  grades: string[];
  gridRef?: Ref<AgGridReact<ManagerRowDto>>;
  /** With it, rows get tick boxes (for 导出所选考评卡) and it hears the ticked codes. */
  onSelect?: (codes: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const columnDefs = useMemo(() => rankingColumns(t, grades), [t, grades, i18n.language]);
  const boxRef = useRef<HTMLDivElement>(null);
  return (
    <div ref={boxRef} style={{ height: '100%' }} data-testid="ranking-grid">
      <AppGrid<ManagerRowDto>
        {...(gridRef ? { gridRef } : {})}
        {...(onSelect
          ? {
              rowSelection: { mode: 'multiRow' as const, checkboxes: true, headerCheckbox: true, enableClickSelection: false },
              selectionColumnDef: { width: 32, minWidth: 32, maxWidth: 32, suppressSizeToFit: true },
              onSelectionChanged: (e: { api: GridApi<ManagerRowDto> }) => onSelect(e.api.getSelectedRows().map((m) => m.code)),
            }
          : {})}
        theme={rankingTheme}
        rowData={managers}
        columnDefs={columnDefs}
        getRowId={(p) => p.data.code}
        defaultColDef={{ sortable: true, resizable: true, suppressMovable: true }}
        // The scrollbar's room is kept from the start and the columns are fitted to the width beside it:
        // AG Grid's own fit spans the scrollbar too (seen in Chromium), hiding the last column's numbers.
        alwaysShowVerticalScroll
        onFirstDataRendered={(e) => fitBesideScrollbar(e.api, boxRef.current)}
        onGridSizeChanged={(e) => fitBesideScrollbar(e.api, boxRef.current)}
        tooltipShowDelay={300}
        getRowStyle={(p): RowStyle => {
          const tint = gradeTintOf(p.data?.grade ?? null, grades);
          return tint ? { background: tint, cursor: 'pointer' } : { cursor: 'pointer' };
        }}
        onRowClicked={(e) => {
          // The 异常 count is a link of its own (to the flags and their evidence).
          if (e.event?.target instanceof Element && e.event.target.closest('[data-flags-link], .ag-selection-checkbox, .ag-checkbox')) return;
          if (e.data) navigate({ page: { name: 'evaluation', manager: e.data.code } });
        }}
      />
    </div>
  );
}

function fitBesideScrollbar(api: GridApi<ManagerRowDto>, box: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const root = box?.querySelector<HTMLElement>('.ag-root-wrapper');
    if (!root || api.isDestroyed()) return;
    const scrollbar = root.querySelector<HTMLElement>('.ag-body-vertical-scroll')?.offsetWidth ?? 0;
    api.sizeColumnsToFit(root.clientWidth - scrollbar);
  });
}
