import { isBuiltInDateFormat, isDateFormatCode } from './isDateFormat';
import { readAttributes } from './xmlAttributes';
import { XmlScanner } from './xmlScanner';

/**
 * For each cell style (the `s` attribute of a cell, an index into cellXfs), whether
 * its number format shows a date or time. Excel stores dates as plain numbers; the
 * style is the only thing that makes them dates.
 */
export function readDateStyles(stylesXml: string): boolean[] {
  const customFormats = new Map<number, string>();
  const cellFormatIds: number[] = [];
  let inCellXfs = false;

  const scanner = new XmlScanner({
    openTag(name, source, start, end, selfClosing) {
      if (name === 'numFmt') {
        const attributes = readAttributes(source, start, end);
        const id = Number(attributes.get('numFmtId'));
        const code = attributes.get('formatCode');
        if (Number.isInteger(id) && code !== undefined) customFormats.set(id, code);
      } else if (name === 'cellXfs') {
        inCellXfs = !selfClosing;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(readAttributes(source, start, end).get('numFmtId') ?? '0');
        cellFormatIds.push(Number.isInteger(id) ? id : 0);
      }
    },
    closeTag(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  scanner.write(stylesXml);
  scanner.end();

  return cellFormatIds.map((id) => {
    const custom = customFormats.get(id);
    return custom !== undefined ? isDateFormatCode(custom) : isBuiltInDateFormat(id);
  });
}
