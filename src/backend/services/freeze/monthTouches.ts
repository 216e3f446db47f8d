/**
 * The months a write would change, each with the rows (as the user knows them: "第 12 行",
 * "日志 #34", "2026-10-10") that fall in it. Collected first, then handed to refuseFinalizedMonths.
 */
export class MonthTouches {
  private readonly byMonth = new Map<string, string[]>();
  private readonly counts = new Map<string, number>();

  /** Keeps at most `keep` row names per month: the message names the first ones and counts the rest. */
  constructor(private readonly keep = 20) {}

  add(month: string | null | undefined, row?: string): this {
    if (!month) return this;
    let rows = this.byMonth.get(month);
    if (!rows) {
      rows = [];
      this.byMonth.set(month, rows);
    }
    if (row !== undefined) {
      if (rows.length < this.keep) rows.push(row);
      this.counts.set(month, (this.counts.get(month) ?? 0) + 1);
    }
    return this;
  }

  months(): string[] {
    return [...this.byMonth.keys()].sort();
  }

  rowsOf(month: string): { shown: string[]; total: number } {
    return { shown: this.byMonth.get(month) ?? [], total: this.counts.get(month) ?? 0 };
  }
}
