import type { KindRecord } from './records';

// A control character no cell text contains keeps ("a", "bc") and ("ab", "c") apart.
const SEPARATOR = '\u001f';

function join(...parts: (string | number | null)[]): string {
  return parts.map((part) => (part === null ? '' : String(part))).join(SEPARATOR);
}

/** The identifying manager field the row has, tagged so a 工号 never equals a name. */
function managerKey(record: { managerCode: string | null; managerName: string | null; managerUserId?: string | null }): string {
  if (record.managerCode !== null) return `code:${record.managerCode}`;
  if (record.managerUserId !== undefined && record.managerUserId !== null) return `user:${record.managerUserId}`;
  return `name:${record.managerName ?? ''}`;
}

function retailerKey(record: { licence: string | null; customerCode: string | null }): string {
  if (record.licence !== null) return `licence:${record.licence}`;
  return record.customerCode === null ? '' : `customer:${record.customerCode}`;
}

/**
 * What makes a row the same row when a file is imported again (data-kinds.md): re-importing
 * next week's longer export upserts by this key instead of duplicating rows.
 */
export function naturalKey(record: KindRecord): string {
  switch (record.kind) {
    case 'roster':
    case 'brands':
      return join(record.data.code);
    case 'retailers':
      return join(record.data.licence);
    case 'calendar':
      return join(record.data.date);
    case 'journals':
      return join(record.data.date, managerKey(record.data), retailerKey(record.data), record.data.content);
    case 'attendance': {
      const d = record.data;
      // An absence has no time; it is one per manager, day and scheduled slot.
      const when = d.at ?? `${d.date}/未打卡/${d.kind ?? ''}`;
      return join(managerKey(d), when);
    }
    case 'reports':
      return join(managerKey(record.data), record.data.kind, record.data.period);
    case 'surveys':
      return record.data.surveyId !== null
        ? join(`survey:${record.data.surveyId}`)
        : join(record.data.date, retailerKey(record.data));
    case 'orders':
      return join(
        record.data.date,
        retailerKey(record.data),
        record.data.brandCode !== null ? `code:${record.data.brandCode}` : `name:${record.data.brandName ?? ''}`,
      );
    case 'agreements':
      return join(record.data.month, retailerKey(record.data), record.data.brandCode);
    case 'inspections':
      return join(record.data.date, retailerKey(record.data), record.data.violation);
    case 'spotchecks':
      return join(record.data.date, managerKey(record.data), record.data.item, record.data.subject);
  }
}
