import type { CellValue } from './cell';
import type { EnumSpec } from './enums';
import { isEmptyCell } from './isEmptyCell';
import { fail, ok, OK_NULL, type ParseResult } from './parseResult';

export type EnumParser = (value: CellValue) => ParseResult<string | null>;

function key(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Canonical values and their aliases, compared after NFKC, whitespace removal and lower-casing. */
export function makeEnumParser(spec: EnumSpec): EnumParser {
  const lookup = new Map<string, string>();
  for (const value of spec.values) lookup.set(key(value), value);
  for (const [alias, canonical] of spec.aliases) lookup.set(key(alias), canonical);
  // Longest first, so "上班打卡 08:30" is read as 上班打卡 rather than a shorter prefix.
  const prefixes = spec.prefixMatch === true ? [...lookup.keys()].sort((a, b) => b.length - a.length) : [];
  const reason = `无法识别的取值，可选：${spec.hintZh ?? spec.values.join('、')}`;
  return (value) => {
    if (isEmptyCell(value)) return OK_NULL;
    if (typeof value !== 'string' && typeof value !== 'number') return fail(reason);
    const k = key(String(value));
    const exact = lookup.get(k);
    if (exact !== undefined) return ok(exact);
    for (const prefix of prefixes) {
      if (k.startsWith(prefix)) return ok(lookup.get(prefix) ?? prefix);
    }
    return fail(reason);
  };
}
