import type { NearCopyMonthDto, NearCopyPairDto, TextKind } from '../../../shared/api/journalsApi';
import type { Store } from '../../db/openStore';
import { readMonthSnapshot } from '../evaluation/monthSnapshot';

/** Ids per query: well below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * The month's near-copy pairs as the stored evaluation found them, with both authors' names and
 * both entries' dates, most similar first. An entry removed since (an undone import) has no date.
 */
export async function nearCopyMonth(store: Store, month: string, districtId?: number): Promise<NearCopyMonthDto> {
  const snapshot = await readMonthSnapshot(store.db, month, districtId);
  if (!snapshot) return { month, status: 'none', pairs: [] };
  const records = snapshot.evaluation.nearCopyPairs;
  const nameOf = await managerNames(store);
  const dateOf = {
    journals: await entryDates(store, 'journals', records.filter((r) => r.kind === 'journals').flatMap((r) => [r.aId, r.bId])),
    reports: await entryDates(store, 'reports', records.filter((r) => r.kind === 'reports').flatMap((r) => [r.aId, r.bId])),
  };
  const pairs = records.map(
    (r): NearCopyPairDto => ({
      kind: r.kind,
      aId: r.aId,
      bId: r.bId,
      similarity: r.similarity,
      self: r.self,
      aManager: { code: r.aManager, name: nameOf.get(r.aManager) ?? r.aManager },
      bManager: { code: r.bManager, name: nameOf.get(r.bManager) ?? r.bManager },
      aDate: dateOf[r.kind].get(r.aId) ?? null,
      bDate: dateOf[r.kind].get(r.bId) ?? null,
      ...(r.aBoilerplate ? { aBoilerplate: r.aBoilerplate } : {}),
      ...(r.bBoilerplate ? { bBoilerplate: r.bBoilerplate } : {}),
    }),
  );
  pairs.sort((a, b) => b.similarity - a.similarity || a.kind.localeCompare(b.kind) || a.aId - b.aId || a.bId - b.bId);
  return { month, status: snapshot.status, pairs };
}

async function managerNames(store: Store): Promise<Map<string, string>> {
  const rows = await store.db.selectFrom('managers').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

async function entryDates(store: Store, kind: TextKind, ids: number[]): Promise<Map<number, string | null>> {
  const unique = [...new Set(ids)];
  const dates = new Map<number, string | null>();
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    if (kind === 'journals') {
      for (const row of await store.db.selectFrom('journals').select(['id', 'date']).where('id', 'in', chunk).execute()) dates.set(row.id, row.date);
    } else {
      const rows = await store.db.selectFrom('reports').select(['id', 'submitted_on', 'period']).where('id', 'in', chunk).execute();
      for (const row of rows) dates.set(row.id, row.submitted_on ?? row.period);
    }
  }
  return dates;
}
