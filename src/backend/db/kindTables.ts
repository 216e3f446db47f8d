import { KIND_DECLARATIONS } from '../../core/kinds/kindRegistry';
import { KIND_KEYS, type KindKey } from '../../shared/kindKeys';
import type { ImportedTableName } from './schema';

/** The table each kind's rows are stored in, as its declaration (src/core/kinds/<kind>.ts) names it. */
export const TABLE_OF_KIND = Object.fromEntries(KIND_KEYS.map((k) => [k, KIND_DECLARATIONS[k].table])) as Record<KindKey, ImportedTableName>;

/** Every table an import of each kind writes rows to (its own, and what master files say for their month). */
export const WRITTEN_TABLES: Record<KindKey, ImportedTableName[]> = {
  ...(Object.fromEntries(Object.entries(TABLE_OF_KIND).map(([kind, table]) => [kind, [table]])) as Record<KindKey, ImportedTableName[]>),
  roster: ['managers', 'manager_versions'],
  retailers: ['retailers', 'retailer_versions', 'assignments'],
  brands: ['brands', 'brand_versions'],
};

/** Which imported rows point at which: undoing a batch must not orphan another batch's rows. */
export const REFERENCES: { from: ImportedTableName; column: string; to: ImportedTableName }[] = [
  { from: 'assignments', column: 'manager_id', to: 'managers' },
  { from: 'journals', column: 'manager_id', to: 'managers' },
  { from: 'attendance', column: 'manager_id', to: 'managers' },
  { from: 'reports', column: 'manager_id', to: 'managers' },
  { from: 'spotchecks', column: 'manager_id', to: 'managers' },
  { from: 'assignments', column: 'retailer_id', to: 'retailers' },
  { from: 'journals', column: 'retailer_id', to: 'retailers' },
  { from: 'attendance', column: 'retailer_id', to: 'retailers' },
  { from: 'surveys', column: 'retailer_id', to: 'retailers' },
  { from: 'orders', column: 'retailer_id', to: 'retailers' },
  { from: 'agreements', column: 'retailer_id', to: 'retailers' },
  { from: 'inspections', column: 'retailer_id', to: 'retailers' },
  { from: 'orders', column: 'brand_id', to: 'brands' },
  { from: 'retailer_versions', column: 'retailer_id', to: 'retailers' },
  { from: 'brand_versions', column: 'brand_id', to: 'brands' },
  { from: 'manager_versions', column: 'manager_id', to: 'managers' },
];

/** Children before parents, so deletes never trip a foreign key. */
export const DELETE_ORDER: ImportedTableName[] = [
  'spotchecks',
  'inspections',
  'agreements',
  'orders',
  'surveys',
  'reports',
  'attendance',
  'journals',
  'calendar_days',
  'assignments',
  'retailer_versions',
  'brand_versions',
  'manager_versions',
  'brands',
  'retailers',
  'managers',
];
