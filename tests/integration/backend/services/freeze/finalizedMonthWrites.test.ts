import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../../src/backend/handlers';
import { DEFAULT_SCHEME } from '../../../../../src/core/scoring/defaultScheme';
import type { UploadedFile } from '../../../../../src/shared/api/schemas';
import type { SchemeDto } from '../../../../../src/shared/api/settingsApi';
import { runCli } from '../../../../helpers/runCli';
import { tempDir } from '../../../../helpers/tempDir';
import { writeXlsx } from '../../../../helpers/writeSheets';
import { call, data } from '../../../../helpers/invoke';
import { buildReportDistrict, MONTH, type ReportDistrict } from '../../../../helpers/reportDistrict';

const dir = tempDir('kaoping-freeze-');
let district: ReportDistrict;
let handlers: Handlers;
let journalsFile: string;
let calendarFile: string;
let retailersFile: string;
let journalBatch: number;

const TABLES = [
  'import_batches',
  'journals',
  'calendar_days',
  'assignments',
  'retailers',
  'adjustments',
  'entry_comments',
  'evaluations',
  'row_history',
  'audit_log',
] as const;

/** Every row of every table a write path could touch: a refused write must leave it equal. */
async function everything(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await district.store.db.selectFrom(t).selectAll().orderBy('id').execute();
  return out;
}

function upload(file: string, extra: Partial<UploadedFile> = {}): UploadedFile {
  return { fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)), ...extra };
}

beforeAll(async () => {
  district = await buildReportDistrict(dir);
  handlers = createHandlers({ store: district.store, now: () => new Date('2026-11-10T02:00:00Z'), workDir: dir });
  await data(handlers, 'evaluation.run', { month: MONTH, jobId: 'eval' });
  await data(handlers, 'evaluation.finalize', { month: MONTH });
  const batch = await district.store.db.selectFrom('import_batches').select('id').where('kind', '=', 'journals').executeTakeFirstOrThrow();
  journalBatch = batch.id;
  // Row 2 is November (open), rows 3 and 4 are October (定稿).
  journalsFile = await writeXlsx(path.join(dir, '补录日志.xlsx'), [
    ['日期', '工号', '姓名', '许可证号', '日志内容'],
    ['2026-11-02', 'LH001', '王芳', '370902110001', '十一月走访福顺便利店，核对到货。'],
    ['2026-10-28', 'LH001', '王芳', '370902110001', '补录十月走访记录一。'],
    ['2026-10-29', 'LH002', '王芳', '370902110002', '补录十月走访记录二。'],
  ]);
  calendarFile = await writeXlsx(path.join(dir, '工作日历.xlsx'), [
    ['日期', '是否工作日', '说明'],
    ['2026-10-10', '否', '改为休息'],
  ]);
  retailersFile = await writeXlsx(path.join(dir, '零售客户档案_202610_改.xlsx'), [
    ['许可证号', '客户名称', '档位', '送货线路', '客户经理工号', '状态'],
    ['370902110001', '福顺便利店', 20, 'X01', 'LH002', '正常'],
  ]);
}, 180_000);
afterAll(async () => {
  await handlers?.close();
  await district?.store.close();
});

