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

/** One updated row of the change list: which row, and each changed stored value old → new. */
export interface RowChange {
  table: string;
  /** The row as a supervisor knows it: "0101 张伟", a licence and shop name. */
  key: string;
  fields: { column: string; label: string; old: string | number | null; new: string | number | null }[];
}

/** Writes the records of one kind into their table(s), linking them to what they reference. */
export interface KindWriter {
  write(record: KindRecord): WriteOutcome;
  /**
   * The natural key (compacted) write() will upsert the record under in the kind's own table, or
   * null when the record cannot be linked. Only for kinds that write their own table alone, under
   * keys told by the record itself (absent otherwise): their stored rows can be loaded ahead.
   */
  keyOf?: (record: KindRecord) => string | null;
  /** Warnings worth telling the user once per file (e.g. "12 行找不到零售户"). */
  warnings(): string[];
  /** The first updated rows with what changed in them. */
  changeSamples(): RowChange[];
  /** Route assignments added for a month that had none, for retailers that were already known. */
  assignmentsAdded(): number;
  /** Rows that waited for this file's retailers or brands, linked by finish(). */
  linked(): number;
  /** Called every few thousand rows, between writes: a chance to change how the rest is written. */
  checkpoint(): Promise<void>;
  /** Work left for the end of the batch, inside its transaction, before it commits. */
  finish(): Promise<void>;
}
