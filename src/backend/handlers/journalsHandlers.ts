import { actingName } from '../services/app/supervisor';
import { commentOnEntry } from '../services/journals/commentOnEntry';
import { compareManagers } from '../services/journals/compareManagers';
import { loadTextEntries } from '../services/journals/loadTextEntries';
import { nearCopyMonth } from '../services/journals/nearCopyMonth';
import { callerDistrictId } from './callerDistrict';
import type { HandlerEnv } from './handlerDeps';
import { reads, writes, type Methods } from './methodPolicies';

type Names = 'journals.pairs' | 'journals.entries' | 'journals.byIds' | 'journals.comment' | 'journals.managers';

/** 日志对照: reads on the read-only connection; the comment is the one write and takes the write lock. */
export function journalsHandlers(env: HandlerEnv): Pick<Methods, Names> {
  const store = env.reader;
  return {
    'journals.pairs': reads(async ({ month }) => nearCopyMonth(store, month, await callerDistrictId(store.db))),
    'journals.entries': reads(async ({ kind, managerCode, month, date }) =>
      loadTextEntries(store.db, kind, date === undefined ? { managerCode, month } : { managerCode, month, date }),
    ),
    'journals.byIds': reads(async ({ kind, ids }) => loadTextEntries(store.db, kind, { ids })),
    'journals.comment': writes(async (req) => commentOnEntry(env.store.db, req, { who: await actingName(env.store.db), now: env.now() })),
    'journals.managers': reads(async ({ month }) => compareManagers(store, month)),
  };
}
