import type { CellValue } from './cell';
import { formatHms, formatYmd } from './civilDate';
import { numberToText } from './numberToText';

/** A Date cell as text, read in UTC: 'YYYY-MM-DD', with ' HH:mm:ss' when it has a time. */
function dateCellText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const date = formatYmd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  const h = value.getUTCHours();
  const m = value.getUTCMinutes();
  const s = value.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? date : `${date} ${formatHms(h, m, s)}`;
}

/** A cell as the user sees it in the file, for error messages and text fields. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberToText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return dateCellText(value);
}
