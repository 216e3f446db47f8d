import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSpreadsheet } from '../../../../src/backend/io/openSpreadsheet';
import { readAllRows } from './readAllRows';
import { createTempDirectory } from './tempDirectory';

const temp = createTempDirectory('csv');
afterAll(() => temp.remove());

/** Quotes, an embedded newline, CRLF, a ragged row, empty fields, a blank line, a quoted thousands separator. */
const ORDERS = [
  '订货日期,许可证号,卷烟名称,订购量（条）,金额,备注',
  '2026/10/8,370902110001,中华(硬),10,"3,750.00",',
  '2026/10/8,370902110002,"玉溪(软)",16,"3,168.00","店主说：""下周再订""',
  '第二行备注"',
  '2026/10/9,037090211003,云烟(紫),,954.00',
  '',
  '合计,,,26,"7,872.00",',
].join('\r\n');

const EXPECTED_ROWS = [
  { rowNumber: 1, cells: ['订货日期', '许可证号', '卷烟名称', '订购量（条）', '金额', '备注'] },
  { rowNumber: 2, cells: ['2026/10/8', '370902110001', '中华(硬)', '10', '3,750.00'] },
  { rowNumber: 3, cells: ['2026/10/8', '370902110002', '玉溪(软)', '16', '3,168.00', '店主说："下周再订"\r\n第二行备注'] },
  { rowNumber: 4, cells: ['2026/10/9', '037090211003', '云烟(紫)', null, '954.00'] },
  { rowNumber: 6, cells: ['合计', null, null, '26', '7,872.00'] },
];

function write(name: string, bytes: Buffer): string {
  const path = temp.file(name);
  writeFileSync(path, bytes);
  return path;
}

describe('CSV encodings', () => {
  it.each([
    ['utf8', Buffer.from(ORDERS, 'utf8')],
    ['utf8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ORDERS, 'utf8')])],
    ['gb18030', iconv.encode(ORDERS, 'gb18030')],
    ['utf16le', iconv.encode(ORDERS, 'utf16le', { addBOM: true })],
  ] as const)('detects %s and reads the same rows', async (encoding, bytes) => {
    const source = await openSpreadsheet(write(`订单_${encoding}.csv`, bytes));
    expect(source).toMatchObject({ format: 'csv', encoding, delimiter: ',', date1904: false });
    const [sheet] = await readAllRows(source);
    expect(sheet).toMatchObject({ name: `订单_${encoding}`, index: 0, hidden: false });
    expect(sheet?.rows).toEqual(EXPECTED_ROWS);
  });

  it('reads Excel\'s "Unicode text" export: UTF-16LE, tab-separated', async () => {
    const text = ORDERS.replace(/,/g, '\t').replace('"3\t750.00"', '3,750.00');
    const source = await openSpreadsheet(write('unicode.txt', iconv.encode(text, 'utf16le', { addBOM: true })));
    expect(source).toMatchObject({ encoding: 'utf16le', delimiter: '\t' });
    const [sheet] = await readAllRows(source);
    expect(sheet?.rows[1]?.cells).toEqual(['2026/10/8', '370902110001', '中华(硬)', '10', '3,750.00']);
  });

  it('detects semicolons, and honours a "sep=" first line', async () => {
    const semicolons = ['工号;姓名;片区', 'LH001;周婷;城区片', 'LH002;"吴;刚";城区片'].join('\n');
    const [sheet] = await readAllRows(await openSpreadsheet(write('semicolon.csv', Buffer.from(semicolons))));
    expect(sheet?.rows.map((row) => row.cells)).toEqual([['工号', '姓名', '片区'], ['LH001', '周婷', '城区片'], ['LH002', '吴;刚', '城区片']]);

    const hinted = await openSpreadsheet(write('hint.csv', Buffer.from(['sep=;', '金额;备注', '"1,5";a,b,c'].join('\r\n'))));
    expect(hinted.delimiter).toBe(';');
    expect((await readAllRows(hinted))[0]?.rows).toEqual([
      { rowNumber: 1, cells: ['金额', '备注'] },
      { rowNumber: 2, cells: ['1,5', 'a,b,c'] },
    ]);
  });

  it('prefers the consistent delimiter over commas inside unquoted numbers and title lines', async () => {
    const tabbed = ['原始记录, 2026年10月', '工号\t金额\t数量', 'LH001\t3,168.00\t16', 'LH002\t1,234,567.00\t8'].join('\n');
    const source = await openSpreadsheet(write('tabbed.csv', Buffer.from(tabbed)));
    expect(source.delimiter).toBe('\t');
  });

  it('still says UTF-8 when the 64 KiB sample ends inside a Chinese character', async () => {
    const prefix = 'a'.repeat(64 * 1024 - 1);
    const bytes = Buffer.from(`${prefix}中文,second\n工号,姓名\n`, 'utf8');
    expect(bytes[64 * 1024 - 1]).toBe(0xe4); // the sample's last byte is a lead byte
    expect((await openSpreadsheet(write('boundary.csv', bytes))).encoding).toBe('utf8');
  });

  it('lets the supervisor override the detection of a BOM-less file', async () => {
    const path = write('override.csv', iconv.encode('工号,姓名\nLH001,周婷\n', 'gb18030'));
    const forced = await openSpreadsheet(path, { encoding: 'utf8' });
    expect(forced.encoding).toBe('utf8');
    const [sheet] = await readAllRows(forced);
    expect(sheet?.rows[0]?.cells[0]).not.toBe('工号');
    expect((await openSpreadsheet(path, { encoding: 'gb18030' })).encoding).toBe('gb18030');
  });

  it('reads uploaded bytes the same as the file', async () => {
    const bytes = iconv.encode(ORDERS, 'gb18030');
    const source = await openSpreadsheet({ fileName: '上传的订单.csv', bytes: new Uint8Array(bytes) });
    expect(source.sizeBytes).toBe(bytes.length);
    const [sheet] = await readAllRows(source);
    expect(sheet?.name).toBe('上传的订单');
    expect(sheet?.rows).toEqual(EXPECTED_ROWS);
  });

  it('streams a large CSV and stops at maxRows', async () => {
    const lines = ['工号,日期,次数'];
    for (let i = 0; i < 5000; i++) lines.push(`LH${i % 40},2026-10-${(i % 28) + 1},${i}`);
    const path = write('large.csv', iconv.encode(lines.join('\n'), 'gb18030'));
    const [sheet] = await readAllRows(await openSpreadsheet(path));
    expect(sheet?.rows).toHaveLength(5001);
    expect(sheet?.rows.at(-1)).toEqual({ rowNumber: 5001, cells: [`LH${4999 % 40}`, `2026-10-${(4999 % 28) + 1}`, '4999'] });

    const limited = await openSpreadsheet(path, { limits: { maxRows: 100 } });
    let received = 0;
    await expect(async () => {
      for await (const limitedSheet of limited.sheets()) for await (const _row of limitedSheet.rows) received++;
    }).rejects.toMatchObject({ code: 'too_many_rows', fileName: 'large.csv' });
    expect(received).toBe(100);
  });
});
