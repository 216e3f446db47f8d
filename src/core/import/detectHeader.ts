import type { RawRow } from './cell';
import { cellText } from './cellText';
import { fieldByKey, fieldForHeader } from './fieldLookup';
import { KIND_LABELS_ZH, KIND_SPECS, requiredUnitsOf, type FieldSpec, type RequiredUnit } from './kinds';
import { KIND_KEYS, type KindKey } from '../../shared/kindKeys';
import { headerParts } from './normalizeHeader';
import { tiaoPerUnit } from './parseNumber';
import { repairMojibake } from './repairMojibake';

/** How far down the sheet the header row is looked for. */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderColumn {
  index: number;
  /** The header text as shown to the user (repaired when the file's text was garbled). */
  header: string;
  field: string | null;
}

export interface MappedColumn {
  field: string;
  index: number;
  header: string;
}

export interface UnmappedColumn {
  index: number;
  header: string;
}

export interface HeaderMatch {
  kind: KindKey;
  headerRowNumber: number;
  /** The header row's cells as text, exactly as in the file. */
  headers: string[];
  columns: HeaderColumn[];
  mapped: MappedColumn[];
  /** Columns with a header that no field took; shown to the user, never dropped silently. */
  unmapped: UnmappedColumn[];
  /** Required field keys not mapped; an unsatisfied one-of group appears as "a|b". */
  missingRequired: string[];
  missingRequiredLabelsZh: string[];
  /** The same with the header names accepted for each: what a supervisor looks for in the file. */
  missingRequiredNamesZh: string[];
  /** 0..1: how sure the kind and mapping are; the UI asks the user below its threshold. */
  confidence: number;
  /** The header text was UTF-8 read as Windows-1252 ("å‘˜å·¥") and was repaired; cells are repaired too. */
  repairedText: boolean;
  /** Things the user should know about the mapping, in Chinese. */
  warnings: string[];
  /**
   * Set when the kind was recognised, not given, and the headers fit no kind well or two kinds
   * about equally: nothing may be imported until the user chooses the kind.
   */
  unclear: UnclearKind | null;
}

/** A kind the headers might be, with the Chinese header names it lacks. */
export interface UnclearCandidate {
  kind: KindKey;
  labelZh: string;
  /** "订货日期（列名如：订单日期、订货日期、日期）"; empty when nothing required is missing. */
  missingZh: string[];
}

export interface UnclearKind {
  reason: 'noFit' | 'ambiguous';
  candidates: UnclearCandidate[];
}

export interface DetectHeaderOptions {
  /** Use this kind even if another scores higher. */
  kind?: KindKey;
  /** field key → 0-based column index; a negative index unmaps the field. Overrides the automatic mapping. */
  manualMapping?: Record<string, number>;
  /** Use this row as the header row instead of searching for it. */
  headerRowNumber?: number;
}

export interface KindCandidate {
  kind: KindKey;
  labelZh: string;
  headerRowNumber: number;
  matchedFields: number;
  /** All required fields (and one-of groups) are present. */
  complete: boolean;
  missingRequired: string[];
  score: number;
}

interface HeaderRow {
  rowNumber: number;
  original: string[];
  readable: string[];
  repaired: boolean;
}

interface Evaluation {
  kind: KindKey;
  row: HeaderRow;
  fieldOfColumn: (FieldSpec | null)[];
  duplicateColumns: { index: number; field: FieldSpec; keptIndex: number }[];
  matched: number;
  units: RequiredUnit[];
  missing: RequiredUnit[];
  complete: boolean;
  /** A master kind with none of its own columns: never recognised on its own. */
  lacksOwn: boolean;
  score: number;
}

// A complete kind outranks one with up to this many more matched fields but a missing
// required column: a journal export lacking its content column is still a journal.
const COMPLETE_BONUS = 3;
const MIN_MATCHED_FOR_DETECTION = 2;
// Two complete kinds whose matched columns differ by less than this fit "about equally".
const KIND_MARGIN = 2;
// Candidates named when the kind is unclear.
const MAX_CANDIDATES = 3;

