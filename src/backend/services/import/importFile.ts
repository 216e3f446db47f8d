import path from 'node:path';
import { columnLetter } from '../../../core/import/columnLetter';
import type { KindKey } from '../../../shared/kindKeys';
import type { RawRow } from '../../../core/import/cell';
import { makeRowParser, type RowParseResult } from '../../../core/import/makeRowParser';
import { textOf } from '../../../core/import/records';
import {
  emptyCounts,
  MAX_REPORTED_ISSUES,
  type FileImportReport,
  type ImportIssue,
} from '../../../shared/importReport';
import type { ControlledTransaction } from 'kysely';
import { TABLE_OF_KIND, WRITTEN_TABLES } from '../../db/kindTables';
import { isPostgres } from '../../db/isPostgres';
import { makeUpserters } from '../../db/makeUpserters';
import type { Store } from '../../db/openStore';
import type { Database } from '../../db/schema';
import { enlargeCache } from '../../db/sqlite/enlargeCache';
import { storeOn } from '../../db/storeOn';
import { FileRefusedError } from '../../io/fileRefusedError';
import { openSpreadsheet } from '../../io/openSpreadsheet';
import type { SpreadsheetInput, SpreadsheetLimits, SpreadsheetSource } from '../../io/spreadsheetSource';
import { finishImportBatch, insertImportBatch } from '../../repositories/importBatchRepository';
import { FinalizedMonthError } from '../freeze/finalizedMonthError';
import { MonthTouches } from '../freeze/monthTouches';
import { recordMonth } from '../freeze/recordMonth';
import { refuseFinalizedMonths } from '../freeze/refuseFinalizedMonths';
import { finalizedMonths } from '../journals/finalizedMonths';
import { diskFullMessage, isDiskFull } from './diskFullMessage';
import { DuplicateRows } from './duplicateRows';
import { LinkIndex } from './linkIndex';
import { makeKindWriter } from './makeKindWriter';
import { defaultAsOfMonth, describeAsOfMonth } from './defaultAsOfMonth';
import { findDataSheet, type FoundSheet } from './findDataSheet';
import { RequestError } from '../requestError';
import { CITY_KINDS, DISTRICT_REFUSALS, planImportDistrict, settleImportDistrict } from '../districts/importDistrict';
import { claimWrite, DistrictBusyError } from '../districts/districtWriteLock';

export interface ImportProgress {
  file: string;
  rowsDone: number;
}

export interface ImportFileOptions {
  kind?: KindKey;
  skipInvalid?: boolean;
  encoding?: 'auto' | 'utf8' | 'gb18030';
  /** Field key → 0-based column, from the import centre's hand mapping or a saved mapping. */
  manualMapping?: Record<string, number>;
  /** The header row, when a saved mapping has already found it (its headers need not be recognisable). */
  headerRowNumber?: number;
  /** Only this sheet (the one the preview read, whose header row and mapping are given). */
  sheet?: string;
  /** The file as the import job's planning opened it, at the sheet and header it found: read on, not opened again. */
  opened?: OpenedFile;
  /** The month a retailer file's route assignments hold from. */
  asOfMonth?: string;
  now: Date;
  /** Who imported (--by, KAOPING_USER, the supervisor of 设置 › 常规): kept on the batch. */
  importedBy?: string;
  limits?: Partial<SpreadsheetLimits>;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Check and count everything, write nothing: the transaction is rolled back at the end. */
  dryRun?: boolean;
  /** A dry-run job's transaction: the file runs in a savepoint of it that stays for the next files. */
  jobTransaction?: ControlledTransaction<Database>;
  /** Rows a table must take before its secondary indexes are rebuilt at the end instead (see makeKindWriter); tests lower it. */
  bulkMinRows?: number;
  /** The district (营销部) to import into, by name (--district); needed in a store with several (services/districts/importDistrict). */
  district?: string;
}

/** A file opened and searched once (by the import job's planning), its data sheet's rows not read yet. */
export interface OpenedFile {
  source: SpreadsheetSource;
  found: FoundSheet;
  /** Closes the file; the import calls it when done, the job for a file it never imported. */
  close(): Promise<void>;
}

/** Kinds whose existing rows other data hangs on: changing them is confirmed first in the import centre. */
const MASTER_KINDS: ReadonlySet<KindKey> = new Set(['roster', 'retailers', 'brands']);

const PROGRESS_EVERY = 2000;

class ImportCancelled extends Error {}

/** Why an import failed, in words a supervisor can act on; the transaction was rolled back either way. */
function failureMessage(err: unknown): string {
  if (isDiskFull(err)) return diskFullMessage(err);
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  // SQLite's busy database; PostgreSQL's lock timeout (55P03) and deadlock (40P01).
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === '55P03' || code === '40P01') return '数据库正被其他程序使用，导入已撤销，请稍后重试';
  return `读取文件时出错，导入已撤销：${err instanceof Error ? err.message : String(err)}`;
}

