import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_evaluations';
import * as m0003 from './0003_workbench';
import * as m0004 from './0004_entry_comments';
import * as m0005 from './0005_order_month_cache';
import * as m0006 from './0006_retailer_month_orders';
import * as m0008 from './0008_verdicts';

/** An explicit list, because bundlers break folder scans. Append only. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_evaluations': m0002,
  '0003_workbench': m0003,
  '0004_entry_comments': m0004,
  '0005_order_month_cache': m0005,
  '0006_retailer_month_orders': m0006,
  '0008_verdicts': m0008,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1) ?? '';
