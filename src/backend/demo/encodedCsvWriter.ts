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
    const line = fields.map(csvField).join(',') + '\n';
    this.pending.push(line);
    this.pendingChars += line.length;
    this.lines++;
    if (this.pendingChars >= FLUSH_AT_CHARS) await this.flush();
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

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    const bytes = this.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
    if (!this.stream.write(bytes)) await once(this.stream, 'drain');
  }
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** 3168 → '3,168.00', as the provincial system prints amounts. */
export function formatAmount(value: number): string {
  const [whole = '0', fraction = '00'] = value.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}
