import { describe, expect, it } from 'vitest';
import { applyAdjustments } from '../../../../src/core/measures/applyAdjustments';
import type { EvaluationInput, OrderTotalRow } from '../../../../src/core/measures/evaluationInput';
import { evaluateMonth } from '../../../../src/core/measures/evaluateMonth';
import type { Scheme } from '../../../../src/core/scoring/scheme';
import { emptyInput, punch, retailer, THRESHOLDS } from './testInput';

/** One simple rule per dimension, so that every score below can be checked by hand. */
const SCHEME: Scheme = {
  name: '测试方案',
  version: 3,
  weights: { sales: 25, attendance: 15, records: 15, knowledge: 5, brand: 10, order: 10, fulfilment: 10, evaluation: 10 },
  metrics: {
    sales: [
      { metric: 'volume_yoy', weight: 1, rule: { type: 'district' } },
      { metric: 'key_brand_share', weight: 1, rule: { type: 'linear', floor: 0, target: 0.5 } },
      { metric: 'margin_vs_market', weight: 1, rule: { type: 'linear', floor: -0.05, target: 0 } },
    ],
    attendance: [{ metric: 'attendance_rate', weight: 1, rule: { type: 'linear', floor: 0, target: 1 } }],
    records: [{ metric: 'journal_rate', weight: 1, rule: { type: 'linear', floor: 0, target: 1 } }],
    knowledge: [{ metric: 'knowledge_score', weight: 1, rule: { type: 'linear', floor: 0, target: 100 } }],
    brand: [{ metric: 'new_brand_reach', weight: 1, rule: { type: 'district' } }],
    order: [{ metric: 'order_score', weight: 1, rule: { type: 'linear', floor: 0, target: 100 } }],
    fulfilment: [{ metric: 'fulfilment_rate', weight: 1, rule: { type: 'linear', floor: 0, target: 1 } }],
    evaluation: [{ metric: 'satisfaction', weight: 1, rule: { type: 'linear', floor: 0, target: 100 } }],
  },
  thresholds: THRESHOLDS,
  veto: { enabled: true, unknownManagerMin: 1, dissatisfiedShare: 0.5 },
  grades: [
    { min: 90, label: '优秀' },
    { min: 80, label: '良好' },
    { min: 60, label: '合格' },
    { min: 0, label: '不合格' },
  ],
};

const TEXT_A = '今日走访辖区零售户，宣传新品卷烟，检查陈列和明码标价情况，未发现异常。';
const TEXT_B = '上午到城东片区收集订单信息，下午协助零售户整理柜台陈列';
const REPORT = '本月辖区卷烟销量同比增长，重点品牌占比提升，新品铺货率达到六成，下月继续加强终端陈列指导。';

const order = (retailerId: number, brandCode: string, month: string, quantity: number, retailValue: number | null, wholesaleValue: number | null): OrderTotalRow => ({
  retailerId,
  brandCode,
  month,
  quantity,
  retailValue,
  wholesaleValue,
});
const journal = (id: number, managerCode: string, date: string, content: string) => ({
  id,
  managerCode,
  date,
  retailerId: null,
  content,
  problems: null,
  violation: null,
  priceMarked: null,
  displayOk: null,
});

/**
 * Three managers: 张三 (M1) does well; 李四 (M2) is unknown to a surveyed retailer (veto);
 * 王五 (M3) joined on 10-09, has no sales history, no surveys and no agreements.
 */
