import { describe, expect, it } from 'vitest';
import type { DimensionKey, Flag } from '../../../../src/core/measures/dimensions';
import { buildReportModel } from '../../../../src/core/report/buildReportModel';
import { departmentName } from '../../../../src/core/report/departmentName';
import { MISSING_EVIDENCE } from '../../../../src/core/report/evidenceLines';
import { NO_DATA } from '../../../../src/core/report/reportValue';
import { detail, manager, reportInput } from './reportInputFixture';

const copyFlag: Flag = {
  type: 'records.cross_copy',
  managerCode: 'LH002',
  message: '1 条日志与他人更早的日志雷同',
  evidence: [
    { kind: 'journals', id: 20 },
    { kind: 'journals', id: 10 },
  ],
  pairs: [{ aId: 10, bId: 20, similarity: 0.93 }],
};
const punchFlag: Flag = {
  type: 'attendance.off_hours',
  managerCode: 'LH001',
  message: '10月12日 22:10 打卡',
  evidence: [
    { kind: 'attendance', id: 7 },
    { kind: 'attendance', id: 999 },
  ],
  date: '2026-10-12',
};
const shortFlag: Flag = {
  type: 'records.short_entries',
  managerCode: 'LH001',
  message: '7 条日志不足 20 字',
  evidence: [1, 2, 3, 4, 5, 6, 7].map((id) => ({ kind: 'journals' as const, id })),
};

function district() {
  const a = manager('LH001', '方平', 2, 70, '合格', { sales: 60, records: 75, brand: null }, [punchFlag, shortFlag]);
  a.dimensions.records.computedScore = 41.7;
  const b = manager('LH002', '朱淑珍', 1, 90.5, '优秀', { sales: 90, brand: null }, [copyFlag]);
  const c = manager('LH003', '雷晨', null, null, null, Object.fromEntries(['sales', 'attendance', 'records', 'knowledge', 'brand', 'order', 'fulfilment', 'evaluation'].map((k) => [k, null])));
  return reportInput([a, c, b], {
    adjustments: [
      { managerCode: 'LH001', dimension: 'records', score: 70, reason: '外出培训', who: '主管甲', at: '2026-11-03T02:00:00.000Z' },
      { managerCode: 'LH001', dimension: 'records', score: 75, reason: '补交记录', who: '主管乙', at: '2026-11-04T15:30:00.000Z' },
    ],
    evidence: [
      detail('attendance', 7, { time: '22:10:05', retailerName: '福顺便利店', retailerLicence: '370902110001', text: '打卡 22:10:05', note: '异常：模拟定位' }),
      detail('journals', 10, { date: '2026-10-08', managerCode: 'LH001', managerName: '方平', text: '先写的日志' }),
      detail('journals', 20, { date: '2026-10-09', managerCode: 'LH002', managerName: '朱淑珍', text: '后写的日志' }),
      ...[1, 2, 3, 4, 5, 6, 7].map((id) => detail('journals', id, { date: `2026-10-1${id}`, retailerName: '福顺便利店' })),
    ],
  });
}

