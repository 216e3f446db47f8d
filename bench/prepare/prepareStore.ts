import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../src/backend/db/openStore';
import type { DemoManifest } from '../../src/backend/demo/writeDemoDistrict';
import { DEFAULT_SPREADSHEET_LIMITS } from '../../src/backend/io/spreadsheetSource';
import { importFiles } from '../../src/backend/services/import/importFiles';
import { BENCH_NOW } from '../benchClock';
import { secondsSince, stringParam, type TaskParams, type TaskResult } from '../childProtocol';
import { splitOrdersByMonth } from './splitOrdersByMonth';

/** The kinds every other file links to: what a "fresh" database holds before a big file is imported. */
const MASTER_KINDS = new Set(['roster', 'retailers', 'brands', 'calendar']);

export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Imports a demo district into a new database: only its master data (`what: 'master'`, the
 * template big-file imports start from) or every file (`what: 'all'`, for evaluation and report).
 * Closing the store checkpoints the WAL, so the file alone can be copied afterwards.
 */
export async function prepareStore(params: TaskParams): Promise<TaskResult> {
  const demoDir = stringParam(params, 'demoDir');
  const db = stringParam(params, 'db');
  const what = stringParam(params, 'what');
  const manifest = JSON.parse(readFileSync(path.join(demoDir, '.demo-manifest.json'), 'utf8')) as DemoManifest;
  const wanted = manifest.files.filter((f) => what === 'all' || MASTER_KINDS.has(f.kind));
  removeDatabase(db);
  const started = performance.now();
  const files: string[] = [];
  for (const f of wanted) {
    const file = path.join(demoDir, f.name);
    // A city's 13 months of orders pass the import's row limit: split by month, as the refusal asks.
    if (f.kind === 'orders' && f.name.endsWith('.csv') && f.rows > DEFAULT_SPREADSHEET_LIMITS.maxRows) {
      files.push(...(await splitOrdersByMonth(file, path.join(demoDir, 'orders-by-month'))));
    } else {
      files.push(file);
    }
  }
  const store = await openStore(db);
  try {
    const reports = await importFiles(store, files, { now: BENCH_NOW });
    const refused = reports.filter((r) => r.status !== 'imported');
    if (refused.length > 0) throw new Error(`demo import refused: ${refused.map((r) => `${r.file}: ${r.message}`).join('; ')}`);
    return { seconds: secondsSince(started), files: reports.length, rows: reports.reduce((n, r) => n + r.counts.rows, 0) };
  } finally {
    await store.close();
  }
}
