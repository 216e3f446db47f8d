import { KIND_DECLARATIONS } from '../../../core/kinds/kindRegistry';
import type { KindKey } from '../../../shared/kindKeys';
import type { ImportedTableName } from '../../db/schema';

/**
 * Columns of the tables a retailer file writes besides its own (its route assignments), worked out
 * from other fields than their namesake: the manager from 客户经理工号, 客户经理 or the route.
 */
const ASSIGNMENT_SOURCES: Record<string, readonly string[]> = {
  route: ['route'],
  manager_id: ['managerCode', 'managerName', 'route'],
};

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The fields a stored column is written from, or null when it is always written: for the kind's
 * own table as its declaration says (src/core/kinds/<kind>.ts); for the tables written beside it
 * (versions, assignments) the field of the same name in camelCase, if the kind has one.
 */
export function sourceFieldsOf(kind: KindKey, table: ImportedTableName, column: string): readonly string[] | null {
  const declaration = KIND_DECLARATIONS[kind];
  if (table === declaration.table) return declaration.columns[column]?.carriedBy ?? null;
  if (table === 'assignments' && ASSIGNMENT_SOURCES[column] !== undefined) return ASSIGNMENT_SOURCES[column] ?? null;
  const key = camelCase(column);
  return declaration.fields.some((f) => f.key === key) ? [key] : null;
}

/**
 * The columns of a table an update must leave as stored, because the file has none of the
 * fields they come from. Undefined `carried` means the caller writes whole rows.
 */
export function keptColumns(
  kind: KindKey,
  table: ImportedTableName,
  columns: readonly string[],
  carried: ReadonlySet<string> | undefined,
): Set<string> {
  const kept = new Set<string>();
  if (carried === undefined) return kept;
  for (const column of columns) {
    const sources = sourceFieldsOf(kind, table, column);
    if (sources !== null && !sources.some((f) => carried.has(f))) kept.add(column);
  }
  return kept;
}

/** Whether the file carries any of these fields (all when `carried` is undefined). */
export function carriesAny(carried: ReadonlySet<string> | undefined, fields: readonly string[]): boolean {
  return carried === undefined || fields.some((f) => carried.has(f));
}
