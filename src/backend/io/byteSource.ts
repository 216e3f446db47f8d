import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { FileRefusedError } from './fileRefusedError';
import { createPositionalReadStream, readChunk } from './positionalReadStream';
import { refuse } from './refusals';
import type { SpreadsheetInput } from './spreadsheetSource';

/** The bytes of the file being imported, whether it lives on disk or in memory. */
export interface ByteSource {
  fileName: string;
  sizeBytes: number;
  /** The first `length` bytes (fewer if the file is shorter). */
  readHead(length: number): Promise<Buffer>;
  /**
   * A fresh stream over all bytes, in chunks of `chunkBytes` (default 1 MB); holds no file
   * descriptor while the consumer is not reading.
   */
  openStream(chunkBytes?: number): Readable;
  sha256(): Promise<string>;
  /** The path when the file is on disk, else the whole content. */
  location: { path: string } | { bytes: Buffer };
}

const STREAM_CHUNK_BYTES = 1024 * 1024;

export async function createByteSource(input: SpreadsheetInput): Promise<ByteSource> {
  return typeof input === 'string' ? fileByteSource(input) : memoryByteSource(input.fileName, input.bytes);
}

function memoryByteSource(fileName: string, bytes: Uint8Array): ByteSource {
  // A view, not a copy: uploads can be large.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    fileName,
    sizeBytes: buffer.length,
    location: { bytes: buffer },
    readHead: (length) => Promise.resolve(buffer.subarray(0, length)),
    openStream: (chunkBytes = STREAM_CHUNK_BYTES) => {
      let offset = 0;
      return new Readable({
        read() {
          if (offset >= buffer.length) {
            this.push(null);
            return;
          }
          const end = Math.min(offset + chunkBytes, buffer.length);
          this.push(buffer.subarray(offset, end));
          offset = end;
        },
      });
    },
    sha256: () => Promise.resolve(createHash('sha256').update(buffer).digest('hex')),
  };
}

async function fileByteSource(path: string): Promise<ByteSource> {
  const fileName = basename(path);
  let sizeBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw refuse.notSpreadsheet(fileName, '文件夹或特殊文件');
    sizeBytes = info.size;
  } catch (error) {
    throw translateFsError(error, fileName);
  }
  return {
    fileName,
    sizeBytes,
    location: { path },
    readHead: async (length) => {
      try {
        return await readChunk(path, 0, Math.min(length, sizeBytes));
      } catch (error) {
        throw translateFsError(error, fileName);
      }
    },
    openStream: (chunkBytes = STREAM_CHUNK_BYTES) => createPositionalReadStream(path, 0, sizeBytes, chunkBytes),
    sha256: async () => {
      const hash = createHash('sha256');
      try {
        for await (const chunk of createPositionalReadStream(path, 0, sizeBytes, STREAM_CHUNK_BYTES)) {
          hash.update(chunk as Buffer);
        }
      } catch (error) {
        throw translateFsError(error, fileName);
      }
      return hash.digest('hex');
    },
  };
}

export function translateFsError(error: unknown, fileName: string): Error {
  if (error instanceof FileRefusedError) return error;
  if (error instanceof Error && 'code' in error) {
    switch (error.code) {
      case 'ENOENT':
      case 'ENOTDIR':
        return refuse.notFound(fileName, error);
      case 'EACCES':
      case 'EPERM':
      case 'EBUSY':
        return refuse.unreadable(fileName, '没有读取权限或文件正被其他程序占用，请关闭 Excel/WPS 后再试', error);
      case 'EISDIR':
        return refuse.notSpreadsheet(fileName, '文件夹');
    }
  }
  return error instanceof Error ? error : new Error(String(error));
}
