import type { GridKind } from '../../../shared/api/dataApi';
import type { KindKey } from '../../../shared/api/schemas';

/** Which spreadsheet fills which table: the empty state names the file to import. */
export const GRID_IMPORT_KIND: Record<GridKind, KindKey> = {
  managers: 'roster',
  retailers: 'retailers',
  brands: 'brands',
  journals: 'journals',
  attendance: 'attendance',
  reports: 'reports',
  surveys: 'surveys',
  orders: 'orders',
  agreements: 'agreements',
  inspections: 'inspections',
  spotchecks: 'spotchecks',
};

/** Tables that are not bound to one month (the roster, the retailer and brand catalogues). */
export const MONTHLESS_KINDS: readonly GridKind[] = ['managers', 'retailers', 'brands'];
