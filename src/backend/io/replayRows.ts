import type { RawRow } from '../../core/import/cell';

/** Rows already in memory (a .xls sheet, an HTML table) as a SheetRowStream's row generator. */
export async function* replayRows(rows: readonly RawRow[], onEnd: () => void): AsyncGenerator<RawRow, void, undefined> {
  try {
    for (const row of rows) yield row;
  } finally {
    onEnd();
  }
}
