import { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { CsvSplitter } from './csvSplitter';

export interface CsvRecordOptions {
  delimiter: string;
  /** Physical lines to skip before the first record (the "sep=" line). */
  skippedLines: number;
  /** A record longer than this is an unclosed quote swallowing the rest of the file. */
  maxRecordChars: number;
}

function parserOptions(options: CsvRecordOptions, lineEnding: '\n' | '\r\n' | null): Options {
  return {
    delimiter: options.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: false,
    max_record_size: options.maxRecordChars,
    from_line: options.skippedLines + 1,
    ...(lineEnding === null ? {} : { record_delimiter: lineEnding }),
  };
}

/**
 * The records of decoded CSV text, a batch per chunk of text. CsvSplitter does the regular
 * records; csv-parse (the reference behaviour) takes over, for good, from the first record the
 * splitter will not judge, and does the whole file when there are lines to skip.
 */
export async function* csvRecords(text: AsyncIterable<string>, options: CsvRecordOptions): AsyncGenerator<string[][], void, undefined> {
  const chunks = text[Symbol.asyncIterator]();
  if (options.skippedLines > 0) {
    yield* parsed(chunks, '', parserOptions(options, null));
    return;
  }
  const splitter = new CsvSplitter(options.delimiter, options.maxRecordChars);
  for (;;) {
    const next = await chunks.next();
    const text = next.done === true ? null : String(next.value);
    // A chunk is split a slice at a time: a batch of a whole chunk's records outlives the young
    // generation while it is imported, so each batch would go to the old one as garbage to come.
    for (let from = 0; text !== null && from < text.length; from += SPLIT_CHARS) {
      const batch: string[][] = [];
      const regular = splitter.push(text.slice(from, from + SPLIT_CHARS), batch);
      if (batch.length > 0) yield batch;
      if (!regular) {
        yield* parsed(next.done === true ? emptyIterator() : chunks, (splitter.irregularRest ?? '') + text.slice(from + SPLIT_CHARS), parserOptions({ ...options, skippedLines: 0 }, splitter.lineEnding));
        return;
      }
    }
    if (next.done === true) {
      const batch: string[][] = [];
      const regular = splitter.push(null, batch);
      if (batch.length > 0) yield batch;
      if (!regular) yield* parsed(emptyIterator(), splitter.irregularRest ?? '', parserOptions({ ...options, skippedLines: 0 }, splitter.lineEnding));
      return;
    }
  }
}

/** Characters of decoded text split into one batch of records (a few hundred order lines). */
const SPLIT_CHARS = 16 * 1024;

async function* parsed(rest: AsyncIterator<string>, head: string, options: Options): AsyncGenerator<string[][], void, undefined> {
  const parser = parse(options);
  const source = Readable.from(
    (async function* () {
      if (head.length > 0) yield head;
      for (let next = await rest.next(); next.done !== true; next = await rest.next()) yield String(next.value);
    })(),
    { objectMode: false },
  );
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield [record];
  } finally {
    source.destroy();
    parser.destroy();
  }
}

async function* emptyIterator(): AsyncGenerator<string, void, undefined> {}
