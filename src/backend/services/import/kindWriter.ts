import type { KindRecord } from '../../../core/import/records';

/** A problem with one row found while linking it (e.g. a manager missing from the roster). */
export interface LinkError {
  /** The field key of the offending column, so the report can name the column. */
  field: string;
  value: string;
  reason: string;
}

export type WriteOutcome =
  | { status: 'inserted' | 'updated' | 'unchanged'; unlinked: boolean }
  | { status: 'invalid'; errors: LinkError[] };

/** Writes the records of one kind into their table(s), linking them to what they reference. */
export interface KindWriter {
  write(record: KindRecord): WriteOutcome;
  /** Warnings worth telling the user once per file (e.g. "12 行找不到零售户"). */
  warnings(): string[];
  /** Called every few thousand rows, between writes: a chance to change how the rest is written. */
  checkpoint(): Promise<void>;
  /** Work left for the end of the batch, inside its transaction, before it commits. */
  finish(): Promise<void>;
}
