import { describe, expect, it } from 'vitest';
import { copiedSpans } from '../../../../../src/core/similarity/copiedSpans';
import { alignByDate } from '../../../../../src/renderer/features/journals/alignByDate';
import { filterPairs } from '../../../../../src/renderer/features/journals/pairFilters';
import { textSegments } from '../../../../../src/renderer/features/journals/textSegments';
import type { NearCopyPairDto, TextEntryDto } from '../../../../../src/shared/api/journalsApi';

const SOURCE = '今日走访南岗友谊日杂店，老谭在店，有顾客打听爆珠烟，店里暂时没有；发放了利群(长嘴)的价签，已摆上柜。';
const COPY = '今日走访南岗友谊日杂店，老谭在店；有顾客打听爆珠烟，店里暂时没有。发放了芙蓉王的价签，已摆上柜。';

describe('textSegments', () => {
  it('cuts a text into plain and copied runs that put the text back together', () => {
    const { aSpans } = copiedSpans(SOURCE, COPY);
    const segments = textSegments(SOURCE, aSpans);
    expect(segments.map((s) => s.text).join('')).toBe(SOURCE);
    expect(segments.filter((s) => s.copied).map((s) => s.text)[0]).toContain('今日走访南岗友谊日杂店');
    expect(segments.some((s) => !s.copied && s.text.includes('利群'))).toBe(true);
  });

  it('merges overlapping ranges and clamps ones past the end', () => {
    expect(textSegments('abcdef', [[3, 99], [1, 4], [0, 0]])).toEqual([
      { text: 'a', copied: false },
      { text: 'bcdef', copied: true },
    ]);
    expect(textSegments('', [[0, 3]])).toEqual([]);
  });
});

const pair = (over: Partial<NearCopyPairDto>): NearCopyPairDto => ({
  kind: 'journals',
  aId: 1,
  bId: 2,
  similarity: 0.85,
  self: true,
  aManager: { code: 'LH001', name: '方平' },
  bManager: { code: 'LH001', name: '方平' },
  aDate: '2026-10-01',
  bDate: '2026-10-02',
  ...over,
});

describe('filterPairs', () => {
  const pairs = [
    pair({ aId: 1, similarity: 0.95, self: false, bDate: '2026-10-20' }),
    pair({ aId: 2, similarity: 0.85, kind: 'reports', bDate: '2026-11-03' }),
    pair({ aId: 3, similarity: 0.9, bDate: '2026-10-05' }),
  ];
  it('keeps self or cross, journals or reports, and sorts by similarity either way or by the date of the copy', () => {
    expect(filterPairs(pairs, { relation: 'all', kind: 'all', sort: 'similarityDesc' }).map((p) => p.aId)).toEqual([1, 3, 2]);
    expect(filterPairs(pairs, { relation: 'all', kind: 'all', sort: 'similarityAsc' }).map((p) => p.aId)).toEqual([2, 3, 1]);
    expect(filterPairs(pairs, { relation: 'all', kind: 'all', sort: 'date' }).map((p) => p.aId)).toEqual([3, 1, 2]);
    expect(filterPairs(pairs, { relation: 'self', kind: 'all', sort: 'similarityDesc' }).map((p) => p.aId)).toEqual([3, 2]);
    expect(filterPairs(pairs, { relation: 'cross', kind: 'all', sort: 'similarityDesc' }).map((p) => p.aId)).toEqual([1]);
    expect(filterPairs(pairs, { relation: 'all', kind: 'reports', sort: 'similarityDesc' }).map((p) => p.aId)).toEqual([2]);
  });
});

const entry = (id: number, managerCode: string, date: string, text: string): TextEntryDto => ({
  kind: 'journals',
  id,
  managerCode,
  managerName: managerCode,
  date,
  time: '09:00',
  month: date.slice(0, 7),
  title: null,
  retailerName: null,
  retailerLicence: null,
  text,
  comment: null,
  commentBy: null,
  commentAt: null,
  locked: false,
});

describe('alignByDate', () => {
  const other = '上午在老王烟酒店核对上周到货数量，与订单一致；店主想多订云烟，已说明按需订货的规定。';
  it('makes a row per date either side wrote on, and marks what an entry shares with its closest counterpart', () => {
    const left = [entry(1, 'A', '2026-10-02', SOURCE), entry(2, 'A', '2026-10-05', other)];
    const right = [entry(3, 'B', '2026-10-02', other), entry(4, 'B', '2026-10-02', COPY), entry(5, 'B', '2026-10-03', other)];
    const rows = alignByDate(left, right, {});
    expect(rows.map((r) => [r.key, r.left.map((a) => a.entry.id), r.right.map((a) => a.entry.id)])).toEqual([
      ['2026-10-02', [1], [3, 4]],
      ['2026-10-03', [], [5]],
      ['2026-10-05', [2], []],
    ]);
    const first = rows[0]?.left[0];
    expect(first?.best).toBeGreaterThan(0.5);
    expect(first?.spans.length).toBeGreaterThan(0);
    expect(rows[1]?.right[0]?.best).toBeNull();
  });

  it('marks nothing when even the closest counterpart is barely alike (stock phrases, not a copy)', () => {
    const stock = '宣传了未成年人禁售规定，店主表示理解。';
    const a = `${stock}上午在老王烟酒店核对上周到货数量，与订单一致；店主想多订云烟，已说明按需订货的规定，下周再来看看。`;
    const b = `${stock}今日走访南岗友谊日杂店，老谭在店，有顾客打听爆珠烟，店里暂时没有；发放了利群的价签，已摆上柜。`;
    expect(copiedSpans(a, b).aSpans.length).toBeGreaterThan(0);
    const [row] = alignByDate([entry(1, 'A', '2026-10-02', a)], [entry(2, 'B', '2026-10-02', b)], {});
    expect(row?.left[0]?.best).toBeGreaterThan(0);
    expect(row?.left[0]?.best).toBeLessThan(0.3);
    expect(row?.left[0]?.spans).toEqual([]);
  });

  it('puts two picked days in one row', () => {
    const rows = alignByDate([entry(1, 'A', '2026-10-02', SOURCE)], [entry(2, 'A', '2026-10-20', COPY)], { left: '2026-10-02', right: '2026-10-20' });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).toBe('2026-10-02|2026-10-20');
    expect(rows[0]?.right[0]?.spans.length).toBeGreaterThan(0);
  });
});
