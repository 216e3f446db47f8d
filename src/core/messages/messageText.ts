import { MESSAGE_TEMPLATES_ZH } from './messageTemplatesZh';

/**
 * A flag's or a rule's sentence as a code and its parameters, so a screen can say it in the UI's
 * language; the Chinese text the report signs is made from the same code (messageZh).
 * Parameters are language-neutral: ISO dates, shares 0–1, counts, names and quoted data as they are.
 */
export interface MessageText {
  /** A key under MESSAGE_TEMPLATES_ZH, e.g. 'flag.attendance.absent' or 'rule.linear'. */
  code: string;
  params: Record<string, MessageParam>;
}

/** Pairs are [name, count] (visits) or [name, ISO date] (surveys). */
export type MessageParam = string | number | ReadonlyArray<readonly [string, string | number]>;

/**
 * How a parameter is written, named in a template as {{name, format}} (the i18next syntax, so the
 * renderer fills the same templates through i18next with these functions as its formatters).
 */
export const MESSAGE_FORMATS = {
  /** '2026-10-08' → 10月8日 / Oct 8 */
  kdate: (value, lng) => formatDate(value, lng),
  /** '2026-10-08T08:41:05' → 08:41 */
  ktime: (value) => String(value).slice(11, 16),
  /** '2026-10' → 10月 / October */
  kmonth: (value, lng) => {
    const month = Number(String(value).slice(5, 7));
    return isZh(lng) ? `${month}月` : (EN_MONTHS_LONG[month - 1] ?? String(month));
  },
  /** 0.4567 → 45.7% */
  kpercent: (value) => `${(Number(value) * 100).toFixed(1)}%`,
  /** [[name, count], …] → 甲 5 次、乙 3 次 / 甲 (5), 乙 (3) */
  kvisits: (value, lng) => pairs(value).map(([name, n]) => (isZh(lng) ? `${name} ${n} 次` : `${name} (${n})`)).join(isZh(lng) ? '、' : ', '),
  /** [[name, ISO date], …] → at most three, 甲（10月8日）、… 等 N 项 / 甲 (Oct 8), … and N more */
  kdatedlist: (value, lng) => {
    const items = pairs(value);
    const shown = items.slice(0, 3).map(([name, d]) => (isZh(lng) ? `${name}（${formatDate(d, lng)}）` : `${name} (${formatDate(d, lng)})`));
    if (isZh(lng)) return items.length > 3 ? `${shown.join('、')} 等 ${items.length} 项` : shown.join('、');
    return items.length > 3 ? `${shown.join(', ')} and ${items.length - 3} more` : shown.join(', ');
  },
} satisfies Record<string, (value: unknown, lng: string | undefined) => string>;

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EN_MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function formatDate(value: unknown, lng: string | undefined): string {
  const date = String(value);
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return isZh(lng) ? `${month}月${day}日` : `${EN_MONTHS[month - 1] ?? month} ${day}`;
}

function isZh(lng: string | undefined): boolean {
  return lng === undefined || lng.startsWith('zh');
}

function pairs(value: unknown): [string, string | number][] {
  return Array.isArray(value) ? (value as [string, string | number][]) : [];
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g;

/** The Chinese sentence of a message (the report's text); an unknown code gives ''. */
export function messageZh(text: MessageText): string {
  const template = templateOf(text.code);
  if (template === undefined) return '';
  return template.replace(PLACEHOLDER, (_, name: string, format: string | undefined) => {
    const value = text.params[name];
    if (value === undefined) return '';
    const formatter = format === undefined ? undefined : (MESSAGE_FORMATS as Record<string, (v: unknown, lng: string) => string>)[format];
    return formatter ? formatter(value, 'zh-CN') : String(value);
  });
}

/** Parts said one after another (joined by nothing) or, for a row's note, with the separator. */
export function messagesZh(parts: readonly MessageText[], separator = ''): string {
  return parts.map(messageZh).join(separator);
}

/** The message and its code together, as flags and rules carry them. */
export function zhMessage(code: string, params: MessageText['params'] = {}): { message: string; text: MessageText } {
  const text = { code, params };
  return { message: messageZh(text), text };
}

function templateOf(code: string): string | undefined {
  let node: unknown = MESSAGE_TEMPLATES_ZH;
  for (const part of code.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