/**
 * Master data is recognised only from its own columns: a sheet that merely shares 姓名, 工号,
 * 部门, UserId (every DingTalk export) or 商品编码, 商品名称, 批发价 (every order view) with the
 * roster or the brand list is not one. Each master kind needs at least one of these.
 */
const OWN_FIELDS: Partial<Record<KindKey, readonly string[]>> = {
  roster: ['area', 'routes', 'phone', 'hiredOn', 'status'],
  // Not 客户编码 or 客户名称: orders, journals and surveys carry those too.
  retailers: ['owner', 'phone', 'address', 'format', 'market', 'tier', 'route', 'status'],
  brands: ['brand', 'priceClass', 'keyBrand', 'newBrand', 'launchedOn'],
};

function readHeaderRow(row: RawRow): HeaderRow {
  let length = row.cells.length;
  while (length > 0 && cellText(row.cells[length - 1]).trim() === '') length--;
  const original: string[] = [];
  const readable: string[] = [];
  let repaired = false;
  for (let i = 0; i < length; i++) {
    const text = cellText(row.cells[i]);
    original.push(text);
    const fixed = repairMojibake(text);
    if (fixed !== null) repaired = true;
    readable.push((fixed ?? text).trim());
  }
  return { rowNumber: row.rowNumber, original, readable, repaired };
}

function missingUnits(units: readonly RequiredUnit[], present: ReadonlySet<FieldSpec>): RequiredUnit[] {
  return units.filter((unit) => !unit.fields.some((f) => present.has(f)));
}

function evaluate(kind: KindKey, row: HeaderRow): Evaluation {
  const fieldOfColumn: (FieldSpec | null)[] = [];
  const firstColumnOf = new Map<FieldSpec, number>();
  const duplicateColumns: Evaluation['duplicateColumns'] = [];
  row.readable.forEach((header, index) => {
    const field = fieldForHeader(kind, header);
    const kept = field === null ? undefined : firstColumnOf.get(field);
    if (field !== null && kept !== undefined) {
      duplicateColumns.push({ index, field, keptIndex: kept });
      fieldOfColumn.push(null);
      return;
    }
    if (field !== null) firstColumnOf.set(field, index);
    fieldOfColumn.push(field);
  });
  const units = requiredUnitsOf(KIND_SPECS[kind]);
  const missing = missingUnits(units, new Set(firstColumnOf.keys()));
  const matched = firstColumnOf.size;
  const complete = missing.length === 0;
  const own = OWN_FIELDS[kind];
  const lacksOwn = own !== undefined && ![...firstColumnOf.keys()].some((f) => own.includes(f.key));
  return {
    kind,
    row,
    fieldOfColumn,
    duplicateColumns,
    matched,
    units,
    missing,
    complete,
    lacksOwn,
    score: matched + (complete && !lacksOwn ? COMPLETE_BONUS : 0),
  };
}

function compareEvaluations(a: Evaluation, b: Evaluation): number {
  if (a.score !== b.score) return b.score - a.score;
  // The more specific kind (more required columns, larger share of its fields seen) wins a tie.
  if (a.units.length !== b.units.length) return b.units.length - a.units.length;
  const shareA = a.matched / KIND_SPECS[a.kind].fields.length;
  const shareB = b.matched / KIND_SPECS[b.kind].fields.length;
  if (shareA !== shareB) return shareB - shareA;
  return KIND_KEYS.indexOf(a.kind) - KIND_KEYS.indexOf(b.kind);
}

function headerRowsOf(rows: readonly RawRow[], headerRowNumber: number | undefined): HeaderRow[] {
  const scanned = headerRowNumber === undefined ? rows.slice(0, HEADER_SCAN_ROWS) : rows.filter((r) => r.rowNumber === headerRowNumber);
  return scanned.map(readHeaderRow).filter((row) => row.readable.some((text) => text !== ''));
}

/** Each kind's best header row among the rows, earliest row on a tie. */
function bestPerKind(headerRows: readonly HeaderRow[]): Evaluation[] {
  const best: Evaluation[] = [];
  for (const kind of KIND_KEYS) {
    let top: Evaluation | null = null;
    for (const row of headerRows) {
      const evaluation = evaluate(kind, row);
      if (top === null || evaluation.score > top.score) top = evaluation;
    }
    if (top !== null) best.push(top);
  }
  return best.sort(compareEvaluations);
}

