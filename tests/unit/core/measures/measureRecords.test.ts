import { describe, expect, it } from 'vitest';
import type { EvaluationInput, JournalRow, ReportRow } from '../../../../src/core/measures/evaluationInput';
import { findJournalCopies } from '../../../../src/core/measures/findJournalCopies';
import { measureRecords } from '../../../../src/core/measures/measureRecords';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import { reportDueOn } from '../../../../src/core/measures/reportDueOn';
import { emptyInput, THRESHOLDS } from './testInput';

// Lengths count characters without punctuation.
const A = '今日走访辖区零售户，宣传新品卷烟，检查陈列和明码标价情况，未发现异常。'; // 30
const B = '上午到城东片区收集订单信息，下午协助零售户整理柜台陈列'; // 26
const C = '走访乡村线路十二户零售客户，了解假烟私烟流入情况'; // 23
const E = '参加营销部例会，学习新的货源投放政策和要求并记录'; // 22
const SHORT = '正常拜访，无异常。'; // 7

let nextId = 1;
function entry(managerCode: string, date: string, content: string, overrides: Partial<JournalRow> = {}): JournalRow {
  return {
    id: nextId++,
    managerCode,
    date,
    retailerId: null,
    content,
    problems: null,
    violation: null,
    priceMarked: null,
    displayOk: null,
    ...overrides,
  };
}

const managers = ['M1', '张三', 'M2', '李四', 'M3', '王五'];
const roster = [0, 2, 4].map((i) => ({ code: managers[i] ?? '', name: managers[i + 1] ?? '', hiredOn: null, status: null }));

function measure(overrides: Partial<EvaluationInput>, managerCode: string) {
  const ctx = buildMonthContext(emptyInput({ workdays: ['2026-10-08', '2026-10-09', '2026-10-12'], managers: roster, ...overrides }), THRESHOLDS);
  return measureRecords(ctx, managerCode, findJournalCopies(ctx));
}

describe('journal metrics', () => {
  const j0 = entry('M1', '2026-09-20', C);
  const j1 = entry('M1', '2026-10-08', A, { problems: '无', priceMarked: true, displayOk: true });
  const j2 = entry('M1', '2026-10-10', SHORT, { problems: '发现一户私烟', priceMarked: true, displayOk: false });
  const j3 = entry('M1', '2026-10-10', B, { displayOk: true });
  const j4 = entry('M1', '2026-10-12', A);
  const j5 = entry('M1', '2026-10-12', E);
  const k1 = entry('M2', '2026-10-09', B);
  const k2 = entry('M2', '2026-10-12', E);
  const k3 = entry('M2', '2026-10-08', C);
  const journals = [j0, j1, j2, j3, j4, j5, k1, k2, k3];

  it('measures rate, length, short entries, problems and counters', () => {
    const m1 = measure({ journals }, 'M1');
    expect(m1.hasData).toBe(true);
    // Entries on 10-08 and 10-12 of three workdays (10-10 is a Saturday).
    expect(m1.metrics.journal_rate).toBeCloseTo(2 / 3, 10);
    // Lengths 30, 7, 26, 30, 22.
    expect(m1.metrics.journal_chars).toBe(26);
    expect(m1.metrics.short_entries).toBe(1);
    expect(m1.metrics.problems_reported).toBe(1);
    // Checked: j1 ok, j2 not (陈列 否), j3 ok.
    expect(m1.metrics.counter_ok_rate).toBeCloseTo(2 / 3, 10);
  });

  it('counts self copies on different days and cross copies of earlier or same-day entries', () => {
    const m1 = measure({ journals }, 'M1');
    // j1/j4 copy each other; j3 copies M2's earlier k1; j5 and k2 are the same day.
    expect(m1.metrics.self_copy).toBe(2);
    expect(m1.metrics.cross_copy).toBe(2);
    const self = m1.flags.find((f) => f.type === 'records.self_copy');
    expect(self?.pairs).toEqual([{ aId: j1.id, bId: j4.id, similarity: 1 }]);
    expect(self?.message).toBe('2 条日志与本人其他日期的日志雷同，如 10月8日 与 10月12日 的日志（相似度 100.0%）');
    const cross = m1.flags.find((f) => f.type === 'records.cross_copy');
    expect(cross?.pairs).toEqual([
      { aId: j3.id, bId: k1.id, similarity: 1 },
      { aId: j5.id, bId: k2.id, similarity: 1 },
    ]);
    expect(cross?.message).toBe('2 条日志与他人更早或同日的日志雷同，如 10月10日 的日志与 李四 10月9日 的日志（相似度 100.0%）');
  });

  it('does not flag the earlier writer, and counts a copy of an entry from before the month', () => {
    const m2 = measure({ journals }, 'M2');
    // k1 was first; k2 is same-day with j5; k3 copies M1's September entry.
    expect(m2.metrics.cross_copy).toBe(2);
    expect(m2.flags.find((f) => f.type === 'records.cross_copy')?.evidence.map((e) => e.id)).toEqual([j0.id, j5.id, k2.id, k3.id]);
  });

  it('does not count an entry repeated on the same day as a self copy', () => {
    const m1 = measure({ journals: [entry('M1', '2026-10-08', A), entry('M1', '2026-10-08', A)] }, 'M1');
    expect(m1.metrics.self_copy).toBe(0);
  });

  it('counts a self copy of an entry from the 30 days before, but only the entry of the month', () => {
    const m1 = measure({ journals: [entry('M1', '2026-09-25', A), entry('M1', '2026-10-08', A)] }, 'M1');
    expect(m1.metrics.self_copy).toBe(1);
  });

  it('never compares texts under 20 characters, and flags them as short', () => {
    const shorts = [entry('M1', '2026-10-08', SHORT), entry('M1', '2026-10-09', SHORT)];
    const m1 = measure({ journals: shorts }, 'M1');
    expect(m1.metrics.self_copy).toBe(0);
    expect(m1.metrics.short_entries).toBe(2);
    const flag = m1.flags.find((f) => f.type === 'records.short_entries');
    expect(flag?.message).toBe('2 条日志不足 20 字，如 10月8日「正常拜访，无异常。」');
    expect(flag?.evidence.map((e) => e.id)).toEqual(shorts.map((s) => s.id));
  });

  it('does not flag short entries at exactly 20 characters', () => {
    const twenty = '今日走访辖区零售户宣传新品卷烟检查陈列'.padEnd(20, '况');
    expect(measure({ journals: [entry('M1', '2026-10-08', twenty)] }, 'M1').flags).toEqual([]);
  });
});

