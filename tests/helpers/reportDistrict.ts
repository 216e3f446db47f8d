import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Store } from '../../src/backend/db/openStore';
import { openTestStore } from './testStore';
import { importFiles } from '../../src/backend/services/import/importFiles';
import { writeXlsx } from './writeSheets';

export const MONTH = '2026-10';

/** Texts a spreadsheet program would take for a formula, a link or a number, were they not written as text. */
export const HOSTILE_TEXTS = ['=1+1', '+SUM(A1)', '-2', '@x', '\tx'] as const;

/** Long enough to be compared (≥ 20 characters); LH002 copies it the next day. */
export const COPIED_TEXT =
  '今日走访福顺便利店，检查了柜台陈列和明码标价，店主反映中华(硬)近期到货偏少，已记录并向订单员反馈，下周继续跟进新品动销情况。';
export const FORMULA_RESULT = '巡店';

/** A name longer than a sheet name may be, with every character Excel forbids in one. */
export const LONG_NAME = '欧阳[测试]/很长:很长*的名字?甲乙丙丁\\戊己庚辛壬癸子丑寅卯辰巳午未';

export const MANAGERS = [
  { code: 'LH001', name: '王芳' },
  { code: 'LH002', name: '王芳' },
  { code: 'LH003', name: LONG_NAME },
] as const;

export interface ReportDistrict {
  store: Store;
  dbPath: string;
  /** Journal ids whose stored content was set to HOSTILE_TEXTS, in that order. */
  hostileJournalIds: number[];
}

const RETAILERS = [
  ['370902110001', '福顺便利店', 'X01', 'LH001'],
  ['370902110002', '老王烟酒店', 'X02', 'LH002'],
  ['370902110003', '惠民超市', 'X03', 'LH003'],
] as const;

const WEEK = ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16'];
/** Ten unrelated journal entries, so that only the planted copy is a near-copy. */
const ENTRIES = [
  '上午在老王烟酒店核对上周到货数量，与订单一致；店主想多订云烟(紫)，已说明按需订货的规定。',
  '协助惠民超市整理柜台，把高档烟移到收银台旁边的玻璃柜，价签全部换成新版。',
  '下午参加营销部例会，学习十月份货源投放方案，会后把要点整理成小卡片带给零售户。',
  '走访途中发现一家新开的副食店未办许可证，已拍照并告知专卖所的同事去核实。',
  '给三户年纪大的店主演示手机订货，教会了查询库存和修改订单，约好下周再来看看。',
  '店主反映送货车来得太晚影响早市，已把情况写进问题单，交给物流部门协调时间。',
  '统计本线路新品布点情况，二十八户里有十九户上了新品，剩下的主要担心动销慢。',
  '陪同市场经理抽查两户零售户的进销存台账，账实基本相符，个别品规少记了两条。',
  '雨天客流少，电话回访了六户零售户，了解节后销售和资金周转，没有发现异常。',
  '整理本月走访照片和问题清单，准备月度市场分析报告，重点写中档烟的价格走势。',
];

/**
 * Three managers (two namesakes, one with a long name full of characters sheet names forbid),
 * imported from real xlsx files: journals with a cross-copy and an imported formula cell,
 * punches, and a survey in which a retailer does not know its manager (a veto).
 * Then five of LH001's short journals get, as stored text, what a spreadsheet would read as formulas.
 */
