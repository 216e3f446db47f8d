import { Alert, Empty, Input, Space, Typography } from 'antd';
import type { AgGridReact } from 'ag-grid-react';
import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter, ColumnInfo, GridKind, GridRow } from '../../../shared/api/dataApi';
import type { ApiError } from '../../../shared/api/result';
import { useApi, useApiCall } from '../../api/useApi';
import { navigate } from '../../app/hashRoute';
import { AppGrid } from '../../grid/AppGrid';
import { ExportGridButton } from '../../grid/ExportGridButton';
import { ColumnChooser } from './ColumnChooser';
import { clearColumnLayout, loadColumnLayout, saveColumnLayout } from './columnLayoutStore';
import { columnDefsFor, defaultColumnState } from './columnDefsFor';
import { GRID_IMPORT_KIND, MONTHLESS_KINDS } from './gridImportKind';
import { shownLabel } from './shownLabel';
import { makeDatasource } from './makeDatasource';
import { RowDetailDrawer } from './RowDetailDrawer';

/** Room for a vertical scrollbar (17 px on Windows) and the grid's borders. */
const SCROLLBAR_ALLOWANCE = 20;

const SEARCH_DEBOUNCE_MS = 300;

/** Column filters that keep exactly the clicked values: equals on text, number or date columns. */
function drillDownModel(columns: readonly ColumnInfo[], filter: Record<string, string>): Record<string, ColumnFilter> {
  const model: Record<string, ColumnFilter> = {};
  for (const [field, value] of Object.entries(filter)) {
    const column = columns.find((c) => c.field === field);
    if (!column) continue;
    if (column.type === 'date' || column.type === 'datetime') model[field] = { filterType: 'date', type: 'equals', dateFrom: value };
    else if (column.type === 'number' && Number.isFinite(Number(value))) model[field] = { filterType: 'number', type: 'equals', filter: Number(value) };
    else model[field] = { filterType: 'text', type: 'equals', filter: value };
  }
  return model;
}

