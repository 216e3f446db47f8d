/** A cell value converted to its canonical form, or a Chinese reason the user can act on. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(reason: string): ParseResult<T> {
  return { ok: false, reason };
}

/** Shared by the parsers so an empty cell never allocates a new result. */
export const OK_NULL: ParseResult<null> = { ok: true, value: null };

export interface ParseOptions {
  /** The workbook uses the 1904 date system (old Mac Excel). */
  date1904?: boolean;
}
