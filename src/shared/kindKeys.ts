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
