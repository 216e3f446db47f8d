// SQLite only (not in vitest.config.mts's postgres project): reads rows back through better-sqlite3.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as detection from '../../../../../src/core/import/detectHeader';
import * as opening from '../../../../../src/backend/io/openSpreadsheet';
import { openStore } from '../../../../../src/backend/db/openStore';
import { runImportJob } from '../../../../../src/backend/services/import/runImportJob';
import { tempDir } from '../../../../helpers/tempDir';
import { writeCsv } from '../../../../helpers/writeSheets';
import { writeMiniDistrict } from './miniDistrict';

vi.mock('../../../../../src/core/import/detectHeader', async (importOriginal) => {
  const original = await importOriginal<typeof detection>();
  return { ...original, detectHeader: vi.fn(original.detectHeader) };
});
vi.mock('../../../../../src/backend/io/openSpreadsheet', async (importOriginal) => {
  const original = await importOriginal<typeof opening>();
  return { ...original, openSpreadsheet: vi.fn(original.openSpreadsheet) };
});

const now = new Date('2026-11-03T08:00:00Z');

/** The files each spied function was given, by base name. */
function openedFiles(): string[] {
  return vi.mocked(opening.openSpreadsheet).mock.calls.map(([input]) => path.basename(typeof input === 'string' ? input : input.fileName));
}

describe('an import job', () => {
  it('opens each file once and finds its header once: the plan made for the import order is the one executed', async () => {
    const dir = tempDir();
    const files = await writeMiniDistrict(dir);
    const store = await openStore(path.join(dir, 'kaoping.sqlite'));
    const detect = vi.mocked(detection.detectHeader);
    detect.mockClear();
    vi.mocked(opening.openSpreadsheet).mockClear();
    // Given out of dependency order: planning must read each file to order them.
    const reports = await runImportJob(store, [{ input: files.brands }, { input: files.retailers }, { input: files.roster }], { now });
    await store.close();
    expect(reports.map((r) => [r.kind, r.status, r.counts.inserted])).toEqual([
      ['roster', 'imported', 2],
      ['retailers', 'imported', 3],
      ['brands', 'imported', 2],
    ]);
    expect(detect).toHaveBeenCalledTimes(3);
    expect(openedFiles().sort()).toEqual(['品规目录.csv', '客户经理花名册.xlsx', '零售客户档案_202610.xlsx']);
  });

  it('opens once a file taken by a saved mapping, and a file it refuses', async () => {
    const dir = tempDir();
    const files = await writeMiniDistrict(dir);
    // Headers nothing recognises, mapped by a saved mapping.
    const phones = writeCsv(path.join(dir, '电话表.csv'), [
      ['编号', '名字', '电话号码'],
      ['LH001', '张伟', '13900000001'],
    ]);
    const unknown = writeCsv(path.join(dir, '杂项.csv'), [
      ['甲', '乙'],
      ['1', '2'],
    ]);
    const store = await openStore(path.join(dir, 'kaoping.sqlite'));
    await runImportJob(store, [{ input: files.roster }], { now });
    vi.mocked(opening.openSpreadsheet).mockClear();
    const savedMappings = [{ name: '电话表', kind: 'roster' as const, headers: ['编号', '名字', '电话号码'], mapping: { code: 0, name: 1, phone: 2 } }];
    const reports = await runImportJob(store, [{ input: unknown }, { input: phones }], { now, savedMappings });
    const phone = store.sqlite.prepare("SELECT phone FROM managers WHERE code = 'LH001'").get();
    await store.close();
    expect(reports.map((r) => [r.file, r.kind, r.status])).toEqual([
      ['电话表.csv', 'roster', 'imported'],
      ['杂项.csv', null, 'refused'],
    ]);
    expect(reports[0]?.counts.updated).toBe(1);
    expect(phone).toEqual({ phone: '13900000001' });
    expect(openedFiles().sort()).toEqual(['杂项.csv', '电话表.csv']);
  });
});
