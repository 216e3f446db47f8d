import type { ApiParsedArg } from '../../../shared/api/kaopingApi';
import type { GridRow } from '../../../shared/api/dataApi';
import type { Store } from '../../db/openStore';
import { writeGridWorkbook, type GridExportColumn } from '../../io/grid/writeGridWorkbook';
import { gridRowsByIds, gridViewIds } from '../../repositories/gridRowsRepository';
import { GRID_TABLES } from '../../repositories/gridTables';
import { RequestError } from '../requestError';
import { columnOf, sortOf, viewOf } from './gridRows';

/** Rows read per query while exporting: the connection is free for the grid's pages in between. */
const READ_BATCH = 1000;

export interface GridExportProgress {
  done: number;
  total: number;
}

/**
 * Writes the rows a grid shows (its month, column filters, quick filter and sort) with the
 * columns it shows, in their order, to an .xlsx file through the streaming writer.
 */
export async function exportGridView(
  store: Store,
  arg: Omit<ApiParsedArg<'data.export'>, 'jobId'>,
  outPath: string,
  options: { onProgress?: (p: GridExportProgress) => void; signal?: AbortSignal; districtId?: number } = {},
): Promise<{ rows: number }> {
  const spec = GRID_TABLES[arg.kind];
  if (arg.columns.length === 0) throw new RequestError('invalid_argument', '没有要导出的列：请至少显示一列');
  const columns: GridExportColumn[] = arg.columns.map((field) => {
    const c = columnOf(spec, field, '导出');
    return { field: c.field, label: c.label, type: c.type, ...(c.format ? { format: c.format } : {}) };
  });
  const ids = await gridViewIds(store.db, { ...viewOf(arg, store.db, options.districtId), sort: sortOf(spec, arg.sort) });
  const total = ids.length;
  options.onProgress?.({ done: 0, total });

  async function* rows(): AsyncGenerator<GridRow> {
    for (let start = 0; start < ids.length; start += READ_BATCH) {
      yield* await gridRowsByIds(store.db, spec, ids.slice(start, start + READ_BATCH));
    }
  }
  try {
    const written = await writeGridWorkbook(outPath, columns, rows(), {
      title: arg.title,
      ...(arg.subtitle ? { subtitle: arg.subtitle } : {}),
      onRows: (done) => options.onProgress?.({ done, total }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { rows: written };
  } catch (err) {
    if (options.signal?.aborted) throw new RequestError('cancelled', '已取消导出');
    throw err;
  }
}
