import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UploadTooLarge, wireBodyViaFile } from '../../../../src/backend/host/wireBodyViaFile';
import { encodeWire } from '../../../../src/shared/api/wireCodec';
import { tempDir } from '../../../helpers/tempDir';

const dir = tempDir('kaoping-wire-file-');

/** A request body delivered in odd-sized pieces, so markers and base64 groups straddle chunks. */
function body(text: string, piece = 65_537): IncomingMessage {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += piece) pieces.push(bytes.subarray(i, i + piece));
  return Readable.from(pieces) as unknown as IncomingMessage;
}

describe('wireBodyViaFile', () => {
  it('decodes what encodeWire wrote, file bytes of every length included', async () => {
    const files = [0, 1, 2, 3, 4, 1024 * 1024 + 1, 3 * 1024 * 1024 + 7].map((n, i) => ({
      fileName: i === 1 ? '名字 {"__kaopingBytes":"x"}.csv' : `文件${i}.xlsx`,
      bytes: new Uint8Array(randomBytes(n)),
    }));
    const arg = { jobId: 'j', files, skipInvalid: false };
    const decoded = (await wireBodyViaFile(body(encodeWire(arg)), dir, 100 * 1024 * 1024)) as typeof arg;
    expect(decoded.jobId).toBe('j');
    expect(decoded.skipInvalid).toBe(false);
    expect(decoded.files.map((f) => f.fileName)).toEqual(files.map((f) => f.fileName));
    decoded.files.forEach((f, i) => {
      expect(f.bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(f.bytes).equals(Buffer.from(files[i]!.bytes)), f.fileName).toBe(true);
    });
  });

  it('refuses a body above the limit', async () => {
    await expect(wireBodyViaFile(body(encodeWire({ bytes: new Uint8Array(randomBytes(10_000)) })), dir, 5_000)).rejects.toBeInstanceOf(UploadTooLarge);
  });
});
