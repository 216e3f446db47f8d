import type { LinkValue, StoredColumn } from './kindDeclaration';

/** The column a field is stored in: its key in snake_case (hiredOn → hired_on). */
export function columnOf(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Columns named after fields (hired_on ← hiredOn), each written when the file has its field. */
export function fieldColumns(...keys: string[]): Record<string, StoredColumn> {
  return Object.fromEntries(keys.map((key) => [columnOf(key), { value: { record: key }, carriedBy: [key] }]));
}

/** A column of a value the kind's record works out (null carriedBy: always written). */
export function derived(recordKey: string, carriedBy: readonly string[] | null): StoredColumn {
  return { value: { record: recordKey }, carriedBy };
}

/** A column of a value found by following the row's references (null carriedBy: always written). */
export function linked(link: LinkValue, carriedBy: readonly string[] | null): StoredColumn {
  return { value: { link }, carriedBy };
}

