/** What a writer does while it holds a district (or the city's shared data); the UI names it to whoever has to wait. */
export const WRITE_ACTIONS = [
  'import',
  'undo',
  'evaluate',
  'adjust',
  'manualScore',
  'finalize',
  'reopen',
  'comment',
  'calendar',
  'scheme',
  'supervisor',
  'accounts',
  'mapping',
] as const;
export type WriteAction = (typeof WRITE_ACTIONS)[number];

/**
 * Why a write was refused with code 'district_busy' (its Result's details, an import report's
 * `busy`): someone else is writing the same district. The renderer says it in the UI's language.
 */
export interface WriteBusy {
  /** The holder's name; null when it cannot be told (not a Kaoping session, or gone meanwhile). */
  who: string | null;
  action: WriteAction | null;
  /** The district's name; null for the city's shared data (calendar, schemes, brands, accounts). */
  district: string | null;
}

export function isWriteBusy(value: unknown): value is WriteBusy {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  const textOrNull = (x: unknown) => x === null || typeof x === 'string';
  return textOrNull(v.who) && textOrNull(v.district) && (v.action === null || (WRITE_ACTIONS as readonly unknown[]).includes(v.action));
}
