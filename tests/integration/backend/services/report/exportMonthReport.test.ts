import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustDimension, finalizeMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import type { MonthSnapshot } from '../../../../../src/backend/services/evaluation/monthSnapshot';
import { exportMonthReport } from '../../../../../src/backend/services/report/exportMonthReport';
import { commentOnEntry } from '../../../../../src/backend/services/journals/commentOnEntry';
import { loadEvidence } from '../../../../../src/backend/services/report/loadEvidence';
import { ReportExportError } from '../../../../../src/backend/services/report/reportExportError';
import { writeReportWorkbook } from '../../../../../src/backend/io/report/writeReportWorkbook';
import { buildReportModel } from '../../../../../src/core/report/buildReportModel';
import { tempDir } from '../../../../helpers/tempDir';
import { allCells, cellText, cellsWithValue, readWorkbook, rowTexts, sheet, worksheetXml } from '../../../../helpers/readWorkbook';
import { buildReportDistrict, COPIED_TEXT, FORMULA_RESULT, HOSTILE_TEXTS, MONTH, type ReportDistrict } from '../../../../helpers/reportDistrict';
import { formatNumber, type NumberKind } from '../../../../../src/core/format/numberFormat';

/** The report's number formats and the kind of number each shows (the one formatting module). */
const KIND_OF_FORMAT: Record<string, NumberKind> = { '0.0%': 'percent', '#,##0': 'count', '#,##0.0#': 'quantity', '0.0': 'score' };

const dir = tempDir('kaoping-report-');
const supervisor = (now: string) => ({ who: '主管甲', now: new Date(now) });
let district: ReportDistrict;
let snapshot: MonthSnapshot;
let draftFile: string;
let draft: ExcelJS.Workbook;

const managerSheets = ['王芳 LH001', '王芳 LH002', '欧阳测试很长很长的名字甲乙丙丁戊己庚辛壬癸子丑寅卯 LH003'];

beforeAll(async () => {
  district = await buildReportDistrict(dir);
  await evaluateStoredMonth(district.store, MONTH, { now: new Date('2026-11-03T01:00:00Z') });
  await adjustDimension(district.store, { month: MONTH, managerCode: 'LH001', dimension: 'records', score: 70, reason: '外出培训三天' }, supervisor('2026-11-03T02:00:00Z'));
  snapshot = await adjustDimension(
    district.store,
    { month: MONTH, managerCode: 'LH001', dimension: 'records', score: 75, reason: '补交了培训记录' },
    { who: '主管乙', now: new Date('2026-11-04T02:00:00Z') },
  );
  draftFile = path.join(dir, '考评报表_草稿.xlsx');
  await exportMonthReport(district.store, MONTH, draftFile, { now: new Date('2026-11-04T03:00:00Z') });
  draft = await readWorkbook(draftFile);
}, 60_000);
afterAll(() => district?.store.close());

const managerOf = (code: string) => {
  const m = snapshot.evaluation.managers.find((x) => x.code === code);
  if (!m) throw new Error(`no manager ${code}`);
  return m;
};

