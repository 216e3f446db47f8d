import { DEFAULT_SCHEME } from '../../core/scoring/defaultScheme';
import type { Scheme } from '../../core/scoring/scheme';
import type { SchemeDto } from '../../shared/api/settingsApi';
import { ensureDefaultScheme, findScheme } from '../repositories/schemeRepository';
import { actingName } from '../services/app/supervisor';
import { RequestError } from '../services/requestError';
import { calendarMonthDays } from '../services/settings/calendarMonthDays';
import { saveScheme } from '../services/settings/saveScheme';
import { schemeSummaries } from '../services/settings/schemeSummaries';
import { setCalendarDay } from '../services/settings/setCalendarDay';
import type { HandlerEnv } from './handlerDeps';
import { reads, writes, writesWhen, type Methods } from './methodPolicies';

type Names = 'settings.schemes' | 'settings.scheme' | 'settings.saveScheme' | 'calendar.month' | 'calendar.setDay';

export function settingsHandlers(env: HandlerEnv): Pick<Methods, Names> {
  return {
    // A fresh database has no scheme row until the first evaluation; the list always shows 默认方案.
    'settings.schemes': writesWhen(
      async () => !(await findScheme(env.reader.db, DEFAULT_SCHEME.name, DEFAULT_SCHEME.version)),
      async () => {
        await ensureDefaultScheme(env.store.db, env.now());
        return schemeSummaries(env.reader.db);
      },
    ),

    'settings.scheme': reads(async ({ name, version }) => {
      const wanted = name ?? DEFAULT_SCHEME.name;
      const stored = await findScheme(env.reader.db, wanted, version);
      if (stored) return stored.scheme as SchemeDto;
      if (wanted === DEFAULT_SCHEME.name && (version ?? 1) === DEFAULT_SCHEME.version) return DEFAULT_SCHEME as SchemeDto;
      throw new RequestError('unknown_scheme', version ? `没有「${wanted}」的第 ${version} 版` : `没有名为「${wanted}」的考核方案`);
    }),

    'settings.saveScheme': writes(async ({ scheme }) => {
      // The contract checks shapes; validateScheme (inside saveScheme) checks every dimension and metric key.
      const saved = await saveScheme(env.store.db, scheme as unknown as Scheme, await actingName(env.store.db), env.now());
      const summary = (await schemeSummaries(env.store.db)).find((s) => s.id === saved.id);
      if (!summary) throw new Error(`scheme ${saved.id} vanished after saving it`);
      return summary;
    }),

    'calendar.month': reads(async ({ month }) => calendarMonthDays(env.reader.db, month)),

    'calendar.setDay': writes(async (change) => {
      await setCalendarDay(env.store.db, change, await actingName(env.store.db), env.now());
      return calendarMonthDays(env.store.db, change.date.slice(0, 7));
    }),
  };
}
