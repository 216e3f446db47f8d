import type { KaopingHandlers } from '../../shared/api/kaopingApi';
import { appInfo } from '../services/app/appInfo';
import { gridColumns } from '../services/data/gridColumns';
import { gridCount, gridRows } from '../services/data/gridRows';
import { monthOverview } from '../services/data/monthOverview';
import { rowDetail } from '../services/data/rowDetail';
import type { HandlerEnv } from './handlerDeps';

type DataHandlers = Pick<KaopingHandlers, 'data.columns' | 'data.rows' | 'data.count' | 'data.detail' | 'data.overview'>;

export function dataHandlers(env: HandlerEnv): DataHandlers {
  const store = env.reader;
  return {
    'data.columns': async ({ kind }) => gridColumns(kind),
    'data.rows': async (arg) => gridRows(store, arg),
    'data.count': async (arg) => gridCount(store, arg),
    'data.detail': async ({ kind, id, month }) => {
      // Without a month: the newest month with data, else the current one.
      const shown = month ?? (await appInfo(store)).months[0] ?? env.now().toISOString().slice(0, 7);
      return rowDetail(store, kind, id, shown);
    },
    'data.overview': async ({ month }) => monthOverview(store, month),
  };
}
