import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as detection from '../../../../../src/core/import/detectHeader';
import { openStore } from '../../../../../src/backend/db/openStore';
import { runImportJob } from '../../../../../src/backend/services/import/runImportJob';
import { tempDir } from '../../../../helpers/tempDir';
import { writeMiniDistrict } from './miniDistrict';

vi.mock('../../../../../src/core/import/detectHeader', async (importOriginal) => {
  const original = await importOriginal<typeof detection>();
  return { ...original, detectHeader: vi.fn(original.detectHeader) };
});

const now = new Date('2026-11-03T08:00:00Z');

describe('an import job', () => {
  it('finds each file\'s header once: the plan made for the import order is the one executed', async () => {
    const dir = tempDir();
    const files = await writeMiniDistrict(dir);
    const store = await openStore(path.join(dir, 'kaoping.sqlite'));
    const detect = vi.mocked(detection.detectHeader);
    detect.mockClear();
    // Given out of dependency order: planning must read each file to order them.
    const reports = await runImportJob(store, [{ input: files.brands }, { input: files.retailers }, { input: files.roster }], { now });
    await store.close();
    expect(reports.map((r) => [r.kind, r.status])).toEqual([
      ['roster', 'imported'],
      ['retailers', 'imported'],
      ['brands', 'imported'],
    ]);
    expect(detect).toHaveBeenCalledTimes(3);
  });
});