function toCandidate(evaluation: Evaluation): KindCandidate {
  return {
    kind: evaluation.kind,
    labelZh: KIND_LABELS_ZH[evaluation.kind],
    headerRowNumber: evaluation.row.rowNumber,
    matchedFields: evaluation.matched,
    complete: evaluation.complete,
    missingRequired: evaluation.missing.map((unit) => unit.key),
    score: evaluation.score,
  };
}

/** The kinds the header rows could be, best first (for "识别为：…"); kinds matching fewer than 2 columns are left out. */
export function rankKinds(rows: readonly RawRow[], options: Pick<DetectHeaderOptions, 'headerRowNumber'> = {}): KindCandidate[] {
  return bestPerKind(headerRowsOf(rows, options.headerRowNumber))
    .filter((e) => e.matched >= MIN_MATCHED_FOR_DETECTION)
    .map(toCandidate);
}

function missingZhOf(evaluation: Evaluation): string[] {
  const out = evaluation.missing.map(describeUnit);
  const own = OWN_FIELDS[evaluation.kind];
  if (evaluation.lacksOwn && own !== undefined) {
    const labels = own.map((key) => fieldByKey(evaluation.kind, key)?.labelZh ?? key);
    out.push(`${KIND_LABELS_ZH[evaluation.kind]}自己的列（${labels.join('、')} 至少一项）`);
  }
  return out;
}

/** A required column in the words of the file: its label and the header names that are accepted. */
function describeUnit(unit: RequiredUnit): string {
  const names = [...new Set(unit.fields.flatMap((f) => f.synonyms))];
  const label = unit.fields.map((f) => f.labelZh).join('或');
  const shown = names.slice(0, 6).join('、') + (names.length > 6 ? ' 等' : '');
  return `${label}（列名如：${shown}）`;
}

function toUnclearCandidate(evaluation: Evaluation): UnclearCandidate {
  return { kind: evaluation.kind, labelZh: KIND_LABELS_ZH[evaluation.kind], missingZh: missingZhOf(evaluation) };
}

/** Why the best kind cannot be taken without asking, or null when it can. */
function unclearOf(ranked: readonly Evaluation[]): UnclearKind | null {
  const fits = ranked.filter((e) => e.complete && !e.lacksOwn);
  const best = ranked[0];
  if (best === undefined) return null;
  const shown = ranked.filter((e) => e.matched >= 1).slice(0, MAX_CANDIDATES);
  if (fits[0] !== best) return { reason: 'noFit', candidates: shown.map(toUnclearCandidate) };
  const close = fits.filter((e) => e !== best && best.matched - e.matched < KIND_MARGIN);
  if (close.length === 0) return null;
  return { reason: 'ambiguous', candidates: [best, ...close].slice(0, MAX_CANDIDATES).map(toUnclearCandidate) };
}

function confidenceOf(chosen: Evaluation, matched: number, missing: number, runnerUp: Evaluation | undefined): number {
  const headersPresent = chosen.row.readable.filter((text) => text !== '').length;
  const coverage = headersPresent === 0 ? 0 : Math.min(1, matched / headersPresent);
  const units = chosen.units.length;
  const requiredShare = units === 0 ? 1 : (units - missing) / units;
  let confidence = (missing === 0 ? 0.6 : 0.3 * requiredShare) + 0.4 * coverage;
  if (runnerUp !== undefined && runnerUp.score >= chosen.score - 1) confidence -= 0.2;
  return Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100;
}

function columnName(header: string, index: number): string {
  return header === '' ? `第${index + 1}列` : `「${header}」`;
}

