import type { Readable } from 'node:stream';
import { readAttributes } from './xmlAttributes';
import { XmlScanner } from './xmlScanner';

export interface SheetProbe {
  /** Rows the <dimension> element declares, when present and well-formed. */
  declaredRows: number | undefined;
  /** True when <sheetData> was seen to hold no row at all. */
  empty: boolean;
}

/** Enough to get past <sheetPr>, <dimension>, <sheetViews> and <cols> of any real sheet. */
const PROBE_CHARS = 64 * 1024;

/**
 * Looks at the start of a worksheet part only (a few KB inflated, whatever the sheet's
 * size) for its declared dimension and whether it has rows at all. Destroys the stream.
 */
export async function probeSheet(stream: Readable): Promise<SheetProbe> {
  const probe: SheetProbe = { declaredRows: undefined, empty: false };
  let decided = false;
  let inSheetData = false;
  const scanner = new XmlScanner({
    openTag(name, source, start, end, selfClosing) {
      if (name === 'dimension') {
        probe.declaredRows = rowsOfRange(readAttributes(source, start, end).get('ref') ?? '');
      } else if (name === 'sheetData') {
        if (selfClosing && !decided) {
          probe.empty = true;
          decided = true;
        } else {
          inSheetData = true;
        }
      } else if (name === 'row' && inSheetData && !decided) {
        decided = true;
      }
    },
    closeTag(name) {
      if (name === 'sheetData' && !decided) {
        probe.empty = true;
        decided = true;
      }
    },
    text() {},
  });

  const decoder = new TextDecoder('utf-8');
  let seen = 0;
  try {
    for await (const chunk of stream) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      scanner.write(text);
      seen += text.length;
      if (decided || seen >= PROBE_CHARS) break;
    }
  } finally {
    stream.destroy();
  }
  return probe;
}

const RANGE = /^\$?[A-Za-z]{1,3}\$?(\d+)(?::\$?[A-Za-z]{1,3}\$?(\d+))?$/;

function rowsOfRange(ref: string): number | undefined {
  const match = RANGE.exec(ref.trim());
  if (match === null) return undefined;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  return Math.abs(last - first) + 1;
}
