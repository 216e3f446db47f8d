import os from 'node:os';
import path from 'node:path';

/** One demo district as writeDemoDistrict takes it; the sizes name its cache folder. */
export interface DemoSpec {
  managers: number;
  retailers: number;
  months: number;
  ordersFormat: 'csv' | 'xlsx';
  attendanceRowsTarget?: number;
  journalsTarget?: number;
}

export interface BenchConfig {
  mode: 'full' | 'quick';
  /** Children per measured figure; the median is reported. */
  runs: number;
  cacheRoot: string;
  /** The evaluated month of every demo district (the generator's default). */
  month: string;
  /** Big xlsx files: the DingTalk attendance sheet and the orders workbook come from this demo. */
  xlsxDemo: DemoSpec;
  districtDemo: DemoSpec;
  cityDemo: DemoSpec;
  /** GB18030 orders rows cut from the district's orders CSV. */
  csvRows: number;
  /** Order rows of the PostgreSQL import (and of psql's \copy beside it). */
  pgImportRows: number;
  /** Data rows of the .xls import: with its header, the 65,536 rows a .xls sheet holds at most. */
  xlsRows: number;
  nearCopyDocs: number;
  /** Entries the exhaustive pairwise baseline runs on (then extrapolated quadratically). */
  pairwiseSample: number;
  gridJournalRows: number;
  gridManagers: number;
  gridRetailers: number;
  /** exceljs readFile holds the whole workbook in memory: the naive baseline runs under this guard. */
  naiveGuard: { timeoutSeconds: number; maxRssMb: number };
}

/** Bump when a cached data set's shape changes, so that old caches are not reused. */
export const DATA_VERSION = 1;

export function benchConfig(quick: boolean, cacheRoot = path.join(os.tmpdir(), 'kaoping-bench')): BenchConfig {
  if (quick) {
    return {
      mode: 'quick',
      runs: 1,
      cacheRoot,
      month: '2026-10',
      xlsxDemo: { managers: 6, retailers: 300, months: 3, ordersFormat: 'xlsx', attendanceRowsTarget: 8_000 },
      districtDemo: { managers: 6, retailers: 300, months: 13, ordersFormat: 'csv' },
      cityDemo: { managers: 12, retailers: 600, months: 13, ordersFormat: 'csv' },
      csvRows: 20_000,
      pgImportRows: 20_000,
      xlsRows: 65_535,
      nearCopyDocs: 3_000,
      pairwiseSample: 600,
      gridJournalRows: 50_000,
      gridManagers: 20,
      gridRetailers: 2_000,
      naiveGuard: { timeoutSeconds: 60, maxRssMb: 2_000 },
    };
  }
  return {
    mode: 'full',
    runs: 3,
    cacheRoot,
    month: '2026-10',
    // 8,000 retailers order about 146k lines a month: 7 months make about 1M order rows.
    xlsxDemo: { managers: 40, retailers: 8_000, months: 7, ordersFormat: 'xlsx', attendanceRowsTarget: 200_000 },
    districtDemo: { managers: 40, retailers: 8_000, months: 13, ordersFormat: 'csv' },
    cityDemo: { managers: 200, retailers: 40_000, months: 13, ordersFormat: 'csv' },
    csvRows: 500_000,
    pgImportRows: 1_000_000,
    xlsRows: 65_535,
    nearCopyDocs: 20_000,
    pairwiseSample: 4_000,
    gridJournalRows: 1_000_000,
    gridManagers: 200,
    gridRetailers: 40_000,
    naiveGuard: { timeoutSeconds: 300, maxRssMb: 3_000 },
  };
}

/** The cache folder of a demo: its sizes, so that different sizes never share one. */
export function demoDirName(spec: DemoSpec): string {
  const parts = [`demo-v${DATA_VERSION}`, `${spec.managers}m`, `${spec.retailers}r`, `${spec.months}mo`, spec.ordersFormat];
  if (spec.attendanceRowsTarget) parts.push(`att${spec.attendanceRowsTarget}`);
  if (spec.journalsTarget) parts.push(`jn${spec.journalsTarget}`);
  return parts.join('-');
}
