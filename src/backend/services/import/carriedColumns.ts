import { KIND_SPECS } from '../../../core/import/kinds';
import type { KindKey } from '../../../shared/kindKeys';
import type { ImportedTableName } from '../../db/schema';

/**
 * Stored columns that are worked out from other fields than their namesake (a retailer's manager
 * from 客户经理工号, 客户经理 or the route), or from several. A column named here is carried by a
 * file when any of its fields is; a column named nowhere is carried when the kind has a field of
 * the same name in camelCase and the file maps it; any other column (keys, links worked out from
 * the key) is always written.
 */
const DERIVED: Partial<Record<ImportedTableName, Record<string, readonly string[]>>> = {
  managers: { dingtalk_id: ['dingtalkId'], hired_on: ['hiredOn'] },
  retailers: {
    manager_code: ['managerCode', 'managerName', 'route'],
    manager_name: ['managerCode', 'managerName', 'route'],
  },
  assignments: { route: ['route'], manager_id: ['managerCode', 'managerName', 'route'] },
  journals: {
    retailer_id: ['licence', 'customerCode', 'retailerName'],
    retailer_ref: ['licence', 'customerCode'],
  },
  attendance: {
    mock_location: ['anomaly', 'result'],
    retailer_id: ['licence', 'customerCode', 'visited', 'longitude', 'latitude'],
    retailer_ref: ['licence', 'customerCode'],
    link_method: ['licence', 'customerCode', 'visited', 'longitude', 'latitude'],
  },
  surveys: {
    items_json: [
      'itemVisitTimeliness',
      'itemServiceAttitude',
      'itemPolicyInfo',
      'itemBusinessGuidance',
      'itemOrderingService',
      'itemDeliveryService',
      'itemComplaintHandling',
    ],
  },
};

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The fields a stored column is worked out from, or null when it is always written. */
export function sourceFieldsOf(kind: KindKey, table: ImportedTableName, column: string): readonly string[] | null {
  const derived = DERIVED[table]?.[column];
  if (derived !== undefined) return derived;
  const key = camelCase(column);
  return KIND_SPECS[kind].fields.some((f) => f.key === key) ? [key] : null;
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
