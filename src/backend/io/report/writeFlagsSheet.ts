import type ExcelJS from 'exceljs';
import type { ReportModel } from '../../../core/report/reportModel';
import { displayWidth } from './displayWidth';
import { preparePrint } from './preparePrint';
import { headerCells } from './reportCells';
import { SheetBuilder, WARNING_COLOR } from './sheetBuilder';

/** 异常明细: every flag of the month on one filterable list. */
export function writeFlagsSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = workbook.addWorksheet(model.sheetNames.flags);
  const fit = (values: string[], min: number, max: number) =>
    Math.min(max, Math.max(min, ...values.map((v) => displayWidth(v) + 2)));
  const widths = [
    fit(model.flags.map((f) => f.code), 8, 16),
    fit(model.flags.map((f) => f.name), 8, 16),
    fit(model.flags.map((f) => f.typeLabel), 10, 22),
    11,
    48,
    56,
  ];
  const b = new SheetBuilder(sheet, widths);
  b.line(`${model.department} ${model.monthLabel} 异常明细`, { bold: true, size: 16, align: 'center' });
  b.line(`共 ${model.flags.length} 项异常　状态：${model.statusLabel}`, {
    align: 'center',
    ...(model.final ? {} : { color: WARNING_COLOR, bold: true }),
  });
  const headerRow = b.add(headerCells(['工号', '姓名', '异常类型', '日期', '说明', '证据']));
  for (const flag of model.flags) {
    b.add([
      { value: flag.code, align: 'center' },
      { value: flag.name, align: 'center', wrap: true },
      { value: flag.typeLabel, wrap: true },
      { value: flag.date, align: 'center' },
      { value: flag.message, wrap: true },
      { value: flag.evidence, wrap: true },
    ]);
  }
  const lastRow = b.row - 1;
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, lastRow), column: widths.length } };
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1' }];
  preparePrint(sheet, model, {
    orientation: 'landscape',
    titleRows: { from: headerRow, to: headerRow },
    lastRow,
    lastColumn: widths.length,
    caption: '异常明细',
  });
}
