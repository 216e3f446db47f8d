import type { RawRow } from '../../../../src/core/import/cell';
import type { SpreadsheetSource } from '../../../../src/backend/io/spreadsheetSource';

export interface ReadSheet {
  name: string;
  index: number;
  hidden: boolean;
  rows: RawRow[];
}

export async function readAllRows(source: SpreadsheetSource): Promise<ReadSheet[]> {
  const sheets: ReadSheet[] = [];
  for await (const sheet of source.sheets()) {
    const rows: RawRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    sheets.push({ name: sheet.name, index: sheet.index, hidden: sheet.hidden, rows });
  }
  return sheets;
}

/** The number of file descriptors this process holds (Linux), to catch leaked streams. */
export async function openFileDescriptorCount(): Promise<number> {
  const { readdirSync } = await import('node:fs');
  // Let destroyed streams finish closing their descriptors.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return readdirSync('/proc/self/fd').length;
}
