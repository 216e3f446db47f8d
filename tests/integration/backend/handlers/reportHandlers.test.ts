import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../src/backend/handlers';
import { evaluateStoredMonth } from '../../../../src/backend/services/evaluation/evaluateStoredMonth';
import type { MonthSnapshot } from '../../../../src/backend/services/evaluation/monthSnapshot';
import type { EventPayload } from '../../../../src/shared/api/kaopingApi';
import { tempDir } from '../../../helpers/tempDir';
import { call, recordingContext } from '../../../helpers/invoke';
import { rowTexts, sheet } from '../../../helpers/readWorkbook';
import { buildReportDistrict, MONTH, type ReportDistrict } from '../../../helpers/reportDistrict';

const dir = tempDir('kaoping-report-export-');
let district: ReportDistrict;
let handlers: Handlers;
let snapshot: MonthSnapshot;

beforeAll(async () => {
  district = await buildReportDistrict(dir);
  handlers = createHandlers({ store: district.store, now: () => new Date('2026-11-05T08:00:00Z'), workDir: dir });
  snapshot = await evaluateStoredMonth(district.store, MONTH, { now: new Date('2026-11-03T01:00:00Z') });
}, 120_000);
afterAll(async () => {
  await handlers?.close();
  await district?.store.close();
});

const leftovers = () => fs.readdirSync(dir).filter((f) => f.startsWith('report-') || f.endsWith('.tmp'));

describe('report.export', () => {
  it('returns the workbook as bytes with the summary of the snapshot, reports progress, leaves no file behind', async () => {
    const { ctx, events } = recordingContext();
    const result = await call(handlers, 'report.export', { month: MONTH, jobId: 'export-1' }, ctx);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.fileName).toBe('考评报表-2026-10.xlsx');
    expect(result.data.bytes).toBeInstanceOf(Uint8Array);

    const workbook = new ExcelJS.Workbook();
    // exceljs types load() with an older Buffer type than @types/node.
    await workbook.xlsx.load(Buffer.from(result.data.bytes) as unknown as ArrayBuffer);
    const rows = rowTexts(sheet(workbook, '汇总'));
    const header = rows.findIndex((r) => r[0] === '名次');
    expect(header).toBeGreaterThan(0);
    const totalCol = rows[header]?.indexOf('总分') ?? -1;
    expect(totalCol).toBeGreaterThan(0);
    const managers = snapshot.evaluation.managers;
    const body = rows.slice(header + 1, header + 1 + managers.length);
    for (const m of managers) {
      const row = body.find((r) => r[1] === m.code);
      expect(row, m.code).toBeDefined();
      expect(Number(row?.[0])).toBe(m.rank);
      expect(Number(row?.[totalCol])).toBeCloseTo(m.total ?? Number.NaN, 1);
    }

    const progress = events.filter((e) => e.name === 'job.progress').map((e) => e.payload as EventPayload<'job.progress'>);
    expect(progress.every((p) => p.jobId === 'export-1')).toBe(true);
    expect(new Set(progress.map((p) => p.step))).toEqual(new Set(['charts', 'sheets', 'save']));
    // The sheets are written while the charts are drawn, but the steps are told in order.
    const stepIndexes = progress.map((p) => ['charts', 'sheets', 'save'].indexOf(p.step));
    expect(stepIndexes).toEqual([...stepIndexes].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ step: 'save', done: 1, total: 1 });
    expect(events.at(-1)).toEqual({ name: 'job.done', payload: { jobId: 'export-1' } });
    expect(leftovers()).toEqual([]);
  }, 120_000);

  it('refuses a month that has not been evaluated, in Chinese, and still closes the job', async () => {
    const { ctx, events } = recordingContext();
    const result = await call(handlers, 'report.export', { month: '2026-08', jobId: 'export-2' }, ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'not_evaluated', message: '2026-08 还没有考评结果，请先在「考评」页考评该月，再导出考评报表' } });
    expect(events).toEqual([{ name: 'job.done', payload: { jobId: 'export-2' } }]);
    expect(leftovers()).toEqual([]);
  });
});
