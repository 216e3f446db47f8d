import { KIND_SPECS, type FieldSpec } from './kinds';
import { KIND_KEYS, type KindKey } from '../../shared/kindKeys';
import { headerParts } from './normalizeHeader';

interface KindIndex {
  bySynonym: Map<string, FieldSpec>;
  byKey: Map<string, FieldSpec>;
}

// Maps, not object literals: a header "__proto__" or "constructor" must be just an unknown name.
const INDEX = new Map<KindKey, KindIndex>();
for (const kind of KIND_KEYS) {
  const bySynonym = new Map<string, FieldSpec>();
  const byKey = new Map<string, FieldSpec>();
  for (const field of KIND_SPECS[kind].fields) {
    byKey.set(field.key, field);
    for (const synonym of field.synonyms) {
      const { full } = headerParts(synonym);
      if (!bySynonym.has(full)) bySynonym.set(full, field);
    }
  }
  INDEX.set(kind, { bySynonym, byKey });
}

function indexOf(kind: KindKey): KindIndex {
  const index = INDEX.get(kind);
  if (index === undefined) throw new RangeError(`unknown kind ${kind}`);
  return index;
}

/** The field a header names in this kind: first with its unit ("批发价(元/条)"), then without. */
export function fieldForHeader(kind: KindKey, header: string): FieldSpec | null {
  const { bySynonym } = indexOf(kind);
  const parts = headerParts(header);
  if (parts.full === '') return null;
  return bySynonym.get(parts.full) ?? bySynonym.get(parts.base) ?? null;
}

export function fieldByKey(kind: KindKey, key: string): FieldSpec | null {
  return indexOf(kind).byKey.get(key) ?? null;
}
