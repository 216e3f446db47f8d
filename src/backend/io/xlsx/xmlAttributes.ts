import { decodeXmlText } from './decodeXmlText';

const EQUALS = 61;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const COLON = 58;

/**
 * Calls `visit` with each attribute of a start tag: its local name (prefix stripped),
 * the qualified name as written, and where its raw value lies in `source`.
 */
export function forEachAttribute(
  source: string,
  start: number,
  end: number,
  visit: (localName: string, valueStart: number, valueEnd: number, qualifiedName: string) => void,
): void {
  let i = start;
  while (i < end) {
    while (i < end && source.charCodeAt(i) <= 32) i++;
    const nameStart = i;
    let prefixEnd = -1;
    while (i < end) {
      const code = source.charCodeAt(i);
      if (code <= 32 || code === EQUALS) break;
      if (code === COLON) prefixEnd = i;
      i++;
    }
    const nameStop = i;
    while (i < end && source.charCodeAt(i) <= 32) i++;
    if (i >= end || source.charCodeAt(i) !== EQUALS) {
      // A stray token without a value: skip it.
      if (nameStop === nameStart) i++;
      continue;
    }
    i++;
    while (i < end && source.charCodeAt(i) <= 32) i++;
    const quote = source.charCodeAt(i);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return;
    const valueStart = i + 1;
    const valueEnd = source.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", valueStart);
    if (valueEnd < 0 || valueEnd > end) return;
    const qualifiedName = source.slice(nameStart, nameStop);
    const localName = prefixEnd < 0 ? qualifiedName : source.slice(prefixEnd + 1, nameStop);
    visit(localName, valueStart, valueEnd, qualifiedName);
    i = valueEnd + 1;
  }
}

/** All attributes by local name, values entity-decoded; for the few tags where speed does not matter. */
export function readAttributes(source: string, start: number, end: number): Map<string, string> {
  const attributes = new Map<string, string>();
  forEachAttribute(source, start, end, (localName, valueStart, valueEnd) => {
    attributes.set(localName, decodeXmlText(source.slice(valueStart, valueEnd)));
  });
  return attributes;
}
