import type { CellValue } from './cell';

/** Null, an empty string or only whitespace (incl. U+3000 and NBSP). */
export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === 'string' && value.trim() === '';
}

// What exports write where a value is missing; only typed fields read these as empty,
// a text field keeps them as written.
const NO_VALUE_MARKERS = new Set(['-', '--', '—', '——', '/', 'n/a', '#n/a', 'null', 'none', '无数据']);

export function isEmptyCell(value: CellValue | undefined): boolean {
  if (isBlankCell(value)) return true;
  return typeof value === 'string' && value.length <= 4 && NO_VALUE_MARKERS.has(value.trim().toLowerCase());
}
