import { describe, expect, it } from 'vitest';
import { buildAssignmentIndex } from '../../../../src/core/measures/assignmentIndex';
import { daysOfMonth } from '../../../../src/core/calendar/dates';

const OCTOBER = daysOfMonth('2026-10');
const row = (retailerId: number, managerCode: string, from: string, to: string | null) => ({ retailerId, managerCode, route: null, from, to });

describe('buildAssignmentIndex', () => {
  it('answers who held a retailer on a date, the later start winning an overlap', () => {
    const index = buildAssignmentIndex([row(1, 'M1', '2026-01-01', null), row(1, 'M2', '2026-10-20', null)], OCTOBER);
    expect(index.assignmentOn(1, '2026-10-19')?.managerCode).toBe('M1');
    expect(index.assignmentOn(1, '2026-10-20')?.managerCode).toBe('M2');
    expect(index.assignmentOn(1, '2025-12-31')).toBeNull();
    expect(index.assignmentOn(2, '2026-10-20')).toBeNull();
  });

  it('gives the month to the manager with more days', () => {
    // M1 holds it 10-01..10-19 (19 days) though M2 has it at the end of the month.
    const index = buildAssignmentIndex([row(1, 'M1', '2026-01-01', null), row(1, 'M2', '2026-10-20', null)], OCTOBER);
    expect(index.monthAssignment(1)?.managerCode).toBe('M1');
    expect(index.retailersOf('M1')).toEqual([1]);
    expect(index.retailersOf('M2')).toEqual([]);
    expect(index.retailersOn('M2', '2026-10-25')).toEqual([1]);
  });

  it('gives a tie to the manager holding the retailer later in the month', () => {
    const index = buildAssignmentIndex([row(1, 'M2', '2026-10-22', null), row(1, 'M1', '2026-09-01', '2026-10-10')], OCTOBER);
    expect(index.monthAssignment(1)?.managerCode).toBe('M2');
  });

  it('leaves a retailer assigned only outside the month without a month manager', () => {
    const index = buildAssignmentIndex([row(1, 'M1', '2026-01-01', '2026-09-30')], OCTOBER);
    expect(index.monthAssignment(1)).toBeNull();
  });

  it('lists, per retailer a manager held on some of the given days, the days it was theirs', () => {
    const index = buildAssignmentIndex(
      [row(1, 'M1', '2026-01-01', null), row(1, 'M2', '2026-10-20', null), row(2, 'M1', '2026-10-05', '2026-10-06'), row(3, 'M2', '2026-01-01', null)],
      OCTOBER,
    );
    const firstWeek = OCTOBER.slice(0, 7);
    // Retailer 1: M1's to 10-19 (all of the first week); retailer 2: 10-05 and 10-06; retailer 3 is M2's.
    expect([...index.daysHeld('M1', firstWeek)]).toEqual([
      [1, firstWeek],
      [2, ['2026-10-05', '2026-10-06']],
    ]);
    expect([...index.daysHeld('M2', OCTOBER)].map(([id, days]) => [id, days.length])).toEqual([
      [1, 12],
      [3, 31],
    ]);
    expect(index.daysHeld('M3', OCTOBER).size).toBe(0);
  });
});
