import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { listDistricts } from '../../../../../src/backend/repositories/districtRepository';
import { finalizeMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { readMonthSnapshot } from '../../../../../src/backend/services/evaluation/monthSnapshot';
import { importFiles } from '../../../../../src/backend/services/import/importFiles';
import { evaluationJson } from '../../../../../src/cli/commands/runEvaluate';
import { buildDemoDatabase } from '../../../../helpers/demoDatabase';
import { tempDir } from '../../../../helpers/tempDir';
import { writeCsv, type SheetCell } from '../../../../helpers/writeSheets';

const MONTH = '2026-10';
const now = new Date('2026-11-10T02:00:00Z');
const actor = { who: '主管甲', now };

/** District B (城区营销部): two managers, two shops, a fortnight of journals; CQ001 copies one of A's entries word for word. */
function districtB(dir: string, copied: string): Record<'roster' | 'retailers' | 'journals', string> {
  fs.mkdirSync(dir, { recursive: true });
  const roster = writeCsv(path.join(dir, '城区花名册.csv'), [
    ['工号', '姓名', '营销部', '服务线路', '状态'],
    ['CQ001', '赵城', '城区营销部', 'C01', '在岗'],
    ['CQ002', '钱区', '城区营销部', 'C02', '在岗'],
  ], 'utf8-bom');
  const retailers = writeCsv(path.join(dir, '城区零售客户_202610.csv'), [
    ['许可证号', '客户名称', '经度', '纬度', '档位', '送货线路', '客户经理工号', '状态'],
    ['370903990001', '城东便利店', 117.0201, 36.6012, 10, 'C01', 'CQ001', '正常'],
    ['370903990002', '城西超市', 117.0301, 36.6103, 12, 'C02', 'CQ002', '正常'],
  ], 'utf8-bom');
  const rows: SheetCell[][] = [['日期', '工号', '姓名', '许可证号', '日志内容']];
  const days = ['2026-10-08', '2026-10-09', '2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15'];
  days.forEach((d, i) => {
    rows.push([d, 'CQ001', '赵城', '370903990001', `第${i + 1}次走访城东便利店，核对库存${i * 3 + 7}条，提醒店主规范陈列，记录周边新开${i}家门店的经营情况。`]);
    rows.push([d, 'CQ002', '钱区', '370903990002', `城西超市第${i + 1}次回访：货架调整${i + 2}处，店主询问新品${i + 1}款到货时间，已答复并登记需求。`]);
  });
  rows.push(['2026-10-16', 'CQ001', '赵城', '370903990001', copied]);
  const journals = writeCsv(path.join(dir, '城区工作日志_202610.csv'), rows, 'utf8-bom');
  return { roster, retailers, journals };
}

describe('two districts in one SQLite store', () => {
  let store: Store;
  let dir: string;
  let copied: string;
  let aBefore: string;
  let aId: number;

  beforeAll(async () => {
    dir = tempDir('kaoping-districts-');
    const demo = await buildDemoDatabase(dir, 1, 2);
    store = demo.store;
    const [a] = await listDistricts(store.db);
    if (!a) throw new Error('the demo import made no district');
    aId = a.id;
    aBefore = JSON.stringify(evaluationJson(await evaluateStoredMonth(store, MONTH, { now })));
    // The longest journal entry of district A in the month: B's copy of it must not be flagged in either district.
    const longest = await store.db
      .selectFrom('journals')
      .select('content')
      .where('date', '>=', `${MONTH}-01`)
      .where('date', '<=', `${MONTH}-31`)
      .orderBy((eb) => eb.fn('length', ['content']), 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    copied = longest.content;
  }, 600_000);
  afterAll(async () => {
    await store?.close();
  });

  it('the demo import made one district, named by the roster’s 营销部, holding every manager and retailer', async () => {
    const districts = await listDistricts(store.db);
    expect(districts.map((d) => d.name)).toEqual(['临河营销部']);
    const stray = await store.db.selectFrom('managers').select('code').where('district_id', 'is', null).execute();
    expect(stray).toEqual([]);
    expect(await store.db.selectFrom('retailers').select('id').where('district_id', 'is', null).execute()).toEqual([]);
  });

  it('a roster of an unknown 营销部 is refused with what to choose, and the job’s other files with it', async () => {
    const b = districtB(path.join(dir, 'b-refused'), copied);
    const reports = await importFiles(store, [b.journals, b.retailers, b.roster], { now });
    expect(reports.map((r) => r.status)).toEqual(['refused', 'refused', 'refused']);
    expect(reports[0]?.message).toContain('城区营销部');
    expect(reports[0]?.message).toContain('--district 城区营销部');
    expect(reports[1]?.message).toContain('营销部不明');
    expect((await listDistricts(store.db)).map((d) => d.name)).toEqual(['临河营销部']);
    expect(await store.db.selectFrom('managers').select('code').where('code', 'like', 'CQ%').execute()).toEqual([]);
  });

  it('imports district B when chosen; then a file that cannot tell its district is refused', async () => {
    const b = districtB(path.join(dir, 'b'), copied);
    const reports = await importFiles(store, [b.roster, b.retailers, b.journals], { now, district: '城区营销部' });
    expect(reports.map((r) => [r.status, r.district, r.message])).toEqual([
      ['imported', '城区营销部', null],
      ['imported', '城区营销部', null],
      ['imported', '城区营销部', null],
    ]);
    const again = await importFiles(store, [b.journals], { now });
    expect(again[0]?.status).toBe('refused');
    expect(again[0]?.message).toContain('本库有 2 个营销部（「临河营销部」、「城区营销部」）');
  });

  it('district A evaluates exactly as before B was imported, and stays current (not 需重新考评)', async () => {
    const after = await evaluateStoredMonth(store, MONTH, { now, districtId: aId });
    expect(JSON.stringify(evaluationJson(after))).toBe(aBefore);
    const snapshot = await readMonthSnapshot(store.db, MONTH, aId);
    expect(snapshot?.stale).toEqual([]);
  });

  it('district B is evaluated on its own people; the copy of A’s entry is no near-copy in either district', async () => {
    const [, b] = await listDistricts(store.db);
    const snapshot = await evaluateStoredMonth(store, MONTH, { now, districtId: b?.id ?? -1 });
    expect(snapshot.evaluation.managers.map((m) => m.code).sort()).toEqual(['CQ001', 'CQ002']);
    const copiedId = (await store.db.selectFrom('journals').select('id').where('content', '=', copied).where('date', '=', '2026-10-16').executeTakeFirstOrThrow()).id;
    for (const s of [snapshot, await readMonthSnapshot(store.db, MONTH, aId)]) {
      const pairs = s?.evaluation.nearCopyPairs ?? [];
      expect(pairs.filter((p) => p.aId === copiedId || p.bId === copiedId)).toEqual([]);
    }
    const flags = snapshot.evaluation.managers.flatMap((m) => m.flags.map((f) => f.type));
    expect(flags.filter((t) => t.includes('copy'))).toEqual([]);
  });

  it('each district keeps its own copy findings: evaluating B after A leaves A’s kept findings answering A', async () => {
    const [, b] = await listDistricts(store.db);
    const kept = () => store.db.selectFrom('journal_copy_cache').select(['district_id', 'input_key']).where('month', '=', MONTH).orderBy('district_id').execute();
    const both = await kept();
    expect(both.map((r) => r.district_id)).toEqual([aId, b?.id]);
    expect(new Set(both.map((r) => r.input_key)).size).toBe(2);
    // A's next evaluation reads its kept row: a figure changed in it shows up, so B did not replace it.
    const row = await store.db.selectFrom('journal_copy_cache').select('findings_json').where('district_id', '=', aId).where('month', '=', MONTH).executeTakeFirstOrThrow();
    const findings = JSON.parse(row.findings_json) as { pairs: { aId: number; bId: number; similarity: number }[] };
    const [first] = findings.pairs;
    if (!first) throw new Error('district A kept no pair');
    await store.db
      .updateTable('journal_copy_cache')
      .set({ findings_json: JSON.stringify({ ...findings, pairs: [{ ...first, similarity: 0.123456789 }, ...findings.pairs.slice(1)] }) })
      .where('district_id', '=', aId)
      .where('month', '=', MONTH)
      .execute();
    const again = await evaluateStoredMonth(store, MONTH, { now, districtId: aId });
    expect(again.evaluation.nearCopyPairs.find((p) => p.aId === first.aId && p.bId === first.bId)?.similarity).toBe(0.123456789);
    await store.db.updateTable('journal_copy_cache').set({ findings_json: row.findings_json }).where('district_id', '=', aId).where('month', '=', MONTH).execute();
    expect(JSON.stringify(evaluationJson(await evaluateStoredMonth(store, MONTH, { now, districtId: aId })))).toBe(aBefore);
  });

  it('finalizing A leaves B draft, and B’s month still takes imports', async () => {
    const [, b] = await listDistricts(store.db);
    const final = await finalizeMonth(store, MONTH, actor, aId);
    expect(final.status).toBe('final');
    expect((await readMonthSnapshot(store.db, MONTH, b?.id))?.status).toBe('draft');
    const late = writeCsv(path.join(dir, '城区补录日志.csv'), [
      ['日期', '工号', '姓名', '许可证号', '日志内容'],
      ['2026-10-20', 'CQ002', '钱区', '370903990002', '城西超市补录：检查价签与陈列，店主反映近期客流增加，已登记补货需求。'],
    ], 'utf8-bom');
    const reports = await importFiles(store, [late], { now, district: '城区营销部' });
    expect([reports[0]?.status, reports[0]?.message]).toEqual(['imported', null]);
    // A file of district A in its finalized month is still refused.
    const intoA = writeCsv(path.join(dir, '临河补录日志.csv'), [
      ['日期', '工号', '姓名', '许可证号', '日志内容'],
      ['2026-10-20', final.evaluation.managers[0]?.code ?? '', final.evaluation.managers[0]?.name ?? '', '', '补录一条走访记录，检查了陈列和价签，情况正常。'],
    ], 'utf8-bom');
    const refused = await importFiles(store, [intoA], { now, district: '临河营销部' });
    expect(refused[0]?.status).toBe('refused');
    expect(refused[0]?.message).toContain('已定稿');
  });

  it('a file whose rows are another district’s rows by their key (a 问卷编号 both districts use) is refused, and changes nothing', async () => {
    const taken = await store.db.selectFrom('surveys').select(['survey_id', 'date', 'knows_manager']).where('survey_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
    const surveys = writeCsv(path.join(dir, '城区满意度.csv'), [
      ['问卷编号', '调查日期', '许可证号', '是否认识客户经理', '总体满意度'],
      [taken.survey_id, '2026-10-21', '370903990001', '是', '满意'],
    ], 'utf8-bom');
    const reports = await importFiles(store, [surveys], { now, district: '城区营销部' });
    expect(reports[0]?.status).toBe('refused');
    expect(reports[0]?.message).toContain('营销部「临河营销部」');
    const kept = await store.db.selectFrom('surveys').select(['survey_id', 'date', 'knows_manager']).where('survey_id', '=', taken.survey_id).execute();
    expect(kept).toEqual([taken]);
  });

  it('a district’s file naming another district’s manager does not reach that manager', async () => {
    const wrong = writeCsv(path.join(dir, '错放日志.csv'), [
      ['日期', '工号', '姓名', '许可证号', '日志内容'],
      ['2026-11-02', 'CQ001', '赵城', '370903990001', '十一月走访城东便利店，检查陈列和价签，店主反映客流平稳。'],
    ], 'utf8-bom');
    const reports = await importFiles(store, [wrong], { now, district: '临河营销部' });
    expect(reports[0]?.status).toBe('refused');
    expect(reports[0]?.errors[0]?.value).toBe('CQ001');
  });
});