/** A report for a file nothing has happened to yet: refused until proven otherwise. */
export function emptyReport(file: string): FileImportReport {
  return {
    file,
    status: 'refused',
    message: null,
    kind: null,
    sheet: null,
    headerRow: null,
    encoding: null,
    mapped: [],
    unmapped: [],
    missingRequired: [],
    counts: emptyCounts(),
    errors: [],
    errorCount: 0,
    warnings: [],
    batchId: null,
  };
}

function displayName(input: SpreadsheetInput): string {
  return typeof input === 'string' ? path.basename(input) : input.fileName;
}

/**
 * Imports one file as one batch in one transaction: all rows or none (unless skipInvalid),
 * so a refused, failed or cancelled import leaves the database exactly as it was.
 */
export async function importFile(store: Store, input: SpreadsheetInput, opts: ImportFileOptions): Promise<FileImportReport> {
  const file = displayName(input);
  const report = emptyReport(file);
  try {
    if (opts.opened !== undefined) {
      const { source, found, close } = opts.opened;
      report.encoding = source.encoding ?? null;
      report.format = source.format;
      try {
        return await importSheet(store, file, source, found, report, opts);
      } finally {
        await close();
      }
    }
    const source = await openSpreadsheet(input, { encoding: opts.encoding, limits: opts.limits });
    report.encoding = source.encoding ?? null;
    report.format = source.format;
    const sheets = source.sheets();
    try {
      return await importSheet(store, file, source, await findDataSheet(sheets, opts, file), report, opts);
    } finally {
      await sheets.return(undefined);
    }
  } catch (err) {
    if (err instanceof ImportCancelled) {
      report.status = 'cancelled';
      report.message = '导入已取消，数据库没有任何改动';
      report.counts = emptyCounts();
      return report;
    }
    // A RequestError here is a district refusal (which 营销部 the file belongs to): said as it is.
    if (err instanceof FileRefusedError || err instanceof FinalizedMonthError || err instanceof RequestError) {
      report.message = err.message;
      if (err instanceof RequestError && DISTRICT_REFUSALS.has(err.code)) report.districtRefused = true;
      if (err instanceof DistrictBusyError) report.busy = err.busy;
      report.counts = emptyCounts();
      return report;
    }
    report.message = failureMessage(err);
    return report;
  }
}

