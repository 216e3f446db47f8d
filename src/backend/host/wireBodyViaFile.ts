import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BYTES_TAG } from '../../shared/api/wireCodec';

export class UploadTooLarge extends Error {}

const MARKER = Buffer.from(`{"${BYTES_TAG}":"`, 'ascii');
const UPLOAD_TAG = '__kaopingUpload';

/** Passes bytes through, failing once more than `limit` have gone by. */
function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      done(seen > limit ? new UploadTooLarge() : null, chunk);
    },
  });
}

/**
 * Reads a wire-encoded request body (wireCodec: JSON with file bytes as tagged base64) without
 * ever holding the body in memory: it streams to a temporary file, then a scanner copies the
 * JSON around the base64 and decodes each file's base64 in chunks into a file of its own. Only
 * the decoded files are read back (the handlers take bytes), so one upload costs about its
 * files' size, not the 2–4 times that JSON.parse of a base64 body takes.
 */
export async function wireBodyViaFile(req: IncomingMessage, tempRoot: string, limit: number): Promise<unknown> {
  const dir = await mkdtemp(path.join(tempRoot, 'upload-'));
  try {
    const bodyFile = path.join(dir, 'body.json');
    await pipeline(req, byteLimit(limit), createWriteStream(bodyFile));
    const { json, files } = await splitBase64(bodyFile, dir);
    const contents: Buffer[] = [];
    for (const file of files) contents.push(await readFile(file));
    return JSON.parse(json, (_key, v: unknown) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1) {
        const index = (v as Record<string, unknown>)[UPLOAD_TAG];
        if (typeof index === 'number') return contents[index];
      }
      return v;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The body's JSON with every tagged base64 replaced by {"__kaopingUpload": i}, and file i decoded on disk. */
async function splitBase64(bodyFile: string, dir: string): Promise<{ json: string; files: string[] }> {
  const jsonParts: Buffer[] = [];
  const files: string[] = [];
  let out: ReturnType<typeof createWriteStream> | null = null;
  let carry = Buffer.alloc(0);
  /** base64 characters left over from the last chunk (not a multiple of 4). */
  let pending = '';
  let skipBrace = false;
  const write = (data: Buffer) => new Promise<void>((resolve, reject) => out!.write(data, (err) => (err ? reject(err) : resolve())));
  for await (const chunk of createReadStream(bodyFile, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    let buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    carry = Buffer.alloc(0);
    while (buf.length > 0) {
      if (skipBrace) {
        if (buf[0] !== 0x7d) throw new SyntaxError('malformed upload');
        buf = buf.subarray(1);
        skipBrace = false;
        continue;
      }
      if (out === null) {
        const at = buf.indexOf(MARKER);
        if (at === -1) {
          // Keep what could be the start of a marker cut by the chunk's end.
          const keep = Math.min(buf.length, MARKER.length - 1);
          jsonParts.push(Buffer.from(buf.subarray(0, buf.length - keep)));
          carry = Buffer.from(buf.subarray(buf.length - keep));
          buf = Buffer.alloc(0);
          continue;
        }
        jsonParts.push(Buffer.from(buf.subarray(0, at)), Buffer.from(`{"${UPLOAD_TAG}":${files.length}}`));
        const file = path.join(dir, `file-${files.length}.bin`);
        files.push(file);
        out = createWriteStream(file);
        buf = buf.subarray(at + MARKER.length);
        continue;
      }
      const end = buf.indexOf(0x22); // the closing quote
      const text = pending + buf.subarray(0, end === -1 ? buf.length : end).toString('ascii');
      const whole = end === -1 ? text.length - (text.length % 4) : text.length;
      if (whole > 0) await write(Buffer.from(text.slice(0, whole), 'base64'));
      pending = text.slice(whole);
      if (end === -1) {
        buf = Buffer.alloc(0);
        continue;
      }
      const finished = out;
      await new Promise<void>((resolve, reject) => finished.end((err?: Error | null) => (err ? reject(err) : resolve())));
      out = null;
      pending = '';
      skipBrace = true;
      buf = buf.subarray(end + 1);
    }
  }
  if (out !== null || skipBrace) throw new SyntaxError('malformed upload');
  jsonParts.push(carry);
  return { json: Buffer.concat(jsonParts).toString('utf8'), files };
}
