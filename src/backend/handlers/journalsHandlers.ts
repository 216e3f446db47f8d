import { actingName } from '../services/app/supervisor';
import { commentOnEntry } from '../services/journals/commentOnEntry';
import { compareManagers } from '../services/journals/compareManagers';
import { loadTextEntries } from '../services/journals/loadTextEntries';
import { nearCopyMonth } from '../services/journals/nearCopyMonth';
import { idsInDistrict } from '../repositories/gridDistrictCondition';
import { assertInDistrict } from '../services/districts/districtScope';
import { RequestError } from '../services/requestError';
import { callerDistrictId, callerGridDistrictId } from './callerDistrict';
import type { HandlerEnv } from './handlerDeps';
import { reads, writes, type Methods } from './methodPolicies';

type Names = 'journals.pairs' | 'journals.entries' | 'journals.byIds' | 'journals.comment' | 'journals.managers';

/** 日志对照: reads on the read-only connection; the comment is the one write and takes the write lock. */
export function journalsHandlers(env: HandlerEnv): Pick<Methods, Names> {
  const store = env.reader;
  return {
    'journals.pairs': reads(async ({ month }) => nearCopyMonth(store, month, await callerDistrictId(store.db))),
    // A supervisor reads their district's entries only: another district's manager or entry id is refused.
    'journals.entries': reads(async ({ kind, managerCode, month, date }) => {
      const own = await callerGridDistrictId(store.db);
      if (own !== undefined) await assertInDistrict(store.db, own, { managerCode });
      return loadTextEntries(store.db, kind, date === undefined ? { managerCode, month } : { managerCode, month, date });
    }),
    'journals.byIds': reads(async ({ kind, ids }) => {
      const entries = await loadTextEntries(store.db, kind, { ids });
      const own = await callerGridDistrictId(store.db);
      if (own === undefined) return entries;
      // An id that does not exist is simply absent, as for everyone; one of another district is refused.
      const inside = await idsInDistrict(store.db, kind, ids, own);
      if (entries.some((e) => !inside.has(e.id))) throw new RequestError('other_district', '这条数据属于另一个营销部，不能查看或修改');
      return entries;
    }),
    'journals.comment': writes(async (req) => commentOnEntry(env.store.db, req, { who: await actingName(env.store.db), now: env.now() })),
    'journals.managers': reads(async ({ month }) => compareManagers(store, month, await callerGridDistrictId(store.db))),
  };
}
