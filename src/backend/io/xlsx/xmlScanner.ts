/**
 * A small, forgiving, streaming XML tokenizer for SpreadsheetML parts. It knows tags,
 * text, comments, CDATA and processing instructions; namespace prefixes are stripped
 * from names (some exporters write <x:row>). Entities in text are left to the handler
 * so that it decodes only the text it keeps.
 */
export interface XmlHandler {
  /**
   * A start tag; the tag ends at `attributesEnd` ('>' there, or '/>' when selfClosing).
   * A handler may consume what follows the tag itself and return where scanning resumes.
   */
  openTag(name: string, source: string, attributesStart: number, attributesEnd: number, selfClosing: boolean): number | void;
  closeTag(name: string): void;
  /** `verbatim` is true for CDATA, whose content must not be entity-decoded. */
  text(source: string, start: number, end: number, verbatim: boolean): void;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const COLON = 58;

/** No single token of a sane workbook comes near this; a larger one means garbage. */
const MAX_PENDING_CHARS = 4 * 1024 * 1024;

export class XmlTokenTooLargeError extends Error {
  override readonly name = 'XmlTokenTooLargeError';
}

export class XmlScanner {
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    const source = this.pending.length > 0 ? this.pending + chunk : chunk;
    const consumed = this.scan(source);
    this.pending = consumed < source.length ? source.slice(consumed) : '';
    if (this.pending.length > MAX_PENDING_CHARS) {
      throw new XmlTokenTooLargeError('XML token larger than 4M characters');
    }
  }

  /** Trailing text after the last tag is whitespace in any well-formed part. */
  end(): void {
    this.pending = '';
  }

  /** Returns how many characters were fully consumed. */
  private scan(source: string): number {
    const handler = this.handler;
    const length = source.length;
    let position = 0;
    while (position < length) {
      // Hand-rolled searches: the distances are a few characters, where indexOf's call costs more.
      let lt = position;
      while (lt < length && source.charCodeAt(lt) !== LT) lt++;
      // Text is only handed over once its end is known.
      if (lt === length) return position;
      if (lt > position) handler.text(source, position, lt, false);
      position = lt;
      if (lt + 1 >= length) return lt;
      const next = source.charCodeAt(lt + 1);

      if (next === SLASH) {
        let gt = lt + 2;
        while (gt < length && source.charCodeAt(gt) !== GT) gt++;
        if (gt === length) return lt;
        handler.closeTag(localName(source, lt + 2, nameEnd(source, lt + 2, gt)));
        position = gt + 1;
        continue;
      }

      if (next === BANG) {
        const skipped = this.scanMarkup(source, lt);
        if (skipped < 0) return lt;
        position = skipped;
        continue;
      }

      if (next === QUESTION) {
        const end = source.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        position = end + 2;
        continue;
      }

      const gt = findTagEnd(source, lt + 1);
      if (gt < 0) return lt;
      const selfClosing = source.charCodeAt(gt - 1) === SLASH;
      const attributesEnd = selfClosing ? gt - 1 : gt;
      const end = nameEnd(source, lt + 1, attributesEnd);
      const resume = handler.openTag(localName(source, lt + 1, end), source, end, attributesEnd, selfClosing);
      position = typeof resume === 'number' ? resume : gt + 1;
    }
    return position;
  }

  /** Comments, CDATA and DOCTYPE; returns the position after them, or -1 if incomplete. */
  private scanMarkup(source: string, lt: number): number {
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      if (end < 0) return -1;
      this.handler.text(source, lt + 9, end, true);
      return end + 3;
    }
    // Too short to tell a CDATA section or comment from a declaration yet.
    if (source.length - lt < 9) return -1;
    const bracket = source.indexOf('[', lt);
    const gt = source.indexOf('>', lt);
    if (gt < 0) return -1;
    if (bracket >= 0 && bracket < gt) {
      // A DOCTYPE internal subset: skip it whole; its entities are never expanded.
      const end = source.indexOf(']>', bracket);
      return end < 0 ? -1 : end + 2;
    }
    return gt + 1;
  }
}

/** The '>' closing a start tag, ignoring any inside quoted attribute values. */
function findTagEnd(source: string, from: number): number {
  let quote = 0;
  const length = source.length;
  for (let i = from; i < length; i++) {
    const code = source.charCodeAt(i);
    if (quote !== 0) {
      if (code === quote) quote = 0;
    } else if (code === GT) {
      return i;
    } else if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      quote = code;
    }
  }
  return -1;
}

function nameEnd(source: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const code = source.charCodeAt(i);
    if (code <= 32 || code === SLASH || code === GT || code === LT) break;
    i++;
  }
  return i;
}

function localName(source: string, start: number, end: number): string {
  for (let i = end - 1; i >= start; i--) {
    if (source.charCodeAt(i) === COLON) return internedName(source, i + 1, end);
  }
  return internedName(source, start, end);
}

/**
 * The names of the hot path as constant strings: no allocation per tag, and the
 * handlers' switch statements compare them by identity.
 */
function internedName(source: string, start: number, end: number): string {
  const length = end - start;
  const first = source.charCodeAt(start);
  if (length === 1) {
    switch (first) {
      case 99:
        return 'c';
      case 118:
        return 'v';
      case 102:
        return 'f';
      case 116:
        return 't';
      case 114:
        return 'r';
    }
  } else if (length === 2 && first === 105 && source.charCodeAt(start + 1) === 115) {
    return 'is';
  } else if (length === 3 && first === 114) {
    const second = source.charCodeAt(start + 1);
    if (second === 111 && source.charCodeAt(start + 2) === 119) return 'row';
    if (second === 80 && source.charCodeAt(start + 2) === 104) return 'rPh';
  } else if (length === 2 && first === 115 && source.charCodeAt(start + 1) === 105) {
    return 'si';
  }
  return source.slice(start, end);
}