async function importSheet(
  store: Store,
  file: string,
  source: SpreadsheetSource,
  found: FoundSheet,
  report: FileImportReport,
  opts: ImportFileOptions,
): Promise<FileImportReport> {
    if ('refusal' in found) {
      report.message = found.refusal;
      report.missingRequired = found.missingRequired;
      if (found.candidates !== undefined) report.candidates = found.candidates;
      return report;
    }
    const { sheetName, match, rows } = found;
    if (found.shapeNote !== undefined) report.warnings.push(found.shapeNote);
    report.kind = match.kind;
    report.sheet = sheetName;
    report.headerRow = match.headerRowNumber;
    report.mapped = match.mapped.map((m) => ({ field: m.field, column: m.index, header: m.header }));
    report.unmapped = match.unmapped.map((u) => ({ column: u.index, header: u.header }));

    const addIssue = (issue: Omit<ImportIssue, 'file' | 'sheet'>) => {
      report.errorCount += 1;
      if (report.errors.length < MAX_REPORTED_ISSUES) report.errors.push({ file, sheet: sheetName, ...issue });
    };
    const headerByField = new Map(match.mapped.map((m) => [m.field, m] as const));
    const parse = makeRowParser(match, { date1904: source.date1904 });
    // Inside a dry-run job everything reads through the job's transaction (it sees the files before).
    const job = opts.jobTransaction;
    const reader = job === undefined ? store : storeOn(store, job);
    // The district (营销部) the file goes into; rows link only to that district's people and shops.
    const districtPlan = await planImportDistrict(reader.db, match.kind, opts.district);
    // A district yet to be created (0) has no people, shops or finalized months; a roster's is told by its rows.
    const districtScope = 'id' in districtPlan ? districtPlan.id : 'create' in districtPlan ? 0 : undefined;
    const rosterDepartments = new Set<string>();
    const rosterCodes: string[] = [];
    const links = await LinkIndex.load(reader, districtScope);
    // Only retailer files carry route assignments; the month they speak for is said in the report.
    const asOf = await defaultAsOfMonth(reader, file, opts.now, opts.asOfMonth);
    if (match.kind === 'retailers') {
      report.asOfMonth = asOf.month;
      report.asOfMonthSource = asOf.source;
    }
    // The freeze (定稿): rows in a finalized month are never written, and the file is refused whole.
    if (match.kind === 'retailers') await refuseFinalizedMonths(reader.db, [asOf.month], `导入「${file}」的线路分配（自 ${asOf.month} 起）`, districtScope);
    const frozen = await finalizedMonths(reader.db, districtScope);
    const frozenRows = new MonthTouches();

    // One transaction per file (on SQLite BEGIN IMMEDIATE: the write lock from the start). Inside a
    // dry-run job's transaction each file is a savepoint, kept for the files after it (a retailer
    // file checked after its roster) and rolled back with the job.
    // The cache is enlarged before BEGIN (SQLite will not change temp_store inside a transaction),
    // and BEGIN runs inside the try, so that a BEGIN that fails (a busy database) still puts it back.
    const restoreCache = job !== undefined || isPostgres(store.db) ? () => {} : enlargeCache(store.sqlite);
    // The file's transaction, or its savepoint on the job's (savepoint names are typed by kysely; one name here).
    let trx: ControlledTransaction<Database, ['import_file']> | undefined;
    const end = async (keep: boolean) => {
      const t = trx;
      trx = undefined;
      if (t === undefined) return;
      if (job !== undefined) {
        if (!keep) await t.rollbackToSavepoint('import_file').execute();
        await t.releaseSavepoint('import_file').execute();
      } else if (keep) {
        await t.commit().execute();
      } else {
        await t.rollback().execute();
      }
    };
    const rollback = () => end(false);
    try {
      const opened = job !== undefined ? await job.savepoint('import_file').execute() : await store.db.startTransaction().execute();
      trx = opened as ControlledTransaction<Database, ['import_file']>;
      // The district first (PostgreSQL: its advisory lock; a second writer of it is told who imports).
      // A district yet to be created: the city (districts are created one at a time); a roster's
      // own: claimed once its rows tell which (below). Brands and the calendar are the city's too.
      const who = opts.importedBy;
      if ('id' in districtPlan || 'create' in districtPlan) {
        await claimWrite(opened, { scope: 'id' in districtPlan ? districtPlan.id : 'city', action: 'import', who });
      }
      if (CITY_KINDS.has(match.kind)) await claimWrite(opened, { scope: 'city', action: 'import', who });
      const inTrx = storeOn(store, opened);
      const batchId = await insertImportBatch(inTrx.db, {
        file_name: file,
        sha256: source.sha256,
        kind: match.kind,
        sheet: sheetName,
        header_row: match.headerRowNumber,
        encoding: source.encoding ?? null,
        mapping_json: JSON.stringify(report.mapped),
        as_of_month: match.kind === 'retailers' ? asOf.month : null,
        imported_at: opts.now.toISOString(),
        imported_by: opts.importedBy ?? null,
        undone_at: null,
      });
      const carried = new Set(match.mapped.map((m) => m.field));
      const upserters = makeUpserters(inTrx, batchId);
      const writer = makeKindWriter(match.kind, { store: inTrx, upserters, links, batchId, asOfMonth: asOf.month, bulkMinRows: opts.bulkMinRows, carried });
      // Read ahead where the store wants the keys of the next rows before they are written
      // (PostgreSQL: their stored rows are loaded in one query) and the kind can tell them.
      const keyOf = upserters.lookAhead > 0 ? writer.keyOf : undefined;
      const ownTable = TABLE_OF_KIND[match.kind];
      await upserters.prepare(WRITTEN_TABLES[match.kind], keyOf === undefined ? undefined : ownTable);
      const counts = report.counts;
      // Reshaped sheets give several rows per line of the file: duplicates are looked for in files read as they are.
      const duplicates = found.shapeNote === undefined ? new DuplicateRows() : null;
      const handle = async (row: RawRow, parsed: RowParseResult) => {
        counts.rows += 1;
        if (parsed.status === 'skip') {
          counts.skipped += 1;
        } else if (parsed.status === 'invalid') {
          counts.rejected += 1;
          for (const e of parsed.errors) addIssue({ row: e.rowNumber, column: e.column, columnLetter: e.columnLetter, value: e.value, reason: e.reason });
        } else if (frozen.size > 0 && frozen.has(recordMonth(parsed.record) ?? '')) {
          frozenRows.add(recordMonth(parsed.record), `第 ${row.rowNumber} 行`);
        } else {
          if (parsed.record.kind === 'roster') {
            const code = textOf(parsed.record.data, 'code');
            const department = textOf(parsed.record.data, 'department');
            if (code) rosterCodes.push(code);
            if (department) rosterDepartments.add(department);
          }
          duplicates?.see(row);
          const outcome = writer.write(parsed.record);
          if (outcome.status === 'invalid') {
            counts.rejected += 1;
            for (const e of outcome.errors) {
              const col = headerByField.get(e.field);
              addIssue({
                row: row.rowNumber,
                column: col?.header ?? e.field,
                columnLetter: col ? columnLetter(col.index) : null,
                value: e.value,
                reason: e.reason,
              });
            }
          } else {
            counts[outcome.status] += 1;
            if (outcome.unlinked) counts.unlinked += 1;
          }
        }
        if (counts.rows % PROGRESS_EVERY === 0) {
          if (opts.signal?.aborted) throw new ImportCancelled();
          await writer.checkpoint();
          await upserters.flush(false);
          opts.onProgress?.({ file, rowsDone: counts.rows });
        }
      };
      const ahead: { row: RawRow; parsed: RowParseResult }[] = [];
      const writeAhead = async () => {
        const keys = new Set<string>();
        for (const { parsed } of ahead) {
          const key = parsed.status === 'record' && keyOf !== undefined ? keyOf(parsed.record) : null;
          if (key !== null) keys.add(key);
        }
        await upserters.prefetch(ownTable, [...keys]);
        for (const { row, parsed } of ahead) await handle(row, parsed);
        ahead.length = 0;
      };
      for await (const row of rows) {
        if (row.rowNumber <= match.headerRowNumber) continue;
        if (keyOf === undefined) {
          await handle(row, parse(row));
        } else {
          ahead.push({ row, parsed: parse(row) });
          if (ahead.length >= upserters.lookAhead) await writeAhead();
        }
      }
      if (ahead.length > 0) await writeAhead();
      if (opts.signal?.aborted) throw new ImportCancelled();
      if (frozenRows.months().length > 0) {
        // Throws (the catch below rolls back); the months were read under the same write lock.
        await refuseFinalizedMonths(inTrx.db, frozenRows, `导入「${file}」`, districtScope);
        throw new Error(`months ${frozenRows.months().join(', ')} were finalized when the import began`);
      }
      report.warnings = [...report.warnings, ...writer.warnings()];
      const duplicateWarning = duplicates?.warning() ?? null;
      if (duplicateWarning !== null) report.warnings.push(duplicateWarning);
      counts.assignments = writer.assignmentsAdded();
      report.changes = writer.changeSamples();
      report.masterRowsChanged = MASTER_KINDS.has(match.kind) ? counts.updated : 0;
      if (match.kind === 'retailers') report.warnings.unshift(describeAsOfMonth(asOf));
      if (counts.rejected > 0 && !opts.skipInvalid) {
        await rollback();
        report.message = `${counts.rejected} 行数据有误，整个文件未导入（可修改文件后重新导入，或选择只导入正确的行）`;
        return report;
      }
      if (counts.inserted + counts.updated + counts.unchanged === 0) {
        await rollback();
        report.message = counts.rejected > 0 ? '没有一行数据是正确的，文件未导入' : '表头下面没有数据行，文件未导入';
        return report;
      }
      await upserters.flush();
      // After the flush: the district's checks read the rows this batch wrote (PostgreSQL buffers them).
      const settled = await settleImportDistrict(inTrx.db, match.kind, batchId, districtPlan, { departments: rosterDepartments, codes: rosterCodes }, opts.now);
      await claimWrite(opened, { scope: settled.id, action: 'import', who });
      report.district = settled.name;
      if (opts.dryRun === true) {
        // Alone, a dry run rolls back; in a job its rows stay for the next files until the job rolls back.
        await end(job !== undefined);
        report.status = 'imported';
        report.dryRun = true;
        return report;
      }
      // Finishing may relink rows that waited for this file's master data: its warnings are added.
      const warnedBefore = new Set(writer.warnings());
      await writer.finish();
      counts.linked = writer.linked();
      report.warnings.push(...writer.warnings().filter((w) => !warnedBefore.has(w)));
      await upserters.flush();
      await finishImportBatch(
        inTrx.db,
        batchId,
        {
          rows_total: counts.rows,
          inserted: counts.inserted,
          updated: counts.updated,
          unchanged: counts.unchanged,
          rejected: counts.rejected,
          skipped: counts.skipped,
          unlinked: counts.unlinked,
        },
        JSON.stringify(report.warnings),
        JSON.stringify(report.errors),
      );
      await end(true);
      opts.onProgress?.({ file, rowsDone: counts.rows });
      report.status = 'imported';
      report.batchId = batchId;
      return report;
    } catch (err) {
      if (trx !== undefined) await rollback().catch(() => {});
      throw err;
    } finally {
      restoreCache();
    }
}
