import { Parser } from 'htmlparser2';
import iconv from 'iconv-lite';
import { detectTextEncoding } from '../csv/detectTextEncoding';

/**
 * The charset a page declares in <meta charset> or <meta http-equiv="Content-Type">,
 * found the way a browser's prescan does: by parsing the page's first bytes as Latin-1
 * (every charset a web system uses keeps ASCII markup readable that way).
 */
export function declaredCharset(head: Uint8Array): string | null {
  let found: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (found !== null || name !== 'meta') return;
        const direct = attributes.charset?.trim();
        const fromContent = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(attributes.content ?? '')?.[1];
        const charset = direct !== undefined && direct !== '' ? direct : fromContent;
        if (charset !== undefined) found = charset.toLowerCase();
      },
    },
    { decodeEntities: false, lowerCaseAttributeNames: true },
  );
  parser.write(Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 4096)).toString('latin1'));
  parser.end();
  return found;
}

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);
const GB_NAMES = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'csgb2312', 'chinese']);

/**
 * The encoding to decode a whole page with, as an iconv-lite name. A byte-order mark is
 * authoritative, then the supervisor's explicit choice. Between UTF-8 and the GB family
 * the bytes decide, whatever the meta tag says: servers often re-encode a page without
 * updating it, and GBK text is almost never valid UTF-8. Any other charset a page
 * declares (Big5 …) is taken at its word when iconv-lite knows it.
 */
export function chooseHtmlEncoding(bytes: Uint8Array, preferred: 'auto' | 'utf8' | 'gb18030' = 'auto'): string {
  const detected = detectTextEncoding(bytes, false, preferred);
  if (detected !== 'utf8' && detected !== 'gb18030') return detected;
  if (preferred !== 'auto') return preferred;
  const declared = declaredCharset(bytes);
  if (declared !== null && !UTF8_NAMES.has(declared) && !GB_NAMES.has(declared) && iconv.encodingExists(declared)) {
    return declared;
  }
  // Pure ASCII decodes the same either way; report what the page says it is.
  if (detected === 'utf8' && declared !== null && GB_NAMES.has(declared) && isAscii(bytes)) return 'gb18030';
  return detected;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}
