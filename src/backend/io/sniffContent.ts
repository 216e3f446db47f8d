/** What the first bytes of a file say it is, whatever its name claims. */
export type ContentKind =
  | { kind: 'zip' }
  | { kind: 'ole2' }
  | { kind: 'text' }
  | { kind: 'binary'; what?: string };

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const KNOWN_BINARIES: ReadonlyArray<{ magic: number[]; what: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文档' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: '图片（PNG）' },
  { magic: [0xff, 0xd8, 0xff], what: '图片（JPEG）' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: '图片（GIF）' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { magic: [0x1f, 0x8b], what: 'gzip 压缩包' },
];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

function hasUtf16Bom(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

export function sniffContent(head: Uint8Array): ContentKind {
  if (startsWith(head, ZIP_LOCAL_HEADER) || startsWith(head, ZIP_EMPTY_ARCHIVE)) return { kind: 'zip' };
  if (startsWith(head, OLE2_SIGNATURE)) return { kind: 'ole2' };
  for (const { magic, what } of KNOWN_BINARIES) {
    if (startsWith(head, magic)) return { kind: 'binary', what };
  }
  // UTF-16 text is full of NUL bytes, so the BOM must be checked first.
  if (hasUtf16Bom(head)) return { kind: 'text' };
  if (head.includes(0)) return { kind: 'binary' };
  return { kind: 'text' };
}

/** Markup some web systems save under an .xls or .xlsx name when they "export to Excel". */
export type MarkupKind = 'html' | 'spreadsheetml';

const LEADING_NOISE = /^(?:\u00EF\u00BB\u00BF)?(?:\s|<!--[\s\S]*?-->)*/;
const HTML_START = /^<(?:!doctype\s+html|html|head|body|meta|title|style|table)[\s>/]/i;
const XML_DECLARATION = /^<\?xml[^>]*\?>/i;
const SPREADSHEETML_ROOT = /<(?:ss:)?Workbook[\s>]/;

/**
 * Whether a text file is an HTML page (read as a table export) or SpreadsheetML 2003 (refused).
 * `head` is the file's first bytes; only their ASCII matters, so latin1 is enough to look.
 */
export function sniffMarkup(head: Uint8Array): MarkupKind | null {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 4096)).toString('latin1');
  let rest = text.replace(LEADING_NOISE, '');
  const declaration = XML_DECLARATION.exec(rest);
  if (declaration !== null) {
    if (SPREADSHEETML_ROOT.test(rest)) return 'spreadsheetml';
    rest = rest.slice(declaration[0].length).replace(/^(?:\s|<!--[\s\S]*?-->|<\?[^>]*\?>)*/, '');
  }
  return HTML_START.test(rest) ? 'html' : null;
}
