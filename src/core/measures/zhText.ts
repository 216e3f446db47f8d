/** Pieces of the one-line Chinese messages a supervisor reads in the report. */

/** '2026-10-08' → '10月8日' */
export function zhDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** '2026-10' → '10月' */
export function zhMonth(month: string): string {
  return `${Number(month.slice(5, 7))}月`;
}

/** '2026-10-08T08:41:05' → '08:41' */
export function zhTime(at: string): string {
  return at.slice(11, 16);
}

/** 0.4567 → '45.7%' */
export function zhPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Lists at most `limit` items and says how many more there are, so a message stays one line. */
export function zhList(items: string[], limit = 3): string {
  const shown = items.slice(0, limit).join('、');
  return items.length > limit ? `${shown} 等 ${items.length} 项` : shown;
}
