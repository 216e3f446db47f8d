/**
 * Competition ranking by total, highest first (1, 2, 2, 4): equal totals share a place and
 * the next place is skipped. Managers without a total get no rank.
 */
export function rankManagers(totals: readonly (number | null)[]): (number | null)[] {
  const scored = totals.filter((t): t is number => t !== null && Number.isFinite(t));
  return totals.map((total) =>
    total === null || !Number.isFinite(total) ? null : 1 + scored.filter((other) => other > total).length,
  );
}