describe('the near-copy threshold', () => {
  // 30 distinct characters: 28 trigrams.
  const X = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星';
  const chars = Array.from(X);

  it('counts 26 shared of 30 trigrams (0.867) as a copy', () => {
    const y = chars.slice(0, 28).join('') + '天地';
    const m1 = measure({ journals: [entry('M1', '2026-10-08', X), entry('M1', '2026-10-09', y)] }, 'M1');
    expect(m1.metrics.self_copy).toBe(2);
    expect(m1.flags.find((f) => f.type === 'records.self_copy')?.pairs?.[0]?.similarity).toBeCloseTo(26 / 30, 10);
  });

  it('does not count 23 shared of 33 trigrams (0.697)', () => {
    const z = chars.slice(0, 25).join('') + '天地玄黄宇';
    const m1 = measure({ journals: [entry('M1', '2026-10-08', X), entry('M1', '2026-10-09', z)] }, 'M1');
    expect(m1.metrics.self_copy).toBe(0);
  });
});

describe('monthly reports', () => {
  const LONG = '本月辖区卷烟销量同比增长，重点品牌占比提升，新品铺货率达到六成，下月继续加强终端陈列指导。';
  const OTHER = '九月市场总体平稳，节前备货需求旺盛，部分零售户存在断货现象，已协调补货并跟踪到位。';
  let id = 500;
  const report = (managerCode: string, period: string, body: string, submittedOn: string | null): ReportRow => ({
    id: id++,
    managerCode,
    kind: '月报',
    period,
    body,
    submittedOn,
  });
  const m1Now = report('M1', '2026-10', LONG, '2026-11-05');
  const m1Before = report('M1', '2026-09', LONG, '2026-10-03');
  const m2Now = report('M2', '2026-10', LONG, '2026-11-06');
  const m2Before = report('M2', '2026-09', OTHER, '2026-10-03');
  const reports = [m1Now, m1Before, m2Now, m2Before, report('M3', '2026-09', OTHER, null)];

  it('accepts a report on its due day and flags a copy of last month\'s', () => {
    const m1 = measure({ reports }, 'M1');
    expect(m1.hasData).toBe(true);
    expect(m1.metrics.report_submitted).toBe(1);
    expect(m1.metrics.report_copy).toBe(1);
    const flag = m1.flags.find((f) => f.type === 'records.report_copy');
    expect(flag?.message).toBe('10月月度市场分析报告与9月的报告雷同（相似度 100.0%）');
    expect(flag?.pairs).toEqual([{ aId: m1Now.id, bId: m1Before.id, similarity: 1 }]);
    // No journals in the district: the journal metrics are unknown, not zero.
    expect(m1.metrics.journal_rate).toBeNull();
  });

  it('flags a late report and does not call a different one a copy', () => {
    const m2 = measure({ reports }, 'M2');
    expect(m2.metrics.report_submitted).toBe(0);
    expect(m2.metrics.report_copy).toBe(0);
    expect(m2.flags.map((f) => f.message)).toEqual(['10月月度市场分析报告于 11月6日 提交，晚于 11月5日 的期限']);
  });

  it('flags a missing report', () => {
    const m3 = measure({ reports }, 'M3');
    expect(m3.metrics.report_submitted).toBe(0);
    expect(m3.metrics.report_copy).toBeNull();
    expect(m3.flags.map((f) => f.message)).toEqual(['10月月度市场分析报告未提交（应于 11月5日 前提交）']);
  });

  it('does not call a report missing before its due day has passed', () => {
    for (const asOf of ['2026-11-04', '2026-11-05']) {
      const m3 = measure({ reports, asOf }, 'M3');
      expect(m3.metrics.report_submitted).toBeNull();
      expect(m3.flags).toEqual([]);
    }
    const late = measure({ reports, asOf: '2026-11-06' }, 'M3');
    expect(late.metrics.report_submitted).toBe(0);
    expect(late.flags.map((f) => f.type)).toEqual(['records.report_missing']);
    // A report already handed in is judged as usual, whatever the day.
    expect(measure({ reports, asOf: '2026-11-01' }, 'M1').metrics.report_submitted).toBe(1);
  });

  it('leaves report metrics unknown when nobody in the district has a report for the month', () => {
    const m1 = measure({ reports: [m1Before], journals: [entry('M1', '2026-10-08', A)] }, 'M1');
    expect(m1.metrics.report_submitted).toBeNull();
    expect(m1.flags.some((f) => f.type === 'records.report_missing')).toBe(false);
  });

  it('has no data without journals and reports', () => {
    expect(measure({}, 'M1').hasData).toBe(false);
  });
});

describe('reportDueOn', () => {
  it('is the due day of the next month, clamped to its length', () => {
    expect(reportDueOn('2026-10', 5)).toBe('2026-11-05');
    expect(reportDueOn('2026-12', 5)).toBe('2027-01-05');
    expect(reportDueOn('2027-01', 31)).toBe('2027-02-28');
  });
});
