import type { NearCopyPairDto } from '../../../shared/api/journalsApi';

export type RelationFilter = 'all' | 'self' | 'cross';
export type KindFilter = 'all' | 'journals' | 'reports';
export type PairSort = 'similarityDesc' | 'similarityAsc' | 'date';

export interface PairFilters {
  relation: RelationFilter;
  kind: KindFilter;
  sort: PairSort;
}

export const DEFAULT_PAIR_FILTERS: PairFilters = { relation: 'all', kind: 'all', sort: 'similarityDesc' };

/** The later of a pair's two dates: when the copy was written. */
function copiedOn(p: NearCopyPairDto): string {
  return [p.aDate ?? '', p.bDate ?? ''].sort().at(-1) ?? '';
}

/** The pairs the list shows, in its order; ties keep the backend's order (most similar first). */
export function filterPairs(pairs: readonly NearCopyPairDto[], f: PairFilters): NearCopyPairDto[] {
  const shown = pairs.filter(
    (p) => (f.relation === 'all' || (f.relation === 'self') === p.self) && (f.kind === 'all' || p.kind === f.kind),
  );
  const order = shown.map((p, i) => ({ p, i }));
  order.sort((x, y) => {
    const by =
      f.sort === 'similarityDesc'
        ? y.p.similarity - x.p.similarity
        : f.sort === 'similarityAsc'
          ? x.p.similarity - y.p.similarity
          : copiedOn(x.p) < copiedOn(y.p)
            ? -1
            : copiedOn(x.p) > copiedOn(y.p)
              ? 1
              : 0;
    return by || x.i - y.i;
  });
  return order.map((o) => o.p);
}

export function samePair(p: { kind: string; aId: number; bId: number }, q: { kind: string; aId: number; bId: number } | null): boolean {
  return q !== null && p.kind === q.kind && ((p.aId === q.aId && p.bId === q.bId) || (p.aId === q.bId && p.bId === q.aId));
}
