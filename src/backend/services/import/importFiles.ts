import type { FileImportReport } from '../../../shared/importReport';
import type { Store } from '../../db/openStore';
import type { SpreadsheetInput } from '../../io/spreadsheetSource';
import type { ImportFileOptions } from './importFile';
import { runImportJob } from './runImportJob';
import { listMappings } from './savedMappings';

/**
 * Imports files in dependency order (roster, retailers, brands, calendar, then the rest),
 * whatever order they were given in, each file in its own transaction, with the saved
 * column mappings applied as the import centre does.
 */
export async function importFiles(
  store: Store,
  inputs: SpreadsheetInput[],
  opts: Pick<ImportFileOptions, 'kind' | 'skipInvalid' | 'encoding' | 'asOfMonth' | 'now' | 'dryRun' | 'importedBy' | 'district'>,
): Promise<FileImportReport[]> {
  return runImportJob(
    store,
    inputs.map((input) => ({ input, kind: opts.kind, encoding: opts.encoding })),
    { skipInvalid: opts.skipInvalid, asOfMonth: opts.asOfMonth, dryRun: opts.dryRun, now: opts.now, importedBy: opts.importedBy, savedMappings: await listMappings(store), district: opts.district },
  );
}