export async function buildReportDistrict(dir: string): Promise<ReportDistrict> {
  const files = [
    await writeXlsx(path.join(dir, '客户经理花名册.xlsx'), [
      ['工号', '姓名', '营销部', '状态'],
      ...MANAGERS.map((m) => [m.code, m.name, '临河营销部', '在岗']),
    ]),
    await writeXlsx(path.join(dir, '零售客户档案_202610.xlsx'), [
      ['许可证号', '客户名称', '档位', '送货线路', '客户经理工号', '状态'],
      ...RETAILERS.map(([licence, name, route, manager]) => [licence, name, 20, route, manager, '正常']),
    ]),
    await writeJournals(path.join(dir, '工作日志_202610.xlsx')),
    await writeXlsx(path.join(dir, '考勤打卡_202610.xlsx'), [
      ['工号', '姓名', '打卡时间', '打卡地址', '许可证号'],
      ...MANAGERS.flatMap((m, i) =>
        WEEK.flatMap((day) => [
          [m.code, m.name, `${day} 08:3${i}:00`, `临河县站前街${i + 1}号`, RETAILERS[i]?.[0] ?? null],
          [m.code, m.name, `${day} 16:4${i}:00`, `临河县站前街${i + 1}号`, RETAILERS[i]?.[0] ?? null],
        ]),
      ),
    ]),
    // Inspections that found nothing give 市场规范 (10): with 出勤, 文字记录 and 市场评价 half of the
    // weight has data, so everyone is graded and ranked (measures.md: 数据不足 below half), while
    // 硬性指标 stays 无数据 (no orders).
    await writeXlsx(path.join(dir, '专卖检查记录_202610.xlsx'), [
      ['检查日期', '许可证号', '违规类型', '检查人员'],
      ...RETAILERS.map(([licence]) => ['2026-10-22', licence, '无', '刘专管']),
    ]),
    await writeXlsx(path.join(dir, '零售客户满意度调查_202610.xlsx'), [
      ['问卷编号', '调查日期', '许可证号', '是否认识客户经理', '服务态度', '总体满意度', '意见建议'],
      ['MY001', '2026-10-20', '370902110001', '是', 5, '满意', null],
      ['MY002', '2026-10-20', '370902110002', '否', 2, '不满意', '没见过客户经理'],
      ['MY003', '2026-10-21', '370902110003', '是', 4, '满意', null],
    ]),
  ];
  const dbPath = path.join(dir, 'report.sqlite');
  const store = await openTestStore(dbPath);
  const reports = await importFiles(store, files, { now: new Date('2026-11-02T01:00:00Z') });
  const refused = reports.filter((r) => r.status !== 'imported');
  if (refused.length > 0) throw new Error(`fixture import refused: ${refused.map((r) => `${r.file}: ${r.message}`).join('; ')}`);

  const placeholders = await store.db
    .selectFrom('journals')
    .select('id')
    .where('content', 'like', '待改写%')
    .orderBy('date')
    .execute();
  const hostileJournalIds: number[] = [];
  for (const [index, text] of HOSTILE_TEXTS.entries()) {
    const row = placeholders[index];
    if (!row) throw new Error('fixture lacks a placeholder journal');
    await store.db.updateTable('journals').set({ content: text }).where('id', '=', row.id).execute();
    hostileJournalIds.push(row.id);
  }
  return { store, dbPath: store.path, hostileJournalIds };
}

async function writeJournals(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工作日志');
  sheet.addRow(['日期', '工号', '姓名', '许可证号', '日志内容']);
  WEEK.forEach((day, i) => sheet.addRow([day, 'LH001', '王芳', '370902110001', `待改写${i}`]));
  sheet.addRow(['2026-10-19', 'LH001', '王芳', '370902110001', COPIED_TEXT]);
  // A formula cell as exported by a tool that computes the text: only its value may be imported.
  sheet.addRow(['2026-10-21', 'LH001', '王芳', '370902110001', { formula: '"巡"&"店"', result: FORMULA_RESULT }]);
  sheet.addRow(['2026-10-20', 'LH002', '王芳', '370902110002', COPIED_TEXT]);
  WEEK.forEach((day, i) => sheet.addRow([day, 'LH002', '王芳', '370902110002', ENTRIES[i] ?? '']));
  WEEK.forEach((day, i) => sheet.addRow([day, 'LH003', LONG_NAME, '370902110003', ENTRIES[i + 5] ?? '']));
  await workbook.xlsx.writeFile(file);
  return file;
}
