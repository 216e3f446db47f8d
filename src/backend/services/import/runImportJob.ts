import { HEADER_SCAN_ROWS } from '../../../core/import/detectHeader';
import { KIND_KEYS, type KindKey } from '../../../shared/kindKeys';
import type { SavedMappingInfo } from '../../../shared/api/importApi';
import type { FileImportReport } from '../../../shared/importReport';
import type { Store } from '../../db/openStore';
import { openSpreadsheet } from '../../io/openSpreadsheet';
import { peekRows } from '../../io/peekRows';
import type { SheetSource, SpreadsheetInput, SpreadsheetSource } from '../../io/spreadsheetSource';
import { undoBatch } from '../undoBatch';
import { emptyReport, importFile, type OpenedFile } from './importFile';
import { findDataSheet } from './findDataSheet';
import { findSavedMapping, type SavedMappingMatch } from './savedMappings';

export interface ImportJobFile {
  input: SpreadsheetInput;
  kind?: KindKey;
  manualMapping?: Record<string, number>;
  encoding?: 'auto' | 'utf8' | 'gb18030';
  /** The month this file's route assignments hold from (retailer files); wins over the job's. */
  asOfMonth?: string;
  /** The header row a preview found, sent with its mapping: the import executes that plan without searching again. */
  headerRowNumber?: number;
  /** The sheet that plan belongs to. */
  sheet?: string;
}

export interface ImportJobProgress {
  file: string;
  /** 0-based position in the order the files are imported (dependency order). */
  fileIndex: number;
  fileCount: number;
  rowsDone: number;
}

export interface ImportJobOptions {
  skipInvalid?: boolean;
  asOfMonth?: string;
  /** Check and count every file, write nothing. */
  dryRun?: boolean;
  now: Date;
  /** Who imports: recorded on every batch (import history, `stats`). */
  importedBy?: string;
  signal?: AbortSignal;
  savedMappings?: readonly SavedMappingInfo[];
  onProgress?: (p: ImportJobProgress) => void;
  /** The district (营销部) to import into, by name; without it a roster's 营销部 column decides for the job. */
  district?: string;
}

interface PlannedFile {
  file: ImportJobFile;
  /** The kind the file is taken as for the import order. */
  kind: KindKey | null;
  /** The kind the user or a saved mapping gave: only this one is imposed on the import. */
  givenKind?: KindKey;
  manualMapping: Record<string, number> | undefined;
  headerRowNumber?: number;
  sheet?: string;
  /** The file opened while planning, at the sheet and header found: the import reads on from there. */
  opened?: OpenedFile;
}

const CANCELLED_MESSAGE = '导入已取消，数据库没有任何改动';

function fileNameOf(input: SpreadsheetInput): string {
  return typeof input === 'string' ? input : input.fileName;
}

/**
 * A file's plan, made once: the kind it is taken as (for the import order), and the file opened
 * at the sheet and header found, which the import then reads on without opening or searching the
 * file again; or the saved mapping that applies to it (the first sheet whose header row equals a
 * saved mapping's headers), applied to that sheet. A file the preview planned (its mapping and
 * header row given) is not opened here: the import opens it once. A file that cannot be opened is
 * planned last, without a plan; the import reports why.
 */
async function planFile(file: ImportJobFile, saved: readonly SavedMappingInfo[]): Promise<PlannedFile> {
  if (file.manualMapping !== undefined || (file.kind !== undefined && saved.length === 0)) {
    return {
      file,
      kind: file.kind ?? null,
      givenKind: file.kind,
      manualMapping: file.manualMapping,
      ...(file.manualMapping !== undefined && file.headerRowNumber !== undefined ? { headerRowNumber: file.headerRowNumber, sheet: file.sheet } : {}),
    };
  }
  const unplanned: PlannedFile = { file, kind: file.kind ?? null, givenKind: file.kind, manualMapping: undefined };
  let source: SpreadsheetSource;
  try {
    source = await openSpreadsheet(file.input, { encoding: file.encoding });
  } catch {
    // Refusals are reported by the import itself, with the full reason.
    return unplanned;
  }
  const all = source.sheets();
  const close = async () => {
    await all.return(undefined);
  };
  try {
    let savedSheet: { match: SavedMappingMatch; sheet: SheetSource } | null = null;
    // Each sheet is first compared with the saved mappings, then searched as the import would.
    // Stepped by hand: leaving a for-await loop would close the stream the found sheet's rows come from.
    async function* unlessSaved(): AsyncGenerator<SheetSource> {
      for (let next = await all.next(); next.done !== true; next = await all.next()) {
        const sheet = next.value;
        const { head, rest } = await peekRows(sheet.rows, HEADER_SCAN_ROWS);
        const match = findSavedMapping(head, saved);
        if (match && (file.kind === undefined || file.kind === match.mapping.kind)) {
          savedSheet = { match, sheet: { ...sheet, rows: rest } };
          return;
        }
        yield { ...sheet, rows: rest };
      }
    }
    const name = fileNameOf(file.input);
    const found = await findDataSheet(unlessSaved(), { kind: file.kind }, name);
    const saw = savedSheet as { match: SavedMappingMatch; sheet: SheetSource } | null;
    if (saw !== null) {
      const { mapping, headerRowNumber } = saw.match;
      const onSheet = await findDataSheet(only(saw.sheet), { kind: mapping.kind, manualMapping: mapping.mapping, headerRowNumber }, name);
      return { file, kind: mapping.kind, givenKind: mapping.kind, manualMapping: mapping.mapping, headerRowNumber, opened: { source, found: onSheet, close } };
    }
    return { ...unplanned, kind: 'match' in found ? found.match.kind : unplanned.kind, opened: { source, found, close } };
  } catch {
    await close().catch(() => undefined);
    return unplanned;
  }
}

