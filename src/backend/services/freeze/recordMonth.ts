import { textOf, type KindRecord } from '../../../core/import/records';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The month whose evaluation an imported row feeds, or null for master data (roster, retailers,
 * brands), which belongs to no month. A weekly report (2026-W40) counts in the month it was
 * handed in, as entryMonth reads it.
 */
export function recordMonth(record: KindRecord): string | null {
  const data = record.data;
  switch (record.kind) {
    case 'roster':
    case 'retailers':
    case 'brands':
      return null;
    case 'agreements':
      return textOf(data, 'month');
    case 'reports': {
      const period = textOf(data, 'period') ?? '';
      if (MONTH.test(period)) return period;
      return textOf(data, 'submittedOn')?.slice(0, 7) ?? null;
    }
    default:
      return (textOf(data, 'date') ?? '').slice(0, 7);
  }
}
