import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_SPECS } from '../../../../../src/core/import/kinds';
import { countRowsByKind } from '../../../../../src/backend/services/countRowsByKind';
import { rowDetail } from '../../../../../src/backend/services/data/rowDetail';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { previewFile } from '../../../../../src/backend/services/import/previewFile';
import { monthReportModel } from '../../../../../src/backend/services/report/exportMonthReport';
import { GRID_KINDS } from '../../../../../src/shared/api/dataApi';
import { evaluationJson } from '../../../../../src/cli/commands/runEvaluate';
import { openStore, type Store } from '../../../../../src/backend/db/openStore';
import { writeDemoDistrict } from '../../../../../src/backend/demo/writeDemoDistrict';
import { tempDir } from '../../../../helpers/tempDir';

/**
 * Refactoring the import path and the kind declarations must not change what the demo district
 * imports, evaluates and reports. The golden files were written by the code before that work
 * (session 5, issue 19); a deliberate change of behaviour updates them (vitest -u) in the same commit.
 */
const MONTH = '2026-10';
const NOW = new Date('2026-11-03T08:00:00Z');
const GOLDEN = path.join(__dirname, '__golden__');
let store: Store;
let dir: string;
let reports: Awaited<ReturnType<typeof importFiles>>;
let files: string[];

/** Stable JSON: the temp folder's name replaced, so runs compare byte for byte. */
function canonical(value: unknown): string {
  return `${JSON.stringify(value, null, 1).replaceAll(dir, '<dir>')}\n`;
}

beforeAll(async () => {
  dir = tempDir();
  const demo = await writeDemoDistrict({ outDir: path.join(dir, 'demo'), seed: 1 });
  store = await openStore(path.join(dir, 'kaoping.sqlite'));
  files = demo.files;
  reports = await importFiles(store, files, { now: NOW });
}, 300_000);
afterAll(() => store?.close());

describe('the demo district before and after a refactoring', () => {
  it('imports the same counts, warnings and mappings', async () => {
    const imported = reports.map((r) => ({ ...r, file: path.basename(r.file) }));
    await expect(canonical({ imported, counts: await countRowsByKind(store) })).toMatchFileSnapshot(path.join(GOLDEN, 'demoImport.json'));
  });

  it('previews every file the same', async () => {
    const previews = [];
    for (const file of files) previews.push({ ...(await previewFile(file)), fileName: path.basename(file) });
    await expect(canonical(previews)).toMatchFileSnapshot(path.join(GOLDEN, 'demoPreviews.json'));
  });

  it('parses with the same kind declarations', async () => {
    await expect(canonical(KIND_SPECS)).toMatchFileSnapshot(path.join(GOLDEN, 'kindSpecs.json'));
  });

  it('shows the same grid columns and row details', async () => {
    const details = [];
    for (const kind of GRID_KINDS) {
      const first = await store.sqlite.prepare(`SELECT min(id) AS id FROM ${kind}`).get() as { id: number | null };
      if (first.id !== null) details.push(await rowDetail(store, kind, first.id, MONTH));
    }
    await expect(canonical(details)).toMatchFileSnapshot(path.join(GOLDEN, 'demoRowDetails.json'));
  });

  it('evaluates and reports the same', async () => {
    const snapshot = await evaluateStoredMonth(store, MONTH, { now: NOW });
    await expect(canonical(evaluationJson(snapshot))).toMatchFileSnapshot(path.join(GOLDEN, 'demoEvaluation.json'));
    await expect(canonical(await monthReportModel(store, MONTH, { now: NOW }))).toMatchFileSnapshot(path.join(GOLDEN, 'demoReportModel.json'));
  });
});
