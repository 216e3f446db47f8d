import type { RawRow } from '../../../core/import/cell';
import { cellText } from '../../../core/import/cellText';
import { fieldByKey } from '../../../core/import/fieldLookup';
import { KIND_LABELS_ZH } from '../../../core/import/kinds';
import { isKindKey, type KindKey } from '../../../shared/kindKeys';
import type { SavedMappingInfo } from '../../../shared/api/importApi';
import type { Store } from '../../db/openStore';
import type { SavedMappingRow } from '../../db/schema';
import { findSavedMapping as findMappingByName, listSavedMappings, upsertSavedMapping } from '../../repositories/savedMappingRepository';
import { RequestError } from '../requestError';

/** Header texts as compared: trimmed, trailing empty cells dropped. */
function normaliseHeaders(texts: readonly string[]): string[] {
  const out = texts.map((t) => t.trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function headerKey(texts: readonly string[]): string {
  return JSON.stringify(normaliseHeaders(texts));
}

function toInfo(row: SavedMappingRow): SavedMappingInfo | null {
  if (!isKindKey(row.kind)) return null;
  return {
    name: row.name,
    kind: row.kind,
    headers: JSON.parse(row.headers_json) as string[],
    mapping: JSON.parse(row.mapping_json) as Record<string, number>,
  };
}

/** The saved mappings; with `districtId` (a supervisor's), that district's and those of no district. */
export async function listMappings(store: Store, districtId?: number): Promise<SavedMappingInfo[]> {
  return (await listSavedMappings(store.db, districtId)).map(toInfo).filter((m): m is SavedMappingInfo => m !== null);
}

/**
 * Saves (or, under an existing name, replaces) a mapping. With `districtId` (a supervisor on a
 * city server) it is saved for that district, and a name another district's mapping holds is
 * refused: a mapping applies by itself to later imports, so overwriting it would change how
 * another district's files are read.
 */
export async function saveMapping(store: Store, m: SavedMappingInfo, now: Date, districtId?: number): Promise<SavedMappingInfo> {
  const headers = normaliseHeaders(m.headers);
  if (headers.every((h) => h === '')) throw new RequestError('invalid_argument', '保存映射需要文件的表头行');
  for (const [field, column] of Object.entries(m.mapping)) {
    if (fieldByKey(m.kind, field) === null) {
      throw new RequestError('invalid_argument', `“${field}”不是${KIND_LABELS_ZH[m.kind]}的字段`);
    }
    if (column >= headers.length) {
      throw new RequestError('invalid_argument', `字段“${field}”对应的第 ${column + 1} 列超出了表头的 ${headers.length} 列`);
    }
  }
  const saved: SavedMappingInfo = { name: m.name, kind: m.kind, headers, mapping: { ...m.mapping } };
  if (districtId !== undefined) {
    const existing = await findMappingByName(store.db, m.name);
    if (existing && existing.district_id !== null && existing.district_id !== districtId) {
      throw new RequestError('other_district', `映射名「${m.name}」已被另一个营销部使用，请换一个名字`);
    }
  }
  await upsertSavedMapping(store.db, {
    ...(districtId === undefined ? {} : { districtId }),
    name: saved.name,
    kind: saved.kind,
    headersJson: JSON.stringify(saved.headers),
    mappingJson: JSON.stringify(saved.mapping),
    savedAt: now.toISOString(),
  });
  return saved;
}

export interface SavedMappingMatch {
  mapping: SavedMappingInfo & { kind: KindKey };
  headerRowNumber: number;
}

/** The first of the rows whose texts equal a saved mapping's headers (newest saved mapping wins). */
export function findSavedMapping(rows: readonly RawRow[], mappings: readonly SavedMappingInfo[]): SavedMappingMatch | null {
  if (mappings.length === 0) return null;
  const byHeaders = new Map<string, SavedMappingInfo>();
  for (const m of mappings) if (!byHeaders.has(headerKey(m.headers))) byHeaders.set(headerKey(m.headers), m);
  for (const row of rows) {
    const texts = row.cells.map((c) => cellText(c));
    if (texts.every((t) => t.trim() === '')) continue;
    const found = byHeaders.get(headerKey(texts));
    if (found) return { mapping: found, headerRowNumber: row.rowNumber };
  }
  return null;
}
