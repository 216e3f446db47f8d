import type ExcelJS from 'exceljs';
import type { ReportModel } from '../../../core/report/reportModel';
import { preparePrint } from './preparePrint';
import { headerCells, percentCell } from './reportCells';
import { SheetBuilder, WARNING_COLOR } from './sheetBuilder';

const WIDTHS = [7, 7, 8, 12, 11, 42, 12, 11, 42];

/** 日志雷同: every near-copy pair with both texts side by side, the earlier one on the left. */
export function writeNearCopySheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const sheet = workbook.addWorksheet(model.sheetNames.nearCopies);
  const b = new SheetBuilder(sheet, WIDTHS);
  b.line(`${model.department} ${model.monthLabel} 日志及报告雷同明细`, { bold: true, size: 16, align: 'center' });
  b.line(`共 ${model.nearCopies.length} 对；“本人”为与自己其他日期的文字雷同，“他人”为与其他客户经理的文字雷同，左侧为先写的一篇；红色粗体为两篇共有的具体内容，灰色为多位客户经理通用的套话　状态：${model.statusLabel}`, {
    align: 'center',
    ...(model.final ? {} : { color: WARNING_COLOR, bold: true }),
  });
  const headerRow = b.add(headerCells(['类别', '关系', '相似度', '先写人', '日期', '先写内容', '后写人', '日期', '后写内容']));
  for (const pair of model.nearCopies) {
    b.add([
      { value: pair.kind, align: 'center' },
      { value: pair.relation, align: 'center' },
      percentCell(pair.similarity, { align: 'center' }),
      { value: `${pair.first.managerName}\n${pair.first.managerCode}`, align: 'center', wrap: true },
      { value: pair.first.date, align: 'center' },
      { value: pair.first.text, wrap: true, ...(pair.first.runs ? { runs: pair.first.runs } : {}) },
      { value: `${pair.second.managerName}\n${pair.second.managerCode}`, align: 'center', wrap: true },
      { value: pair.second.date, align: 'center' },
      { value: pair.second.text, wrap: true, ...(pair.second.runs ? { runs: pair.second.runs } : {}) },
    ]);
  }
  if (model.nearCopies.length === 0) b.line('本月未发现雷同的日志或报告。');
  const lastRow = b.row - 1;
  if (model.nearCopies.length > 0) {
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: lastRow, column: WIDTHS.length } };
  }
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1' }];
  preparePrint(sheet, model, {
    orientation: 'landscape',
    titleRows: { from: headerRow, to: headerRow },
    lastRow,
    lastColumn: WIDTHS.length,
    caption: '日志雷同',
  });
}
