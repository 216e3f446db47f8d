import type { RawRow } from '../../../core/import/cell';
import { detectHeader, HEADER_SCAN_ROWS, type HeaderMatch, type UnclearKind } from '../../../core/import/detectHeader';
import { reshapeRows, sheetShape } from '../../../core/import/dingTalkShapes';
import { KIND_LABELS_ZH } from '../../../core/import/kinds';
import type { KindKey } from '../../../shared/kindKeys';
import type { ImportKindCandidate } from '../../../shared/importReport';
import { peekRows } from '../../io/peekRows';
import { monthFromFileName } from './monthFromFileName';

/** How a file is read: the kind and column mapping imposed, or the plan a preview found (its header row, mapping and sheet). */
export interface SheetSearchOptions {
  kind?: KindKey;
  manualMapping?: Record<string, number>;
  headerRowNumber?: number;
  sheet?: string;
}

/**
 * A DingTalk export with punches side by side (每日统计, 打卡时间) read as one row per punch, or
 * refused (月度汇总); any other sheet as it is. A kind other than attendance given by the user
 * reads the sheet as it is.
 */
export function shapedSheet(
  head: RawRow[],
  rest: AsyncIterable<RawRow>,
  file: string,
  kind: KindKey | undefined,
): { head: RawRow[]; rows: AsyncIterable<RawRow>; note?: string } | { refusal: string } {
  const shape = sheetShape(head, monthFromFileName(file));
  if (shape.shape === 'refused') return { refusal: shape.message };
  if (shape.shape === 'plain' || (kind !== undefined && kind !== 'attendance')) return { head, rows: rest };
  return {
    head: [shape.header, ...head.filter((r) => r.rowNumber > shape.header.rowNumber).flatMap(shape.reshape)],
    rows: reshapeRows(rest, shape),
    note: `按${shape.labelZh}读取：每个打卡时间为一次打卡（此表没有打卡地点）`,
  };
}

export type FoundSheet =
  | { sheetName: string; match: HeaderMatch; rows: AsyncIterable<RawRow>; shapeNote?: string }
  | { refusal: string; missingRequired: string[]; candidates?: ImportKindCandidate[] };

/** "可能是：零售客户档案（缺少 …）；客户经理花名册（缺少 …）" */
function candidateList(candidates: readonly ImportKindCandidate[]): string {
  return candidates
    .map((c) => (c.missing.length === 0 ? c.label : `${c.label}（缺少：${c.missing.join('；')}）`))
    .join('；');
}

function unclearRefusal(sheet: string, unclear: UnclearKind): { refusal: string; missingRequired: string[]; candidates: ImportKindCandidate[] } {
  const candidates = unclear.candidates.map((c) => ({ kind: c.kind, label: c.labelZh, missing: c.missingZh }));
  const what =
    unclear.reason === 'ambiguous'
      ? `工作表「${sheet}」的表头同样符合几种数据，无法确定是哪一种`
      : `工作表「${sheet}」的表头不完全符合任何一种数据`;
  return {
    refusal: `${what}，文件未导入。可能是：${candidateList(candidates)}。请指定数据类型后再导入`,
    missingRequired: [],
    candidates,
  };
}

/**
 * The first sheet whose header is recognised with every required column. The sheets generator
 * is stepped by hand: leaving a for-await loop early would close it, and with it the stream the
 * chosen sheet's remaining rows come from.
 */
export async function findDataSheet(
  sheets: AsyncGenerator<{ name: string; rows: AsyncIterable<RawRow> }>,
  opts: SheetSearchOptions,
  file: string,
): Promise<FoundSheet> {
  let refusedShape: string | null = null;
  let closest: { sheet: string; match: HeaderMatch } | null = null;
  let unclear: { sheet: string; unclear: UnclearKind } | null = null;
  let sawRows = false;
  for (let next = await sheets.next(); next.done !== true; next = await sheets.next()) {
    const sheet = next.value;
    if (opts.sheet !== undefined && sheet.name !== opts.sheet) continue;
    const { head, rest } = await peekRows(sheet.rows, HEADER_SCAN_ROWS);
    if (head.length > 0) sawRows = true;
    const shaped = shapedSheet(head, rest, file, opts.kind);
    if ('refusal' in shaped) {
      refusedShape ??= shaped.refusal;
      continue;
    }
    if (shaped.note !== undefined) {
      const match = detectHeader(shaped.head, { kind: 'attendance' });
      if (match && match.missingRequired.length === 0) return { sheetName: sheet.name, match, rows: shaped.rows, shapeNote: shaped.note };
      continue;
    }
    const match = detectHeader(head, { kind: opts.kind, manualMapping: opts.manualMapping, headerRowNumber: opts.headerRowNumber });
    if (match?.unclear) {
      unclear ??= { sheet: sheet.name, unclear: match.unclear };
      continue;
    }
    if (match && match.missingRequired.length === 0) return { sheetName: sheet.name, match, rows: rest };
    if (match && (!closest || match.confidence > closest.match.confidence)) closest = { sheet: sheet.name, match };
  }
  if (!sawRows) return { refusal: '文件中没有任何数据', missingRequired: [] };
  if (refusedShape !== null) return { refusal: refusedShape, missingRequired: [] };
  if (unclear) return unclearRefusal(unclear.sheet, unclear.unclear);
  if (closest) {
    const missing = closest.match.missingRequiredNamesZh;
    return {
      refusal: `工作表「${closest.sheet}」看起来是${KIND_LABELS_ZH[closest.match.kind]}，但缺少必需的列：${missing.join('；')}。请检查表头，或在导入中心手动对应列`,
      missingRequired: closest.match.missingRequired,
    };
  }
  return {
    refusal: '在前 30 行中找不到可识别的表头（例如“日期”“工号”“许可证号”等列名），无法判断是哪一种数据',
    missingRequired: [],
  };
}
