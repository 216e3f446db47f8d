import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, invokeHandler, type Handlers } from '../../../../src/backend/handlers';
import type { Store } from '../../../../src/backend/db/openStore';
import { openTestStore } from '../../../helpers/testStore';
import { countRowsByKind } from '../../../../src/backend/services/countRowsByKind';
import type { UploadedFile } from '../../../../src/shared/api/schemas';
import { tempDir } from '../../../helpers/tempDir';
import { writeCsv, writeXlsx } from '../../../helpers/writeSheets';
import { call, data, recordingContext } from '../../../helpers/invoke';
import { buildWorkbenchDistrict } from '../../../helpers/workbenchDistrict';

const SAMPLES = path.resolve(__dirname, '../../../fixtures/samples');
const SAMPLE_KINDS: Record<string, string> = {
  '专卖检查记录_202610.xlsx': 'inspections',
  '协议量_2026-10.xlsx': 'agreements',
  '品规目录.csv': 'brands',
  '客户经理花名册.xlsx': 'roster',
  '工作日历_202610.xlsx': 'calendar',
  '工作日志_202610.xlsx': 'journals',
  '市场了解抽查_202610.xlsx': 'spotchecks',
  '月度市场分析报告.xlsx': 'reports',
  '电子卡拜访记录_202610.csv': 'attendance',
  '订单明细_2025-10_2026-10.csv': 'orders',
  '钉钉考勤_原始记录_202610.xlsx': 'attendance',
  '零售客户档案.xlsx': 'retailers',
  '零售客户满意度调查_202610.xlsx': 'surveys',
};

const dir = tempDir('kaoping-import-');
let store: Store;
let handlers: Handlers;

function upload(file: string, extra: Partial<UploadedFile> = {}): UploadedFile {
  return { fileName: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)), ...extra };
}

async function tableFacts(s: Store) {
  const orders = await s.db
    .selectFrom('orders')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('quantity').as('q')])
    .executeTakeFirstOrThrow();
  return { counts: await countRowsByKind(s), orders: { n: Number(orders.n), q: Number(orders.q) } };
}

