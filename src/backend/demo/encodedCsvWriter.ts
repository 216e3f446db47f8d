import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import iconv from 'iconv-lite';

export type CsvEncoding = 'gb18030' | 'utf-8-bom';

const FLUSH_AT_CHARS = 256 * 1024;

/**
 * A CSV file written in chunks: lines collect in a string, are encoded (GB18030 as Chinese
 * office software does, or UTF-8 with a BOM) and written with back-pressure, so that a
 * million order lines never sit in memory at once.
 */
export class EncodedCsvWriter {
  private pending: string[] = [];
  private pendingChars = 0;
  private lines = 0;

  private constructor(
    private readonly stream: WriteStream,
    private readonly encoding: CsvEncoding,
  ) {}

  static open(path: string, encoding: CsvEncoding): EncodedCsvWriter {
    const stream = createWriteStream(path);
    if (encoding === 'utf-8-bom') stream.write(Buffer.from([0xef, 0xbb, 0xbf]));
    return new EncodedCsvWriter(stream, encoding);
  }

  /** Queues one line; awaits only when a chunk is flushed. */
  async writeRow(fields: readonly (string | number)[]): Promise<void> {
    if (this.push(fields)) await this.flush();
  }

  /** Queues one line without awaiting; true when the caller should `flush()` before going on. */
  push(fields: readonly (string | number)[]): boolean {
    let line = '';
    for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : ',') + csvField(fields[i] as string | number);
    line += '\n';
    this.pending.push(line);
    this.pendingChars += line.length;
    this.lines++;
    return this.pendingChars >= FLUSH_AT_CHARS;
  }

  /** Lines written, the header included. */
  get linesWritten(): number {
    return this.lines;
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    const bytes = this.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }
}

function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  return value.includes(',') || value.includes('"') || value.includes('\n') || value.includes('\r')
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/** 3168 → '3,168.00', as the provincial system prints amounts. */
export function formatAmount(value: number): string {
  const cents = Math.round(Math.abs(value) * 100);
  let whole = String(Math.floor(cents / 100));
  for (let i = whole.length - 3; i > 0; i -= 3) whole = `${whole.slice(0, i)},${whole.slice(i)}`;
  const fraction = String(cents % 100).padStart(2, '0');
  return `${value < 0 ? '-' : ''}${whole}.${fraction}`;
}
