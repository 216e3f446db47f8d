/**
 * Undo "UTF-8 bytes read as Windows-1252": "å‘˜å·¥ç¼–å·" → "员工编号". Spreadsheets
 * re-saved through a tool that guessed the wrong code page arrive like this.
 */

// Windows-1252 puts printable characters where Latin-1 has C1 controls.
const CP1252_BYTE_OF = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
  [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
  [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

function byteOf(codePoint: number): number | null {
  if (codePoint <= 0xff) return codePoint;
  const mapped = CP1252_BYTE_OF.get(codePoint);
  if (mapped !== undefined) return mapped;
  // Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): LibreOffice keeps them
  // as U+F100 + byte, Python's surrogateescape as U+DC00 + byte.
  if (codePoint >= 0xf180 && codePoint <= 0xf19f) return codePoint - 0xf100;
  if (codePoint >= 0xdc80 && codePoint <= 0xdcff) return codePoint - 0xdc00;
  return null;
}

/** Strict UTF-8: null on any malformed, overlong or surrogate sequence. */
function decodeUtf8(bytes: readonly number[]): string | null {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    let length: number;
    let codePoint: number;
    let min: number;
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i += 1;
      continue;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      length = 2;
      codePoint = b0 & 0x1f;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      length = 3;
      codePoint = b0 & 0x0f;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      length = 4;
      codePoint = b0 & 0x07;
      min = 0x10000;
    } else {
      return null;
    }
    for (let k = 1; k < length; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      codePoint = (codePoint << 6) | (b & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
    out += String.fromCodePoint(codePoint);
    i += length;
  }
  return out;
}

/** The repaired text, or null when the text is not UTF-8 misread as Windows-1252. */
export function repairMojibake(text: string): string | null {
  const bytes: number[] = [];
  let sawHighByte = false;
  for (const ch of text) {
    const byte = byteOf(ch.codePointAt(0) ?? 0);
    if (byte === null) return null;
    if (byte >= 0x80) sawHighByte = true;
    bytes.push(byte);
  }
  if (!sawHighByte) return null;
  return decodeUtf8(bytes);
}

/** Lead bytes of 3-byte UTF-8 sequences (U+0800–U+FFFF, where CJK lives) read as Latin-1 or surrogate-escaped. */
const SUSPECT = /[\u00e0-\u00ef\udce0-\udcef]/;
const WIDE = /[\u0800-\uffff]/;

/**
 * The readers' repair: "å‘˜å·¥ç¼–å·" (a UTF-8 CSV opened in Excel with a Western code page and
 * saved as .xlsx) → "员工编号"; any other text unchanged. Only text that decodes cleanly to
 * CJK-range characters is taken as mojibake, since ordinary Latin text (café) almost never maps
 * back to valid UTF-8; a quick test first, so an ordinary cell costs one regular-expression check.
 */
export function repairCjkMojibake(text: string): string {
  if (!SUSPECT.test(text)) return text;
  const repaired = repairMojibake(text);
  return repaired !== null && WIDE.test(repaired) ? repaired : text;
}
