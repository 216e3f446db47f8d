import { KIND_KEYS, type KindKey } from '../../shared/kindKeys';
import { KIND_DECLARATIONS, KIND_LABELS } from '../kinds/kindRegistry';
import type { FieldSpec } from '../kinds/fieldSpec';

export type { FieldSpec } from '../kinds/fieldSpec';

export const KIND_LABELS_ZH: Record<KindKey, string> = Object.fromEntries(KIND_KEYS.map((k) => [k, KIND_LABELS[k].zh])) as Record<KindKey, string>;

export interface KindSpec {
  kind: KindKey;
  labelZh: string;
  fields: readonly FieldSpec[];
}

/** The parser's view of each kind: its declared fields (src/core/kinds/<kind>.ts). */
export const KIND_SPECS: Record<KindKey, KindSpec> = Object.fromEntries(
  KIND_KEYS.map((kind) => [kind, { kind, labelZh: KIND_DECLARATIONS[kind].label.zh, fields: KIND_DECLARATIONS[kind].fields }]),
) as Record<KindKey, KindSpec>;

/** One required unit of a kind: a required field, or a one-of group of fields. */
export interface RequiredUnit {
  /** The field key, or the group's member keys joined with '|'. */
  key: string;
  fields: readonly FieldSpec[];
  /** "工号/姓名（至少一项）" or the field's label. */
  labelZh: string;
}

export function requiredUnitsOf(spec: KindSpec): RequiredUnit[] {
  const order: (FieldSpec | string)[] = [];
  const groups = new Map<string, FieldSpec[]>();
  for (const f of spec.fields) {
    if (!f.required) continue;
    if (f.requiredGroup === undefined) {
      order.push(f);
      continue;
    }
    let members = groups.get(f.requiredGroup);
    if (!members) {
      members = [];
      groups.set(f.requiredGroup, members);
      order.push(f.requiredGroup);
    }
    members.push(f);
  }
  return order.map((item) => {
    if (typeof item !== 'string') return { key: item.key, fields: [item], labelZh: item.labelZh };
    const members = groups.get(item) ?? [];
    return {
      key: members.map((f) => f.key).join('|'),
      fields: members,
      labelZh: `${members.map((f) => f.labelZh).join('/')}（至少一项）`,
    };
  });
}
