import { describe, expect, it } from 'vitest';
import type { EvaluationInput, InspectionRow, JournalRow } from '../../../../src/core/measures/evaluationInput';
import { measureOrder } from '../../../../src/core/measures/measureOrder';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import { emptyInput, retailer, THRESHOLDS } from './testInput';

const retailers = [retailer(1, { name: '便民烟酒店' }), retailer(2, { name: '城东超市' }), retailer(3)];
const assignments = [1, 2, 3].map((retailerId) => ({ retailerId, managerCode: 'M1', route: null, from: '2026-01-01', to: null }));
let nextId = 1;
const journal = (date: string, retailerId: number, violation: string | null): JournalRow => ({
  id: nextId++,
  managerCode: 'M1',
  date,
  retailerId,
  content: '走访',
  problems: null,
  violation,
  priceMarked: null,
  displayOk: null,
});
const inspection = (date: string, retailerId: number, violation: string): InspectionRow => ({ id: nextId++, date, retailerId, violation });

function measure(overrides: Partial<EvaluationInput>) {
  return measureOrder(buildMonthContext(emptyInput({ retailers, assignments, ...overrides }), THRESHOLDS), 'M1');
}

describe('measureOrder', () => {
  const missedOne = inspection('2026-10-20', 2, '私烟/非法渠道');
  const input = {
    journals: [
      // Exactly 30 days before the inspection at retailer 1: counts as reported.
      journal('2026-09-20', 1, '假烟'),
      // 35 days before the inspection at retailer 2: too early.
      journal('2026-09-15', 2, '私烟/非法渠道'),
      journal('2026-10-05', 3, '违禁品'),
      journal('2026-10-06', 3, '无'),
    ],
    inspections: [inspection('2026-10-20', 1, '假烟'), missedOne, inspection('2026-10-21', 3, '无')],
  };

  it('counts reported and missed violations and the share reported', () => {
    const result = measure(input);
    expect(result.hasData).toBe(true);
    expect(result.metrics.reported).toBe(1);
    expect(result.metrics.missed).toBe(1);
    expect(result.metrics.order_score).toBe(50);
  });

  it('flags the missed inspection with its retailer', () => {
    const flags = measure(input).flags;
    expect(flags).toHaveLength(1);
    expect(flags[0]?.type).toBe('order.missed');
    expect(flags[0]?.message).toBe('10月20日 专卖检查在「城东超市」查出「私烟/非法渠道」，此前 30 天内本人日志未反映');
    expect(flags[0]?.evidence).toEqual([
      { kind: 'inspections', id: missedOne.id },
      { kind: 'retailers', id: 2 },
    ]);
  });

  it('misses a report 31 days before the inspection', () => {
    const result = measure({ journals: [journal('2026-09-19', 1, '假烟')], inspections: [inspection('2026-10-20', 1, '假烟')] });
    expect(result.metrics.missed).toBe(1);
    expect(result.metrics.order_score).toBe(0);
  });

  it('scores 100 when inspections found no violation and the manager reported none', () => {
    const result = measure({ inspections: [inspection('2026-10-21', 3, '无')] });
    expect(result.hasData).toBe(true);
    expect(result.metrics.order_score).toBe(100);
  });

  it('has no data when the month has no inspections', () => {
    expect(measure({ journals: [journal('2026-10-05', 3, '假烟')] }).hasData).toBe(false);
  });
});
