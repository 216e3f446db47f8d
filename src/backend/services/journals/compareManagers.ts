import type { CompareManagerDto } from '../../../shared/api/journalsApi';
import type { Store } from '../../db/openStore';
import { monthRange } from '../../../core/calendar/dates';
import { WEEKLY_KIND } from './loadTextEntries';

/**
 * Every manager on the roster (a district's, when given) with the month's journal and
 * monthly-report counts, by code.
 */
export async function compareManagers(store: Store, month: string, districtId?: number): Promise<CompareManagerDto[]> {
  const { from, to } = monthRange(month);
  let roster = store.db.selectFrom('managers').select(['id', 'code', 'name']).orderBy('code');
  if (districtId !== undefined) roster = roster.where('district_id', '=', districtId);
  const [managers, journals, reports] = await Promise.all([
    roster.execute(),
    store.db
      .selectFrom('journals')
      .select(['manager_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('date', '>=', from)
      .where('date', '<', to)
      .groupBy('manager_id')
      .execute(),
    store.db
      .selectFrom('reports')
      .select(['manager_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('period', '=', month)
      .where('kind', '!=', WEEKLY_KIND)
      .groupBy('manager_id')
      .execute(),
  ]);
  const journalCount = new Map(journals.map((r) => [r.manager_id, Number(r.n)]));
  const reportCount = new Map(reports.map((r) => [r.manager_id, Number(r.n)]));
  return managers.map((m) => ({ code: m.code, name: m.name, journals: journalCount.get(m.id) ?? 0, reports: reportCount.get(m.id) ?? 0 }));
}
