import type { ByteSource } from './byteSource';

/**
 * Office wraps a password-protected .xlsx in an OLE2 compound file whose directory
 * names an "EncryptionInfo" stream; a genuine old .xls has no such stream. The
 * directory may sit anywhere in the file, so the whole file is scanned (old .xls
 * files are small, and Buffer.indexOf is fast).
 */
const ENCRYPTION_MARKERS = ['EncryptionInfo', 'EncryptedPackage'].map((name) => Buffer.from(name, 'utf16le'));
const LONGEST_MARKER = Math.max(...ENCRYPTION_MARKERS.map((marker) => marker.length));

export async function isEncryptedOfficeFile(source: ByteSource): Promise<boolean> {
  let carry: Buffer = Buffer.alloc(0);
  const stream = source.openStream();
  try {
    for await (const chunk of stream) {
      const window = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
      if (ENCRYPTION_MARKERS.some((marker) => window.includes(marker))) return true;
      carry = window.subarray(Math.max(0, window.length - LONGEST_MARKER + 1));
    }
    return false;
  } finally {
    stream.destroy();
  }
}
