import type { TextEncodingName } from '../spreadsheetSource';

export type EncodingDetection = TextEncodingName | 'utf16be';

/**
 * The encoding of a text file from its first bytes. A byte-order mark is authoritative;
 * without one, `preferred` (the supervisor's choice) wins, else valid UTF-8 means
 * UTF-8 and anything else is taken for GB18030 (a superset of GBK and GB2312, what
 * Chinese office software writes by default).
 *
 * `sample` may be cut off in the middle of a multibyte character when `truncated`.
 */
export function detectTextEncoding(
  sample: Uint8Array,
  truncated: boolean,
  preferred: 'auto' | 'utf8' | 'gb18030' = 'auto',
): EncodingDetection {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf8-bom';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf16be';
  if (preferred !== 'auto') return preferred;
  return isValidUtf8(truncated ? withoutCutCharacter(sample) : sample) ? 'utf8' : 'gb18030';
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Drops a UTF-8 sequence that the sample boundary cut short, so that it is not taken for invalid. */
function withoutCutCharacter(bytes: Uint8Array): Uint8Array {
  // A sequence is at most 4 bytes: look back at most 3 for its lead byte.
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}
