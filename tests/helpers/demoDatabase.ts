import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../src/backend/db/openStore';
import { writeDemoDistrict, type DemoResult } from '../../src/backend/demo/writeDemoDistrict';
import { importFiles } from '../../src/backend/services/import/importFiles';
import { openTestStore } from './testStore';

export interface DemoDatabase {
  store: Store;
  demo: DemoResult;
  dbPath: string;
}

/**
 * The default demo district written to `dir` and imported into a fresh database there.
 * `months`: months of orders (default 13, so the evaluated month has last year's); 2 is enough
 * for tests that do not look at year-on-year volume and imports much faster.
 */
export async function buildDemoDatabase(dir: string, seed = 1, months?: number): Promise<DemoDatabase> {
  const outDir = path.join(dir, 'demo');
  const demo = await writeDemoDistrict({ outDir, seed, ...(months === undefined ? {} : { months }) });
  const dbPath = path.join(dir, 'kaoping.sqlite');
  fs.rmSync(dbPath, { force: true });
  const store = await openTestStore(dbPath);
  const reports = await importFiles(store, demo.files, { now: new Date('2026-11-03T08:00:00Z') });
  const refused = reports.filter((r) => r.status !== 'imported');
  if (refused.length > 0) throw new Error(`demo import refused: ${refused.map((r) => `${r.file}: ${r.message}`).join('; ')}`);
  return { store, demo, dbPath: store.path };
}
