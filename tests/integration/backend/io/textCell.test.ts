import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createByteSource } from '../../../../src/backend/io/byteSource';
import { writeGridWorkbook } from '../../../../src/backend/io/grid/writeGridWorkbook';
import { setTextCell } from '../../../../src/backend/io/textCell';
import { openZipArchive } from '../../../../src/backend/io/xlsx/zipArchive';
import { evaluateStoredMonth } from '../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { buildErrorsWorkbook } from '../../../../src/backend/services/import/errorsWorkbook';
import { exportMonthReport } from '../../../../src/backend/services/report/exportMonthReport';
import { tempDir } from '../../../helpers/tempDir';
import { buildReportDistrict, HOSTILE_TEXTS, MONTH, type ReportDistrict } from '../../../helpers/reportDistrict';

const dir = tempDir('kaoping-textcell-');
// A leading CR is prefixed too (isFormulaLike), but XML reading turns it into LF, so it cannot be matched back by value here.
const FORMULA_LIKE = ['=1+1', '+SUM(A1)', '-2', '@x', '\tx', '=HYPERLINK("http://x","点我")'];

interface CellStyle {
  sheet: string;
  address: string;
  value: unknown;
  quotePrefix: boolean;
  textFormat: boolean;
}

/** Every string cell of a written file with its cell format as the file itself holds it (styles.xml's cellXfs). */
async function cellStyles(file: string): Promise<CellStyle[]> {
  const zip = await openZipArchive(await createByteSource(file));
  const parts = new Map<string, string>();
  try {
    for (const [name, entry] of zip.entries) parts.set(name, await zip.readText(entry));
  } finally {
    zip.close();
  }
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(parts.get('xl/styles.xml') ?? '')?.[0] ?? '';
  const xfs = [...cellXfs.matchAll(/<xf\b([^>]*)>/g)].map((m) => m[1] ?? '');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const out: CellStyle[] = [];
  for (const ws of workbook.worksheets) {
    const xml = parts.get(`xl/worksheets/sheet${ws.id}.xml`) ?? '';
    const styleOf = new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)].map((m) => [m[1], Number(m[2] ?? 0)] as const));
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value !== 'string') return;
        const xf = xfs[styleOf.get(cell.address) ?? 0] ?? '';
        out.push({ sheet: ws.name, address: cell.address, value: cell.value, quotePrefix: /quotePrefix="1"/.test(xf), textFormat: /numFmtId="49"/.test(xf) });
      }),
    );
  }
  return out;
}

function expectPrefixed(styles: CellStyle[], texts: readonly string[]) {
  for (const text of texts) {
    const found = styles.filter((s) => s.value === text);
    expect(found.length, JSON.stringify(text)).toBeGreaterThan(0);
    for (const s of found) expect(s, `${s.sheet}!${s.address}`).toMatchObject({ quotePrefix: true, textFormat: true });
  }
}

describe('setTextCell', () => {
  it('gives formula-like text the quote prefix and the Text format in a written file, and leaves plain text alone', async () => {
    const file = path.join(dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    FORMULA_LIKE.forEach((text, i) => setTextCell(ws.getCell(i + 1, 1), text));
    setTextCell(ws.getCell(1, 2), '普通文字');
    ws.getCell(2, 2).font = { bold: true };
    setTextCell(ws.getCell(2, 2), '=加粗');
    await wb.xlsx.writeFile(file);
    const styles = await cellStyles(file);
    expectPrefixed(styles, [...FORMULA_LIKE, '=加粗']);
    expect(styles.find((s) => s.value === '普通文字')).toMatchObject({ quotePrefix: false });
  });

  it('holds for the streaming WorkbookWriter too', async () => {
    const file = path.join(dir, 'streamed.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
    const ws = wb.addWorksheet('表');
    for (const text of FORMULA_LIKE) {
      const row = ws.addRow([]);
      setTextCell(row.getCell(1), text);
      row.commit();
    }
    await wb.commit();
    expectPrefixed(await cellStyles(file), FORMULA_LIKE);
  });

  it('the import error list prefixes a formula-like value from the user file', async () => {
    const file = path.join(dir, 'errors.xlsx');
    const bytes = await buildErrorsWorkbook([
      { file: '日志.xlsx', sheet: 'Sheet1', row: 3, column: '日期', columnLetter: 'A', value: '=HYPERLINK("http://x","点我")', reason: '不是日期' },
      { file: '日志.xlsx', sheet: 'Sheet1', row: 4, column: '日期', columnLetter: 'A', value: '@SUM(1)', reason: '不是日期' },
    ]);
    fs.writeFileSync(file, bytes);
    expectPrefixed(await cellStyles(file), ['=HYPERLINK("http://x","点我")', '@SUM(1)']);
  });
});

describe('the evaluation report', () => {
  let district: ReportDistrict;
  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'report'));
    district = await buildReportDistrict(path.join(dir, 'report'));
    await evaluateStoredMonth(district.store, MONTH, { now: new Date('2026-11-03T01:00:00Z') });
  }, 120_000);
  afterAll(async () => district?.store.close());

  it('prefixes every imported text that starts with = + - @ or a tab', async () => {
    const file = path.join(dir, 'report.xlsx');
    await exportMonthReport(district.store, MONTH, file, { now: new Date('2026-11-05T08:00:00Z') });
    const styles = await cellStyles(file);
    expectPrefixed(styles, HOSTILE_TEXTS);
    for (const s of styles) {
      if (/^[=+\-@\t\r]/.test(String(s.value))) expect(s, `${s.sheet}!${s.address}`).toMatchObject({ quotePrefix: true });
    }
  });
});

describe('a grid export', () => {
  it('prefixes imported texts that start with = + - @ or a tab, and leaves plain text and numbers alone', async () => {
    const file = path.join(dir, 'grid.xlsx');
    const rows = [...FORMULA_LIKE, '普通文字'].map((name, i) => ({ name, quantity: i + 1 }));
    await writeGridWorkbook(
      file,
      [
        { field: 'name', label: '=客户经理', type: 'text' },
        { field: 'quantity', label: '订购量', type: 'number', format: 'quantity' },
      ],
      rows,
      { title: '订单' },
    );
    const styles = await cellStyles(file);
    expectPrefixed(styles, [...FORMULA_LIKE, '=客户经理']);
    expect(styles.find((s) => s.value === '普通文字')).toMatchObject({ quotePrefix: false, textFormat: false });
  });
});
