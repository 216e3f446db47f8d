import { excelNumberFormat } from '../../../core/format/numberFormat';
import type { NumberFormat, ReportValue } from '../../../core/report/reportModel';
import { NO_DATA } from '../../../core/report/reportValue';
import { HEADER_FILL, type CellSpec } from './sheetBuilder';

/** Excel number formats of the report's values, from the one formatting module (a quantity's depends on the value). */
const NUMBER_FORMATS: Record<Exclude<NumberFormat, 'quantity'>, string> = {
  percent: excelNumberFormat('percent'),
  score: excelNumberFormat('score'),
  count: excelNumberFormat('count'),
  hours: excelNumberFormat('hours'),
};
/** A score the supervisor set by hand: still a number, shown with a star. */
const ADJUSTED_SCORE_FORMAT = '0.0"*"';

export function valueCell(value: ReportValue, style: Omit<CellSpec, 'value'> = {}): CellSpec {
  switch (value.kind) {
    case 'number':
      return { align: 'right', ...style, value: value.value, numFmt: excelNumberFormat(value.format, value.value) };
    case 'text':
      return { align: 'right', ...style, value: value.text };
    case 'empty':
      return { ...style, value: null };
  }
}

export function scoreCell(score: number | null, adjusted = false, style: Omit<CellSpec, 'value'> = {}): CellSpec {
  if (score === null) return { align: 'center', ...style, value: NO_DATA };
  return { align: 'right', ...style, value: score, numFmt: adjusted ? ADJUSTED_SCORE_FORMAT : NUMBER_FORMATS.score };
}

export function percentCell(share: number, style: Omit<CellSpec, 'value'> = {}): CellSpec {
  return { align: 'right', ...style, value: share, numFmt: NUMBER_FORMATS.percent };
}

export function headerCells(labels: readonly (string | { label: string; span: number })[]): CellSpec[] {
  return labels.map((l) => ({
    value: typeof l === 'string' ? l : l.label,
    span: typeof l === 'string' ? 1 : l.span,
    bold: true,
    wrap: true,
    align: 'center' as const,
    fill: HEADER_FILL,
  }));
}
