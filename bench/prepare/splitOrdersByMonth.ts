import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';

/**
 * What Kaoping tells a supervisor whose orders file passes its row limit: split it by month.
 * Splits a GB18030 orders CSV into one file per month (header repeated, the 合计 line left out),
 * working on bytes: the date field is ASCII and 0x0A never occurs inside a GB18030 character.
 */
export async function splitOrdersByMonth(source: string, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const outputs = new Map<string, WriteStream>();
  let header: Buffer | null = null;
  let carry = Buffer.alloc(0);
  const writeLine = async (line: Buffer) => {
    if (!header) {
      header = Buffer.from(line);
      return;
    }
    // 2025/10/9,… → 2025-10
    const match = /^(\d{4})[/-](\d{1,2})[/-]/.exec(line.subarray(0, 12).toString('latin1'));
    if (!match) return;
    const month = `${match[1]}-${(match[2] ?? '').padStart(2, '0')}`;
    let out = outputs.get(month);
    if (!out) {
      out = createWriteStream(path.join(outDir, `订单明细_${month}.csv`));
      out.write(header);
      outputs.set(month, out);
    }
    if (!out.write(line)) await once(out, 'drain');
  };
  for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
      await writeLine(data.subarray(start, nl + 1));
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
  if (carry.length > 0) await writeLine(carry);
  for (const out of outputs.values()) {
    out.end();
    await once(out, 'finish');
  }
  return [...outputs.keys()].sort().map((month) => path.join(outDir, `订单明细_${month}.csv`));
}
