/** A day set by an imported or edited work calendar; it wins over the shipped holidays. */
export interface CalendarOverride {
  date: string;
  workday: boolean;
  note?: string | null;
}
