/** The "now" every bench import and evaluation is stamped with: the demo month's export day. */
export const BENCH_NOW = new Date('2026-11-03T08:00:00Z');
