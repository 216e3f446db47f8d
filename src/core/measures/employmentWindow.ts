/** The part of a month a manager was employed in, both days inclusive ('YYYY-MM-DD'). */
export interface EmploymentWindow {
  from: string;
  to: string;
}

/** Roster statuses of someone who has left the district (measures.md, "Who is judged"). */
export const STATUSES_GONE: ReadonlySet<string> = new Set(['离岗', '调离', '离职']);

export interface EmploymentFacts {
  hiredOn: string | null;
  leftOn?: string | null;
  status: string | null;
}

/**
 * Whether, and from when to when, a manager is judged in a month: hired on or before its last
 * day and not gone before its first. A leaving date (离职日期/调离日期) ends the workdays there;
 * without one a manager whose status says gone is judged only up to the last day of the month
 * with punches or journal entries (`lastActiveDay`), and not at all without any.
 * Null: not employed in the month, so not in its ranking, report or charts.
 */
export function employmentWindow(
  manager: EmploymentFacts,
  firstDay: string,
  lastDay: string,
  lastActiveDay: string | null,
): EmploymentWindow | null {
  const hiredOn = manager.hiredOn ?? null;
  if (hiredOn !== null && hiredOn > lastDay) return null;
  const from = hiredOn !== null && hiredOn > firstDay ? hiredOn : firstDay;
  let to = lastDay;
  const leftOn = manager.leftOn ?? null;
  if (leftOn !== null) {
    if (leftOn < firstDay) return null;
    if (leftOn < to) to = leftOn;
  } else if (STATUSES_GONE.has((manager.status ?? '').trim())) {
    if (lastActiveDay === null) return null;
    if (lastActiveDay < to) to = lastActiveDay;
  }
  return from <= to ? { from, to } : null;
}
