import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, type Route } from '../../../../src/renderer/app/hashRoute';

describe('hashRoute', () => {
  it('keeps every screen, its month and 日志对照’s pair or way of comparing through the address', () => {
    const routes: Route[] = [
      { page: { name: 'overview' }, month: '2026-10' },
      { page: { name: 'data', kind: 'orders' }, month: '2026-09' },
      { page: { name: 'evaluation', manager: 'LH 001' }, month: '2026-10' },
      { page: { name: 'journals', pair: { kind: 'reports', aId: 12, bId: 40 } }, month: '2026-10' },
      { page: { name: 'journals', mode: 'managers' }, month: '2026-10' },
      { page: { name: 'journals', mode: 'reports' }, month: null },
      { page: { name: 'settings' }, month: null },
      // Drill-down: a grid filtered to what a chart's cell showed, a manager's flags with their evidence.
      { page: { name: 'data', kind: 'attendance', filter: { managerCode: 'LH 001', date: '2026-10-13' } }, month: '2026-10' },
      { page: { name: 'evaluation', manager: 'LH007', show: 'flags' }, month: '2026-10' },
    ];
    for (const route of routes) expect(parseHash(formatHash(route))).toEqual(route);
  });

  it('ignores what it does not know instead of failing', () => {
    expect(parseHash('#/journals?mode=bogus&month=2026-13')).toEqual({ page: { name: 'journals' }, month: null });
    expect(parseHash('#/journals?kind=journals&a=0&b=2')).toEqual({ page: { name: 'journals' }, month: null });
    expect(parseHash('#/data/nothing')).toEqual({ page: { name: 'overview' }, month: null });
  });
});
