import { describe, expect, it } from 'vitest';
import { evaluateMonth } from '../../../../src/core/measures/evaluateMonth';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';
import { syntheticMonth } from './syntheticMonth';

describe('evaluateMonth speed', () => {
  it('evaluates a district month (40 managers, 8,000 retailers) fast enough to stay interactive', () => {
    const input = syntheticMonth({ managers: 40, retailers: 8000, punches: 20000, journals: 4000 });
    evaluateMonth(input, DEFAULT_SCHEME);
    const started = performance.now();
    const evaluation = evaluateMonth(input, DEFAULT_SCHEME);
    const elapsed = performance.now() - started;
    expect(evaluation.managers).toHaveLength(40);
    expect(evaluation.managers.every((manager) => manager.total !== null)).toBe(true);
    // The target is 1 s; the bound leaves room for a loaded CI machine while still catching
    // a quadratic scan, which at this size costs tens of seconds.
    expect(elapsed).toBeLessThan(3000);
  });
});
