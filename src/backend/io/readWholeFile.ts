import type { ByteSource } from './byteSource';
import { refuse } from './refusals';

/**
 * All of a file's bytes, for the formats that cannot be streamed (.xls, HTML tables).
 * The caller has already checked sizeBytes against the cap; a file that grew meanwhile
 * is refused rather than read past the cap.
 */
export async function readWholeFile(source: ByteSource, maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = source.openStream();
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw refuse.tooLargeToRead(source.fileName, maxBytes, what);
      chunks.push(chunk as Buffer);
    }
  } finally {
    stream.destroy();
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}
