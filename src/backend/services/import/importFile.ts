import path from 'node:path';
import type { RawRow } from '../../../core/import/cell';
import { columnLetter } from '../../../core/import/columnLetter';
import { detectHeader, type HeaderMatch } from '../../../core/import/detectHeader';
import { KIND_LABELS_ZH, type KindName } from '../../../core/import/kinds';
import { makeRowParser } from '../../../core/import/makeRowParser';
import {
  emptyCounts,
  MAX_REPORTED_ISSUES,
  type FileImportReport,
  type ImportIssue,
} from '../../../shared/importReport';
import { enlargeCache } from '../../db/enlargeCache';
import type { Store } from '../../db/openStore';
import { FileRefusedError } from '../../io/fileRefusedError';
import { openSpreadsheet } from '../../io/openSpreadsheet';
import { peekRows } from '../../io/peekRows';
import type { SheetSource, SpreadsheetInput, SpreadsheetLimits, SpreadsheetSource } from '../../io/spreadsheetSource';
import { finishImportBatch, insertImportBatch } from '../../repositories/importBatchRepository';
import { DISK_FULL_MESSAGE } from './diskFullMessage';
import { LinkIndex } from './linkIndex';
import { makeKindWriter } from './makeKindWriter';
import { monthFromFileName } from './monthFromFileName';

export interface ImportProgress {
  file: string;
  rowsDone: number;
}

export interface ImportFileOptions {
  kind?: KindName;
  skipInvalid?: boolean;
  encoding?: 'auto' | 'utf8' | 'gb18030';
  /** Field key → 0-based column, from the import centre's hand mapping or a saved mapping. */
  manualMapping?: Record<string, number>;
  /** The header row, when a saved mapping has already found it (its headers need not be recognisable). */
  headerRowNumber?: number;
  /** The month a retailer file's route assignments hold from. */
  asOfMonth?: string;
  now: Date;
  importedBy?: string;
  limits?: Partial<SpreadsheetLimits>;
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Rows a table must take before its secondary indexes are rebuilt at the end instead (see makeKindWriter); tests lower it. */
  bulkMinRows?: number;
}

/** How many rows of a sheet are searched for the header row. */
const HEADER_SEARCH_ROWS = 30;
const PROGRESS_EVERY = 2000;

class ImportCancelled extends Error {}

