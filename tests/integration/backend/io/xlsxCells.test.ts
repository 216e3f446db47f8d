import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSpreadsheet } from '../../../../src/backend/io/openSpreadsheet';
import { buildZip, minimalWorkbookEntries, writeZip } from './writeZip';
import { readAllRows, type ReadSheet } from './readAllRows';
import { createTempDirectory } from './tempDirectory';
import yauzl from 'yauzl';

const temp = createTempDirectory('xlsx-cells');
afterAll(() => temp.remove());

async function zipEntryText(path: string, entryName: string): Promise<string | undefined> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName !== entryName) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    return undefined;
  } finally {
    zip.close();
  }
}

describe('xlsx written by exceljs: every kind of cell', () => {
  const path = temp.file('cells.xlsx');
  let sheets: ReadSheet[];

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('零售客户档案');
    sheet.getCell('A1').value = '临河营销部零售客户档案（2026年10月）';
    sheet.mergeCells('A1:F1');
    // Row 2 stays blank, as in real exports; the header is on row 3.
    sheet.getRow(3).values = ['许可证号', '客户名称', '档位', '入网日期', '是否重点', '备注'];
    sheet.getRow(4).values = [
      370902110001,
      { richText: [{ text: '中山', font: { bold: true } }, { text: '百信烟酒店' }] },
      29,
      new Date(Date.UTC(2026, 9, 8)),
      true,
      { text: '门店照片', hyperlink: 'https://example.com/photo/1' },
    ];
    sheet.getRow(5).values = [
      '037090211002',
      { formula: 'CONCATENATE("人民","便利店")', result: '人民便利店' },
      { formula: 'C4-3', result: 26 },
      { formula: 'D4+1', result: new Date(Date.UTC(2026, 9, 9)) },
      { formula: 'C5>20', result: false },
      { formula: '1/0', result: { error: '#DIV/0!' } },
    ];
    sheet.getRow(6).values = [-12.5, '', 0, new Date(Date.UTC(2026, 9, 8, 8, 42, 5)), false, '  两头有空格  '];
    sheet.getColumn(4).numFmt = 'yyyy-mm-dd';
    sheet.getCell('D6').numFmt = 'yyyy-mm-dd hh:mm:ss';
    sheet.getCell('A7').value = new Date(Date.UTC(2026, 9, 8));
    sheet.getCell('A7').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('B7').value = 0.3625;
    sheet.getCell('B7').numFmt = 'h:mm';
    sheet.getCell('C7').value = 1234.5;
    sheet.getCell('C7').numFmt = '#,##0.00" 条"';
    sheet.getCell('H7').value = '远处的单元格';

    const hidden = workbook.addWorksheet('隐藏的代码表', { state: 'hidden' });
    hidden.addRow(['代码', '名称']);
    workbook.addWorksheet('空白页');

    await workbook.xlsx.writeFile(path);
    sheets = await readAllRows(await openSpreadsheet(path));
  });

  it('used shared strings and merged cells, so the test covers them', async () => {
    expect(await zipEntryText(path, 'xl/sharedStrings.xml')).toContain('百信烟酒店');
    expect(await zipEntryText(path, 'xl/worksheets/sheet1.xml')).toContain('<mergeCell ref="A1:F1"/>');
  });

  it('lists every sheet in workbook order, hidden ones flagged', () => {
    expect(sheets.map(({ name, index, hidden }) => ({ name, index, hidden }))).toEqual([
      { name: '零售客户档案', index: 0, hidden: false },
      { name: '隐藏的代码表', index: 1, hidden: true },
      { name: '空白页', index: 2, hidden: false },
    ]);
    expect(sheets[2]?.rows).toEqual([]);
  });

  it('keeps real row numbers and skips the blank row', () => {
    expect(sheets[0]?.rows.map((row) => row.rowNumber)).toEqual([1, 3, 4, 5, 6, 7]);
  });

  it('puts a merged title in its top-left cell only', () => {
    expect(sheets[0]?.rows[0]?.cells).toEqual(['临河营销部零售客户档案（2026年10月）']);
  });

  it('flattens rich text, hyperlinks, numbers, booleans and dates', () => {
    expect(sheets[0]?.rows[2]?.cells).toEqual([
      370902110001,
      '中山百信烟酒店',
      29,
      new Date('2026-10-08T00:00:00Z'),
      true,
      '门店照片',
    ]);
  });

  it('takes formulas by their cached result, errors as null, dates as Dates', () => {
    expect(sheets[0]?.rows[3]?.cells).toEqual([
      '037090211002',
      '人民便利店',
      26,
      new Date('2026-10-09T00:00:00Z'),
      false,
    ]);
  });

  it('turns empty strings into null and keeps date-times and text as written', () => {
    expect(sheets[0]?.rows[4]?.cells).toEqual([-12.5, null, 0, new Date('2026-10-08T08:42:05Z'), false, '  两头有空格  ']);
  });

  it('recognises Chinese date formats and time-only formats, not number formats with units', () => {
    const row = sheets[0]?.rows[5];
    expect(row?.cells.slice(0, 3)).toEqual([new Date('2026-10-08T00:00:00Z'), new Date('1899-12-30T08:42:00Z'), 1234.5]);
    expect(row?.cells[7]).toBe('远处的单元格');
    expect(row?.cells.slice(3, 7)).toEqual([null, null, null, null]);
  });
});

