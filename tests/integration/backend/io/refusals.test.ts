import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRefusedError } from '../../../../src/backend/io/fileRefusedError';
import { openSpreadsheet } from '../../../../src/backend/io/openSpreadsheet';
import type { OpenSpreadsheetOptions, SpreadsheetInput } from '../../../../src/backend/io/spreadsheetSource';
import { readAllRows } from './readAllRows';
import { createTempDirectory } from './tempDirectory';
import { buildZip, minimalWorkbookEntries } from './writeZip';

const temp = createTempDirectory('refusals');
afterAll(() => temp.remove());

function write(name: string, bytes: Buffer | string): string {
  const path = temp.file(name);
  writeFileSync(path, bytes);
  return path;
}

async function refusalOf(input: SpreadsheetInput, options?: OpenSpreadsheetOptions): Promise<FileRefusedError> {
  try {
    await readAllRows(await openSpreadsheet(input, options));
  } catch (error) {
    if (error instanceof FileRefusedError) return error;
    throw error;
  }
  throw new Error('the file was not refused');
}

/** An OLE2 compound file header followed by directory entry names, as Office writes them. */
function oleFile(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(128 * Math.max(4, streamNames.length + 1));
  ['Root Entry', ...streamNames].forEach((name, i) => Buffer.from(name, 'utf16le').copy(directory, i * 128));
  return Buffer.concat([header, Buffer.alloc(1024), directory]);
}

let realXlsx: Buffer;
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('明细');
  for (let i = 0; i < 50; i++) sheet.addRow([`LH${i}`, i, '正常']);
  realXlsx = Buffer.from(await workbook.xlsx.writeBuffer());
});

