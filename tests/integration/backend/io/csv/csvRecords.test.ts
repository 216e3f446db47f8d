import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../../../../src/backend/io/csv/csvRecords';

/**
 * csvRecords splits the regular records itself (CsvSplitter) and hands the rest to csv-parse;
 * either way it must give what csv-parse alone gives with the options openCsv used to pass it,
 * whatever the text and however the decoder cuts it into chunks.
 */
const MAX = 1000;

function reference(text: string, delimiter: string, skippedLines = 0): { records: string[][] } | { error: string } {
  try {
    const records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: false,
      max_record_size: MAX,
      from_line: skippedLines + 1,
    }) as string[][];
    return { records };
  } catch (error) {
    return { error: String((error as { code?: unknown }).code) };
  }
}

async function split(chunks: string[], delimiter: string, skippedLines = 0): Promise<{ records: string[][] } | { error: string }> {
  async function* text() {
    for (const c of chunks) yield c;
  }
  try {
    const records: string[][] = [];
    for await (const batch of csvRecords(text(), { delimiter, skippedLines, maxRecordChars: MAX })) records.push(...batch);
    return { records };
  } catch (error) {
    return { error: String((error as { code?: unknown }).code) };
  }
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function cut(text: string, next: () => number): string[] {
  const chunks: string[] = [];
  let at = 0;
  while (at < text.length) {
    const size = 1 + Math.floor(next() * 12);
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

const CASES: [string, string][] = [
  ['plain', '订单日期,许可证号,金额\n2025/10/9,370902110001,"8,625.00"\n2025/10/9,370902110002,916.20\n'],
  ['crlf, no final line ending', 'a,b\r\n"x ""quoted"" y",2\r\n3,4'],
  ['newlines inside quotes', 'a,"line 1\nline 2\r\nline 3",c\n"",""\n'],
  ['empty lines and trailing delimiters', 'a,b,\n\n,\n\nc\n'],
  ['delimiter at the very end', 'a,b\nc,'],
  ['quote inside an unquoted field', 'a"b,12"\n"c",d"\n'],
  ['closing quote followed by text', 'a,"b"c,d\ne,f\n'],
  ['closing quote followed by a space', '"a" ,b\nc,d\n'],
  ['a bare CR line ending', 'a,b\rc,d\r'],
  ['LF file with a CRLF later', 'a,b\nc,d\r\ne,f\n'],
  ['CRLF file with a bare LF later', 'a,b\r\nc,d\ne,f\r\n'],
  ['unclosed quote', 'a,b\n"c,d\ne,f\n'],
  ['record longer than the limit', `a,b\n"${'x'.repeat(MAX + 10)}"\n`],
  ['quote only', '"'],
  ['empty', ''],
];

describe('csvRecords', () => {
  for (const [name, text] of CASES) {
    it(`matches csv-parse: ${name}`, async () => {
      const expected = reference(text, ',');
      expect(await split([text], ',')).toEqual(expected);
      const next = random(text.length);
      for (let i = 0; i < 20; i++) expect(await split(cut(text, next), ',')).toEqual(expected);
    });
  }

  it('matches csv-parse with a "sep=" line to skip and with semicolons or tabs', async () => {
    const text = 'sep=;\na;"b;c"\n1;2\n';
    expect(await split([text], ';', 1)).toEqual(reference(text, ';', 1));
    const tabs = 'a\t"b\tc"\t\n1\t2\n';
    expect(await split(cut(tabs, random(7)), '\t')).toEqual(reference(tabs, '\t'));
  });

  it('matches csv-parse on chunks much longer than one split batch, odd records far into them', async () => {
    // A decoded chunk (about a megabyte of text) is split a slice at a time; records, quotes and
    // the hand-over to csv-parse must not notice where a slice ends.
    const line = (i: number) => `2025/10/${1 + (i % 28)},3709021${String(i).padStart(5, '0')},"${i % 7 === 0 ? '8,6""25' : 'x\ny'}.00",中华(硬)\n`;
    const regular = Array.from({ length: 4000 }, (_, i) => line(i)).join('');
    for (const [name, odd] of [
      ['regular only', ''],
      ['a closing quote followed by text', 'a,"b"c,d\n'],
      ['a CRLF after LF lines', 'a,b\r\nc,d\n'],
      ['an unclosed quote', 'a,"b\n'],
    ] as const) {
      const text = `${regular.slice(0, 90_000)}${regular.slice(90_000).replace(/^[^\n]*\n/, '')}${odd}${regular.slice(0, 5_000)}`;
      const expected = reference(text, ',');
      expect(text.length).toBeGreaterThan(100_000);
      expect({ name, got: await split([text], ',') }).toEqual({ name, got: expected });
      expect({ name, got: await split([text.slice(0, 40_000), text.slice(40_000, 100_000), text.slice(100_000)], ',') }).toEqual({ name, got: expected });
    }
  });

  it('matches csv-parse on random text of delimiters, quotes and line endings', async () => {
    const alphabet = ['a', '中', ',', ',', '"', '"', '\n', '\r\n', '\r', ' ', '""'];
    const next = random(20261127);
    for (let round = 0; round < 3000; round++) {
      const parts: string[] = [];
      const length = Math.floor(next() * 40);
      // Most rounds use one line ending, as real files do; some mix them.
      const mixed = next() < 0.2;
      for (let i = 0; i < length; i++) {
        let piece = alphabet[Math.floor(next() * alphabet.length)] as string;
        if (!mixed && (piece === '\r' || piece === '\r\n')) piece = '\n';
        parts.push(piece);
      }
      const text = parts.join('');
      const expected = reference(text, ',');
      const got = await split(cut(text, next), ',');
      expect({ text, got }).toEqual({ text, got: expected });
    }
  });
});