describe('a finalized month refuses every write path through the handlers', () => {
  it('import: a file with any row in the month is refused whole, naming the month and the rows', async () => {
    const before = await everything();
    const [report] = await data(handlers, 'import.run', { jobId: 'j1', files: [upload(journalsFile)] });
    expect(report).toMatchObject({ status: 'refused', batchId: null });
    expect(report?.message).toContain('2026-10 已定稿');
    expect(report?.message).toContain('第 3 行、第 4 行');
    expect(report?.message).not.toContain('第 2 行');
    // Calendar files and route assignments that start in the month are refused the same way.
    const [calendar] = await data(handlers, 'import.run', { jobId: 'j2', files: [upload(calendarFile)] });
    expect(calendar).toMatchObject({ status: 'refused' });
    expect(calendar?.message).toContain('第 2 行');
    const [retailers] = await data(handlers, 'import.run', { jobId: 'j3', files: [upload(retailersFile)] });
    expect(retailers).toMatchObject({ status: 'refused', message: expect.stringContaining('2026-10 已定稿') });
    expect(await everything()).toEqual(before);
  });

  it('undo of a batch with rows in the month', async () => {
    const before = await everything();
    const undo = await call(handlers, 'import.undo', { batchId: journalBatch });
    expect(undo).toMatchObject({ ok: false, error: { code: 'finalized', message: expect.stringContaining('2026-10 已定稿') } });
    if (!undo.ok) expect(undo.error.message).toMatch(/工作日志 \d+ 行/);
    expect(await everything()).toEqual(before);
  });

  it('calendar edit and put-back, comments, adjustments and choosing another scheme', async () => {
    const scheme = structuredClone((await data(handlers, 'settings.scheme', {})) as SchemeDto);
    scheme.name = '备用方案';
    await data(handlers, 'settings.saveScheme', { scheme });
    const before = await everything();
    const journal = await district.store.db.selectFrom('journals').select('id').where('date', 'like', `${MONTH}%`).executeTakeFirstOrThrow();
    const manager = (await data(handlers, 'evaluation.get', { month: MONTH }))!.managers[0]!.code;
    const refused = [
      await call(handlers, 'calendar.setDay', { date: '2026-10-10', workday: false }),
      await call(handlers, 'calendar.setDay', { date: '2026-10-10', workday: null }),
      await call(handlers, 'journals.comment', { kind: 'journals', entryId: journal.id, text: '补一条批注' }),
      await call(handlers, 'evaluation.adjust', { month: MONTH, managerCode: manager, dimension: 'records', score: 60, reason: '复核' }),
      await call(handlers, 'evaluation.run', { month: MONTH, jobId: 'e2', schemeName: '备用方案' }),
    ];
    for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'finalized', message: expect.stringContaining('2026-10 已定稿') } });
    expect(await everything()).toEqual(before);
    expect(DEFAULT_SCHEME.name).not.toBe('备用方案');
  });
});

describe('the command line refuses the same writes', () => {
  it('import, undo, adjust and evaluate --scheme exit 1 with the reason and change nothing', async () => {
    const before = await everything();
    const db = district.dbPath;
    const imported = await runCli(['import', '--db', db, journalsFile, calendarFile]);
    expect(imported.code).toBe(1);
    expect(imported.stdout + imported.stderr).toContain('2026-10 已定稿');
    const undo = await runCli(['undo', String(journalBatch), '--db', db]);
    expect(undo.code).toBe(1);
    expect(undo.stderr).toContain('2026-10 已定稿');
    const adjust = await runCli(['adjust', '--db', db, '--month', MONTH, '--manager', 'LH001', '--dimension', 'records', '--score', '60', '--reason', '复核']);
    expect(adjust.code).toBe(1);
    expect(adjust.stderr).toContain('2026-10 已定稿');
    const evaluate = await runCli(['evaluate', '--db', db, '--month', MONTH, '--scheme', '备用方案']);
    expect(evaluate.code).toBe(1);
    expect(evaluate.stderr).toContain('2026-10 已定稿');
    expect(await everything()).toEqual(before);
  }, 120_000);
});

describe('reopening with a reason is the way in', () => {
  it('after reopen the same import goes through', async () => {
    await data(handlers, 'evaluation.reopen', { month: MONTH, reason: '补录十月日志' });
    const [report] = await data(handlers, 'import.run', { jobId: 'j4', files: [upload(journalsFile)] });
    expect(report).toMatchObject({ status: 'imported', counts: { inserted: 3 } });
    expect(await call(handlers, 'import.undo', { batchId: report!.batchId! })).toMatchObject({ ok: true });
  });
});
