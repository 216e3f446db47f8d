import type { CellValue } from './cell';
import { isEmptyCell } from './isEmptyCell';
import { fail, ok, OK_NULL, type ParseResult } from './parseResult';

const SPELLINGS: readonly (readonly [string, boolean])[] = [
  ...['是', '是的', 'y', 'yes', 'true', 't', '√', '✓', '✔', '☑', '1', '有', '对', '能', '会', '认识', '知道', '已'].map(
    (text) => [text, true] as const,
  ),
  ...['否', 'n', 'no', 'false', 'f', '×', 'x', '✗', '✘', '☐', '0', '无', '没有', '错', '不能', '不会', '不认识', '不知道', '未'].map(
    (text) => [text, false] as const,
  ),
];

function key(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

const DEFAULT_SPELLINGS = new Map(SPELLINGS.map(([text, value]) => [key(text), value]));

export type BoolParser = (value: CellValue) => ParseResult<boolean | null>;

/** 是/否, Y/N, yes/no, true/false, √/×, ✓/✗, 1/0, 有/无, 对/错, 能/不能 …; an empty cell is null. */
export function makeBoolParser(extra: readonly (readonly [string, boolean])[] = []): BoolParser {
  const spellings = extra.length === 0 ? DEFAULT_SPELLINGS : new Map(DEFAULT_SPELLINGS);
  for (const [text, value] of extra) spellings.set(key(text), value);
  return (value) => {
    if (isEmptyCell(value)) return OK_NULL;
    if (typeof value === 'boolean') return ok(value);
    if (typeof value === 'number') {
      if (value === 1) return ok(true);
      if (value === 0) return ok(false);
      return fail('无法识别的是/否');
    }
    if (typeof value !== 'string') return fail('无法识别的是/否');
    const parsed = spellings.get(key(value));
    return parsed === undefined ? fail('无法识别的是/否') : ok(parsed);
  };
}

export const parseBool: BoolParser = makeBoolParser();
