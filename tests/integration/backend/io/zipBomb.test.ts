import { constants, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileRefusedError } from '../../../../src/backend/io/fileRefusedError';
import { openSpreadsheet } from '../../../../src/backend/io/openSpreadsheet';
import { createTempDirectory } from './tempDirectory';
import { minimalWorkbookEntries, writeZip } from './writeZip';

const MiB = 1024 * 1024;
const COPIES = 1200; // 1200 MiB of sheet XML: more than the default 1 GiB limit
const temp = createTempDirectory('zip-bomb');

/**
 * A genuine ~1.2 GB worksheet, deflated, built in milliseconds: a 1 MiB run of rows is
 * compressed once with a full flush (byte-aligned, no back-references across it) and
 * the compressed block repeated, so the inflated stream really is 1200 copies of it.
 */
function deflatedBomb(): { deflated: Buffer; inflatedSize: number } {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const row = '<row><c t="inlineStr"><is><t>炸弹</t></is></c><c><v>1</v></c></row>';
  const chunk = Buffer.from(row.repeat(Math.floor(MiB / Buffer.byteLength(row))));
  const tail = Buffer.from('</sheetData></worksheet>');
  const flushed = (bytes: Buffer): Buffer => deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(chunk);
  const deflated = Buffer.concat([flushed(head), ...Array.from({ length: COPIES }, () => block), deflateRawSync(tail)]);
  return { deflated, inflatedSize: head.length + COPIES * chunk.length + tail.length };
}

let honest: string;
let lying: string;
let inflatedSize: number;

beforeAll(() => {
  const bomb = deflatedBomb();
  inflatedSize = bomb.inflatedSize;
  honest = temp.file('炸弹_如实声明.xlsx');
  writeZip(honest, [...minimalWorkbookEntries(), { name: 'xl/worksheets/sheet1.xml', deflated: bomb.deflated, declaredSize: bomb.inflatedSize }]);
  lying = temp.file('炸弹_谎报大小.xlsx');
  writeZip(lying, [...minimalWorkbookEntries(), { name: 'xl/worksheets/sheet1.xml', deflated: bomb.deflated, declaredSize: 10 * MiB }]);
});
afterAll(() => temp.remove());

/** Reads every row without keeping any, so that RSS shows the reader's own cost. */
async function countRows(path: string): Promise<number> {
  let count = 0;
  for await (const sheet of (await openSpreadsheet(path)).sheets()) for await (const _row of sheet.rows) count++;
  return count;
}

async function refusalOf(path: string): Promise<unknown> {
  try {
    return `not refused, ${await countRows(path)} rows`;
  } catch (error) {
    return error;
  }
}

async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  try {
    return await work();
  } finally {
    const seconds = (performance.now() - started) / 1000;
    const rssAfter = process.memoryUsage().rss;
    console.log(
      `${label}: ${seconds.toFixed(2)} s, RSS ${(rssBefore / MiB).toFixed(0)} → ${(rssAfter / MiB).toFixed(0)} MB, process peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  }
}

describe('a zip bomb', () => {
  it('is a real 1.2 GB sheet in a small file', () => {
    expect(inflatedSize).toBeGreaterThan(1024 ** 3);
  });

  it('is refused from the zip directory when it declares its size', async () => {
    const error = await measure('declared 1.2 GB', () => refusalOf(honest));
    expect(error).toBeInstanceOf(FileRefusedError);
    expect(error).toMatchObject({ code: 'too_large', sheet: 'Sheet1' });
  });

  it('is stopped while inflating when the directory lies about its size', async () => {
    const error = await measure('declared 10 MB, holds 1.2 GB', () => refusalOf(lying));
    expect(error).toBeInstanceOf(FileRefusedError);
    expect(error).toMatchObject({ code: 'unreadable', sheet: 'Sheet1' });
    expect((error as FileRefusedError).message).toContain('声明的大小不符');
  });
});
