import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_evaluations';
import * as m0003 from './0003_workbench';
import * as m0004 from './0004_entry_comments';
import * as m0005 from './0005_order_month_cache';
import * as m0006 from './0006_retailer_month_orders';
import * as m0007 from './0007_audit_chain';
import * as m0008 from './0008_verdicts';
import * as m0009 from './0009_master_history';
import * as m0010 from './0010_punch_source_order_number';
import * as m0013 from './0013_orders_batch_index';
import * as m0014 from './0014_districts';
import * as m0015 from './0015_accounts';
import * as m0016 from './0016_journal_copy_cache';
import * as m0019 from './0019_postgres_float_sum';
import * as m0022 from './0022_saved_mapping_district';
import * as m0024 from './0024_orders_month_lines_index';
import * as m0026 from './0026_journal_copy_cache_per_district';

/** An explicit list, because bundlers break folder scans. Append only. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_evaluations': m0002,
  '0003_workbench': m0003,
  '0004_entry_comments': m0004,
  '0005_order_month_cache': m0005,
  '0006_retailer_month_orders': m0006,
  '0007_audit_chain': m0007,
  '0008_verdicts': m0008,
  '0009_master_history': m0009,
  '0010_punch_source_order_number': m0010,
  '0013_orders_batch_index': m0013,
  '0014_districts': m0014,
  '0015_accounts': m0015,
  '0016_journal_copy_cache': m0016,
  '0019_postgres_float_sum': m0019,
  '0022_saved_mapping_district': m0022,
  '0024_orders_month_lines_index': m0024,
  '0026_journal_copy_cache_per_district': m0026,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
