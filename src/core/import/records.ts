import type { KindKey } from '../../shared/kindKeys';

/**
 * A value of an imported row. Dates are 'YYYY-MM-DD', date-times 'YYYY-MM-DDTHH:mm:ss' (wall clock
 * as written), times 'HH:mm:ss', months 'YYYY-MM'; volumes in 条; enums their canonical value. An
 * absent optional value is null. A list (a manager's routes) or named scores (a survey's items)
 * are values the kind's record completion works out from its fields.
 */
export type RecordValue = string | number | boolean | null | undefined | readonly string[] | Readonly<Record<string, number>>;

/** One imported row: a value per field of its kind (src/core/kinds/<kind>.ts), by the field's key, and what the kind works out from them. */
export type RecordData = Record<string, RecordValue>;

export interface KindRecord {
  kind: KindKey;
  data: RecordData;
}

/** A record's text value (a date, code, enum …), or null. */
export function textOf(data: RecordData, key: string): string | null {
  const v = data[key];
  return typeof v === 'string' ? v : null;
}

/** A record's number value, or null. */
export function numberOf(data: RecordData, key: string): number | null {
  const v = data[key];
  return typeof v === 'number' ? v : null;
}
