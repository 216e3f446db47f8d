import type { ParsedValue } from '../import/parseValue';
import type { RecordData } from '../import/records';

/** A row's record as its fields gave it, for a kind to complete. */
export interface RecordRow {
  /** Each field's value by key (null when absent); the completion adds or replaces values. */
  data: RecordData;
  /** A field's parsed value as the cell gave it (a date-time's parts). */
  value(key: string): ParsedValue | undefined;
  /** Whether the field's cell failed to parse (its problem is reported already). */
  failed(key: string): boolean;
  /** Reports a problem with the field's cell. */
  issue(key: string, reason: string): void;
}

/** Works out values from several fields (a punch's date and time) and checks across fields. */
export type RecordCompletion = (row: RecordRow) => void;