function scenario(): EvaluationInput {
  return emptyInput({
    workdays: ['2026-10-08', '2026-10-09'],
    managers: [
      { code: 'M1', name: '张三', hiredOn: '2020-03-01', status: '在岗' },
      { code: 'M2', name: '李四', hiredOn: null, status: '在岗' },
      { code: 'M3', name: '王五', hiredOn: '2026-10-09', status: '在岗' },
    ],
    retailers: [retailer(1), retailer(2), retailer(3, { name: '城东超市' }), retailer(4)],
    assignments: [
      { retailerId: 1, managerCode: 'M1', route: 'L1', from: '2025-01-01', to: null },
      { retailerId: 2, managerCode: 'M1', route: 'L1', from: '2025-01-01', to: null },
      { retailerId: 3, managerCode: 'M2', route: 'L2', from: '2025-01-01', to: null },
      { retailerId: 4, managerCode: 'M3', route: 'L3', from: '2026-10-09', to: null },
    ],
    brands: [
      { code: 'K', name: '重点', keyBrand: true, newBrand: false },
      { code: 'N', name: '新品', keyBrand: false, newBrand: true },
      { code: 'P', name: '普通', keyBrand: false, newBrand: false },
    ],
    orderTotals: [
      order(1, 'K', '2026-10', 50, 5000, 4500),
      order(2, 'N', '2026-10', 50, 2000, 1800),
      order(3, 'P', '2026-10', 100, 4000, 3600),
      order(4, 'K', '2026-10', 100, 10000, 9000),
      order(1, 'P', '2025-10', 80, 1600, 1440),
      order(3, 'P', '2025-10', 100, 4000, 3600),
    ],
    punches: [
      punch('M1', '10-08 09:00', { id: 1 }),
      punch('M1', '10-09 09:00', { id: 2 }),
      punch('M2', '10-08 09:00', { id: 3 }),
      punch('M3', '10-09 09:00', { id: 4 }),
    ],
    journals: [journal(11, 'M1', '2026-10-08', TEXT_A), journal(12, 'M2', '2026-10-08', TEXT_B), journal(13, 'M2', '2026-10-09', TEXT_A)],
    reports: [
      { id: 21, managerCode: 'M1', kind: '月报', period: '2026-09', body: REPORT, submittedOn: '2026-10-02' },
      { id: 22, managerCode: 'M1', kind: '月报', period: '2026-10', body: REPORT, submittedOn: '2026-11-02' },
    ],
    surveys: [
      { id: 31, date: '2026-10-09', retailerId: 1, knowsManager: true, namesManager: true, items: { 服务态度: 5 }, overall: '满意' },
      { id: 32, date: '2026-10-09', retailerId: 3, knowsManager: false, namesManager: false, items: { 服务态度: 3 }, overall: '一般' },
    ],
    inspections: [{ id: 41, date: '2026-10-08', retailerId: 3, violation: '假烟' }],
    spotchecks: [{ id: 51, date: '2026-10-09', managerCode: 'M1', item: 'retailer_count', subject: null, answer: 2 }],
    agreements: [{ id: 61, month: '2026-10', retailerId: 1, agreed: 100, brandCode: null }],
  });
}

describe('evaluateMonth', () => {
  const evaluation = evaluateMonth(scenario(), SCHEME);
  const [m1, m2, m3] = evaluation.managers;
  const scores = (manager: typeof m1) =>
    Object.fromEntries(Object.entries(manager?.dimensions ?? {}).map(([key, dimension]) => [key, dimension.score]));

  it('describes the month and the scheme', () => {
    expect(evaluation.month).toBe('2026-10');
    expect(evaluation.workdays).toBe(2);
    expect(evaluation.scheme).toEqual({ name: '测试方案', version: 3 });
  });

  it('computes district yardsticks over all retailers', () => {
    // 300 条 against 180 last October; 1 of 4 served retailers ordered a new brand; margin 2100 / 21000.
    expect(evaluation.districtMetrics.volume_yoy).toBeCloseTo(300 / 180 - 1, 10);
    expect(evaluation.districtMetrics.new_brand_reach).toBe(0.25);
    expect(evaluation.districtMetrics.margin_rate).toBeCloseTo(0.1, 10);
    // Attendance has no district-wide formula: the managers' mean of 1, 0.5 and 1.
    expect(evaluation.districtMetrics.attendance_rate).toBeCloseTo(2.5 / 3, 10);
  });

  it('scores every dimension of a manager with all data', () => {
    expect(scores(m1)).toEqual({
      // yoy 0.25 against the district's 0.667 → 37.5; key share 0.5 → 100; margin level with the market → 100.
      sales: 79.2,
      attendance: 100,
      records: 50,
      knowledge: 100,
      // reach 0.5 at or above the district's 0.25.
      brand: 100,
      order: 100,
      fulfilment: 50,
      evaluation: 100,
    });
    // (25 × 79.2 + 1500 + 750 + 500 + 1000 + 1000 + 500 + 1000) / 100
    expect(m1?.total).toBe(82.3);
    expect(m1?.grade).toBe('良好');
    expect(m1?.veto).toBeNull();
    expect(m1?.dimensions.sales.weight).toBe(25);
  });

  it('drops a missing year-on-year value from the sales score and missing dimensions from the total', () => {
    expect(m3?.dimensions.sales.metrics.volume_yoy).toBeNull();
    expect(scores(m3)).toEqual({
      sales: 100,
      // Employed on one workday, present on it.
      attendance: 100,
      records: 0,
      knowledge: null,
      brand: 0,
      // No journal entry of the month and no violation found: 无数据, not a clean 100.
      order: null,
      fulfilment: null,
      evaluation: null,
    });
    // (2500 + 1500 + 0 + 0) / (25 + 15 + 15 + 10) = 61.54
    expect(m3?.total).toBe(61.5);
    expect(m3?.grade).toBe('合格');
  });

  it('vetoes a manager a surveyed retailer does not know, whatever the total', () => {
    // Sales (0 + 0 + 100) / 3; total (25 × 33.3 + 750 + 1500 + 0 + 0 + 500) / 85.
    expect(m2?.total).toBe(42.1);
    expect(m2?.grade).toBe('不合格');
    expect(m2?.veto?.evidence).toEqual([{ kind: 'surveys', id: 32 }]);
    const vetoFlag = m2?.flags.find((f) => f.type === 'evaluation.veto');
    expect(vetoFlag?.message).toBe(m2?.veto?.reason);
    expect(vetoFlag?.message).toContain('不认识客户经理');
    expect(m2?.flags.map((f) => f.type).sort()).toEqual(
      [
        'attendance.absent',
        'order.missed',
        'records.cross_copy',
        'records.report_missing',
        'evaluation.unknown_manager',
        'evaluation.low_satisfaction',
        'evaluation.veto',
      ].sort(),
    );
  });

  it('ranks by total', () => {
    expect(evaluation.managers.map((m) => [m.code, m.rank])).toEqual([
      ['M1', 1],
      ['M2', 3],
      ['M3', 2],
    ]);
  });

  it('lists the near-copies of journals across managers and of reports', () => {
    expect(evaluation.nearCopyPairs).toEqual([
      // A journal copy says why it is one and which stretches of each text are boilerplate (none
      // here: two managers cannot make district phrasing).
      { aId: 11, bId: 13, similarity: 1, kind: 'journals', self: false, aManager: 'M1', bManager: 'M2', basis: 'specific', aBoilerplate: [], bBoilerplate: [] },
      { aId: 21, bId: 22, similarity: 1, kind: 'reports', self: true, aManager: 'M1', bManager: 'M1' },
    ]);
  });

  it('is deterministic, whatever order the rows come in', () => {
    const input = scenario();
    const reversed: EvaluationInput = {
      ...input,
      retailers: [...input.retailers].reverse(),
      assignments: [...input.assignments].reverse(),
      orderTotals: [...(input.orderTotals ?? [])].reverse(),
      punches: [...input.punches].reverse(),
      journals: [...input.journals].reverse(),
      reports: [...input.reports].reverse(),
      surveys: [...input.surveys].reverse(),
    };
    expect(evaluateMonth(input, SCHEME)).toEqual(evaluation);
    expect(evaluateMonth(reversed, SCHEME)).toEqual(evaluation);
  });
});

