import { describe, expect, it } from 'vitest';
import { markRuns } from '../../../../src/core/similarity/markRuns';
import { copiedSpans } from '../../../../src/core/similarity/copiedSpans';

describe('copiedSpans', () => {
  it('marks the shared stretch in both originals, punctuation inside it included', () => {
    const a = '今天走访城东线路，检查陈列情况。';
    const b = '昨天走访城东线路，检查陈列情况良好。';
    // 天 … 况 is shared: indices 1 to 14 inclusive in both
    expect(copiedSpans(a, b)).toEqual({ aSpans: [[1, 15]], bSpans: [[1, 15]] });
    expect(a.slice(1, 15)).toBe('天走访城东线路，检查陈列情况');
  });

  it('sees through changed punctuation, spacing and full-width letters', () => {
    expect(copiedSpans('检查陈列，价签齐全。', '检查陈列 价签齐全!')).toEqual({ aSpans: [[0, 9]], bSpans: [[0, 9]] });
    expect(copiedSpans('ＡＢＣＤ门市', 'abcd门市')).toEqual({ aSpans: [[0, 6]], bSpans: [[0, 6]] });
  });

  it('reports several shared blocks separately, in order', () => {
    const a = '上午走访城东线路零售户，下午整理客户档案资料';
    const b = '上午走访城东线路零售户，晚上参加例会，下午整理客户档案资料';
    // a: 上午走访城东线路零售户 = [0, 11), 下午整理客户档案资料 = [12, 22)
    // b: the same two blocks with 晚上参加例会， inserted: [0, 11) and [19, 29)
    expect(copiedSpans(a, b)).toEqual({
      aSpans: [
        [0, 11],
        [12, 22],
      ],
      bSpans: [
        [0, 11],
        [19, 29],
      ],
    });
  });

  it('ignores shared runs shorter than four characters', () => {
    expect(copiedSpans('甲乙丙丁戊己', '子乙丙丑寅卯')).toEqual({ aSpans: [], bSpans: [] });
  });

  it('returns no spans for empty or unrelated texts', () => {
    expect(copiedSpans('', '检查陈列情况')).toEqual({ aSpans: [], bSpans: [] });
    expect(copiedSpans('检查陈列情况', '宣传新品政策')).toEqual({ aSpans: [], bSpans: [] });
  });

  it('uses UTF-16 indices of the original when a character lies outside the BMP', () => {
    // 𠀀 takes two UTF-16 units, so the shared run after it starts at index 2
    expect(copiedSpans('𠀀检查陈列情况', '检查陈列情况')).toEqual({ aSpans: [[2, 8]], bSpans: [[0, 6]] });
  });
});

describe('copiedSpans around numbers', () => {
  it('never starts or ends a shared run inside a number', () => {
    const a = '本月网订客户占总客户数的13.7%，较上月提升明显，继续推进网上订货';
    const b = '本月网订客户占总客户数的3.7%，较上月提升明显，继续推进网上订货';
    const { aSpans, bSpans } = copiedSpans(a, b);
    const number = /\d+(?:\.\d+)?/g;
    for (const [text, spans] of [
      [a, aSpans],
      [b, bSpans],
    ] as const) {
      for (const m of text.matchAll(number)) {
        const [start, end] = [m.index, m.index + m[0].length];
        for (const [s, e] of spans) {
          expect(s > start && s < end, `${text.slice(s, e)} starts inside ${m[0]}`).toBe(false);
          expect(e > start && e < end, `${text.slice(s, e)} ends inside ${m[0]}`).toBe(false);
        }
      }
    }
    // The words after the number are still shared.
    expect(aSpans.map(([s, e]) => a.slice(s, e)).join('')).toContain('较上月提升明显');
  });
});

describe('markRuns', () => {
  it('greys boilerplate over copied text and keeps the rest plain', () => {
    expect(markRuns('甲乙丙丁戊己', [[1, 5]], [[3, 4]])).toEqual([
      { text: '甲', mark: null },
      { text: '乙丙', mark: 'copied' },
      { text: '丁', mark: 'boilerplate' },
      { text: '戊', mark: 'copied' },
      { text: '己', mark: null },
    ]);
  });
});
