/**
 * Repairs text whose UTF-8 bytes were once read as Windows-1252 and saved again, as
 * happens when a UTF-8 CSV is opened in Excel or LibreOffice with a Western encoding
 * and saved as .xlsx: "员工编号" comes back as "å‘˜å·¥ç¼–å·". Such text maps back to
 * bytes that are valid UTF-8, which ordinary Latin text (café) almost never does, so
 * the repair is only applied when the bytes decode cleanly and yield CJK-range text.
 */

const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** Lead bytes of 3-byte UTF-8 sequences (U+0800–U+FFFF, where CJK lives) read as Latin-1. */
const SUSPECT = /[\u00e0-\u00ef]/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function toCp1252Byte(code: number): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  // Bytes Windows-1252 leaves undefined come back as C1 controls (Windows, ICU) or as
  // private-use U+F100 + byte (LibreOffice).
  if (code >= 0x80 && code <= 0x9f) return code;
  if (code >= 0xf180 && code <= 0xf1ff) return code - 0xf100;
  return CP1252_HIGH[code] ?? -1;
}

export function repairMojibake(text: string): string {
  if (!SUSPECT.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = toCp1252Byte(text.charCodeAt(i));
    if (byte < 0) return text;
    bytes[i] = byte;
  }
  let repaired: string;
  try {
    repaired = strictUtf8.decode(bytes);
  } catch {
    return text;
  }
  return /[\u0800-\uffff]/.test(repaired) ? repaired : text;
}
