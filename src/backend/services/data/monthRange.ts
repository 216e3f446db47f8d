/** 'YYYY-MM' → its first day and the first day of the next month, for index-friendly ranges. */
export function monthRange(month: string): { from: string; to: string } {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, to: `${next}-01` };
}

/** Every day of the month as 'YYYY-MM-DD'. */
export function daysOfMonth(month: string): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** ISO weeks ('YYYY-Www') whose Thursday falls in the month: a weekly report's month. */
export function isoWeeksOfMonth(month: string): string[] {
  const weeks: string[] = [];
  for (const day of daysOfMonth(month)) {
    const d = new Date(`${day}T00:00:00Z`);
    if (d.getUTCDay() !== 4) continue;
    const jan4 = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
    const week1Monday = Date.UTC(jan4.getUTCFullYear(), 0, 4 - ((jan4.getUTCDay() + 6) % 7));
    const week = Math.floor((d.getTime() - week1Monday) / (7 * 86_400_000)) + 1;
    weeks.push(`${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`);
  }
  return weeks;
}
