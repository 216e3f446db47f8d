import { repairMojibake as repairedOrNull } from '../../core/import/repairMojibake';

/**
 * Repairs text whose UTF-8 bytes were once read as Windows-1252 and saved again, as
 * happens when a UTF-8 CSV is opened in Excel or LibreOffice with a Western encoding
 * and saved as .xlsx: "员工编号" comes back as "å‘˜å·¥ç¼–å·". Such text maps back to
 * bytes that are valid UTF-8, which ordinary Latin text (café) almost never does, so
 * the repair is only applied when the bytes decode cleanly and yield CJK-range text.
 *
 * One repair for the whole import path: the readers use the core's (which also takes bytes that
 * Windows-1252 leaves undefined, kept as U+F1xx or as surrogate escapes U+DCxx), behind a
 * quick test so that ordinary cells cost one regular-expression check.
 */

/** Lead bytes of 3-byte UTF-8 sequences (U+0800–U+FFFF, where CJK lives) read as Latin-1 or surrogate-escaped. */
const SUSPECT = /[\u00e0-\u00ef\udce0-\udcef]/;
const WIDE = /[\u0800-\uffff]/;

export function repairMojibake(text: string): string {
  if (!SUSPECT.test(text)) return text;
  const repaired = repairedOrNull(text);
  return repaired !== null && WIDE.test(repaired) ? repaired : text;
}