/** Why an import failed, in words a supervisor can act on; the transaction was rolled back either way. */
function failureMessage(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  if (code === 'SQLITE_FULL') return `${DISK_FULL_MESSAGE}（${err instanceof Error ? err.message : code}）`;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return '数据库正被其他程序使用，导入已撤销，请稍后重试';
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
    const source = await openSpreadsheet(input, { encoding: opts.encoding, limits: opts.limits });
    report.encoding = source.encoding ?? null;
    const sheets = source.sheets();
    try {
      return await importSheet(store, file, source, sheets, report, opts);
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
    if (err instanceof FileRefusedError) {
      report.message = err.message;
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
  sheets: AsyncGenerator<SheetSource>,
  report: FileImportReport,
  opts: ImportFileOptions,
): Promise<FileImportReport> {
    const found = await findDataSheet(sheets, opts);
    if ('refusal' in found) {
      report.message = found.refusal;
      report.missingRequired = found.missingRequired;
      return report;
    }
    const { sheetName, match, rows } = found;
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
    const links = await LinkIndex.load(store);

    // Before BEGIN (SQLite will not change temp_store inside a transaction), and BEGIN inside the
    // try, so that a BEGIN that fails (a busy database) still puts the cache back.
    const restoreCache = enlargeCache(store.sqlite);
    try {
      store.sqlite.exec('BEGIN IMMEDIATE');
      const batchId = await insertImportBatch(store.db, {
        file_name: file,
        sha256: source.sha256,
        kind: match.kind,
        sheet: sheetName,
        header_row: match.headerRowNumber,
        encoding: source.encoding ?? null,
        mapping_json: JSON.stringify(report.mapped),
        as_of_month: opts.asOfMonth ?? monthFromFileName(file) ?? null,
        imported_at: opts.now.toISOString(),
        imported_by: opts.importedBy ?? null,
        undone_at: null,
      });
      const asOfMonth = opts.asOfMonth ?? monthFromFileName(file) ?? opts.now.toISOString().slice(0, 7);
      const writer = makeKindWriter(match.kind, { store, links, batchId, asOfMonth, bulkMinRows: opts.bulkMinRows });
      const counts = report.counts;
      for await (const row of rows) {
        if (row.rowNumber <= match.headerRowNumber) continue;
        counts.rows += 1;
        const parsed = parse(row);
        if (parsed.status === 'skip') {
          counts.skipped += 1;
        } else if (parsed.status === 'invalid') {
          counts.rejected += 1;
          for (const e of parsed.errors) addIssue({ row: e.rowNumber, column: e.column, columnLetter: e.columnLetter, value: e.value, reason: e.reason });
        } else {
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
          opts.onProgress?.({ file, rowsDone: counts.rows });
        }
      }
      if (opts.signal?.aborted) throw new ImportCancelled();
      report.warnings = writer.warnings();
      if (counts.rejected > 0 && !opts.skipInvalid) {
        store.sqlite.exec('ROLLBACK');
        report.message = `${counts.rejected} 行数据有误，整个文件未导入（可修改文件后重新导入，或选择只导入正确的行）`;
        return report;
      }
      if (counts.inserted + counts.updated + counts.unchanged === 0) {
        store.sqlite.exec('ROLLBACK');
        report.message = counts.rejected > 0 ? '没有一行数据是正确的，文件未导入' : '表头下面没有数据行，文件未导入';
        return report;
      }
      await writer.finish();
      report.warnings = writer.warnings();
      await finishImportBatch(
        store.db,
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
      store.sqlite.exec('COMMIT');
      opts.onProgress?.({ file, rowsDone: counts.rows });
      report.status = 'imported';
      report.batchId = batchId;
      return report;
    } catch (err) {
      if (store.sqlite.inTransaction) store.sqlite.exec('ROLLBACK');
      throw err;
    } finally {
      restoreCache();
    }
}

type FoundSheet =
  | { sheetName: string; match: HeaderMatch; rows: AsyncIterable<RawRow> }
  | { refusal: string; missingRequired: string[] };

/**
 * The first sheet whose header is recognised with every required column. The sheets generator
 * is stepped by hand: leaving a for-await loop early would close it, and with it the stream the
 * chosen sheet's remaining rows come from.
 */
async function findDataSheet(
  sheets: AsyncGenerator<{ name: string; rows: AsyncIterable<RawRow> }>,
  opts: ImportFileOptions,
): Promise<FoundSheet> {
  let closest: { sheet: string; match: HeaderMatch } | null = null;
  let sawRows = false;
  for (let next = await sheets.next(); next.done !== true; next = await sheets.next()) {
    const sheet = next.value;
    const { head, rest } = await peekRows(sheet.rows, HEADER_SEARCH_ROWS);
    if (head.length > 0) sawRows = true;
    const match = detectHeader(head, { kind: opts.kind, manualMapping: opts.manualMapping, headerRowNumber: opts.headerRowNumber });
    if (match && match.missingRequired.length === 0) return { sheetName: sheet.name, match, rows: rest };
    if (match && (!closest || match.confidence > closest.match.confidence)) closest = { sheet: sheet.name, match };
  }
  if (!sawRows) return { refusal: '文件中没有任何数据', missingRequired: [] };
  if (closest) {
    const missing = closest.match.missingRequired;
    return {
      refusal: `工作表「${closest.sheet}」看起来是${KIND_LABELS_ZH[closest.match.kind]}，但缺少必需的列：${missing.join('、')}。请检查表头，或在导入中心手动对应列`,
      missingRequired: missing,
    };
  }
  return {
    refusal: '在前 30 行中找不到可识别的表头（例如“日期”“工号”“许可证号”等列名），无法判断是哪一种数据',
    missingRequired: [],
  };
}
