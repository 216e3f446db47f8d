import os from 'node:os';
import { openStore } from '../../src/backend/db/openStore';
import { createHandlers, invokeHandler } from '../../src/backend/handlers';
import type { ColumnFilter, RowsCount, RowsPage } from '../../src/shared/api/dataApi';
import type { HandlerContext } from '../../src/shared/api/kaopingApi';
import { BENCH_NOW } from '../benchClock';
import { stringParam, type TaskParams, type TaskResult } from '../childProtocol';
import { gridManagerName } from '../prepare/prepareJournalTable';

/** AG Grid's infinite row model asks for blocks of 100 rows. */
const BLOCK = 100;

/** The sorted, filtered views the bench pages through: one an index can serve, one it cannot. */
export const GRID_SCENARIOS: Record<string, { label: string; filters: Record<string, ColumnFilter> }> = {
  manager: {
    label: '日期↑, 客户经理 = one manager',
    filters: { managerName: { filterType: 'text', type: 'equals', filter: gridManagerName(7) } },
  },
  content: {
    label: '日期↑, 日志内容 contains 陈列',
    filters: { content: { filterType: 'text', type: 'contains', filter: '陈列' } },
  },
};

const silent: HandlerContext = { emit: () => undefined };

/**
 * Pages of the journal grid through the contract's dispatch (invokeHandler, with the argument
 * validated as the hosts do), after the grid's default view was loaded once, called as the grid
 * calls them: each block is a data.rows without the count, and data.count is asked once per view
 * in the background. Timed: the first block of a sorted, filtered view, that view's count (its own
 * figure: what the grid waits for before it shows 共 N 行), then a block in the middle of it.
 */
export async function gridPageTask(params: TaskParams): Promise<TaskResult> {
  const scenario = GRID_SCENARIOS[stringParam(params, 'scenario')];
  if (!scenario) throw new Error(`unknown grid scenario ${stringParam(params, 'scenario')}`);
  const store = await openStore(stringParam(params, 'db'), { backupBeforeMigrate: false });
  try {
    const handlers = createHandlers({ store, now: () => BENCH_NOW, workDir: os.tmpdir() });
    const timed = async <T>(name: 'data.rows' | 'data.count', arg: object): Promise<{ data: T; ms: number }> => {
      const started = performance.now();
      const result = await invokeHandler(handlers, name, arg, silent);
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return { data: result.data as T, ms };
    };
    const rows = (startRow: number, filters: Record<string, ColumnFilter>, sort: { colId: string; sort: 'asc' | 'desc' }[]) =>
      timed<RowsPage>('data.rows', { kind: 'journals', startRow, endRow: startRow + BLOCK, sort, filters, count: false });
    const count = (filters: Record<string, ColumnFilter>) => timed<RowsCount>('data.count', { kind: 'journals', filters });

    const warm = await rows(0, {}, []);
    const tableRows = (await count({})).data.total;
    const sort = [{ colId: 'date', sort: 'asc' as const }];
    const first = await rows(0, scenario.filters, sort);
    const counted = await count(scenario.filters);
    const matching = counted.data.total;
    if (first.data.total !== null && first.data.total !== matching) throw new Error(`data.rows said ${first.data.total} rows, data.count ${matching}`);
    const middleStart = Math.floor(matching / 2 / BLOCK) * BLOCK;
    const middle = await rows(middleStart, scenario.filters, sort);
    if (first.data.rows.length === 0 || middle.data.rows.length === 0) throw new Error('the grid scenario matched no rows');
    return {
      firstPageMs: first.ms,
      countMs: counted.ms,
      middlePageMs: middle.ms,
      defaultViewMs: warm.ms,
      matching,
      tableRows,
      middleStart,
    };
  } finally {
    await store.close();
  }
}
