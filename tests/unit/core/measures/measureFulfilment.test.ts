import { describe, expect, it } from 'vitest';
import type { AgreementRow } from '../../../../src/core/measures/evaluationInput';
import { measureFulfilment } from '../../../../src/core/measures/measureFulfilment';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import { emptyInput, retailer, THRESHOLDS } from './testInput';

const assignments = [
  { retailerId: 1, managerCode: 'M1', route: null, from: '2026-01-01', to: null },
  { retailerId: 2, managerCode: 'M1', route: null, from: '2026-01-01', to: null },
  { retailerId: 3, managerCode: 'M2', route: null, from: '2026-01-01', to: null },
];
const order = (retailerId: number, brandCode: string, quantity: number) => ({
  retailerId,
  brandCode,
  month: '2026-10',
  quantity,
  retailValue: null,
  wholesaleValue: null,
});
const orderTotals = [order(1, 'P', 70), order(1, 'N', 50), order(2, 'N', 30), order(2, 'P', 40), order(3, 'P', 10)];
let nextId = 1;
const agreement = (retailerId: number, agreed: number, brandCode: string | null, month = '2026-10'): AgreementRow => ({
  id: nextId++,
  month,
  retailerId,
  agreed,
  brandCode,
});

function measure(agreements: AgreementRow[], managerCode = 'M1') {
  const input = emptyInput({ retailers: [retailer(1), retailer(2), retailer(3)], assignments, orderTotals, agreements });
  return measureFulfilment(buildMonthContext(input, THRESHOLDS), managerCode);
}

describe('measureFulfilment', () => {
  it('caps each retailer at its agreement and holds brand agreements against that brand', () => {
    // Retailer 1: 120 ordered of 100 agreed → 100. Retailer 2: 30 of brand N against 50 → 30.
    const result = measure([agreement(1, 100, null), agreement(2, 50, 'N'), agreement(3, 100, null), agreement(1, 999, null, '2026-09')]);
    expect(result.hasData).toBe(true);
    expect(result.metrics.fulfilment_rate).toBeCloseTo(130 / 150, 10);
  });

  it('adds up several agreement rows of the same retailer before capping', () => {
    // 60 + 60 agreed for all brands against 120 ordered: fully met.
    expect(measure([agreement(1, 60, null), agreement(1, 60, null)]).metrics.fulfilment_rate).toBe(1);
  });

  it('has no data without agreements for the manager\'s retailers', () => {
    const result = measure([agreement(3, 100, null)]);
    expect(result.hasData).toBe(false);
    expect(result.metrics.fulfilment_rate).toBeNull();
  });
});
