import type ExcelJS from 'exceljs';
import type { ReportModel } from '../../../core/report/reportModel';

export interface PrintLayout {
  orientation: 'portrait' | 'landscape';
  /** Rows printed again at the top of every page. */
  titleRows?: { from: number; to: number };
  lastRow: number;
  lastColumn: number;
  /** What the page header names besides department and month, e.g. 汇总 or a manager. */
  caption: string;
}

const A4 = 9;

/**
 * A4, one page wide, as many pages tall as needed; the header names department, month and the
 * month's state on every page, so a draft printout can never pass for the signed one.
 */
export function preparePrint(sheet: ExcelJS.Worksheet, model: ReportModel, layout: PrintLayout): void {
  const lastColumn = sheet.getColumn(layout.lastColumn).letter;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: A4,
    orientation: layout.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
    printArea: `A1:${lastColumn}${layout.lastRow}`,
    ...(layout.titleRows ? { printTitlesRow: `${layout.titleRows.from}:${layout.titleRows.to}` } : {}),
  };
  const status = model.headerStatus ?? model.statusLabel;
  const state = model.final ? escapeHeader(status) : `&B${escapeHeader(status)}&B`;
  sheet.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    oddHeader: `&L${escapeHeader(model.department)}&C${escapeHeader(`${model.monthLabel} 客户经理考评 · ${clip(layout.caption, 24)}`)}&R${state}`,
    oddFooter: `&L${escapeHeader(`导出于 ${model.generatedAt}`)}&C第 &P 页 共 &N 页&R${escapeHeader(model.schemeLabel)}`,
  };
}

/** '&' starts a code in Excel's header language; literal ampersands are doubled. */
function escapeHeader(text: string): string {
  return text.replace(/&/g, '&&');
}

/** The centre of the header shares its line with department and state: long captions are shortened. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}
