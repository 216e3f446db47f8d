import fs from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cityDimensionChart, cityGradeChart, cityRankingChart } from '../../../core/city/cityCharts';
import type { DistrictMonthSummary } from '../../../core/city/districtMonthSummary';
import { DIMENSION_KEYS, DIMENSION_LABELS_ZH, type FlagType } from '../../../core/measures/dimensions';
import { FLAG_TYPE_LABELS_ZH } from '../../../core/report/flagTypeLabels';
import type { ChartSpec } from '../../../core/report/reportModel';
import type { CityMonth } from '../../services/city/cityMonth';
import { createChartRenderer, type ChartRenderer } from '../report/chartRenderer';
import { setTextCell } from '../textCell';

const STATUS_ZH: Record<DistrictMonthSummary['status'], string> = { final: '定稿', draft: '草稿', not_evaluated: '未考评' };
const FORBIDDEN_IN_SHEET_NAME = /[\\/?*[\]:]/g;
const THIN = { style: 'thin' as const, color: { argb: 'FF9E9E9E' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
/** Pixels per default column (8.43 characters) and per default row (15 pt), to place the charts. */
const ROW_PX = 20;

export function flagLabel(type: string): string {
  return FLAG_TYPE_LABELS_ZH[type as FlagType] ?? type;
}

export function statusText(s: DistrictMonthSummary): string {
  return s.status === 'draft' && s.stale ? '草稿（需重新考评）' : STATUS_ZH[s.status];
}

/** Unique sheet names Excel accepts: no []:*?/\, at most 31 characters, not 汇总. */
function sheetNames(names: readonly string[]): string[] {
  const used = new Set(['汇总']);
  return names.map((name) => {
    const base = [...name.replace(FORBIDDEN_IN_SHEET_NAME, '_')].slice(0, 28).join('') || '营销部';
    let candidate = base;
    for (let i = 2; used.has(candidate); i++) candidate = `${base}(${i})`;
    used.add(candidate);
    return candidate;
  });
}

function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** Writes a bordered table under a shaded header; columns in `scores` (0-based) show one decimal, the last one wraps. */
function writeTable(sheet: ExcelJS.Worksheet, top: number, header: string[], rows: (string | number | null)[][], scores: ReadonlySet<number> = new Set()): number {
  const head = sheet.getRow(top);
  header.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.height = 30;
  rows.forEach((values, r) => {
    const row = sheet.getRow(top + 1 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      // Text stays text: a name starting with = + - @ never becomes a formula (textCell.ts).
      if (typeof v === 'string') setTextCell(cell, v);
      else cell.value = v === null ? '无数据' : v;
      cell.border = BORDER;
      cell.alignment = { horizontal: typeof v === 'number' ? 'right' : 'left', vertical: 'middle', wrapText: i === values.length - 1 && typeof v === 'string' };
      if (typeof v === 'number' && scores.has(i)) cell.numFmt = '0.0';
    });
  });
  return top + 1 + rows.length;
}

function title(sheet: ExcelJS.Worksheet, text: string, subtitle: string, width: number): void {
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = text;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = subtitle;
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };
}

export interface CityWorkbookOptions {
  now: Date;
  renderer?: ChartRenderer;
}

/**
 * 市公司汇总: a 汇总 sheet ranking and comparing the districts (managers per grade, vetoes, mean
 * total, the eight dimensions' means, flags, then flags by type) with three charts, and one sheet
 * per district listing its managers. Written to a temporary file first and renamed, so a failed
 * write leaves no half workbook behind.
 */