describe('the evaluation report workbook', () => {
  it('has the summary, one sheet per manager in rank order under a legal unique name, the flags and the near-copies', () => {
    const names = draft.worksheets.map((w) => w.name);
    expect(names[0]).toBe('汇总');
    expect(names.slice(-2)).toEqual(['异常明细', '日志雷同']);
    expect(new Set(names.slice(1, -2))).toEqual(new Set(managerSheets));
    const byRank = [...snapshot.evaluation.managers].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)).map((m) => m.code);
    expect(names.slice(1, -2).map((n) => n.slice(-5))).toEqual(byRank);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  it('lists every manager on the summary with scores, 无数据, starred adjustments, grade, veto and averages', () => {
    const ws = sheet(draft, '汇总');
    expect(ws.getCell('A1').value).toBe('临河营销部 2026年10月 客户经理考评汇总表');
    expect(String(ws.getCell('A2').value)).toContain('默认方案（第 1 版）');
    const rows = rowTexts(ws);
    const header = rows.findIndex((r) => r[0] === '名次');
    expect(rows[header]?.slice(0, 15)).toEqual(['名次', '工号', '姓名', '硬性指标', '出勤情况', '文字记录', '了解市场', '品牌销量', '市场规范', '履约率', '市场评价', '总分', '等级', '一票否决', '备注']);
    const rowOf = (code: string) => {
      const index = rows.findIndex((r) => r[1] === code);
      expect(index).toBeGreaterThan(header);
      return ws.getRow(index + 1);
    };
    const lh001 = rowOf('LH001');
    // No orders were imported: 硬性指标 has no data for anybody.
    expect(lh001.getCell(4).value).toBe('无数据');
    expect(lh001.getCell(6).value).toBe(75);
    expect(lh001.getCell(6).numFmt).toBe('0.0"*"');
    expect(lh001.getCell(5).numFmt).toBe('0.0');
    expect(lh001.getCell(12).value).toBe(managerOf('LH001').total);
    const computed = managerOf('LH001').dimensions.records.computedScore;
    expect(lh001.getCell(15).value).toBe(`文字记录 ${computed?.toFixed(1)}→75.0`);
    const lh002 = rowOf('LH002');
    expect(lh002.getCell(13).value).toBe('不合格');
    expect(String(lh002.getCell(14).value)).toMatch(/^一票否决：1 户受访零售户不认识客户经理/);
    expect(rows.some((r) => r[0] === '片区平均')).toBe(true);
    expect(rows.some((r) => (r[0] ?? '').includes('“无数据”表示该方面本月没有可用的数据，其权重不计入总分'))).toBe(true);
  });

  it('embeds the ranking and grade charts on the summary and a radar on every manager sheet, as PNG', () => {
    expect(sheet(draft, '汇总').getImages()).toHaveLength(2);
    for (const name of managerSheets) expect(sheet(draft, name).getImages()).toHaveLength(1);
    const media = draft.model.media ?? [];
    expect(media).toHaveLength(2 + managerSheets.length);
    for (const image of media) {
      expect(image.extension).toBe('png');
      const bytes = image.buffer as unknown as Uint8Array;
      expect(Buffer.from(bytes).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect(bytes.length).toBeGreaterThan(5_000);
    }
  });

  it('prints on A4 one page wide, summary landscape and managers portrait, with repeated title rows, frozen panes and paged headers', () => {
    const summary = sheet(draft, '汇总');
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // Ten managers fit the first page: no header repeated above the charts' page.
    expect(summary.pageSetup.printTitlesRow).toBeUndefined();
    expect(summary.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 4 });
    for (const name of managerSheets) {
      expect(sheet(draft, name).pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    }
    for (const name of ['异常明细', '日志雷同']) expect(sheet(draft, name).pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '3:3' });
    for (const ws of draft.worksheets) {
      expect(ws.headerFooter.oddHeader).toMatch(/^&L临河营销部&C2026年10月 客户经理考评 · .+&R&B草稿 — 未定稿&B$/);
      expect(ws.headerFooter.oddFooter).toContain('&C第 &P 页 共 &N 页');
      expect(ws.pageSetup.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    }
  });

  it('writes every cell in 宋体, and every number in a column wide enough for it (no ###)', () => {
    const cells = allCells(draft);
    expect(cells.length).toBeGreaterThan(200);
    for (const { cell } of cells) expect(cell.font?.name).toBe('宋体');
    for (const { sheet: name, address, cell } of cells) {
      if (typeof cell.value !== 'number') continue;
      const ws = sheet(draft, name);
      const kind = KIND_OF_FORMAT[cell.numFmt ?? ''];
      const shown = kind ? formatNumber(cell.value, kind) : `${cell.value.toFixed(1)}*`;
      const width = cell.isMerged ? widthOfMerge(ws, cell) : (ws.getColumn(cell.col).width ?? 8);
      expect(width, `${name}!${address} ${shown}`).toBeGreaterThanOrEqual(shown.length + 1);
    }
  });

  it('keeps imported texts that look like formulas, links or numbers as exactly that text', async () => {
    for (const text of HOSTILE_TEXTS) {
      const found = cellsWithValue(draft, text);
      expect(found.map((c) => c.sheet), JSON.stringify(text)).toContain('王芳 LH001');
    }
    // An imported formula cell arrives as its value only.
    expect(cellsWithValue(draft, FORMULA_RESULT).length).toBeGreaterThan(0);
    for (const { cell } of allCells(draft)) {
      // Rich text: the 日志雷同 sheet's texts with their copied and boilerplate runs.
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Merge, ExcelJS.ValueType.RichText]).toContain(cell.type);
    }
    for (const xml of await worksheetXml(draftFile)) {
      expect(xml).not.toMatch(/<f[\s>]/);
      expect(xml).not.toContain('<hyperlink');
    }
  });

  it('shows each metric formatted by kind with the district value and the rule, and the adjustments with who and when', () => {
    const ws = sheet(draft, '王芳 LH001');
    const rowWith = (label: string) => {
      const found = cellsWithValue(draft, label).find((c) => c.sheet === ws.name);
      if (!found) throw new Error(`no ${label}`);
      return ws.getRow(Number(found.cell.row));
    };
    expect(rowWith('出勤率').getCell(3).numFmt).toBe('0.0%');
    expect(rowWith('出勤率').getCell(6).value).toBe('线性：70%→100% 得 0→100');
    expect(rowWith('在市场天数').getCell(3).numFmt).toBe('#,##0');
    expect(rowWith('每日在市场时长（小时，中位数）').getCell(3).numFmt).toBe('0.0');
    expect(rowWith('订货量（条）').getCell(3).value).toBe('无数据');
    const first = rowWith('外出培训三天');
    expect(first.getCell(4).value).toBe(70);
    expect(first.getCell(5).value).toBe('主管甲');
    const second = rowWith('补交了培训记录');
    expect([second.getCell(3).value, second.getCell(4).value, second.getCell(5).value]).toEqual([70, 75, '主管乙']);
    for (const label of ['考核人：', '审核人：', '日期：']) expect(cellsWithValue(draft, label).filter((c) => c.sheet === ws.name)).toHaveLength(1);
  });

  it("leaves 汇总's 考核人 line blank to sign by hand while nobody has said who judges, never the computer's account", () => {
    const summary = draft.worksheets[0]!;
    const label = cellsWithValue(draft, '考核人：').find((c) => c.sheet === summary.name);
    if (!label) throw new Error('no 考核人 on 汇总');
    const row = summary.getRow(Number(label.cell.row));
    // 考核人： spans A:B, the line to sign C:E (empty, underlined), then 审核人： and 日期：.
    expect(label.cell.col).toBe(1);
    expect([3, 4, 5].map((c) => row.getCell(c).value ?? null)).toEqual([null, null, null]);
    expect(row.getCell(3).border?.bottom?.style).toBe('thin');
    expect([row.getCell(6).value, row.getCell(11).value]).toEqual(['审核人：', '日期：']);
    const account = os.userInfo().username;
    expect(allCells(draft).filter(({ cell }) => cellText(cell) === account)).toEqual([]);
  });

  it('lists every flag on a filterable sheet, and every near-copy with both texts, the earlier first', () => {
    const flags = sheet(draft, '异常明细');
    const flagCount = snapshot.evaluation.managers.reduce((n, m) => n + m.flags.length, 0);
    expect(flags.autoFilter).toBe(`A3:F${3 + flagCount}`);
    expect(rowTexts(flags)[2]).toEqual(['工号', '姓名', '异常类型', '日期', '说明', '证据']);
    expect(rowTexts(flags).filter((r) => r[2] === '一票否决').map((r) => r[0])).toEqual(['LH002']);

    const copies = rowTexts(sheet(draft, '日志雷同'));
    const pair = copies.find((r) => r[0] === '日志' && r[1] === '他人');
    expect(pair?.slice(3)).toEqual(['王芳\nLH001', '2026-10-19', COPIED_TEXT, '王芳\nLH002', '2026-10-20', COPIED_TEXT]);
    expect(copies.filter((r) => r[0] === '日志' || r[0] === '月报')).toHaveLength(snapshot.evaluation.nearCopyPairs.length);
    // The shared text is a rich-text run in bold dark red, as 日志对照 highlights it.
    const ws = sheet(draft, '日志雷同');
    const copied = allCells(draft).find(({ sheet: name, cell }) => name === ws.name && Number(cell.col) === 9 && cellText(cell) === COPIED_TEXT);
    const runs = (copied?.cell.value as ExcelJS.CellRichTextValue | undefined)?.richText ?? [];
    const marked = runs.filter((run) => run.font?.bold === true && run.font.color?.argb === 'FFC00000');
    expect(marked.map((run) => run.text).join('').length).toBeGreaterThan(COPIED_TEXT.length / 2);
    // Monthly reports are labelled by the month they are about.
    for (const row of copies.filter((r) => r[0] === '月报')) {
      expect(row[4]).toMatch(/^\d{1,2}月报$/);
      expect(row[7]).toMatch(/^\d{1,2}月报$/);
    }
  });

  it("prints a supervisor's comment from 日志对照 under the commented text, on the near-copy sheet and the manager's flag", async () => {
    const pair = snapshot.evaluation.nearCopyPairs.find((p) => p.kind === 'journals' && !p.self);
    if (!pair) throw new Error('no cross copy');
    const copier = pair.aManager === 'LH002' ? pair.aId : pair.bId;
    // A comment that looks like a formula stays text, like any imported text.
    await commentOnEntry(district.store.db, { kind: 'journals', entryId: copier, text: '=已约谈，承认照抄' }, supervisor('2026-11-04T04:00:00Z'));
    const file = path.join(dir, '考评报表_批注.xlsx');
    await exportMonthReport(district.store, MONTH, file, { now: new Date('2026-11-04T05:00:00Z') });
    const commented = await readWorkbook(file);
    const expected = `${COPIED_TEXT}\n主管批注（主管甲）：=已约谈，承认照抄`;
    const copies = rowTexts(sheet(commented, '日志雷同'));
    expect(copies.find((r) => r[0] === '日志' && r[1] === '他人')?.slice(3)).toEqual(['王芳\nLH001', '2026-10-19', COPIED_TEXT, '王芳\nLH002', '2026-10-20', expected]);
    const onManagerSheet = allCells(commented).filter(({ cell }) => cellText(cell).includes('主管批注（主管甲）'));
    // (A merged cell repeats its text in every cell it spans.)
    expect([...new Set(onManagerSheet.map((c) => c.sheet))].sort()).toEqual(['日志雷同', '王芳 LH002']);
    expect(onManagerSheet.find((c) => c.sheet === '王芳 LH002')?.cell.value).toBe(`【2026-10-20 王芳（LH002）】\n${expected}`);
    // Text everywhere; on 日志雷同 rich text whose runs mark the copy, the comment a plain run after it.
    for (const { cell, sheet: name } of onManagerSheet) {
      if (name === '日志雷同') expect((cell.value as ExcelJS.CellRichTextValue).richText.at(-1)).toMatchObject({ text: `\n主管批注（主管甲）：=已约谈，承认照抄` });
      else expect(typeof cell.value).toBe('string');
    }
    // Removing the comment removes it from the next export.
    await commentOnEntry(district.store.db, { kind: 'journals', entryId: copier, text: '' }, supervisor('2026-11-04T06:00:00Z'));
    const details = await loadEvidence(district.store.db, [{ kind: 'journals', id: copier }]);
    expect(details[0]?.comment ?? null).toBeNull();
  });

  it('states 定稿 with the time once the month is finalized, and 草稿 nowhere', async () => {
    await finalizeMonth(district.store, MONTH, { who: '张主管', now: new Date('2026-11-05T02:13:00Z') });
    const file = path.join(dir, '考评报表_定稿.xlsx');
    const written = await exportMonthReport(district.store, MONTH, file, { now: new Date('2026-11-05T03:00:00Z') });
    expect(written).toMatchObject({ path: file, sheets: 6 });
    expect(written.bytes).toBe(fs.statSync(file).size);
    const final = await readWorkbook(file);
    for (const ws of final.worksheets) expect(ws.headerFooter.oddHeader).toMatch(/&R定稿（\d{4}-\d{2}-\d{2} \d{2}:\d{2}，张主管）$/);
    expect(allCells(final).filter(({ cell }) => String(cell.value).includes('草稿'))).toEqual([]);
    expect(String(sheet(final, '汇总').getCell('A3').value)).toMatch(/^状态：定稿（/);
  });
});

