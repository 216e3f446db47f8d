import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../src/backend/handlers';
import type { Store } from '../../../../src/backend/db/openStore';
import { openTestStore } from '../../../helpers/testStore';
import { evaluateStoredMonth } from '../../../../src/backend/services/evaluation/evaluateStoredMonth';
import type { FileImportReport } from '../../../../src/shared/importReport';
import { tempDir } from '../../../helpers/tempDir';
import { data, recordingContext, type RecordedEvent } from '../../../helpers/invoke';

const dir = tempDir('kaoping-demo-handlers-');
let store: Store;
let handlers: Handlers;
let reports: FileImportReport[];
let events: RecordedEvent[];

beforeAll(async () => {
  store = await openTestStore(path.join(dir, 'demo.sqlite'));
  handlers = createHandlers({ store, now: () => new Date('2026-11-03T09:00:00Z'), workDir: dir });
  expect((await data(handlers, 'app.info', {})).empty).toBe(true);
  const recorded = recordingContext();
  events = recorded.events;
  reports = await data(handlers, 'app.loadDemo', { jobId: 'demo' }, recorded.ctx);
});
afterAll(async () => {
  await handlers.close();
  await store.close();
});

describe('app.loadDemo', () => {
  it('imports every demo file in dependency order with progress, and cleans up its files', async () => {
    expect(reports).toHaveLength(13);
    expect(reports.every((r) => r.status === 'imported')).toBe(true);
    expect(reports.slice(0, 4).map((r) => r.kind)).toEqual(['roster', 'retailers', 'brands', 'calendar']);
    const progress = events.filter((e) => e.name === 'import.progress').map((e) => e.payload as { fileIndex: number; fileCount: number; rowsDone: number });
    expect(progress.length).toBeGreaterThanOrEqual(13);
    expect(progress.every((p) => p.fileCount === 13)).toBe(true);
    expect(progress.map((p) => p.fileIndex)).toEqual([...progress.map((p) => p.fileIndex)].sort((a, b) => a - b));
    expect(events.at(-1)).toEqual({ name: 'job.done', payload: { jobId: 'demo' } });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('demo-'))).toEqual([]);

    const info = await data(handlers, 'app.info', {});
    expect(info.empty).toBe(false);
    expect(info.months[0]).toBe('2026-10');
  });

  it('shows the evaluated month’s flags by type with Chinese labels', async () => {
    const before = await data(handlers, 'data.overview', { month: '2026-10' });
    expect(before.evaluated).toBe(false);
    expect(before.missing).toEqual([]);

    const snapshot = await evaluateStoredMonth(store, '2026-10', { now: new Date('2026-11-03T10:00:00Z') });
    const expected = new Map<string, number>();
    for (const m of snapshot.evaluation.managers) for (const f of m.flags) expected.set(f.type, (expected.get(f.type) ?? 0) + 1);
    expect(expected.size).toBeGreaterThan(0);

    const after = await data(handlers, 'data.overview', { month: '2026-10' });
    expect(after.evaluated).toBe(true);
    expect(new Map(after.flagsByType.map((f) => [f.type, f.count]))).toEqual(expected);
    for (const f of after.flagsByType) expect(f.label).toMatch(/[\u4e00-\u9fa5]/);
    expect(after.flagsByType.map((f) => f.count)).toEqual([...after.flagsByType.map((f) => f.count)].sort((a, b) => b - a));
    expect(after.heatmap.managers).toHaveLength(10);
  });

  it('accounts for every row the attendance grid lists: punches counted, absences named beside them', async () => {
    const overview = await data(handlers, 'data.overview', { month: '2026-10' });
    const grid = await data(handlers, 'data.count', { kind: 'attendance', month: '2026-10', filters: {} });
    expect(overview.absences).toBeGreaterThan(0);
    expect((overview.counts.attendance ?? 0) + overview.absences).toBe(grid.total);
  });
});