async function* only(sheet: SheetSource): AsyncGenerator<SheetSource> {
  yield sheet;
}

function cancelledReport(file: string): FileImportReport {
  return { ...emptyReport(file), status: 'cancelled', message: CANCELLED_MESSAGE };
}

/**
 * Imports files in dependency order (roster, retailers, brands, calendar, then the rest), each
 * file in its own transaction, with progress per file. Cancelling (opts.signal) stops the file
 * being read, skips the rest and undoes the files this job already committed, so a cancelled
 * job leaves every imported table as it was (the undone batches stay listed as 撤销).
 * The caller must keep other writers away meanwhile (the handlers hold the write lock).
 */
export async function runImportJob(store: Store, files: readonly ImportJobFile[], opts: ImportJobOptions): Promise<FileImportReport[]> {
  const saved = opts.savedMappings ?? [];
  const planned: PlannedFile[] = [];
  for (const file of files) planned.push(await planFile(file, saved));
  const orderOf = (p: PlannedFile) => (p.kind === null ? KIND_KEYS.length : KIND_KEYS.indexOf(p.kind));
  // Array.prototype.sort is stable: files of one kind keep the order they were given in.
  planned.sort((a, b) => orderOf(a) - orderOf(b));

  const reports: FileImportReport[] = [];
  const fileCount = planned.length;
  // A dry run checks the files as one job would import them (the retailer file sees the roster
  // dropped with it) inside one transaction, rolled back at the end: nothing is written.
  const dryRun = opts.dryRun === true;
  const jobTransaction = dryRun ? await store.db.startTransaction().execute() : undefined;
  // The job's district: chosen, else the one its roster's 营销部 column named (files after the
  // roster go where it went). When the roster's district cannot be told, the files after it are
  // not imported either: they would land in the store's only district, which may not be theirs.
  let district = opts.district;
  let districtUnknown: string | null = null;
  try {
  for (const [fileIndex, p] of planned.entries()) {
    if (opts.signal?.aborted) {
      reports.push(cancelledReport(fileNameOf(p.file.input)));
      continue;
    }
    if (districtUnknown !== null) {
      const refused = emptyReport(fileNameOf(p.file.input));
      refused.message = `未导入：同批的花名册「${districtUnknown}」所属的营销部不明，请先选择营销部再导入这批文件`;
      refused.districtRefused = true;
      reports.push(refused);
      continue;
    }
    const report = await importFile(store, p.file.input, {
      kind: p.givenKind,
      manualMapping: p.manualMapping,
      headerRowNumber: p.headerRowNumber,
      sheet: p.sheet,
      opened: p.opened,
      encoding: p.file.encoding,
      skipInvalid: opts.skipInvalid,
      asOfMonth: p.file.asOfMonth ?? opts.asOfMonth,
      dryRun,
      jobTransaction,
      now: opts.now,
      importedBy: opts.importedBy,
      signal: opts.signal,
      onProgress: (progress) => opts.onProgress?.({ file: progress.file, fileIndex, fileCount, rowsDone: progress.rowsDone }),
      district,
    });
    reports.push(report);
    if (report.kind === 'roster' && report.status === 'imported' && report.district) district ??= report.district;
    if (report.kind === 'roster' && report.districtRefused === true) districtUnknown = report.file;
  }
  } finally {
    await jobTransaction?.rollback().execute();
    // Files a cancel skipped were opened by planning and never read.
    for (const p of planned) await p.opened?.close();
  }

  if (opts.signal?.aborted) {
    // Newest first, so a later file's rows never block undoing the rows they point at.
    for (const report of [...reports].reverse()) {
      if (report.status !== 'imported' || report.batchId === null) continue;
      const undone = await undoBatch(store, report.batchId, opts.now);
      if (!undone.ok) throw new Error(`undoing batch ${report.batchId} after cancel failed: ${undone.message}`);
      report.status = 'cancelled';
      report.message = `${CANCELLED_MESSAGE}（已导入的部分已撤销）`;
      report.batchId = null;
    }
  }
  return reports;
}
