import { detectHeader } from '../../../core/import/detectHeader';
import { KIND_NAMES, type KindName } from '../../../core/import/kinds';
import type { FileImportReport } from '../../../shared/importReport';
import type { Store } from '../../db/openStore';
import { openSpreadsheet } from '../../io/openSpreadsheet';
import { peekRows } from '../../io/peekRows';
import type { SpreadsheetInput } from '../../io/spreadsheetSource';
import { importFile, type ImportFileOptions } from './importFile';

/** The kind a file's first recognisable sheet holds, or null (the import will say why). */
export async function detectFileKind(input: SpreadsheetInput, opts: Pick<ImportFileOptions, 'encoding' | 'limits'>): Promise<KindName | null> {
  try {
    const source = await openSpreadsheet(input, { encoding: opts.encoding, limits: opts.limits });
    for await (const sheet of source.sheets()) {
      const { head } = await peekRows(sheet.rows, 30);
      const match = detectHeader(head);
      if (match && match.missingRequired.length === 0) return match.kind;
    }
  } catch {
    // Refusals are reported by the import itself, with the full reason.
  }
  return null;
}

/**
 * Imports files in dependency order (roster, retailers, brands, calendar, then the rest),
 * whatever order they were given in, each file in its own transaction.
 */
export async function importFiles(
  store: Store,
  inputs: SpreadsheetInput[],
  opts: ImportFileOptions,
): Promise<FileImportReport[]> {
  const planned: { input: SpreadsheetInput; order: number }[] = [];
  for (const input of inputs) {
    const kind = opts.kind ?? (await detectFileKind(input, opts));
    planned.push({ input, order: kind ? KIND_NAMES.indexOf(kind) : KIND_NAMES.length });
  }
  planned.sort((a, b) => a.order - b.order);
  const reports: FileImportReport[] = [];
  for (const { input } of planned) reports.push(await importFile(store, input, opts));
  return reports;
}
