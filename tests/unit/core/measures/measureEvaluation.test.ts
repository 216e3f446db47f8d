import { describe, expect, it } from 'vitest';
import type { SurveyRow } from '../../../../src/core/measures/evaluationInput';
import { measureEvaluation } from '../../../../src/core/measures/measureEvaluation';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import { emptyInput, retailer, THRESHOLDS } from './testInput';

const assignments = [
  { retailerId: 1, managerCode: 'M1', route: null, from: '2026-01-01', to: null },
  { retailerId: 2, managerCode: 'M1', route: null, from: '2026-01-01', to: null },
  { retailerId: 6, managerCode: 'M1', route: null, from: '2026-01-01', to: '2026-10-15' },
  { retailerId: 6, managerCode: 'M2', route: null, from: '2026-10-16', to: null },
];
let nextId = 1;
const survey = (retailerId: number, date: string, items: Record<string, number>, knowsManager: boolean, overall: string | null): SurveyRow => ({
  id: nextId++,
  date,
  retailerId,
  knowsManager,
  namesManager: null,
  items,
  overall,
});

function measure(surveys: SurveyRow[], managerCode = 'M1') {
  const retailers = [retailer(1, { name: '便民烟酒店' }), retailer(2, { name: '城东超市' }), retailer(6)];
  return measureEvaluation(buildMonthContext(emptyInput({ retailers, assignments, surveys }), THRESHOLDS), managerCode);
}

describe('measureEvaluation', () => {
  const happy = survey(1, '2026-10-09', { 服务态度: 5, 送货服务: 4 }, true, '满意');
  const unhappy = survey(2, '2026-10-12', { 服务态度: 2, 送货服务: 1 }, false, '不满意');

  it('scales item scores to 0–100 and counts knowing respondents and complaints', () => {
    const result = measure([happy, unhappy]);
    expect(result.hasData).toBe(true);
    // 100, 75, 25, 0.
    expect(result.metrics.satisfaction).toBe(50);
    expect(result.metrics.know_rate).toBe(0.5);
    expect(result.metrics.complaints).toBe(1);
  });

  it('flags the retailer who does not know the manager and the low satisfaction', () => {
    const flags = measure([happy, unhappy]).flags;
    expect(flags.map((f) => f.type)).toEqual(['evaluation.unknown_manager', 'evaluation.low_satisfaction']);
    expect(flags[0]?.message).toBe('1 位受访零售户不认识客户经理：城东超市（10月12日）');
    expect(flags[0]?.evidence).toEqual([{ kind: 'surveys', id: unhappy.id }]);
    expect(flags[1]?.message).toBe('零售户满意度 50.0 分，低于 60 分（2 份问卷）');
  });

  it('does not flag satisfaction of exactly 60', () => {
    // (3.4 − 1) / 4 × 100 = 60.
    const result = measure([survey(1, '2026-10-09', { 服务态度: 3.4 }, true, '一般')]);
    expect(result.metrics.satisfaction).toBeCloseTo(60, 10);
    expect(result.flags).toEqual([]);
  });

  it('leaves scores outside 1–5 out', () => {
    expect(measure([survey(1, '2026-10-09', { 服务态度: 5, 误映射: 9 }, true, null)]).metrics.satisfaction).toBe(100);
  });

  it('attributes a survey to the manager assigned on the survey date', () => {
    const early = survey(6, '2026-10-15', { 服务态度: 5 }, true, null);
    const late = survey(6, '2026-10-16', { 服务态度: 1 }, true, null);
    expect(measure([early, late], 'M1').metrics.satisfaction).toBe(100);
    expect(measure([early, late], 'M2').metrics.satisfaction).toBe(0);
  });

  it('has no data without surveys', () => {
    const result = measure([]);
    expect(result.hasData).toBe(false);
    expect(result.metrics.know_rate).toBeNull();
    expect(result.metrics.complaints).toBeNull();
  });
});
