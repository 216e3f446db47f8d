import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { stringParam, type TaskParams, type TaskResult } from '../childProtocol';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The orders CSV cut (UTF-8) as a web system's "导出Excel": a GBK HTML page under an .xls
 * name, with a title row, codes in a text-formatted class and amounts with x:num, the way
 * Excel's own HTML export marks them.
 */
export async function prepareHtmlCut(params: TaskParams): Promise<TaskResult> {
  const [header = [], ...records] = parse(readFileSync(stringParam(params, 'source'), 'utf8'), { bom: true, relaxColumnCount: true }) as string[][];
  const out = createWriteStream(stringParam(params, 'out'));
  const write = async (text: string) => {
    if (!out.write(iconv.encode(text, 'gbk'))) await once(out, 'drain');
  };
  await write(
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">\n' +
      '<style>.xl65{mso-number-format:"\\@";} .xl66{mso-number-format:"\\#\\,\\#\\#0\\.00";}</style></head><body><table border="1">\n' +
      `<tr><td colspan="${header.length}">订单明细</td></tr>\n<tr>${header.map((h) => `<th>${escape(h)}</th>`).join('')}</tr>\n`,
  );
  for (const record of records) {
    const cells = record.map((field, i) => {
      if (i === 1 || i === 2) return `<td class="xl65">${escape(field)}</td>`;
      const number = Number(field.replace(/,/g, ''));
      if (i >= 4 && field !== '' && Number.isFinite(number)) return `<td class="xl66" x:num="${number}">${escape(field)}</td>`;
      return `<td>${escape(field)}</td>`;
    });
    await write(`<tr>${cells.join('')}</tr>\n`);
  }
  await write('</table></body></html>\n');
  out.end();
  await once(out, 'finish');
  return { rows: records.length };
}
