import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { ColumnFilter, GridKind, RowsCount, RowsPage } from '../../../shared/api/dataApi';
import type { ApiError, Result } from '../../../shared/api/result';

export interface DatasourceQuery {
  kind: GridKind;
  month: string;
  quickFilter: string;
}

/** The rows a view shows: what 'data.count' counts. */
interface ViewArg {
  kind: GridKind;
  month: string;
  filters: Record<string, ColumnFilter>;
  quickFilter?: string;
}

type FetchRows = (
  arg: ViewArg & { startRow: number; endRow: number; sort: { colId: string; sort: 'asc' | 'desc' }[]; count: boolean },
) => Promise<Result<RowsPage>>;
type FetchCount = (arg: ViewArg) => Promise<Result<RowsCount>>;

export interface DatasourceEvents {
  /** The view's row count: null while it is being counted. */
  onTotal: (total: number | null, filtered: boolean) => void;
  /** A page arrived. */
  onPage: () => void;
  onError: (error: ApiError) => void;
}

/**
 * AG Grid's infinite row model asks for blocks of rows; each block is one data.rows call that
 * sorts and filters in SQL, so a million-row table scrolls like a small one. The blocks are asked
 * for without a count (a text filter's count scans the whole table): a block that ends short
 * gives the last row, and 'data.count' is asked once per view (month, filters, quick filter) in
 * the background; its answer sets the grid's row count unless the view changed meanwhile.
 */
export function makeDatasource(query: DatasourceQuery, fetchRows: FetchRows, fetchCount: FetchCount, events: DatasourceEvents): IDatasource {
  let viewKey: string | null = null;
  /** Bumped for every new view: answers for an older one are dropped. */
  let generation = 0;
  /** The current view's row count, once known. */
  let known: number | null = null;

  const settle = (g: number, total: number, filtered: boolean, params: IGetRowsParams | null): void => {
    if (g !== generation || known === total) return;
    known = total;
    params?.api.setRowCount(total, true);
    events.onTotal(total, filtered);
  };

  return {
    getRows(params: IGetRowsParams) {
      const quickFilter = query.quickFilter.trim();
      const view: ViewArg = {
        kind: query.kind,
        month: query.month,
        filters: params.filterModel as Record<string, ColumnFilter>,
        ...(quickFilter ? { quickFilter } : {}),
      };
      const filtered = quickFilter !== '' || Object.keys(view.filters).length > 0;
      const key = JSON.stringify(view);
      if (key !== viewKey) {
        viewKey = key;
        generation += 1;
        known = null;
        const g = generation;
        events.onTotal(null, filtered);
        void fetchCount(view).then((result) => {
          if (g !== generation) return;
          if (!result.ok) events.onError(result.error);
          else settle(g, result.data.total, filtered, params);
        });
      }
      const g = generation;
      const wanted = params.endRow - params.startRow;
      void fetchRows({
        ...view,
        startRow: params.startRow,
        endRow: params.endRow,
        sort: params.sortModel.slice(0, 5).map((s) => ({ colId: s.colId, sort: s.sort })),
        count: false,
      }).then((result) => {
        if (!result.ok) {
          params.failCallback();
          if (g === generation) events.onError(result.error);
          return;
        }
        const { rows, total } = result.data;
        const endsShort = rows.length < wanted && (rows.length > 0 || params.startRow === 0);
        // The last row: from the backend when it knew it, from a short block, or from the view's count.
        const lastRow = total ?? (endsShort ? params.startRow + rows.length : g === generation ? known : null);
        params.successCallback(rows, lastRow ?? undefined);
        if (g !== generation) return;
        events.onPage();
        if (lastRow !== null) settle(g, lastRow, filtered, null);
      });
    },
    /** The grid let go of this datasource (replaced, or the grid re-created): drop what is in flight. */
    destroy() {
      generation += 1;
      viewKey = null;
      known = null;
    },
  };
}
