import type { CellValue, RawRow } from './cell';
import { cellText } from './cellText';
import { normalizeHeader } from './normalizeHeader';

/**
 * DingTalk's attendance exports other than 原始记录 (data-kinds.md, attendance): 每日统计 puts
 * a day's punches side by side (上班1打卡时间, 上班1打卡结果, 下班1打卡时间 …), 打卡时间 puts a
 * month in one row per person (a column per day, several times per cell), and 月度汇总 has no
 * punch times at all. The first two are turned into one row per punch under a header the
 * attendance kind reads; the third is refused with the exports to use instead.
 */
export type SheetShape =
  | { shape: 'plain' }
  | { shape: 'refused'; message: string }
  | { shape: 'reshaped'; name: 'dailyStats' | 'punchGrid'; labelZh: string; header: RawRow; reshape: (row: RawRow) => RawRow[] };

/** The header every reshaped punch row is read under (attendance synonyms). */
const PUNCH_HEADER = ['姓名', '工号', 'UserId', '考勤日期', '打卡时间', '打卡类型', '打卡结果'] as const;

const SLOT = /^(上班|下班)(\d+)打卡(时间|结果)$/;
const SUMMARY_COLUMNS = ['出勤天数', '休息天数', '旷工天数', '迟到次数', '早退次数', '缺卡次数', '应出勤天数', '工作时长'];
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const NO_TIME = /^(?:-+|—+|无|\/)$/;
const MONTH_IN_TITLE = /(?:统计日期|考勤月份|统计月份|日期)\s*[:：]?\s*(20\d{2})\s*[-/.年]\s*(\d{1,2})/;

function texts(row: RawRow): string[] {
  return row.cells.map((c) => normalizeHeader(cellText(c)));
}

function columnOf(headers: readonly string[], names: readonly string[]): number {
  const wanted = names.map(normalizeHeader);
  return headers.findIndex((h) => wanted.includes(h));
}

function cellAt(row: RawRow, index: number): CellValue {
  return index < 0 ? null : (row.cells[index] ?? null);
}

function punchRow(rowNumber: number, ids: readonly CellValue[], date: CellValue, time: CellValue, kind: string, result: string): RawRow {
  return { rowNumber, cells: [...ids, date, time, kind, result] };
}

interface Identity {
  name: number;
  code: number;
  userId: number;
}

function identityOf(headers: readonly string[]): Identity {
  return {
    name: columnOf(headers, ['姓名']),
    code: columnOf(headers, ['工号', '员工编号']),
    userId: columnOf(headers, ['UserId', '钉钉UserId', '账号']),
  };
}

function idsOf(row: RawRow, id: Identity): CellValue[] {
  return [cellAt(row, id.name), cellAt(row, id.code), cellAt(row, id.userId)];
}

function headerRow(rowNumber: number): RawRow {
  return { rowNumber, cells: [...PUNCH_HEADER] };
}

/** 每日统计: one row per person and day; each 上班N/下班N time is a punch, 未打卡 without a time an absence. */
function dailyStats(headerAt: RawRow, headers: readonly string[]): SheetShape | null {
  const slots = new Map<string, { kind: string; time: number; result: number }>();
  headers.forEach((h, index) => {
    const m = SLOT.exec(h);
    if (!m) return;
    const key = `${m[1]}${m[2]}`;
    const slot = slots.get(key) ?? { kind: m[1] as string, time: -1, result: -1 };
    if (m[3] === '时间') slot.time = index;
    else slot.result = index;
    slots.set(key, slot);
  });
  const withTime = [...slots.values()].filter((s) => s.time >= 0);
  if (withTime.length === 0) return null;
  const date = columnOf(headers, ['日期', '考勤日期']);
  const id = identityOf(headers);
  return {
    shape: 'reshaped',
    name: 'dailyStats',
    labelZh: '钉钉考勤「每日统计」',
    header: headerRow(headerAt.rowNumber),
    reshape: (row) => {
      const ids = idsOf(row, id);
      if (ids.every((c) => cellText(c).trim() === '')) return [];
      const out: RawRow[] = [];
      for (const slot of withTime) {
        // The cell itself goes on: an Excel time (a fraction of a day) is read as a time, not as text.
        const cell = cellAt(row, slot.time);
        const time = cellText(cell).trim();
        const result = cellText(cellAt(row, slot.result)).trim();
        const noTime = time === '' || NO_TIME.test(time);
        // Without a time only a missed punch is worth a row (an absence); rest days have neither.
        if (noTime && !/未打卡|缺卡/.test(result)) continue;
        out.push(punchRow(row.rowNumber, ids, cellAt(row, date), noTime ? '' : typeof cell === 'string' ? time : cell, slot.kind, result));
      }
      return out;
    },
  };
}

const DAY_LABEL = /^(\d{1,2})(?:日|号)?(?:[\s\n]*(?:星期|周)?[一二三四五六日天])?$/;
const WEEKDAY_ONLY = /^(?:星期|周)?[一二三四五六日天]$/;

