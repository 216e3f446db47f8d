import type ExcelJS from 'exceljs';
import type { CopySide, ManagerFlag, ManagerSection, ReportModel } from '../../../core/report/reportModel';
import { formatScore } from '../../../core/report/reportValue';
import { preparePrint } from './preparePrint';
import { keepRowsTogether } from './printPages';
import { headerCells, percentCell, scoreCell, valueCell } from './reportCells';
import { FLAG_FILL, SheetBuilder, WARNING_COLOR } from './sheetBuilder';

export interface ChartImage {
  id: number;
  width: number;
  height: number;
}

/** A: dimension / kind, B: metric / retailer, C–D: values / dates, E: weight, F–H: rules and texts. */
const WIDTHS = [10, 24, 11, 11, 8, 12, 12, 12];

/** One manager's sheet: scores, radar, every metric with its rule, flags with evidence, adjustments, signatures. */
export function writeManagerSheet(workbook: ExcelJS.Workbook, model: ReportModel, section: ManagerSection, radar: ChartImage): void {
  const sheet = workbook.addWorksheet(section.sheetName);
  const b = new SheetBuilder(sheet, WIDTHS);

  b.line(section.title, { bold: true, size: 16, align: 'center' });
  b.line(`姓名：${section.name}　工号：${section.code}　考核月：${model.monthLabel}　考核方案：${model.schemeLabel}`, { align: 'center' });
  b.line(`状态：${model.statusLabel}`, { align: 'center', bold: true, ...(model.final ? {} : { color: WARNING_COLOR }) });
  const rank = section.rank === null ? '无名次' : `第 ${section.rank} 名 / 共 ${section.managerCount} 人`;
  b.line(`总分：${formatScore(section.total)}　等级：${section.grade}　名次：${rank}`, { bold: true, size: 12, align: 'center' });
  if (section.veto) b.line(section.veto, { bold: true, color: WARNING_COLOR, align: 'center' });
  if (section.insufficient) b.line(section.insufficient, { bold: true, color: WARNING_COLOR, align: 'center', wrap: true });

  heading(b, '一、八个方面得分');
  b.add(headerCells([{ label: '方面', span: 2 }, '得分', '片区平均', '权重', { label: '说明', span: 3 }]));
  for (const d of section.dimensions) {
    const note =
      d.score === null
        ? '无数据，权重不计入总分'
        : d.adjusted
          ? `主管手工调整（原计算得分 ${formatScore(d.computedScore)}）`
          : '';
    b.add([
      { value: d.label, span: 2 },
      scoreCell(d.score, d.adjusted),
      scoreCell(d.districtAverage),
      { value: d.weight, align: 'right', numFmt: '0' },
      { value: note, span: 3, wrap: true },
    ]);
  }
  b.add([
    { value: '总分', span: 2, bold: true },
    scoreCell(section.total, false, { bold: true }),
    scoreCell(model.summary.average.total, false, { bold: true }),
    { value: null },
    { value: section.grade, span: 3, bold: true, ...(section.veto ? { color: WARNING_COLOR } : {}) },
  ]);
  b.skip();
  b.image(radar.id, radar, Math.max(0, (b.widthPixels - radar.width) / 2));

  heading(b, '二、指标明细');
  const metricHeader = b.add(headerCells(['方面', '指标', '本人', '片区', '权重', { label: '计分规则', span: 3 }]));
  let groupStart = metricHeader + 1;
  /** Each dimension's rows with their label, kept on one page; the first also with the heading and column header. */
  const groups: { first: number; last: number }[] = [];
  section.metrics.forEach((m, index) => {
    const first = index === 0 || section.metrics[index - 1]?.dimension !== m.dimension;
    if (first) groupStart = b.row;
    const row = b.add([
      { value: first ? m.dimension : null, align: 'center', wrap: true },
      { value: m.label, wrap: true },
      valueCell(m.value),
      valueCell(m.district),
      { value: m.weight, align: 'right' },
      { value: m.rule, span: 3, wrap: true },
    ]);
    const last = index === section.metrics.length - 1 || section.metrics[index + 1]?.dimension !== m.dimension;
    if (last && row > groupStart) sheet.mergeCells(groupStart, 1, row, 1);
    if (last) groups.push({ first: groups.length === 0 ? metricHeader - 1 : groupStart, last: row });
  });

  heading(b, section.flags.length === 0 ? '三、异常情况：本月未发现异常' : `三、异常情况及证据（共 ${section.flags.length} 项）`);
  for (const flag of section.flags) writeFlag(b, flag);

  heading(b, '四、手工调整记录');
  if (section.adjustments.length === 0) {
    b.line('本月未做手工调整。');
  } else {
    b.add(headerCells(['方面', '原因', '原分', '调整后', { label: '调整人', span: 2 }, { label: '调整时间', span: 2 }]));
    for (const a of section.adjustments) {
      b.add([
        { value: a.dimension, align: 'center' },
        { value: a.reason, wrap: true },
        scoreCell(a.from),
        scoreCell(a.to, true),
        { value: a.who, span: 2, align: 'center' },
        { value: a.at, span: 2, align: 'center' },
      ]);
    }
  }

  if (section.manualScores.length > 0) {
    heading(b, '五、手工评分');
    for (const line of section.manualScores) b.line(line, { wrap: true, ...(line.endsWith('待评分') ? { color: WARNING_COLOR } : {}) });
  }

  b.skip(2);
  const blank = { value: null, border: false, underline: true } as const;
  b.add(
    [
      { value: '考核人：', border: false, align: 'right' },
      model.signer ? { value: model.signer, border: false, underline: true, span: 2, align: 'center' } : { ...blank, span: 2 },
      { value: '审核人：', border: false, align: 'right' },
      { ...blank, span: 2 },
      { value: '日期：', border: false, align: 'right' },
      blank,
    ],
    { minHeight: 40 },
  );
  b.line(`本表由考评工作台导出于 ${model.generatedAt}；状态：${model.statusLabel}。`, { size: 9 });

  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A1' }];
  keepRowsTogether(sheet, groups, { orientation: 'portrait', widthPixels: b.widthPixels, titleRows: { from: 1, to: 2 } });
  preparePrint(sheet, model, {
    orientation: 'portrait',
    titleRows: { from: 1, to: 2 },
    lastRow: b.row - 1,
    lastColumn: WIDTHS.length,
    caption: `${section.name}（${section.code}）`,
  });
}

