import type { RawRow } from '../../../core/import/cell';
import { cellText } from '../../../core/import/cellText';
import { detectHeader, HEADER_SCAN_ROWS, rankKinds, type HeaderMatch } from '../../../core/import/detectHeader';
import { KIND_LABELS_ZH, KIND_SPECS, requiredUnitsOf } from '../../../core/import/kinds';
import type { KindKey } from '../../../shared/kindKeys';
import { makeRowParser } from '../../../core/import/makeRowParser';
import type { FieldInfo, FilePreview, SavedMappingInfo } from '../../../shared/api/importApi';
import { FileRefusedError } from '../../io/fileRefusedError';
import { openSpreadsheet } from '../../io/openSpreadsheet';
import { peekRows } from '../../io/peekRows';
import type { SpreadsheetInput } from '../../io/spreadsheetSource';
import { shapedSheet } from './findDataSheet';
import { findSavedMapping } from './savedMappings';

/** Data rows shown under the header in the import centre. */
const PREVIEW_ROWS = 20;

export interface PreviewOptions {
  /** The kind the user chose; default: recognised from the headers. */
  kind?: KindKey;
  /** The user's hand mapping; wins over a saved mapping. */
  manualMapping?: Record<string, number>;
  encoding?: 'auto' | 'utf8' | 'gb18030';
  savedMappings?: readonly SavedMappingInfo[];
}

function fieldsOf(kind: KindKey): FieldInfo[] {
  return KIND_SPECS[kind].fields.map((f) => ({
    key: f.key,
    label: f.labelZh,
    required: f.required,
    requiredGroup: f.requiredGroup ?? null,
  }));
}

function labelOf(kind: KindKey, key: string): string {
  return KIND_SPECS[kind].fields.find((f) => f.key === key)?.labelZh ?? key;
}

function emptyPreview(fileName: string): FilePreview {
  return {
    fileName,
    format: null,
    encoding: null,
    refusal: null,
    kind: null,
    kindLabel: null,
    candidates: [],
    sheet: null,
    headerRow: null,
    headers: [],
    mapped: [],
    unmapped: [],
    missingRequired: [],
    fields: [],
    rows: [],
    appliedMapping: null,
    unclear: null,
    shapeNote: null,
  };
}

interface SheetHead {
  name: string;
  head: RawRow[];
  /** Set when the sheet was reshaped into one row per punch (DingTalk 每日统计, 打卡时间). */
  shapeNote?: string;
}

interface Chosen {
  sheet: SheetHead;
  match: HeaderMatch | null;
  applied: string | null;
}

function matchSheet(sheet: SheetHead, opts: PreviewOptions): Chosen {
  const scan = sheet.head.slice(0, HEADER_SCAN_ROWS);
  if (sheet.shapeNote !== undefined) return { sheet, match: detectHeader(scan, { kind: 'attendance' }), applied: null };
  if (opts.manualMapping === undefined) {
    const saved = findSavedMapping(scan, opts.savedMappings ?? []);
    if (saved && (opts.kind === undefined || opts.kind === saved.mapping.kind)) {
      const match = detectHeader(scan, {
        kind: saved.mapping.kind,
        manualMapping: saved.mapping.mapping,
        headerRowNumber: saved.headerRowNumber,
      });
      if (match) return { sheet, match, applied: saved.mapping.name };
    }
  }
  return { sheet, match: detectHeader(scan, { kind: opts.kind, manualMapping: opts.manualMapping }), applied: null };
}

/** The first sheet recognised completely, else the closest one, else the first sheet with rows. */
function chooseSheet(sheets: SheetHead[], opts: PreviewOptions): Chosen | null {
  let best: Chosen | null = null;
  for (const sheet of sheets) {
    const chosen = matchSheet(sheet, opts);
    if (chosen.match && chosen.match.missingRequired.length === 0 && chosen.match.unclear === null) return chosen;
    if (chosen.match && (!best?.match || chosen.match.confidence > best.match.confidence)) best = chosen;
    if (!best && sheet.head.length > 0) best = chosen;
  }
  return best;
}

