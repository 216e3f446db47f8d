import os from 'node:os';
import { openStore } from '../../src/backend/db/openStore';
import { createHandlers, invokeHandler } from '../../src/backend/handlers';
import type { ColumnFilter, RowsPage } from '../../src/shared/api/dataApi';
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
 * Pages of the journal grid through the contract's dispatch (invokeHandler → data.rows, with
 * the argument validated as the hosts do), after the grid's default view was loaded once:
 * the first block of a sorted, filtered view, then a block in the middle of it.
 */
export async function gridPageTask(params: TaskParams): Promise<TaskResult> {
  const scenario = GRID_SCENARIOS[stringParam(params, 'scenario')];
  if (!scenario) throw new Error(`unknown grid scenario ${stringParam(params, 'scenario')}`);
  const store = await openStore(stringParam(params, 'db'), { backupBeforeMigrate: false });
  try {
    const handlers = createHandlers({ store, now: () => BENCH_NOW, workDir: os.tmpdir() });
    const rows = async (startRow: number, filters: Record<string, ColumnFilter>, sort: { colId: string; sort: 'asc' | 'desc' }[]) => {
      const started = performance.now();
      const result = await invokeHandler(handlers, 'data.rows', { kind: 'journals', startRow, endRow: startRow + BLOCK, sort, filters }, silent);
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`data.rows failed: ${result.error.code} ${result.error.message}`);
      return { page: result.data as RowsPage, ms };
    };
    const warm = await rows(0, {}, []);
    const sort = [{ colId: 'date', sort: 'asc' as const }];
    const first = await rows(0, scenario.filters, sort);
    const middleStart = Math.floor(first.page.total / 2 / BLOCK) * BLOCK;
    const middle = await rows(middleStart, scenario.filters, sort);
    if (first.page.rows.length === 0 || middle.page.rows.length === 0) throw new Error('the grid scenario matched no rows');
    return {
      firstPageMs: first.ms,
      middlePageMs: middle.ms,
      defaultViewMs: warm.ms,
      matching: first.page.total,
      tableRows: warm.page.total,
      middleStart,
    };
  } finally {
    await store.close();
  }
}