/** Day columns of a row: column index → day of month, when the row is mostly day numbers 1…31. */
function dayColumns(row: RawRow): Map<number, number> | null {
  const days = new Map<number, number>();
  row.cells.forEach((c, index) => {
    const text = typeof c === 'number' ? String(c) : cellText(c).trim();
    const m = DAY_LABEL.exec(text);
    const day = m ? Number(m[1]) : NaN;
    if (day >= 1 && day <= 31) days.set(index, day);
  });
  return days.size >= 7 ? days : null;
}

function monthOfTitle(rows: readonly RawRow[]): string | null {
  for (const row of rows) {
    for (const c of row.cells) {
      const m = MONTH_IN_TITLE.exec(cellText(c));
      if (m) return `${m[1]}-${String(Number(m[2])).padStart(2, '0')}`;
    }
  }
  return null;
}

/** 打卡时间: one row per person, one column per day (1…31, 六/日 for weekends), one punch per line of a cell. */
function punchGrid(rows: readonly RawRow[], at: number, headers: readonly string[], fallbackMonth: string | null): SheetShape | null {
  const title = rows.slice(0, at).map((r) => r.cells.map(cellText).join(' ')).join(' ');
  if (!headers.includes(normalizeHeader('打卡时间')) && !title.includes('打卡时间')) return null;
  let last = at;
  let days: Map<number, number> | null = null;
  for (let i = at; i < Math.min(rows.length, at + 3) && days === null; i++) {
    days = dayColumns(rows[i] as RawRow);
    if (days !== null) last = i;
  }
  if (days === null) return null;
  // A row of weekday labels (一 … 日) under the day numbers belongs to the header too.
  const next = rows[last + 1];
  if (next !== undefined && [...days.keys()].every((i) => { const t = cellText(next.cells[i] ?? null).trim(); return t === '' || WEEKDAY_ONLY.test(t); })) {
    last += 1;
  }
  const month = monthOfTitle(rows.slice(0, at + 1)) ?? fallbackMonth;
  const lastHeader = rows[last] as RawRow;
  if (month === null) {
    return {
      shape: 'refused',
      message: '这是钉钉考勤的「打卡时间」表，但找不到它是哪个月的（标题中的“统计日期：…”，或文件名中的月份），请在文件名中写上月份（如 打卡时间_202610.xlsx）后重新导入',
    };
  }
  const id = identityOf(headers);
  const dayList = [...days];
  return {
    shape: 'reshaped',
    name: 'punchGrid',
    labelZh: '钉钉考勤「打卡时间」表',
    header: headerRow(lastHeader.rowNumber),
    reshape: (row) => {
      const ids = idsOf(row, id);
      if (ids.every((c) => cellText(c).trim() === '')) return [];
      const out: RawRow[] = [];
      for (const [index, day] of dayList) {
        const date = `${month}-${String(day).padStart(2, '0')}`;
        for (const line of cellText(cellAt(row, index)).split(/[\s,，;；]+/)) {
          const time = line.trim();
          if (TIME.test(time)) out.push(punchRow(row.rowNumber, ids, date, time, '', ''));
        }
      }
      return out;
    },
  };
}

/** 月度汇总: per-person totals for the month and a result per day, but no punch times. */
function isMonthlySummary(rows: readonly RawRow[], at: number, headers: readonly string[]): boolean {
  const title = rows.slice(0, at).map((r) => r.cells.map(cellText).join(' ')).join(' ');
  if (headers.includes(normalizeHeader('打卡时间')) || headers.some((h) => SLOT.test(h))) return false;
  const summaryColumns = SUMMARY_COLUMNS.map(normalizeHeader);
  const summary = headers.filter((h) => summaryColumns.includes(h)).length;
  return summary >= 2 || (title.includes('月度汇总') && summary >= 1);
}

const NAME = normalizeHeader('姓名');

const MONTHLY_SUMMARY_MESSAGE =
  '这是钉钉考勤的「月度汇总」，其中只有每月的天数和每天的考勤结果，没有打卡时间，不能作为考勤数据导入。请在钉钉「考勤统计」中导出「原始记录」或「每日统计」后再导入';

/**
 * Recognises DingTalk's wide attendance exports among a sheet's first rows. `fallbackMonth`
 * (from the file name) dates a 打卡时间 table whose title names no month.
 */
export function sheetShape(rows: readonly RawRow[], fallbackMonth: string | null = null): SheetShape {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as RawRow;
    const headers = texts(row);
    // Every DingTalk attendance export names the person in 姓名 (工号 and UserId are optional columns).
    if (!headers.includes(NAME)) continue;
    const daily = dailyStats(row, headers);
    if (daily !== null) return daily;
    const grid = punchGrid(rows, i, headers, fallbackMonth);
    if (grid !== null) return grid;
    if (isMonthlySummary(rows, i, headers)) return { shape: 'refused', message: MONTHLY_SUMMARY_MESSAGE };
    return { shape: 'plain' };
  }
  return { shape: 'plain' };
}

/** The rows of a reshaped sheet: everything up to the header dropped, each data row turned into its punches. */
export async function* reshapeRows(rows: AsyncIterable<RawRow>, shape: Extract<SheetShape, { shape: 'reshaped' }>): AsyncGenerator<RawRow> {
  for await (const row of rows) {
    if (row.rowNumber <= shape.header.rowNumber) continue;
    yield* shape.reshape(row);
  }
}
