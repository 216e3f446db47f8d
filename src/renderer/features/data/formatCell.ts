import type { TFunction } from 'i18next';
import { formatNumber } from '../../../core/format/numberFormat';
import type { ColumnInfo, ColumnType } from '../../../shared/api/dataApi';

/**
 * Cell values as the user reads them; always plain text (never HTML) whatever the file held.
 * Numbers read as their column's kind (money 127.20, quantities 5,835.6, counts 1,234).
 */
export function formatCell(value: string | number | null | undefined, type: ColumnType, t: TFunction, format?: ColumnInfo['format']): string {
  if (value === null || value === undefined) return '';
  if (type === 'bool') {
    if (value === 1 || value === '1' || value === 'true') return t('grid.yes');
    if (value === 0 || value === '0' || value === 'false') return t('grid.no');
    return String(value);
  }
  if (type === 'number' && typeof value === 'number') return formatNumber(value, format ?? 'plain');
  return String(value);
}
