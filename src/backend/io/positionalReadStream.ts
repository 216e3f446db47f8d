import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';

/**
 * Reads bytes [start, end) of a file, opening and closing it around every chunk. A
 * consumer may stop pulling at any time and simply drop the stream (peek at a sheet
 * and move on): no file descriptor stays open in between, so nothing leaks and, on
 * Windows, the file is never held locked while the import waits.
 */
export function createPositionalReadStream(path: string, start: number, end: number, chunkBytes: number): Readable {
  let position = start;
  return new Readable({
    highWaterMark: chunkBytes,
    read() {
      if (position >= end) {
        this.push(null);
        return;
      }
      const length = Math.min(chunkBytes, end - position);
      readChunk(path, position, length).then(
        (chunk) => {
          if (this.destroyed) return;
          if (chunk.length === 0) {
            this.destroy(new Error(`unexpected end of file at byte ${position}`));
            return;
          }
          position += chunk.length;
          this.push(chunk);
        },
        (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
}

export async function readChunk(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
