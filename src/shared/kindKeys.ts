/** The twelve data kinds (data-kinds.md). In dependency order: what other kinds refer to comes first. */
export const KIND_KEYS = [
  'roster',
  'retailers',
  'brands',
  'calendar',
  'journals',
  'attendance',
  'reports',
  'surveys',
  'orders',
  'agreements',
  'inspections',
  'spotchecks',
] as const;
export type KindKey = (typeof KIND_KEYS)[number];

const KIND_KEY_SET: ReadonlySet<string> = new Set(KIND_KEYS);

export function isKindKey(value: string): value is KindKey {
  return KIND_KEY_SET.has(value);
}