describe('files that are refused before any row is read', () => {
  it('a missing file', async () => {
    const refusal = await refusalOf(temp.file('不存在.xlsx'));
    expect(refusal).toMatchObject({ code: 'not_found', fileName: '不存在.xlsx' });
    expect(refusal.message).toContain('找不到');
  });

  it('a 0-byte file, whatever its name', async () => {
    expect(await refusalOf(write('空.xlsx', ''))).toMatchObject({ code: 'empty' });
    expect(await refusalOf(write('空.csv', ''))).toMatchObject({ code: 'empty' });
  });

  it('a CSV with only blank lines and separators', async () => {
    expect(await refusalOf(write('只有逗号.csv', '\uFEFF,,,\r\n\r\n ,\r\n'))).toMatchObject({ code: 'empty' });
  });

  it('a workbook whose sheets hold no rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    workbook.addWorksheet('Sheet2');
    const refusal = await refusalOf({ fileName: '空表.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });
    expect(refusal.code).toBe('empty');
    expect(refusal.message).toContain('是空的');
  });

  it('a damaged old .xls, even renamed .xlsx (old .xls files themselves are read: see import/oldFormats)', async () => {
    for (const name of ['旧格式.xls', '改了名的.xlsx']) {
      const refusal = await refusalOf(write(name, oleFile(['Workbook', '\u0005SummaryInformation'])));
      expect(refusal.code).toBe('unreadable');
      expect(refusal.message).toContain(name);
    }
  });

  it('an Office compound file that holds no workbook (a Word .doc named .xls)', async () => {
    const doc = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(doc, 'WordDocument', Buffer.from('正文'));
    const refusal = await refusalOf({ fileName: '通知.xls', bytes: XLSX.CFB.write(doc, { type: 'buffer' }) as Uint8Array });
    expect(refusal.code).toBe('not_spreadsheet');
    expect(refusal.message).toContain('Word');
  });

  it('a password-protected xlsx (an OLE2 file holding EncryptionInfo)', async () => {
    const refusal = await refusalOf(write('加密.xlsx', oleFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage'])));
    expect(refusal.code).toBe('encrypted');
    expect(refusal.message).toContain('取消密码');
  });

  it('a zip whose sheet entry is encrypted', async () => {
    const bytes = buildZip([...minimalWorkbookEntries(), { name: 'xl/worksheets/sheet1.xml', content: '<worksheet><sheetData/></worksheet>', encryptedFlag: true }]);
    expect(await refusalOf({ fileName: 'zip加密.xlsx', bytes })).toMatchObject({ code: 'encrypted' });
  });

  it('zips that are not workbooks: Word, xlsb, an archive of spreadsheets', async () => {
    const docx = buildZip([{ name: '[Content_Types].xml', content: '<Types/>' }, { name: 'word/document.xml', content: '<w:document/>' }]);
    const word = await refusalOf({ fileName: '报告.xlsx', bytes: docx });
    expect(word.code).toBe('not_spreadsheet');
    expect(word.message).toContain('Word 文档');

    const xlsb = buildZip([{ name: 'xl/workbook.bin', content: 'binary' }]);
    expect((await refusalOf({ fileName: '二进制.xlsb', bytes: xlsb })).message).toContain('.xlsb');

    const archive = buildZip([{ name: '10月/订单.csv', content: 'a,b' }, { name: '10月/考勤.xlsx', content: 'PK' }]);
    const refusal = await refusalOf({ fileName: '10月数据.zip', bytes: archive });
    expect(refusal.code).toBe('not_spreadsheet');
    expect(refusal.message).toContain('解压');
  });

  it('binary files named .csv', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]);
    expect(await refusalOf(write('截图.csv', png))).toMatchObject({ code: 'not_spreadsheet' });
    const withNul = Buffer.concat([Buffer.from('工号,姓名\n'), Buffer.from([0, 1, 2, 0, 0, 0]), randomBytes(64)]);
    expect(await refusalOf(write('二进制.csv', withNul))).toMatchObject({ code: 'not_spreadsheet' });
  });

  it('an HTML page saved as .xls by a web system without a usable table (one cell)', async () => {
    const html = '\uFEFF<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>工号</td></tr></table></body></html>';
    const refusal = await refusalOf(write('导出.xls', html));
    expect(refusal.code).toBe('not_spreadsheet');
    expect(refusal.message).toContain('另存为 .xlsx');
  });

  it('a sheet whose declared uncompressed size is over the limit, naming the sheet', async () => {
    const refusal = await refusalOf({ fileName: '大表.xlsx', bytes: realXlsx }, { limits: { maxUncompressedBytes: 1000 } });
    expect(refusal).toMatchObject({ code: 'too_large', sheet: '明细' });
    expect(refusal.message).toContain('拆分');
  });

  it('a CSV larger than the limit', async () => {
    const path = write('大.csv', `工号,姓名\n${'LH001,周婷\n'.repeat(200)}`);
    expect(await refusalOf(path, { limits: { maxUncompressedBytes: 1000 } })).toMatchObject({ code: 'too_large' });
  });

  it('a sheet whose <dimension> declares more rows than allowed, before streaming', async () => {
    await expect(openSpreadsheet({ fileName: '行太多.xlsx', bytes: realXlsx }, { limits: { maxRows: 10 } })).rejects.toMatchObject({
      code: 'too_many_rows',
      sheet: '明细',
    });
  });

  it('a truncated download', async () => {
    const refusal = await refusalOf(write('没下完.xlsx', realXlsx.subarray(0, Math.floor(realXlsx.length / 2))));
    expect(refusal.code).toBe('unreadable');
    expect(refusal.message).toContain('重新');
  });

  it('a sheet whose compressed data is garbage', async () => {
    const bytes = buildZip([
      ...minimalWorkbookEntries(),
      { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x11]), declaredSize: 5000 },
    ]);
    expect(await refusalOf({ fileName: '损坏.xlsx', bytes })).toMatchObject({ code: 'unreadable' });
  });

  it('a CSV with an unclosed quote, and one in UTF-16 big-endian', async () => {
    const unclosed = await refusalOf(write('引号.csv', '工号,备注\nLH001,"没有结束\nLH002,正常\n'));
    expect(unclosed.code).toBe('unreadable');
    expect(unclosed.message).toContain('引号没有配对');
    const utf16be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('工号,姓名\n', 'utf16be')]);
    expect(await refusalOf(write('大端.csv', utf16be))).toMatchObject({ code: 'unreadable' });
  });

  it('is a real Error with the file name, and opening the real file still works', async () => {
    const refusal = await refusalOf(temp.file('缺失.csv'));
    expect(refusal).toBeInstanceOf(Error);
    expect(refusal.name).toBe('FileRefusedError');
    expect(refusal.message).toContain('缺失.csv');
    const [sheet] = await readAllRows(await openSpreadsheet(write('正常.xlsx', realXlsx)));
    expect(sheet?.rows).toHaveLength(50);
    expect(readFileSync(temp.file('正常.xlsx')).length).toBe(realXlsx.length);
  });
});