export async function writeCityWorkbook(city: CityMonth, outPath: string, opts: CityWorkbookOptions): Promise<{ path: string; sheets: number; bytes: number }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '考评工作台';
  workbook.created = opts.now;
  const summaries = city.districts.map((d) => d.summary);
  const grades = city.gradeLabels;
  const exported = `导出于 ${opts.now.toISOString().slice(0, 16).replace('T', ' ')}（UTC）`;

  const summary = workbook.addWorksheet('汇总', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const header = ['名次', '营销部', '状态', '客户经理', ...grades, '否决', '平均总分', ...DIMENSION_KEYS.map((k) => DIMENSION_LABELS_ZH[k]), '异常数', '人均异常'];
  title(summary, `市公司汇总　${monthTitle(city.month)}`, `营销部 ${summaries.length} 个；名次按平均总分（有等级的客户经理）；${exported}`, header.length);
  let row = writeTable(
    summary,
    4,
    header,
    summaries.map((s) => [
      s.rank ?? '-',
      s.district,
      statusText(s),
      s.managers,
      ...grades.map((g) => s.grades[g] ?? 0),
      s.vetoes,
      s.averageTotal,
      ...DIMENSION_KEYS.map((k) => s.dimensions[k]),
      s.flagTotal,
      s.flagsPerManager,
    ]),
    new Set(Array.from({ length: 1 + DIMENSION_KEYS.length }, (_, i) => 5 + grades.length + i)),
  );
  summary.getColumn(2).width = 16;
  summary.getColumn(3).width = 12;

  const flagTypes = [...new Set(summaries.flatMap((s) => Object.keys(s.flags)))].sort();
  row += 1;
  summary.getCell(row, 1).value = '异常按类型（条）';
  summary.getCell(row, 1).font = { bold: true };
  row = writeTable(
    summary,
    row + 1,
    ['异常类型', '', ...summaries.map((s) => s.district), '合计'],
    flagTypes.map((t) => {
      const counts = summaries.map((s) => s.flags[t] ?? 0);
      return [flagLabel(t), '', ...counts, counts.reduce((a, b) => a + b, 0)];
    }),
  );
  // The flag type's label spans the first two columns.
  for (let r = row - flagTypes.length - 1; r < row; r++) summary.mergeCells(r, 1, r, 2);

  const renderer = opts.renderer ?? createChartRenderer({ outlineWorker: false });
  const specs: ChartSpec[] = [cityRankingChart(summaries), cityGradeChart(summaries, grades), cityDimensionChart(summaries)];
  const pngs: Buffer[] = [];
  for (const spec of specs) pngs.push(await renderer.render(spec));
  const image = (i: number) => workbook.addImage({ buffer: pngs[i] as unknown as ExcelJS.Buffer, extension: 'png' });
  // The charts get a page of their own rather than being cut by wherever the tables end.
  summary.getRow(row).addPageBreak();
  const chartsTop = row + 1;
  const [ranking, gradeChart, dimensions] = specs as [ChartSpec, ChartSpec, ChartSpec];
  summary.addImage(image(0), { tl: { col: 0, row: chartsTop }, ext: { width: ranking.width, height: ranking.height }, editAs: 'oneCell' });
  summary.addImage(image(1), { tl: { col: 9, row: chartsTop }, ext: { width: gradeChart.width, height: gradeChart.height }, editAs: 'oneCell' });
  const belowTop = chartsTop + Math.ceil(Math.max(ranking.height, gradeChart.height) / ROW_PX) + 1;
  summary.addImage(image(2), { tl: { col: 0, row: belowTop }, ext: { width: dimensions.width, height: dimensions.height }, editAs: 'oneCell' });
  // Empty rows under the pictures, so that printing reaches them.
  summary.getCell(belowTop + Math.ceil(dimensions.height / ROW_PX) + 1, 1).value = ' ';

  const names = sheetNames(city.districts.map((d) => d.summary.district));
  city.districts.forEach((d, i) => {
    const sheet = workbook.addWorksheet(names[i] ?? `营销部${i + 1}`, { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const head = ['名次', '工号', '姓名', ...DIMENSION_KEYS.map((k) => DIMENSION_LABELS_ZH[k]), '总分', '等级', '异常数', '异常'];
    const scheme = d.scheme ? `${d.scheme.name} 第 ${d.scheme.version} 版` : '—';
    title(sheet, `${d.summary.district}　${monthTitle(city.month)} 考评结果`, `状态：${statusText(d.summary)}；考核方案：${scheme}；客户经理 ${d.summary.managers} 人；${exported}`, head.length);
    if (d.managers.length === 0) {
      sheet.getCell(4, 1).value = '本月尚未考评';
      return;
    }
    writeTable(
      sheet,
      4,
      head,
      d.managers.map((m) => [
        m.rank ?? '-',
        m.code,
        m.name,
        ...DIMENSION_KEYS.map((k) => m.dimensions[k].score),
        m.total === null ? '-' : m.total,
        m.veto ? `${m.grade ?? ''}（否决）` : (m.grade ?? '数据不足'),
        m.flags.length,
        [...new Set(m.flags.map((f) => flagLabel(f.type)))].join('、'),
      ]),
      new Set(Array.from({ length: DIMENSION_KEYS.length + 1 }, (_, i) => 3 + i)),
    );
    sheet.getColumn(3).width = 12;
    sheet.getColumn(head.length - 2).width = 14;
    // Spreadsheet programs do not grow a row for wrapped text on opening: its height is set here
    // (a Chinese character is about two of a column's width units).
    const flagsWidth = 48;
    d.managers.forEach((m, r) => {
      const text = [...new Set(m.flags.map((f) => flagLabel(f.type)))].join('、');
      const lines = Math.max(1, Math.ceil(([...text].length * 2) / (flagsWidth - 2)));
      if (lines > 1) sheet.getRow(5 + r).height = 15 * lines;
    });
    sheet.getColumn(head.length).width = 48; // flagsWidth below
    sheet.views = [{ state: 'frozen', ySplit: 4, xSplit: 3 }];
  });

  const target = path.resolve(outPath);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await workbook.xlsx.writeFile(temp);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  return { path: target, sheets: workbook.worksheets.length, bytes: (await fs.stat(target)).size };
}