describe('xlsx written by hand: what other exporters do', () => {
  it('reads prefixed tags, missing r attributes, inline rich text, phonetic runs, escapes and t="d"', async () => {
    const sheetXml = `<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:dimension ref="A1:E4"/>
<x:sheetData>
  <x:row r="1"><x:c t="inlineStr"><x:is><x:t>工号</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c></x:row>
  <x:row><x:c t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t>LH</x:t></x:r><x:r><x:t xml:space="preserve">001 </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ignored</x:t></x:rPh></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>
  <!-- a comment between rows -->
  <x:row r="4"><x:c r="B4" t="str"><x:f>A1&amp;"&lt;x&gt;"</x:f><x:v>a&amp;b &lt;c&gt;</x:v></x:c><x:c r="C4" t="d"><x:v>2026-10-08T08:42:00</x:v></x:c><x:c r="D4" t="e"><x:v>#N/A</x:v></x:c><x:c r="E4" t="b"><x:v>1</x:v></x:c></x:row>
  <x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t><![CDATA[<不是标签> & 也不是实体]]></x:t></x:is></x:c></x:row>
</x:sheetData>
</x:worksheet>`;
    const sharedStrings = `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>第一行_x000D_
第二行</t></si><si><r><t>周</t></r><r><rPr><i/></rPr><t>婷</t></r><rPh sb="0" eb="1"><t>zhou</t></rPh></si></sst>`;
    const workbookRels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="SharedStrings.xml"/></Relationships>`;
    const entries = minimalWorkbookEntries({ sheetName: 'A&amp;B 名单' }).filter((entry) => entry.name !== 'xl/_rels/workbook.xml.rels');
    const bytes = buildZip([
      ...entries,
      { name: 'xl/_rels/workbook.xml.rels', content: workbookRels },
      { name: 'xl/worksheets/sheet1.xml', content: sheetXml },
      // Rels say SharedStrings.xml, the zip says sharedStrings.xml: some exporters do that.
      { name: 'xl/sharedStrings.xml', content: sharedStrings },
    ]);

    const [sheet] = await readAllRows(await openSpreadsheet({ fileName: '手写.xlsx', bytes }));
    expect(sheet?.name).toBe('A&B 名单');
    expect(sheet?.rows).toEqual([
      { rowNumber: 1, cells: ['工号', '姓名'] },
      { rowNumber: 2, cells: ['LH001 ', '第一行\r\n第二行', '周婷'] },
      { rowNumber: 4, cells: [null, 'a&b <c>', new Date('2026-10-08T08:42:00Z'), null, true] },
      { rowNumber: 5, cells: ['<不是标签> & 也不是实体'] },
    ]);
  });

  it('reads a stored (uncompressed) sheet and a workbook without styles', async () => {
    const path = createTempDirectory('stored');
    try {
      writeZip(path.file('stored.xlsx'), [
        ...minimalWorkbookEntries(),
        { name: 'xl/worksheets/sheet1.xml', stored: true, content: '<worksheet><sheetData><row r="7"><c r="C7"><v>42</v></c></row></sheetData></worksheet>' },
      ]);
      const [sheet] = await readAllRows(await openSpreadsheet(path.file('stored.xlsx')));
      expect(sheet?.rows).toEqual([{ rowNumber: 7, cells: [null, null, 42] }]);
    } finally {
      path.remove();
    }
  });
});

describe('sha256 and in-memory input', () => {
  it('gives the same rows and hash for a path and for its bytes', async () => {
    const path = temp.file('small.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名单').addRows([['工号', '姓名'], ['LH001', '周婷']]);
    await workbook.xlsx.writeFile(path);
    const bytes = new Uint8Array(readFileSync(path));

    const fromPath = await openSpreadsheet(path);
    const fromBytes = await openSpreadsheet({ fileName: 'small.xlsx', bytes });
    const { createHash } = await import('node:crypto');
    expect(fromPath.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(fromBytes.sha256).toBe(fromPath.sha256);
    expect(fromBytes.sizeBytes).toBe(bytes.byteLength);
    expect(await readAllRows(fromBytes)).toEqual(await readAllRows(fromPath));
    expect(fromPath.format).toBe('xlsx');
    expect(fromPath.encoding).toBeUndefined();
  });
});
