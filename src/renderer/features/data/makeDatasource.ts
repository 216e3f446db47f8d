import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { ColumnFilter, GridKind, RowsPage } from '../../../shared/api/dataApi';
import type { ApiError, Result } from '../../../shared/api/result';

export interface DatasourceQuery {
  kind: GridKind;
  month: string;
  quickFilter: string;
}

type FetchRows = (arg: {
  kind: GridKind;
  month: string;
  startRow: number;
  endRow: number;
  sort: { colId: string; sort: 'asc' | 'desc' }[];
  filters: Record<string, ColumnFilter>;
  quickFilter?: string;
}) => Promise<Result<RowsPage>>;

/**
 * AG Grid's infinite row model asks for blocks of rows; each block is one data.rows call that
 * sorts and filters in SQL, so a million-row table scrolls like a small one.
 */
export function makeDatasource(
  query: DatasourceQuery,
  fetchRows: FetchRows,
  onPage: (total: number, filtered: boolean) => void,
  onError: (error: ApiError) => void,
): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const filters = params.filterModel as Record<string, ColumnFilter>;
      const quickFilter = query.quickFilter.trim();
      void fetchRows({
        kind: query.kind,
        month: query.month,
        startRow: params.startRow,
        endRow: params.endRow,
        sort: params.sortModel.slice(0, 5).map((s) => ({ colId: s.colId, sort: s.sort })),
        filters,
        ...(quickFilter ? { quickFilter } : {}),
      }).then((result) => {
        if (!result.ok) {
          params.failCallback();
          onError(result.error);
          return;
        }
        params.successCallback(result.data.rows, result.data.total);
        onPage(result.data.total, quickFilter !== '' || Object.keys(filters).length > 0);
      });
    },
  };
}