function buildMatch(
  chosen: Evaluation,
  runnerUp: Evaluation | undefined,
  manualMapping: Record<string, number> | undefined,
  unclear: UnclearKind | null,
): HeaderMatch {
  const { kind, row } = chosen;
  const warnings: string[] = [];
  const columns: HeaderColumn[] = row.readable.map((header, index) => ({
    index,
    header,
    field: chosen.fieldOfColumn[index]?.key ?? null,
  }));
  for (const duplicate of chosen.duplicateColumns) {
    const kept = row.readable[duplicate.keptIndex] ?? '';
    warnings.push(
      `${columnName(row.readable[duplicate.index] ?? '', duplicate.index)}与${columnName(kept, duplicate.keptIndex)}都对应“${duplicate.field.labelZh}”，已使用${columnName(kept, duplicate.keptIndex)}`,
    );
  }
  if (manualMapping !== undefined) applyManualMapping(kind, columns, manualMapping, warnings);
  const present = new Set<FieldSpec>();
  const mapped: MappedColumn[] = [];
  const unmapped: UnmappedColumn[] = [];
  for (const column of columns) {
    const field = column.field === null ? null : fieldByKey(kind, column.field);
    if (field === null) {
      if (column.header !== '') unmapped.push({ index: column.index, header: column.header });
      continue;
    }
    present.add(field);
    mapped.push({ field: field.key, index: column.index, header: column.header });
    const unit = headerParts(column.header).unit;
    if (field.volume === true && unit !== null && tiaoPerUnit(unit) === null) {
      warnings.push(`${columnName(column.header, column.index)}的单位“${unit}”无法换算成条，按条读取`);
    }
  }
  const missing = missingUnits(chosen.units, present);
  if (row.repaired) warnings.push('表头是乱码（UTF-8 被当作西文编码读取），已自动修复');
  return {
    kind,
    headerRowNumber: row.rowNumber,
    headers: row.original,
    columns,
    mapped,
    unmapped,
    missingRequired: missing.map((unit) => unit.key),
    missingRequiredLabelsZh: missing.map((unit) => unit.labelZh),
    missingRequiredNamesZh: missing.map(describeUnit),
    confidence: confidenceOf(chosen, mapped.length, missing.length, runnerUp),
    repairedText: row.repaired,
    warnings,
    unclear,
  };
}

function applyManualMapping(kind: KindKey, columns: HeaderColumn[], manualMapping: Record<string, number>, warnings: string[]): void {
  for (const [key, index] of Object.entries(manualMapping)) {
    const field = fieldByKey(kind, key);
    if (field === null || !Number.isInteger(index)) {
      warnings.push(`手工映射中的“${key}”不是${KIND_LABELS_ZH[kind]}的字段，已忽略`);
      continue;
    }
    for (const column of columns) if (column.field === field.key) column.field = null;
    if (index < 0) continue;
    while (columns.length <= index) columns.push({ index: columns.length, header: '', field: null });
    const target = columns[index];
    if (target !== undefined) target.field = field.key;
  }
}

/**
 * Finds the header row among the first rows (under title rows, merged title cells and
 * blank rows), recognises the kind, and maps columns to fields. Null when no row looks
 * like a header of any kind (or of the forced kind) and no header row was given.
 */
export function detectHeader(rows: readonly RawRow[], options: DetectHeaderOptions = {}): HeaderMatch | null {
  const headerRows = headerRowsOf(rows, options.headerRowNumber);
  const ranked = bestPerKind(headerRows);
  let chosen: Evaluation | undefined;
  let unclear: UnclearKind | null = null;
  if (options.kind !== undefined) {
    const forced = options.kind;
    chosen = ranked.find((e) => e.kind === forced);
    // A header nobody recognises is still usable when the user says which row it is or maps it by hand.
    const userMapsIt = options.headerRowNumber !== undefined || Object.keys(options.manualMapping ?? {}).length > 0;
    if (chosen !== undefined && chosen.matched === 0 && !userMapsIt) chosen = undefined;
  } else {
    chosen = ranked[0];
    if (chosen !== undefined && chosen.matched < MIN_MATCHED_FOR_DETECTION) chosen = undefined;
    // A saved or hand mapping is the user's word on the columns, but not on the kind.
    if (chosen !== undefined) unclear = unclearOf(ranked);
  }
  if (chosen === undefined) return null;
  const kind = chosen.kind;
  const runnerUp = ranked.find((e) => e.kind !== kind);
  return buildMatch(chosen, runnerUp, options.manualMapping, unclear);
}
