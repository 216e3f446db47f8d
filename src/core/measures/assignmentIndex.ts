import type { AssignmentRow } from './evaluationInput';

export interface AssignmentIndex {
  /** The assignment valid on `date`; when rows overlap, the one that started last wins. */
  assignmentOn(retailerId: number, date: string): AssignmentRow | null;
  /**
   * The retailer's assignment for month-level metrics (volume, coverage, agreements …):
   * the manager assigned on the most days of the month; on a tie, the one holding the
   * retailer on the later day. The row returned is that manager's last one in the month.
   */
  monthAssignment(retailerId: number): AssignmentRow | null;
  /** Retailer ids whose month-level manager is `managerCode`, ascending. */
  retailersOf(managerCode: string): readonly number[];
  /** Retailer ids assigned to `managerCode` on `date`, ascending. */
  retailersOn(managerCode: string, date: string): number[];
  /**
   * Per retailer `managerCode` held on at least one of `days` (ascending ids), the days of them
   * on which it was theirs: what day-level metrics (coverage, plan) read when a transfer splits a month.
   */
  daysHeld(managerCode: string, days: readonly string[]): Map<number, string[]>;
}

export function buildAssignmentIndex(assignments: readonly AssignmentRow[], monthDays: readonly string[]): AssignmentIndex {
  const byRetailer = new Map<number, AssignmentRow[]>();
  for (const row of assignments) {
    const rows = byRetailer.get(row.retailerId);
    if (rows) rows.push(row);
    else byRetailer.set(row.retailerId, [row]);
  }
  for (const rows of byRetailer.values()) rows.sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));

  const assignmentOn = (retailerId: number, date: string): AssignmentRow | null =>
    byRetailer.get(retailerId)?.find((row) => row.from <= date && (row.to === null || date <= row.to)) ?? null;

  const everAssigned = new Map<string, Set<number>>();
  for (const row of assignments) {
    const ids = everAssigned.get(row.managerCode);
    if (ids) ids.add(row.retailerId);
    else everAssigned.set(row.managerCode, new Set([row.retailerId]));
  }

  const monthRows = new Map<number, AssignmentRow>();
  const retailers = new Map<string, number[]>();
  for (const retailerId of [...byRetailer.keys()].sort((a, b) => a - b)) {
    const row = pickMonthAssignment(retailerId, byRetailer.get(retailerId) ?? [], monthDays, assignmentOn);
    if (!row) continue;
    monthRows.set(retailerId, row);
    const list = retailers.get(row.managerCode);
    if (list) list.push(retailerId);
    else retailers.set(row.managerCode, [retailerId]);
  }

  return {
    assignmentOn,
    monthAssignment: (retailerId) => monthRows.get(retailerId) ?? null,
    retailersOf: (managerCode) => retailers.get(managerCode) ?? [],
    retailersOn: (managerCode, date) =>
      [...(everAssigned.get(managerCode) ?? [])]
        .filter((id) => assignmentOn(id, date)?.managerCode === managerCode)
        .sort((a, b) => a - b),
    daysHeld: (managerCode, days) => {
      const out = new Map<number, string[]>();
      for (const id of [...(everAssigned.get(managerCode) ?? [])].sort((a, b) => a - b)) {
        const held = days.filter((day) => assignmentOn(id, day)?.managerCode === managerCode);
        if (held.length > 0) out.set(id, held);
      }
      return out;
    },
  };
}

function pickMonthAssignment(
  retailerId: number,
  rows: readonly AssignmentRow[],
  monthDays: readonly string[],
  assignmentOn: (retailerId: number, date: string) => AssignmentRow | null,
): AssignmentRow | null {
  const first = monthDays[0] ?? '';
  const last = monthDays[monthDays.length - 1] ?? '';
  const overlapping = rows.filter((row) => row.from <= last && (row.to === null || row.to >= first));
  // Most retailers keep one manager all month: no need to walk its days.
  if (overlapping.length <= 1) return overlapping[0] ?? null;
  const days = new Map<string, number>();
  const lastRow = new Map<string, AssignmentRow>();
  for (const day of monthDays) {
    const row = assignmentOn(retailerId, day);
    if (!row) continue;
    days.set(row.managerCode, (days.get(row.managerCode) ?? 0) + 1);
    // Re-inserting moves the manager to the end, so the map ends up ordered by last day held.
    lastRow.delete(row.managerCode);
    lastRow.set(row.managerCode, row);
  }
  let best: AssignmentRow | null = null;
  let bestDays = 0;
  for (const row of lastRow.values()) {
    const count = days.get(row.managerCode) ?? 0;
    if (count >= bestDays) {
      best = row;
      bestDays = count;
    }
  }
  return best;
}
