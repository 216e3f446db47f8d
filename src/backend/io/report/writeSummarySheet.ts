import type ExcelJS from 'exceljs';
import type { ReportModel } from '../../../core/report/reportModel';
import { displayWidth } from './displayWidth';
import { preparePrint } from './preparePrint';
import { fitsOnePage } from './printPages';
import { headerCells, scoreCell } from './reportCells';
import { SheetBuilder, WARNING_COLOR, type CellSpec } from './sheetBuilder';

export interface SummaryImages {
  ranking: { id: number; width: number; height: number };
  grades: { id: number; width: number; height: number };
}

const CHART_GAP_PX = 24;

/** 汇总: one row per manager in rank order, the district's averages, the notes and both charts. */
export function writeSummarySheet(workbook: ExcelJS.Workbook, model: ReportModel, images: SummaryImages): void {
  const { summary } = model;
  const sheet = workbook.addWorksheet(model.sheetNames.summary);
  const fit = (values: string[], min: number, max: number) =>
    Math.min(max, Math.max(min, ...values.map((v) => displayWidth(v) + 2)));
  const widths = [
    6,
    fit(summary.rows.map((r) => r.code), 8, 16),
    fit(summary.rows.map((r) => r.name), 8, 16),
    ...summary.average.scores.map(() => 9),
    8,
    8,
    26,
    20,
  ];
  const b = new SheetBuilder(sheet, widths);

  b.line(model.summaryTitle, { bold: true, size: 16, align: 'center' });
  b.line(
    `考核月：${model.monthLabel}　考核方案：${model.schemeLabel}　工作日：${model.workdays} 天　考评时间：${model.evaluatedAt}　客户经理：${summary.rows.length} 人`,
    { align: 'center' },
  );
  // The audit log's check shares the status line, so the header row stays where printing expects it.
  const auditText = model.audit ? `　${model.audit.message}` : '';
  const warn = !model.final || model.audit?.intact === false;
  b.line(
    (model.final ? `状态：${model.statusLabel}` : `状态：${model.statusLabel}。本表为草稿，分数仍可能调整，不能作为定稿签字归档。`) + auditText,
    { align: 'center', bold: true, ...(warn ? { color: WARNING_COLOR } : {}) },
  );
  const headerRow = b.add(headerCells(summary.headers));

  for (const row of summary.rows) {
    const vetoStyle: Omit<CellSpec, 'value'> = row.veto ? { color: WARNING_COLOR, bold: true } : {};
    b.add([
      { value: row.rank, align: 'center' },
      { value: row.code, align: 'center' },
      { value: row.name, align: 'center', wrap: true },
      ...row.scores.map((s) => scoreCell(s.score, s.adjusted)),
      scoreCell(row.total, false, { bold: true }),
      { value: row.grade, align: 'center', wrap: true, ...vetoStyle },
      { value: row.veto, wrap: true, ...vetoStyle },
      { value: row.note, wrap: true },
    ]);
  }
  b.add([
    { value: '片区平均', span: 3, align: 'center', bold: true },
    ...summary.average.scores.map((score) => scoreCell(score, false, { bold: true })),
    scoreCell(summary.average.total, false, { bold: true }),
    { value: null },
    { value: null },
    { value: null },
  ]);
  const tableEnd = b.row - 1;
  b.skip();
  for (const note of summary.notes) b.line(note);
  b.skip();
  writeSignatureRow(b, model.signer, widths.length);
  // The charts get a page of their own rather than being cut by wherever the table ends.
  b.pageBreak();

  const { ranking, grades } = images;
  const side = ranking.width + CHART_GAP_PX + grades.width <= b.widthPixels;
  const chartsTop = b.row;
  b.image(ranking.id, ranking);
  if (side) {
    const afterRanking = b.row;
    b.row = chartsTop;
    b.image(grades.id, grades, ranking.width + CHART_GAP_PX);
    b.row = Math.max(afterRanking, b.row);
  } else {
    b.image(grades.id, grades);
  }

  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: headerRow, topLeftCell: `D${headerRow + 1}`, activeCell: 'A1' }];
  // The charts have a page of their own: a table that fits its first page repeats no header there
  // (it would stand empty above the charts); a longer table repeats it on its own pages.
  const repeatHeader = !fitsOnePage(sheet, tableEnd, { orientation: 'landscape', widthPixels: b.widthPixels });
  preparePrint(sheet, model, {
    orientation: 'landscape',
    ...(repeatHeader ? { titleRows: { from: headerRow, to: headerRow } } : {}),
    lastRow: b.row - 1,
    lastColumn: widths.length,
    caption: '汇总',
  });
}

/**
 * The line the month's verdicts are signed on, under the table on its first page: 考核人 is the
 * supervisor of 设置 › 常规 (name and unit), never the computer's account; left blank to sign
 * by hand when nobody has said who judges. Spans 2 + 3 + 2 + 3 + 2 + the rest of the columns.
 */
function writeSignatureRow(b: SheetBuilder, signer: string | null, columns: number): void {
  const blank = { value: null, border: false, underline: true } as const;
  b.add(
    [
      { value: '考核人：', border: false, align: 'right', span: 2 },
      signer ? { value: signer, border: false, underline: true, span: 3, align: 'center' } : { ...blank, span: 3 },
      { value: '审核人：', border: false, align: 'right', span: 2 },
      { ...blank, span: 3 },
      { value: '日期：', border: false, align: 'right', span: 2 },
      { ...blank, span: Math.max(1, columns - 12) },
    ],
    { minHeight: 40 },
  );
}