describe('loadEvidence', () => {
  it('gives each evidence row its date, time, manager, retailer and text, in batches, skipping rows that are gone', async () => {
    const [hostile] = district.hostileJournalIds;
    if (hostile === undefined) throw new Error('fixture without hostile journals');
    const punch = await district.store.db.selectFrom('attendance').select('id').orderBy('id').executeTakeFirstOrThrow();
    const survey = await district.store.db.selectFrom('surveys').select('id').where('survey_id', '=', 'MY002').executeTakeFirstOrThrow();
    // More ids than one batch holds; all but three point at nothing.
    const absent = Array.from({ length: 1200 }, (_, i) => ({ kind: 'journals' as const, id: 100_000 + i }));
    const details = await loadEvidence(district.store.db, [
      ...absent,
      { kind: 'journals', id: hostile },
      { kind: 'attendance', id: punch.id },
      { kind: 'surveys', id: survey.id },
      { kind: 'journals', id: hostile },
    ]);
    expect(details).toHaveLength(3);
    expect(details.find((d) => d.kind === 'journals')).toMatchObject({
      id: hostile,
      date: '2026-10-12',
      managerCode: 'LH001',
      managerName: '王芳',
      retailerName: '福顺便利店',
      retailerLicence: '370902110001',
      text: HOSTILE_TEXTS[0],
    });
    expect(details.find((d) => d.kind === 'attendance')).toMatchObject({
      date: '2026-10-12',
      time: '08:30:00',
      managerCode: 'LH001',
      retailerName: '福顺便利店',
      text: '打卡 08:30:00，地点：临河县站前街1号',
    });
    expect(details.find((d) => d.kind === 'surveys')).toMatchObject({
      date: '2026-10-20',
      retailerName: '老王烟酒店',
      text: '总体评价：不满意；意见：没见过客户经理',
      note: expect.stringContaining('认识客户经理：否'),
    });
  });
});

