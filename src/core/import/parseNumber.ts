import type { CellValue } from './cell';
import { isEmptyCell } from './isEmptyCell';
import { fail, ok, OK_NULL, type ParseResult } from './parseResult';

export interface NumberWithUnit {
  value: number;
  /** What followed the number, after 万/亿 were applied: "120条" → 条, "3万支" → 支. */
  unit: string | null;
}

const NOT_A_NUMBER = '无法识别的数字';
const SPACES = /[\s\u200b]+/g;
const DIGITS_APART = /\d[\s\u200b]+\d/;
const CURRENCY = /^(?:¥|\$|rmb|cny)/i;
const NUMBER_BODY = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(e[+-]?\d+)?/i;
const UNIT = /^[\p{Script=Han}a-z/]+$/iu;

/** Undo binary float noise from scaling (1.2 × 10000 = 12000.000000000002). */
export function cleanFloat(value: number): number {
  return Number(value.toPrecision(15));
}

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

function parseNumberText(raw: string): ParseResult<NumberWithUnit> {
  if (PLAIN_NUMBER.test(raw)) return ok({ value: Number(raw), unit: null });
  const normalized = raw.normalize('NFKC');
  // "3 4" is two numbers or a typo, never 34.
  if (DIGITS_APART.test(normalized)) return fail(NOT_A_NUMBER);
  let s = normalized.replace(SPACES, '').replace(/\u2212/g, '-').toLowerCase();
  let negative = false;
  const accounting = /^\((.*)\)$/.exec(s);
  if (accounting) {
    negative = true;
    s = accounting[1] ?? '';
  }
  const strip = (): void => {
    if (s.startsWith('-') || s.startsWith('+')) {
      negative = negative !== s.startsWith('-');
      s = s.slice(1);
    }
  };
  strip();
  s = s.replace(CURRENCY, '');
  strip();
  const body = NUMBER_BODY.exec(s);
  if (!body) return fail(NOT_A_NUMBER);
  let value = Number((body[1] ?? '').replace(/,/g, '') + (body[2] ?? ''));
  if (!Number.isFinite(value)) return fail('数字超出范围（太大，无法计算）');
  let unit: string | null = s.slice(body[0].length) || null;
  let scale = 1;
  if (unit === '%') {
    scale = 0.01;
    unit = null;
  } else if (unit === '‰') {
    scale = 0.001;
    unit = null;
  } else if (unit !== null) {
    if (!UNIT.test(unit)) return fail(NOT_A_NUMBER);
    if (unit.startsWith('万')) scale = 10000;
    else if (unit.startsWith('亿')) scale = 100000000;
    if (scale !== 1) unit = unit.slice(1) || null;
  }
  if (scale !== 1) value = cleanFloat(value * scale);
  return ok({ value: negative ? -value : value, unit });
}

/** Numbers, and numbers as text: "3,168.00", "１２０", "120条", "¥95.40", "12.5%" (→ 0.125), "-3", "(3)". */
export function parseNumberWithUnit(value: CellValue): ParseResult<NumberWithUnit | null> {
  if (isEmptyCell(value)) return OK_NULL;
  if (typeof value === 'number') return Number.isFinite(value) ? ok({ value, unit: null }) : fail(NOT_A_NUMBER);
  if (typeof value === 'string') return parseNumberText(value);
  return fail(NOT_A_NUMBER);
}

export function parseNumber(value: CellValue): ParseResult<number | null> {
  const parsed = parseNumberWithUnit(value);
  if (!parsed.ok || parsed.value === null) return parsed.ok ? OK_NULL : parsed;
  return ok(parsed.value.value);
}

export function parseInteger(value: CellValue): ParseResult<number | null> {
  const parsed = parseNumber(value);
  if (!parsed.ok || parsed.value === null) return parsed;
  return Number.isInteger(parsed.value) ? parsed : fail('应为整数');
}

const TIAO_PER_UNIT = new Map<string, number>([
  ['条', 1],
  ['箱', 250],
  ['件', 50],
  ['包', 0.1],
  ['盒', 0.1],
  ['支', 0.005],
]);

/**
 * How many 条 one of this unit is (1 箱 = 5 件 = 250 条 = 50,000 支; 1 条 = 10 包 = 200 支;
 * 万支 = 50 条); null when the unit is not a cigarette volume.
 */
export function tiaoPerUnit(unit: string): number | null {
  const u = unit.normalize('NFKC').trim();
  if (u.startsWith('万')) {
    const rest = TIAO_PER_UNIT.get(u.slice(1));
    return rest === undefined ? null : cleanFloat(rest * 10000);
  }
  return TIAO_PER_UNIT.get(u) ?? null;
}