describe('buildReportModel', () => {
  it('takes the department from the roster when the managers share one, else 营销部', () => {
    expect(departmentName(['临河营销部', '临河营销部', null])).toBe('临河营销部');
    expect(departmentName(['临河营销部', '城区营销部'])).toBe('营销部');
    expect(departmentName([null, ' '])).toBe('营销部');
    expect(buildReportModel(district()).summaryTitle).toBe('临河营销部 2026年10月 客户经理考评汇总表');
  });

  it('marks a draft on its status and a finalized month with its local time and who', () => {
    expect(buildReportModel(district()).statusLabel).toBe('草稿 — 未定稿');
    const final = buildReportModel({ ...district(), status: 'final', finalizedAt: '2026-11-05T02:13:00.000Z', finalizedBy: '张主管' });
    expect(final.final).toBe(true);
    expect(final.statusLabel).toBe('定稿（2026-11-05 10:13，张主管）');
    expect(final.generatedAt).toBe('2026-11-05 10:13');
  });

  it('lists managers by rank, unranked last, with 无数据, adjusted scores and district averages', () => {
    const { summary } = buildReportModel(district());
    expect(summary.rows.map((r) => r.code)).toEqual(['LH002', 'LH001', 'LH003']);
    const [first, second, third] = summary.rows;
    expect(first?.scores[0]).toEqual({ score: 90, adjusted: false });
    expect(second?.scores[2]).toEqual({ score: 75, adjusted: true });
    expect(second?.note).toBe('文字记录 41.7→75.0');
    expect(third?.scores.every((s) => s.score === null)).toBe(true);
    expect(third?.grade).toBe('无总分');
    // sales: (90 + 60) / 2; records: (80 + 75) / 2 = 77.5; brand: nobody; the unranked manager has no data anywhere.
    expect(summary.average.scores[0]).toBe(75);
    expect(summary.average.scores[2]).toBe(77.5);
    expect(summary.average.scores[4]).toBeNull();
    expect(summary.average.total).toBe(80.3);
    expect(summary.headers).toHaveLength(3 + 8 + 4);
    expect(summary.notes.join('')).toContain('无数据');
  });

  it('lists a manager below half of the weight as 数据不足, unranked, and names the missing dimensions', () => {
    const missing: DimensionKey[] = ['sales', 'knowledge', 'brand', 'order', 'fulfilment', 'evaluation'];
    const thin = { ...manager('LH004', '赵磊', null, null, null, Object.fromEntries(missing.map((key) => [key, null]))), insufficient: missing };
    const { summary } = buildReportModel(reportInput([manager('LH001', '张伟', 1, 80, '良好'), thin]));
    const row = summary.rows.find((r) => r.code === 'LH004');
    expect(row?.rank).toBeNull();
    expect(row?.grade).toBe('数据不足，不评等级');
    expect(row?.note).toBe('缺 硬性指标、了解市场、品牌销量、市场规范、履约率、市场评价');
  });

  it('gives each adjustment the score before it, in local time', () => {
    const lh001 = buildReportModel(district()).managers.find((m) => m.code === 'LH001');
    expect(lh001?.adjustments).toEqual([
      { dimension: '文字记录', from: 41.7, to: 70, reason: '外出培训', who: '主管甲', at: '2026-11-03 10:00' },
      { dimension: '文字记录', from: 70, to: 75, reason: '补交记录', who: '主管乙', at: '2026-11-04 23:30' },
    ]);
    const records = lh001?.dimensions[2];
    expect(records).toMatchObject({ label: '文字记录', score: 75, adjusted: true, computedScore: 41.7 });
  });

  it('formats metrics by kind, reads a dimension without data as 无数据 and names the rule applied', () => {
    const input = district();
    input.evaluation.districtMetrics = { attendance_rate: 0.9, report_submitted: 0.5, volume: 5836.4 };
    const lh001 = buildReportModel(input).managers.find((m) => m.code === 'LH001');
    const line = (label: string) => lh001?.metrics.find((m) => m.label === label);
    expect(line('出勤率')).toMatchObject({
      dimension: '出勤情况',
      value: { kind: 'number', value: 0.5, format: 'percent' },
      district: { kind: 'number', value: 0.9, format: 'percent' },
      weight: '30%',
      rule: '线性：70%→100% 得 0→100',
    });
    expect(line('月度分析报告按时提交')).toMatchObject({ value: { kind: 'text', text: '是' }, district: { kind: 'number', value: 0.5, format: 'percent' } });
    expect(line('订货量（条）')).toMatchObject({ value: { kind: 'number', format: 'quantity' }, weight: '—', rule: '不计分，仅供参考' });
    expect(line('新品布点率')?.value).toEqual({ kind: 'text', text: NO_DATA });
    // 32: perfunctory_entries (套话日志, records) and punch_anomalies (打卡异常, attendance) joined.
    expect(lh001?.metrics).toHaveLength(32);
  });

  it('shows copied texts side by side, earlier first, and other flags with their evidence rows', () => {
    const model = buildReportModel(district());
    const copy = model.managers.find((m) => m.code === 'LH002')?.flags[0];
    expect(copy?.typeLabel).toBe('日志与他人雷同');
    expect(copy?.evidence).toEqual([]);
    // (The sides also carry their sort key and ids, additions of issue 20.)
    expect(copy?.pairs).toMatchObject([
      {
        similarity: 0.93,
        first: { managerCode: 'LH001', managerName: '方平', date: '2026-10-08', text: '先写的日志' },
        second: { managerCode: 'LH002', managerName: '朱淑珍', date: '2026-10-09', text: '后写的日志' },
      },
    ]);
    const punch = model.managers.find((m) => m.code === 'LH001')?.flags[0];
    expect(punch?.evidence).toEqual([
      { kind: '打卡', date: '2026-10-12', time: '22:10:05', retailer: '福顺便利店（370902110001）', text: '打卡 22:10:05', note: '异常：模拟定位' },
      { kind: '打卡', date: '', time: '', retailer: '', text: MISSING_EVIDENCE, note: '' },
    ]);
  });

  it('lists every flag once with a short evidence summary, and every near-copy pair, most similar first', () => {
    const input = district();
    input.evaluation.nearCopyPairs = [
      { aId: 1, bId: 2, similarity: 0.85, kind: 'journals', self: true, aManager: 'LH001', bManager: 'LH001' },
      { aId: 10, bId: 20, similarity: 0.93, kind: 'journals', self: false, aManager: 'LH001', bManager: 'LH002' },
    ];
    const model = buildReportModel(input);
    expect(model.flags.map((f) => [f.code, f.typeLabel])).toEqual([
      ['LH002', '日志与他人雷同'],
      ['LH001', '非工作时段打卡'],
      ['LH001', '日志过短'],
    ]);
    const short = model.flags[2]?.evidence ?? '';
    expect(short.split('；')).toHaveLength(6);
    expect(short).toMatch(/等共 7 条$/);
    expect(model.nearCopies.map((p) => [p.similarity, p.relation, p.first.date, p.second.date])).toEqual([
      [0.93, '他人', '2026-10-08', '2026-10-09'],
      [0.85, '本人', '2026-10-11', '2026-10-12'],
    ]);
  });

  it('gives every manager a legal, unique sheet name', () => {
    const input = reportInput([manager('LH001', '王芳', 1, 80, '良好'), manager('lh001', '王芳', 2, 70, '合格'), manager('X:1', '汇总', 3, 60, '合格')]);
    expect(buildReportModel(input).managers.map((m) => m.sheetName)).toEqual(['王芳 LH001', '王芳 lh001(2)', '汇总 X1']);
  });
});