describe('manual scores', () => {
  it('score a manual metric, even in a dimension without data', () => {
    const scheme: Scheme = { ...SCHEME, metrics: { ...SCHEME.metrics, knowledge: [{ metric: 'knowledge_score', weight: 1, rule: { type: 'manual' } }] } };
    const evaluation = evaluateMonth(scenario(), scheme, { manualScores: { M1: { knowledge_score: 70 }, M3: { knowledge_score: 40 } } });
    expect(evaluation.managers[0]?.dimensions.knowledge.score).toBe(70);
    expect(evaluation.managers[1]?.dimensions.knowledge.score).toBeNull();
    expect(evaluation.managers[2]?.dimensions.knowledge.score).toBe(40);
  });
});

describe('applyAdjustments', () => {
  const evaluation = evaluateMonth(scenario(), SCHEME);
  const adjusted = applyAdjustments(
    evaluation,
    [
      { managerCode: 'M3', dimension: 'knowledge', score: 80 },
      { managerCode: 'M2', dimension: 'evaluation', score: 90 },
      { managerCode: 'M1', dimension: 'records', score: 20 },
      { managerCode: 'M1', dimension: 'records', score: 0 },
    ],
    SCHEME,
  );
  const [m1, m2, m3] = adjusted.managers;

  it('replaces the score, keeps the computed one and recomputes totals', () => {
    // The last adjustment wins: (8230 − 750) / 100.
    expect(m1?.dimensions.records).toMatchObject({ score: 0, computedScore: 50 });
    expect(m1?.total).toBe(74.8);
    expect(m1?.grade).toBe('合格');
    // A dimension without data joins the total: (4000 + 5 × 80) / 70 = 62.86.
    expect(m3?.dimensions.knowledge).toMatchObject({ score: 80, computedScore: null });
    expect(m3?.total).toBe(62.9);
  });

  it('keeps the veto and reranks', () => {
    // (3582.5 − 500 + 900) / 85
    expect(m2?.total).toBe(46.9);
    expect(m2?.grade).toBe('不合格');
    expect(adjusted.managers.map((m) => m.rank)).toEqual([1, 3, 2]);
  });

  it('leaves the original evaluation and untouched dimensions alone', () => {
    expect(evaluation.managers[0]?.dimensions.records.score).toBe(50);
    expect(evaluation.managers[0]?.total).toBe(82.3);
    expect(m1?.dimensions.sales).not.toHaveProperty('computedScore');
  });
});
