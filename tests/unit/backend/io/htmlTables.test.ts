import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chooseHtmlEncoding, declaredCharset } from '../../../../src/backend/io/html/htmlCharset';
import { classNumberFormats, htmlCellValue, parseDeclarations } from '../../../../src/backend/io/html/msoNumberFormat';
import { readHtmlTables } from '../../../../src/backend/io/html/readHtmlTables';
import { sniffMarkup } from '../../../../src/backend/io/sniffContent';

describe('readHtmlTables', () => {
  it('places colspan/rowspan cells as Excel does, skips title and hidden rows, keeps their row numbers', () => {
    const [table] = readHtmlTables(`
      <table>
        <tr><td colspan="4"><b>2026年10月 考勤汇总</b></td></tr>
        <tr><th rowspan="2">工号</th><th rowspan="2">姓名</th><th colspan="2">出勤</th></tr>
        <tr><th>天数</th><th>迟到</th></tr>
        <tr style="display:none"><td>隐藏</td><td>行</td></tr>
        <tr><td>LH001</td><td>张&nbsp;伟</td><td>21</td><td></td></tr>
        <tr><td>  LH002 </td><td>李<br>娜</td><td>20</td><td>1</td></tr>
      </table>`);
    expect(table?.rows).toEqual([
      { rowNumber: 2, cells: ['工号', '姓名', '出勤'] },
      { rowNumber: 3, cells: [null, null, '天数', '迟到'] },
      { rowNumber: 5, cells: ['LH001', '张 伟', '21'] },
      { rowNumber: 6, cells: ['LH002', '李\n娜', '20', '1'] },
    ]);
  });

  it('reads nested tables as tables of their own, in page order, without leaking text into the parent cell', () => {
    const tables = readHtmlTables(
      '<table><tr><td>菜单</td><td><table><tr><td>工号</td><td>姓名</td></tr><tr><td>LH001</td><td>张伟</td></tr></table></td></tr></table>',
    );
    expect(tables.map((t) => t.rows)).toEqual([
      [{ rowNumber: 1, cells: ['菜单'] }],
      [
        { rowNumber: 1, cells: ['工号', '姓名'] },
        { rowNumber: 2, cells: ['LH001', '张伟'] },
      ],
    ]);
  });

  it('takes mso-number-format from classes declared in <style> (even after the table) and inline styles', () => {
    const [table] = readHtmlTables(`
      <table><tr>
        <td class="xl65">00123</td>
        <td class="xl66">1,234.50</td>
        <td style='mso-number-format:"\\@"'>0012</td>
        <td class="xl66" style="mso-number-format:'\\@'">1,000</td>
        <td x:num="370902110001">3.70902E+11</td>
        <td class="xl67" x:num="46298">2026/10/3</td>
        <td>0.50</td>
      </tr></table>
      <style>.xl65 {mso-number-format:"\\@";} .xl66 {mso-number-format:"\\#\\,\\#\\#0\\.00";} td.xl67 {mso-number-format:"Short Date"}</style>`);
    expect(table?.rows[0]?.cells).toEqual(['00123', 1234.5, '0012', '1,000', 370902110001, new Date(Date.UTC(2026, 9, 3)), '0.50']);
  });
});

describe('mso-number-format', () => {
  it('parses declarations with quotes, semicolons inside them and CSS escapes', () => {
    expect(parseDeclarations(`color:red; mso-number-format:"0\\.00_ \\;\\[Red\\]\\-0\\.00"; border:none`).get('mso-number-format')).toBe('0.00_ ;[Red]-0.00');
    expect(classNumberFormats('/* x */ .a, .b { mso-number-format: Percent }').get('b')).toBe('Percent');
  });

  it('turns text into numbers only when the format says number', () => {
    expect(htmlCellValue('12.5%', 'Percent', undefined)).toBe(0.125);
    expect(htmlCellValue('¥1,200', '#,##0', undefined)).toBe(1200);
    expect(htmlCellValue('待定', '0.00', undefined)).toBe('待定');
    expect(htmlCellValue('0012', undefined, undefined)).toBe('0012');
    expect(htmlCellValue('2026-10-03', 'yyyy-mm-dd', undefined)).toBe('2026-10-03');
    expect(htmlCellValue('', '@', undefined)).toBeNull();
  });
});

describe('sniffing and charset', () => {
  it('tells HTML and SpreadsheetML 2003 from other text by content', () => {
    const bytes = (text: string) => Buffer.from(text, 'utf8');
    expect(sniffMarkup(bytes('\uFEFF  <!-- 导出 -->\r\n<html xmlns:x="urn:schemas-microsoft-com:office:excel">'))).toBe('html');
    expect(sniffMarkup(bytes('<meta http-equiv="Content-Type" content="text/html; charset=gbk"><table>'))).toBe('html');
    expect(sniffMarkup(bytes('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'))).toBe('spreadsheetml');
    expect(sniffMarkup(bytes('工号,姓名\nLH001,<b>张伟</b>'))).toBeNull();
  });

  it('decodes by the bytes between UTF-8 and GBK whatever the meta tag says, and honours other declared charsets', () => {
    const gbkPage = iconv.encode('<html><head><meta charset="utf-8"></head><body><table><tr><td>工号</td></tr></table>', 'gbk');
    expect(declaredCharset(gbkPage)).toBe('utf-8');
    expect(chooseHtmlEncoding(gbkPage)).toBe('gb18030');
    const utf8Page = Buffer.from('<meta http-equiv=Content-Type content="text/html; charset=GB2312"><table><tr><td>工号</td></tr></table>');
    expect(chooseHtmlEncoding(utf8Page)).toBe('utf8');
    const asciiGbk = Buffer.from('<meta http-equiv=Content-Type content="text/html; charset=GB2312"><table></table>');
    expect(chooseHtmlEncoding(asciiGbk)).toBe('gb18030');
    expect(chooseHtmlEncoding(iconv.encode('<meta charset="big5"><table><tr><td>工號</td></tr></table>', 'big5'))).toBe('big5');
  });
});
