import type { CellValue } from './cell';
import { cellText } from './cellText';
import { ok, OK_NULL, type ParseResult } from './parseResult';

/** Free text, trimmed; an empty cell is null. Numbers keep their digits (phone numbers). */
export function parseText(value: CellValue): ParseResult<string | null> {
  if (value === null) return OK_NULL;
  if (typeof value === 'boolean') return ok(value ? '是' : '否');
  const text = (typeof value === 'string' ? value : cellText(value)).trim();
  return text === '' ? OK_NULL : ok(text);
}