/** An orders CSV of n rows for licences the district does not know (kept, unlinked). */
function bigOrdersCsv(name: string, n: number, year: number): string {
  const rows: string[][] = [['订单日期', '许可证号', '卷烟编码', '卷烟名称', '订购量']];
  for (let i = 0; i < n; i++) {
    const day = `${year}-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.push([day, `3709021${String(10000 + i).padStart(5, '0')}`, '6901028001687', '中华(硬)', String(1 + (i % 7))]);
  }
  return writeCsv(path.join(dir, name), rows);
}

beforeAll(async () => {
  ({ store } = await buildWorkbenchDistrict(dir));
  handlers = createHandlers({ store, now: () => new Date('2026-11-03T09:00:00Z'), workDir: dir });
});
afterAll(async () => {
  await handlers.close();
  await store.close();
});

describe('import.preview', () => {
  it('recognises each sample file with its header, fields and first rows, writing nothing', async () => {
    const before = await tableFacts(store);
    for (const [file, kind] of Object.entries(SAMPLE_KINDS)) {
      const p = await data(handlers, 'import.preview', upload(path.join(SAMPLES, file)));
      expect(p.refusal, file).toBeNull();
      expect(p.kind, file).toBe(kind);
      expect(p.kindLabel).toMatch(/[\u4e00-\u9fa5]/);
      expect(p.candidates[0]?.kind, file).toBe(kind);
      expect(p.headerRow, file).toBeGreaterThanOrEqual(1);
      expect(p.missingRequired, file).toEqual([]);
      expect(p.mapped.length, file).toBeGreaterThan(1);
      for (const m of p.mapped) expect(p.headers[m.column]?.trim(), file).toBe(m.header);
      expect(p.fields.some((f) => f.required), file).toBe(true);
      expect(p.rows.length, file).toBeGreaterThan(0);
      expect(p.rows.length).toBeLessThanOrEqual(20);
      expect(p.format).toBe(file.endsWith('.csv') ? 'csv' : 'xlsx');
    }
    const dingtalk = await data(handlers, 'import.preview', upload(path.join(SAMPLES, '钉钉考勤_原始记录_202610.xlsx')));
    expect(dingtalk.headerRow).toBe(3);
    expect(dingtalk.unmapped.map((u) => u.header)).toContain('考勤组');
    expect(await tableFacts(store)).toEqual(before);
  });

  it('says why a file cannot be read, and what a forced kind lacks', async () => {
    const junk = await data(handlers, 'import.preview', { fileName: '说明.pdf', bytes: new TextEncoder().encode('%PDF-1.7\n\u0000\u0001binary') });
    expect(junk.refusal).toMatch(/[\u4e00-\u9fa5]/);
    expect(junk.kind).toBeNull();

    const forced = await data(handlers, 'import.preview', { ...upload(path.join(SAMPLES, '品规目录.csv')), kind: 'orders' });
    expect(forced.kind).toBe('orders');
    expect(forced.missingRequired.map((m) => m.label).join('')).toMatch(/日期|订购量/);
    expect(forced.fields.map((f) => f.key)).toContain('quantity');
  });

  it('rejects an invalid argument with a Chinese message and the issues', async () => {
    const bad = await call(handlers, 'import.preview', { fileName: '', bytes: 'abc' } as unknown as UploadedFile);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('invalid_argument');
    expect(bad.error.message).toMatch(/^参数有误：/);
    expect(bad.error.message).toMatch(/[\u4e00-\u9fa5]{4}/);
    expect(bad.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: ['fileName'] }), expect.objectContaining({ path: ['bytes'] })]));

    const { ctx } = recordingContext();
    expect(await invokeHandler(handlers, 'import.nope', {}, ctx)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await invokeHandler(handlers, 'constructor', {}, ctx)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(handlers, 'import.undo', { batchId: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});

describe('import.check', () => {
  it('dry-runs the files together in dependency order: a roster change is listed old → new and the brand file sees the new roster; nothing is written', async () => {
    const before = await tableFacts(store);
    const batches = await data(handlers, 'import.batches', {});
    const roster = await writeXlsx(path.join(dir, '花名册_状态.xlsx'), [
      ['工号', '姓名', '在岗状态'],
      ['LH001', '张伟', '离岗'],
      ['LH900', '新经理', '在岗'],
    ]);
    const journal = writeCsv(path.join(dir, '日志_新经理.csv'), [
      ['日期', '工号', '日志内容'],
      ['2026-10-08', 'LH900', '第一次走访片区，认识店主'],
    ]);
    const reports = await data(handlers, 'import.check', { files: [upload(journal), upload(roster)] });
    expect(reports.map((r) => [r.file, r.status, r.dryRun, r.batchId])).toEqual([
      ['花名册_状态.xlsx', 'imported', true, null],
      ['日志_新经理.csv', 'imported', true, null],
    ]);
    expect(reports[0]?.counts).toMatchObject({ inserted: 1, updated: 1 });
    expect(reports[0]?.masterRowsChanged).toBe(1);
    expect(reports[0]?.changes?.[0]?.fields).toEqual([{ column: 'status', label: '在岗状态', old: '在岗', new: '离岗' }]);
    // The journal's manager exists only in the roster checked with it.
    expect(reports[1]?.counts).toMatchObject({ inserted: 1, rejected: 0 });
    expect(await tableFacts(store)).toEqual(before);
    expect(await data(handlers, 'import.batches', {})).toEqual(batches);
  });
});

describe('the preview\'s plan', () => {
  it('is what the import executes: the sheet, header row and mapping sent with the file', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, code] of [['第一页', '6901028777001'], ['第二页', '6901028777002']] as const) {
      const ws = wb.addWorksheet(name);
      ws.addRow([`${name} 品规清单`]);
      ws.addRow(['编码', '名称', '品牌']);
      ws.addRow([code, `${name}烟(软)`, `${name}烟`]);
    }
    const file = path.join(dir, '两页品规.xlsx');
    await wb.xlsx.writeFile(file);
    const plan = { kind: 'brands' as const, sheet: '第二页', headerRow: 2, manualMapping: { code: 0, name: 1, brand: 2 } };
    const [checked] = await data(handlers, 'import.check', { files: [upload(file, plan)] });
    expect([checked?.sheet, checked?.headerRow, checked?.counts.inserted]).toEqual(['第二页', 2, 1]);
    const run = await data(handlers, 'import.run', { jobId: 'plan-1', files: [upload(file, plan)] });
    expect([run[0]?.status, run[0]?.sheet]).toEqual(['imported', '第二页']);
    const codes = await store.db.selectFrom('brands').select('code').where('code', 'like', '6901028777%').execute();
    expect(codes).toEqual([{ code: '6901028777002' }]);
  });
});

describe('saved mappings', () => {
  it('saves a hand mapping and applies it to a file with the same headers, in preview and import', async () => {
    const file = await writeXlsx(path.join(dir, '人员名单.xlsx'), [
      ['员工号码', '名字', '单位'],
      ['LH101', '赵敏', '临河营销部'],
      ['LH102', '钱多', '临河营销部'],
    ]);
    const raw = await data(handlers, 'import.preview', upload(file));
    expect(raw.kind).toBeNull();
    expect(raw.headers).toEqual(['员工号码', '名字', '单位']);
    expect(raw.unmapped).toHaveLength(3);

    const mapped = await data(handlers, 'import.preview', upload(file, { kind: 'roster', manualMapping: { code: 0, name: 1, department: 2 } }));
    expect(mapped.kind).toBe('roster');
    expect(mapped.missingRequired).toEqual([]);
    expect(mapped.mapped.map((m) => [m.field, m.label, m.column])).toEqual([
      ['code', '工号', 0],
      ['name', '姓名', 1],
      ['department', '部门', 2],
    ]);
    expect(mapped.appliedMapping).toBeNull();

    const saved = await data(handlers, 'import.saveMapping', { name: '人事系统花名册', kind: 'roster', headers: [...mapped.headers, ''], mapping: { code: 0, name: 1, department: 2 } });
    expect(saved.headers).toEqual(['员工号码', '名字', '单位']);
    expect(await data(handlers, 'import.mappings', {})).toEqual([saved]);

    const again = await data(handlers, 'import.preview', upload(file));
    expect(again.appliedMapping).toBe('人事系统花名册');
    expect(again.kind).toBe('roster');
    expect(again.missingRequired).toEqual([]);

    const [report] = await data(handlers, 'import.run', { jobId: 'mapped', files: [upload(file)] });
    expect(report).toMatchObject({ status: 'imported', kind: 'roster', counts: { inserted: 2 } });
    const names = await store.db.selectFrom('managers').select(['code', 'name', 'department']).where('code', 'in', ['LH101', 'LH102']).orderBy('code').execute();
    expect(names).toEqual([
      { code: 'LH101', name: '赵敏', department: '临河营销部' },
      { code: 'LH102', name: '钱多', department: '临河营销部' },
    ]);

    const wrongField = await call(handlers, 'import.saveMapping', { name: '错的', kind: 'roster', headers: ['a', 'b'], mapping: { licence: 0 } });
    expect(wrongField).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
  });
});

describe('import.run', () => {
  it('imports in dependency order with progress every 2000 rows and a job.done at the end', async () => {
    const orders = bigOrdersCsv('订单_大.csv', 9000, 2024);
    const brands = writeCsv(path.join(dir, '品规_新.csv'), [
      ['卷烟编码', '卷烟名称', '品牌'],
      ['6901028999999', '测试烟(软)', '测试烟'],
    ]);
    const { ctx, events } = recordingContext();
    const reports = await data(handlers, 'import.run', { jobId: 'job-1', files: [upload(orders), upload(brands)] }, ctx);
    expect(reports.map((r) => [r.file, r.status, r.kind])).toEqual([
      ['品规_新.csv', 'imported', 'brands'],
      ['订单_大.csv', 'imported', 'orders'],
    ]);
    expect(reports[1]?.counts.inserted).toBe(9000);
    const progress = events.filter((e) => e.name === 'import.progress').map((e) => e.payload);
    const orderProgress = progress.filter((p) => 'file' in p && p.file === '订单_大.csv');
    expect(orderProgress.map((p) => ('rowsDone' in p ? p.rowsDone : -1))).toEqual([2000, 4000, 6000, 8000, 9000]);
    expect(orderProgress.every((p) => 'fileIndex' in p && p.fileIndex === 1 && p.fileCount === 2 && p.jobId === 'job-1')).toBe(true);
    expect(events.at(-1)).toEqual({ name: 'job.done', payload: { jobId: 'job-1' } });
  });

  it('cancels mid-file and leaves the database as it was, earlier files of the job included', async () => {
    const orders = bigOrdersCsv('订单_取消.csv', 12000, 2023);
    const brands = writeCsv(path.join(dir, '品规_取消.csv'), [
      ['卷烟编码', '卷烟名称', '品牌'],
      ['6901028888888', '取消烟(硬)', '取消烟'],
    ]);
    const before = await tableFacts(store);
    let cancelled: Promise<unknown> | null = null;
    let readDuring: Promise<unknown> | null = null;
    const { ctx, events } = recordingContext((e) => {
      if (e.name === 'import.progress' && 'file' in e.payload && e.payload.file === '订单_取消.csv' && cancelled === null) {
        // Mid-transaction: the screens' queries must not see the 2000 rows written so far.
        readDuring = invokeHandler(handlers, 'data.rows', { kind: 'orders', startRow: 0, endRow: 1 }, ctx);
        cancelled = invokeHandler(handlers, 'import.cancel', { jobId: 'job-2' }, ctx);
      }
    });
    const reports = await data(handlers, 'import.run', { jobId: 'job-2', files: [upload(orders), upload(brands)] }, ctx);
    expect(await cancelled).toEqual({ ok: true, data: { cancelled: true } });
    expect(await readDuring).toMatchObject({ ok: true, data: { total: before.orders.n } });
    expect(reports.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(reports.every((r) => r.batchId === null && /取消/.test(r.message ?? ''))).toBe(true);
    expect(await tableFacts(store)).toEqual(before);
    expect(await store.db.selectFrom('brands').select('code').where('code', '=', '6901028888888').execute()).toEqual([]);
    expect(events.filter((e) => e.name === 'import.progress' && 'file' in e.payload && e.payload.file === '订单_取消.csv')).toHaveLength(1);
    expect(events.at(-1)?.name).toBe('job.done');
    // The job is gone: cancelling again finds nothing.
    expect(await call(handlers, 'import.cancel', { jobId: 'job-2' })).toEqual({ ok: true, data: { cancelled: false } });
  });

  it('serialises concurrent writers: two imports and a saved mapping never share a transaction', async () => {
    const a = bigOrdersCsv('订单_并发A.csv', 4500, 2022);
    const b = bigOrdersCsv('订单_并发B.csv', 4500, 2021);
    const [ra, rb, saved] = await Promise.all([
      data(handlers, 'import.run', { jobId: 'par-a', files: [upload(a)] }),
      data(handlers, 'import.run', { jobId: 'par-b', files: [upload(b)] }),
      data(handlers, 'import.saveMapping', { name: '并发时保存', kind: 'orders', headers: ['订单日期', '许可证号', '卷烟编码', '卷烟名称', '订购量'], mapping: { date: 0 } }),
    ]);
    expect([ra[0]?.status, rb[0]?.status]).toEqual(['imported', 'imported']);
    expect([ra[0]?.counts.inserted, rb[0]?.counts.inserted]).toEqual([4500, 4500]);
    expect(saved.name).toBe('并发时保存');
    const sameJob = await Promise.all([
      call(handlers, 'import.run', { jobId: 'dup', files: [upload(a)] }),
      call(handlers, 'import.run', { jobId: 'dup', files: [upload(a)] }),
    ]);
    expect(sameJob.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['job_exists', 'ok']);
  });

  it('refuses a file with bad rows and writes its errors as a text-only workbook', async () => {
    const journals = writeCsv(path.join(dir, '日志_有错.csv'), [
      ['日期', '工号', '日志内容'],
      ['2026-10-08', 'LH001', '正常的一条'],
      ['=1+1', 'LH001', '日期是公式'],
      ['2026-10-09', '000123', '工号不存在'],
    ]);
    const [report] = await data(handlers, 'import.run', { jobId: 'job-3', files: [upload(journals)] });
    expect(report?.status).toBe('refused');
    expect(report?.errorCount).toBe(2);
    const errors = report?.errors ?? [];
    const book = await data(handlers, 'import.errorsWorkbook', { file: '日志_有错.csv', errors });
    expect(book.fileName).toBe('日志_有错_错误.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(book.bytes) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['文件', '工作表', '行', '列', '值', '原因']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(rows).toHaveLength(1 + errors.length);
    for (const row of rows.slice(1)) for (const cell of row) expect(typeof cell).toBe('string');
    const formulaRow = rows.find((r) => r[4] === '=1+1');
    expect(formulaRow?.[0]).toBe('日志_有错.csv');
    expect(formulaRow?.[2]).toBe('3');
    expect(rows.some((r) => r[4] === '000123')).toBe(true);
    expect(sheet.getColumn(6).width).toBeGreaterThan(8);
  });
});

describe('import.batches and import.undo', () => {
  it('lists batches newest first and maps undo refusals to Result errors', async () => {
    const batches = await data(handlers, 'import.batches', {});
    expect(batches.map((b) => b.id)).toEqual(batches.map((b) => b.id).sort((a, b) => b - a));
    const roster = batches.find((b) => b.kind === 'roster' && b.fileName === '客户经理花名册.xlsx');
    expect(roster?.kindLabel).toBe('客户经理花名册');
    // Journals and punches point at the roster's managers.
    expect(await call(handlers, 'import.undo', { batchId: roster?.id ?? 0 })).toMatchObject({ ok: false, error: { code: 'blocked' } });
    expect(await call(handlers, 'import.undo', { batchId: 999999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The cancelled job's batches are listed as undone already.
    expect(batches.find((b) => b.fileName === '品规_取消.csv')?.status).toBe('undone');
    const latest = batches.find((b) => b.fileName === '订单_并发B.csv');
    if (!latest) throw new Error('no batch');
    expect(latest).toMatchObject({ kind: 'orders', kindLabel: '订单明细', status: 'committed', inserted: 4500 });
    const undone = await data(handlers, 'import.undo', { batchId: latest.id });
    expect(undone.batchId).toBe(latest.id);
    const again = await call(handlers, 'import.undo', { batchId: latest.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_undone' } });
    if (!again.ok) expect(again.error.message).toMatch(/撤销/);
    expect(undone.deleted).toBe(4500);
    expect((await data(handlers, 'import.batches', {})).find((b) => b.id === latest.id)).toMatchObject({ status: 'undone' });
  });
});

describe('app', () => {
  it('reports version, path, emptiness and months with data; refuses the demo over real data', async () => {
    const info = await data(handlers, 'app.info', {});
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.databasePath).toBe(store.path);
    expect(info.empty).toBe(false);
    expect(info.months.slice(0, 2)).toEqual(['2026-10', '2026-09']);
    expect(info.months).toEqual([...info.months].sort().reverse());
    const demo = await call(handlers, 'app.loadDemo', { jobId: 'demo-1' });
    expect(demo).toMatchObject({ ok: false, error: { code: 'not_empty' } });
  });

  it('turns unexpected errors into an internal Result without a stack trace', async () => {
    const other = await openTestStore(path.join(dir, 'closed.sqlite'));
    const h = createHandlers({ store: other, now: () => new Date(), workDir: dir });
    expect((await data(h, 'app.info', {})).empty).toBe(true);
    await h.close();
    await other.close();
    const logged: unknown[] = [];
    const result = await invokeHandler(h, 'app.info', {}, recordingContext().ctx, { logError: (_n, e) => logged.push(e) });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) {
      expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(JSON.stringify(result.error)).not.toMatch(/at .*\.ts|Error:/);
    }
    expect(logged).toHaveLength(1);
  });
});
