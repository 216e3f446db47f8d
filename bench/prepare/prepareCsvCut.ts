import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';
import { numberParam, stringParam, type TaskParams, type TaskResult } from '../childProtocol';

async function write(stream: WriteStream, chunk: Buffer | string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function finish(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

/**
 * The header and the first `rows` data lines of the demo's GB18030 orders CSV, twice: as they
 * are (what Kaoping imports) and re-encoded as UTF-8 (what the sqlite3 CLI imports). Lines are
 * split on the byte 0x0A, which never occurs inside a GB18030 multi-byte character.
 */
export async function prepareCsvCut(params: TaskParams): Promise<TaskResult> {
  const wanted = numberParam(params, 'rows') + 1;
  const gbOut = createWriteStream(stringParam(params, 'gbOut'));
  const utf8Out = createWriteStream(stringParam(params, 'utf8Out'));
  let lines = 0;
  let carry = Buffer.alloc(0);
  const source = createReadStream(stringParam(params, 'source'), { highWaterMark: 1 << 20 });
  for await (const chunk of source as AsyncIterable<Buffer>) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl !== -1 && lines < wanted; nl = data.indexOf(0x0a, start)) {
      const line = data.subarray(start, nl + 1);
      await write(gbOut, line);
      await write(utf8Out, iconv.decode(line, 'gb18030'));
      lines++;
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
    if (lines >= wanted) break;
  }
  source.destroy();
  await finish(gbOut);
  await finish(utf8Out);
  if (lines < wanted) throw new Error(`the orders CSV has only ${lines - 1} data rows, ${wanted - 1} wanted`);
  return { rows: lines - 1 };
}