function heading(b: SheetBuilder, text: string): void {
  b.skip();
  b.line(text, { bold: true, size: 12 });
}

function writeFlag(b: SheetBuilder, flag: ManagerFlag): void {
  b.add([
    { value: flag.typeLabel, span: 2, bold: true, fill: FLAG_FILL, wrap: true },
    { value: flag.message, span: 6, fill: FLAG_FILL, wrap: true },
  ]);
  if (flag.pairs.length > 0) {
    b.add(headerCells(['相似度', { label: '先写的一篇', span: 3 }, { label: '后写的一篇', span: 4 }]));
    for (const pair of flag.pairs) {
      b.add([
        percentCell(pair.similarity, { align: 'center' }),
        { value: copyText(pair.first), span: 3, wrap: true },
        { value: copyText(pair.second), span: 4, wrap: true },
      ]);
    }
  } else if (flag.evidence.length > 0) {
    b.add(headerCells(['类别', '零售户', '日期', '时间', { label: '内容', span: 4 }]));
    for (const e of flag.evidence) {
      b.add([
        { value: e.kind, align: 'center' },
        { value: e.retailer, wrap: true },
        { value: e.date, align: 'center' },
        { value: e.time, align: 'center' },
        { value: e.note ? `${e.text}\n${e.note}` : e.text, span: 4, wrap: true },
      ]);
    }
  }
}

function copyText(side: CopySide): string {
  const who = side.managerName ? `${side.managerName}（${side.managerCode}）` : side.managerCode;
  return `【${[side.date, who].filter((x) => x).join(' ')}】\n${side.text}`;
}