/** One table of imported data: paged, sorted and filtered in SQL; a row opens its detail. */
export function DataPage({ kind, month, filter }: { kind: GridKind; month: string; filter?: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const call = useApiCall();
  const columns = useApi('data.columns', { kind });
  const gridRef = useRef<AgGridReact<GridRow>>(null);
  const gridBoxRef = useRef<HTMLDivElement>(null);
  const [searchText, setSearchText] = useState('');
  const [quickFilter, setQuickFilter] = useState('');
  /** The view's row count (null while 'data.count' is on its way) and whether filters narrow it. */
  const [page, setPage] = useState<{ total: number | null; filtered: boolean } | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [detailId, setDetailId] = useState<number | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuickFilter(searchText), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  const columnDefs = useMemo(
    () => (columns.data ? columnDefsFor(columns.data, loadColumnLayout(kind), t, i18n.language) : undefined),
    // Built once per table (later layout changes live in the grid and localStorage), and again when
    // a language switch re-creates the grid, so it starts from the remembered layout.
    [columns.data, kind, i18n.language],
  );

  const datasource = useMemo(
    () =>
      makeDatasource(
        { kind, month, quickFilter },
        (arg) => call('data.rows', arg, { silent: true }),
        (arg) => call('data.count', arg, { silent: true }),
        {
          onTotal: (total, filtered) => setPage({ total, filtered }),
          onPage: () => setLoadError(null),
          onError: setLoadError,
        },
      ),
    [call, kind, month, quickFilter],
  );

  // A drill-down (a chart's cell, a flag) opens the grid filtered to what was clicked.
  const filterKey = filter ? JSON.stringify(filter) : '';
  const applyDrillDown = useCallback(
    (api: GridApi<GridRow>) => {
      if (filterKey && columns.data) api.setFilterModel(drillDownModel(columns.data, JSON.parse(filterKey) as Record<string, string>));
    },
    [filterKey, columns.data],
  );
  const drilledRef = useRef(false);
  useEffect(() => {
    const api = gridRef.current?.api;
    if (!api) return;
    // 显示全部 after a drill-down drops its filters; filters the user set by hand stay otherwise.
    if (!filterKey && drilledRef.current) api.setFilterModel(null);
    drilledRef.current = filterKey !== '';
    applyDrillDown(api);
  }, [applyDrillDown, filterKey]);

  const rememberLayout = useCallback(
    (api: GridApi<GridRow>) => {
      const state = api.getColumnState();
      saveColumnLayout(kind, state);
      setHidden(new Set(state.filter((s) => s.hide).map((s) => s.colId)));
    },
    [kind],
  );

  const importKind = GRID_IMPORT_KIND[kind];
  const emptyUnfiltered = page !== null && page.total === 0 && !page.filtered;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 420, gap: 10 }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Input.Search
            allowClear
            placeholder={t('grid.search')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(value) => {
              setSearchText(value);
              setQuickFilter(value);
            }}
            style={{ width: 280 }}
            data-testid="grid-search"
          />
          <Typography.Text type="secondary" data-testid="grid-total">
            {page === null ? '' : page.total === null ? t('grid.counting') : t('grid.total', { count: page.total, formatted: page.total.toLocaleString() })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {MONTHLESS_KINDS.includes(kind) ? t('grid.allMonths') : t('grid.monthScope', { month })}
          </Typography.Text>
        </Space>
        {columns.data && (
          <Space size={8}>
            <ExportGridButton
              kind={kind}
              month={month}
              quickFilter={quickFilter}
              title={t(`gridKinds.${kind}`)}
              api={() => gridRef.current?.api}
            />
          <ColumnChooser
            columns={columns.data}
            hidden={hidden}
            onToggle={(field, visible) => gridRef.current?.api.setColumnsVisible([field], visible)}
            onReset={() => {
              clearColumnLayout(kind);
              if (columns.data) gridRef.current?.api.applyColumnState({ state: defaultColumnState(columns.data), applyOrder: true });
            }}
          />
          </Space>
        )}
      </Space>
      {filter && columns.data && (
        <Alert
          type="info"
          showIcon
          data-testid="grid-drilldown"
          title={t('office.drill.filtered', {
            what: Object.entries(filter)
              .map(([field, value]) => {
                const column = columns.data?.find((c) => c.field === field);
                return `${column ? shownLabel(column, i18n.language) : field} ${value}`;
              })
              .join('，'),
          })}
          action={
            <Typography.Link onClick={() => navigate({ page: { name: 'data', kind } })} data-testid="grid-drilldown-clear">
              {t('office.drill.clear')}
            </Typography.Link>
          }
        />
      )}
      {loadError && <Alert type="error" showIcon title={t('grid.loadFailed', { message: loadError.message })} />}
      {emptyUnfiltered && (
        <Alert
          type="info"
          showIcon
          title={
            MONTHLESS_KINDS.includes(kind)
              ? t('grid.empty', { kind: t(`gridKinds.${kind}`) })
              : t('grid.emptyMonth', { kind: t(`gridKinds.${kind}`), month })
          }
          data-testid="grid-empty"
          description={
            <span>
              {t('grid.emptyHint', { file: t(`kinds.${importKind}`) })}{' '}
              <Typography.Link onClick={() => navigate({ page: { name: 'import' } })}>{t('common.goImport')}</Typography.Link>
            </span>
          }
        />
      )}
      <div ref={gridBoxRef} style={{ flex: 1, minHeight: 0 }} data-testid={`grid-${kind}`}>
        {columnDefs ? (
          <AppGrid<GridRow>
            gridRef={gridRef}
            rowModelType="infinite"
            datasource={datasource}
            columnDefs={columnDefs}
            cacheBlockSize={100}
            maxBlocksInCache={50}
            infiniteInitialRowCount={50}
            tooltipShowDelay={600}
            defaultColDef={{ resizable: true, suppressHeaderMenuButton: false }}
            onGridReady={(e) => {
              drilledRef.current = filterKey !== '';
              applyDrillDown(e.api);
              const state = e.api.getColumnState();
              setHidden(new Set(state.filter((s) => s.hide).map((s) => s.colId)));
              // First visit: stretch narrow tables across the screen instead of leaving a white band,
              // short of the vertical scrollbar the rows bring once they load (else the last column,
              // 金额 in orders, ends under it, cut off).
              const used = state.reduce((sum, s) => sum + (s.hide ? 0 : (s.width ?? 0)), 0);
              const available = (gridBoxRef.current?.clientWidth ?? 0) - SCROLLBAR_ALLOWANCE;
              if (loadColumnLayout(kind).length === 0 && used > 0 && used < available - 4) e.api.sizeColumnsToFit(available);
            }}
            onColumnMoved={(e) => e.finished && rememberLayout(e.api)}
            onColumnResized={(e) => e.finished && rememberLayout(e.api)}
            onColumnVisible={(e) => rememberLayout(e.api)}
            onColumnPinned={(e) => rememberLayout(e.api)}
            onRowClicked={(e) => {
              const id = e.data?.id;
              if (typeof id === 'number') setDetailId(id);
            }}
            rowStyle={{ cursor: 'pointer' }}
          />
        ) : columns.error ? (
          <Empty description={columns.error.message} />
        ) : null}
      </div>
      <RowDetailDrawer kind={kind} id={detailId} month={month} onClose={() => setDetailId(null)} />
    </div>
  );
}