describe('exporting refuses cleanly', () => {
  const leftovers = (folder: string) => fs.readdirSync(folder).filter((f) => f.endsWith('.tmp'));

  it('asks to evaluate first when the month has no evaluation, and writes nothing', async () => {
    const file = path.join(dir, '九月.xlsx');
    const refusal = exportMonthReport(district.store, '2026-09', file, { now: new Date() });
    await expect(refusal).rejects.toBeInstanceOf(ReportExportError);
    await expect(refusal).rejects.toMatchObject({ code: 'not_evaluated', message: expect.stringContaining('请先考评') });
    expect(fs.existsSync(file)).toBe(false);
  });

  it('names a missing folder or a folder given as the file, and leaves nothing behind', async () => {
    const missing = path.join(dir, '不存在', 'r.xlsx');
    await expect(exportMonthReport(district.store, MONTH, missing, { now: new Date() })).rejects.toMatchObject({
      code: 'unwritable',
      message: expect.stringContaining('不存在'),
    });
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
    const folder = path.join(dir, 'a-folder.xlsx');
    fs.mkdirSync(folder);
    await expect(exportMonthReport(district.store, MONTH, folder, { now: new Date() })).rejects.toMatchObject({ code: 'unwritable' });
    expect(leftovers(dir)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('names a folder it may not write to (skipped as root, who may write anywhere)', async () => {
    const locked = path.join(dir, 'locked');
    fs.mkdirSync(locked, { mode: 0o555 });
    await expect(exportMonthReport(district.store, MONTH, path.join(locked, 'r.xlsx'), { now: new Date() })).rejects.toMatchObject({
      code: 'unwritable',
      message: expect.stringContaining('没有权限'),
    });
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it('removes its temporary file when the finished workbook cannot be put in place', async () => {
    const target = path.join(dir, 'occupied');
    fs.mkdirSync(path.join(target, 'inside'), { recursive: true });
    const model = buildReportModel({
      ...snapshot,
      evidence: [],
      departments: [],
      generatedAt: '2026-11-04T03:00:00Z',
      utcOffsetMinutes: 480,
    });
    await expect(writeReportWorkbook(model, target)).rejects.toThrow();
    expect(leftovers(dir)).toEqual([]);
    expect(fs.readdirSync(target)).toEqual(['inside']);
  });
});

const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p)) ?? findOnPath('soffice');

describe('printing', () => {
  it.skipIf(!soffice)(`converts to a PDF with pages through LibreOffice${soffice ? '' : ' (skipped: soffice is not installed)'}`, () => {
    const out = path.join(dir, 'pdf');
    const profile = path.join(dir, 'lo-profile');
    execFileSync(soffice ?? 'soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, draftFile], {
      timeout: 120_000,
      stdio: 'ignore',
    });
    const pdf = fs.readFileSync(path.join(out, path.basename(draftFile, '.xlsx') + '.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    // The summary, its charts, at least one page per manager, the flags and the near-copies.
    expect(pages.length).toBeGreaterThanOrEqual(2 + managerSheets.length + 2);
  }, 120_000);
});

function widthOfMerge(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): number {
  const range = ws.model.merges.find((m) => {
    const [from, to] = m.split(':');
    return from === cell.master.address || to === cell.address;
  });
  if (!range) return ws.getColumn(cell.col).width ?? 8;
  const [from = '', to = ''] = range.split(':');
  let width = 0;
  for (let c = Number(ws.getCell(from).col); c <= Number(ws.getCell(to).col); c++) width += ws.getColumn(c).width ?? 8;
  return width;
}

function findOnPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() || undefined : undefined;
}