/** Column index of a letter ('A' → 0, 'AB' → 27). */
function columnIndexOf(letter: string): number {
  let index = 0;
  for (const char of letter) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

function previewCellErrors(match: HeaderMatch, rows: readonly RawRow[]): NonNullable<FilePreview['cellErrors']> {
  const parse = makeRowParser(match);
  const errors: NonNullable<FilePreview['cellErrors']> = [];
  rows.forEach((row, index) => {
    const result = parse(row);
    if (result.status !== 'invalid') return;
    for (const e of result.errors) if (e.columnLetter) errors.push({ row: index, column: columnIndexOf(e.columnLetter), reason: e.reason });
  });
  return errors;
}

/**
 * What the import centre shows before importing: the file's kind, header row, how its columns
 * map to the kind's fields, and its first rows. Reads only the head of each sheet; writes nothing.
 */
export async function previewFile(input: SpreadsheetInput, opts: PreviewOptions = {}): Promise<FilePreview> {
  const fileName = typeof input === 'string' ? input : input.fileName;
  const preview = emptyPreview(fileName);
  const sheets: SheetHead[] = [];
  let refusedShape: string | null = null;
  try {
    const source = await openSpreadsheet(input, { encoding: opts.encoding });
    preview.format = source.format;
    preview.encoding = source.encoding ?? null;
    for await (const sheet of source.sheets()) {
      if (sheet.hidden) continue;
      // The header may sit as low as row HEADER_SCAN_ROWS; keep PREVIEW_ROWS more for display.
      const { head, rest } = await peekRows(sheet.rows, HEADER_SCAN_ROWS + PREVIEW_ROWS);
      const shaped = shapedSheet(head, rest, fileName, opts.kind);
      if ('refusal' in shaped) refusedShape ??= shaped.refusal;
      else sheets.push({ name: sheet.name, head: shaped.head, ...(shaped.note !== undefined ? { shapeNote: shaped.note } : {}) });
      // Close this sheet's stream without reading further.
      for await (const _ of rest) break;
    }
  } catch (err) {
    if (err instanceof FileRefusedError) {
      preview.refusal = err.message;
      return preview;
    }
    throw err;
  }
  if (sheets.every((s) => s.head.length === 0)) {
    preview.refusal = refusedShape ?? '文件中没有任何数据';
    return preview;
  }
  const chosen = chooseSheet(sheets, opts);
  if (!chosen) return preview;
  const { sheet, match } = chosen;
  preview.sheet = sheet.name;
  preview.shapeNote = sheet.shapeNote ?? null;
  if (match?.unclear) {
    preview.unclear = {
      reason: match.unclear.reason,
      candidates: match.unclear.candidates.map((c) => ({ kind: c.kind, label: c.labelZh, missing: c.missingZh })),
    };
  }
  const scan = sheet.head.slice(0, HEADER_SCAN_ROWS);
  preview.candidates = rankKinds(scan).map((c) => ({
    kind: c.kind,
    label: c.labelZh,
    confidence: detectHeader(scan, { kind: c.kind })?.confidence ?? 0,
  }));
  const kind = match?.kind ?? opts.kind ?? null;
  if (kind) {
    preview.kind = kind;
    preview.kindLabel = KIND_LABELS_ZH[kind];
    preview.fields = fieldsOf(kind);
  }
  // Without a recognised header, the first non-empty row is offered as the header to map by hand.
  const headerRow = match?.headerRowNumber ?? sheet.head.find((r) => r.cells.some((c) => cellText(c).trim() !== ''))?.rowNumber ?? null;
  preview.headerRow = headerRow;
  if (match) {
    preview.headers = match.headers;
    preview.mapped = match.mapped.map((m) => ({ field: m.field, label: labelOf(match.kind, m.field), column: m.index, header: m.header }));
    preview.unmapped = match.unmapped.map((u) => ({ column: u.index, header: u.header }));
    preview.missingRequired = match.missingRequired.map((key, i) => ({ key, label: match.missingRequiredNamesZh[i] ?? key }));
    preview.appliedMapping = chosen.applied;
  } else {
    const row = sheet.head.find((r) => r.rowNumber === headerRow);
    preview.headers = row ? row.cells.map((c) => cellText(c)) : [];
    preview.unmapped = preview.headers.flatMap((header, column) => (header.trim() === '' ? [] : [{ column, header }]));
    if (kind) preview.missingRequired = requiredUnitsOf(KIND_SPECS[kind]).map((u) => ({ key: u.key, label: u.labelZh }));
  }
  const shown = sheet.head.filter((r) => headerRow === null || r.rowNumber > headerRow).slice(0, PREVIEW_ROWS);
  preview.rows = shown.map((r) => r.cells.map((c) => cellText(c)));
  // The same checks as the import, so a bad cell shows red before anything is imported.
  if (match) preview.cellErrors = previewCellErrors(match, shown);
  return preview;
}
