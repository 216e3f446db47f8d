import type { TFunction } from 'i18next';
import type { ColumnType } from '../../../shared/api/dataApi';

/** Cell values as the user reads them; always plain text (never HTML) whatever the file held. */
export function formatCell(value: string | number | null | undefined, type: ColumnType, t: TFunction): string {
  if (value === null || value === undefined) return '';
  if (type === 'bool') {
    if (value === 1 || value === '1' || value === 'true') return t('grid.yes');
    if (value === 0 || value === '0' || value === 'false') return t('grid.no');
    return String(value);
  }
  if (type === 'number' && typeof value === 'number') return value.toLocaleString('zh-CN', { maximumFractionDigits: 4 });
  return String(value);
}
