import { describe, expect, it } from 'vitest';
import type { JournalRow } from '../../../../src/core/measures/evaluationInput';
import { findJournalCopies, type JournalCopyFindings, type JournalCopyQuestion } from '../../../../src/core/measures/findJournalCopies';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import { emptyInput, THRESHOLDS } from './testInput';

const A = '今日走访辖区零售户，宣传新品卷烟，检查陈列和明码标价情况，未发现异常。';
const B = '上午到城东片区收集订单信息，下午协助零售户整理柜台陈列';
const C = '走访乡村线路十二户零售客户，了解假烟私烟流入情况';

let nextId = 1;
const entry = (managerCode: string, date: string, content: string): JournalRow => ({
  id: nextId++,
  managerCode,
  date,
  retailerId: null,
  content,
  problems: null,
  violation: null,
  priceMarked: null,
  displayOk: null,
});

const roster = ['M1', 'M2'].map((code) => ({ code, name: code, hiredOn: null, status: null }));
// A self copy (M1, A on two days), a cross copy (B: M1 then M2) and one from the look-back (C).
const journals = [entry('M1', '2026-09-25', C), entry('M1', '2026-10-08', A), entry('M1', '2026-10-12', A), entry('M1', '2026-10-09', B), entry('M2', '2026-10-12', B), entry('M2', '2026-10-13', C)];
const context = () => buildMonthContext(emptyInput({ workdays: ['2026-10-08', '2026-10-09', '2026-10-12', '2026-10-13'], managers: roster, journals }), THRESHOLDS);

describe('findJournalCopies with a cache of findings', () => {
  it('hands its question and findings to the cache, and gives the same copies from the kept findings as from computing them', () => {
    const kept: { question: JournalCopyQuestion; findings: JournalCopyFindings }[] = [];
    const computed = findJournalCopies(context(), { lookup: () => undefined, keep: (question, findings) => kept.push({ question, findings }) });
    expect(kept).toHaveLength(1);
    expect(kept[0]?.question.docs.map((d) => [d.id, d.reference])).toEqual(journals.map((j) => [j.id, j.date < '2026-10-01']));
    expect(computed.pairs.length).toBeGreaterThanOrEqual(2);
    expect(computed.byManager.get('M1')?.selfIds.size).toBe(2);

    // Kept as JSON (as the backend keeps them) and read back.
    const stored = JSON.stringify(kept[0]?.findings);
    let asked: JournalCopyQuestion | undefined;
    const fromKept = findJournalCopies(context(), {
      lookup: (question) => {
        asked = question;
        return JSON.parse(stored) as JournalCopyFindings;
      },
      keep: () => {
        throw new Error('kept findings were computed again');
      },
    });
    expect(asked).toEqual(kept[0]?.question);
    expect(fromKept.pairs).toEqual(computed.pairs);
    expect([...fromKept.byManager]).toEqual([...computed.byManager]);
    expect([...fromKept.specificShare]).toEqual([...computed.specificShare]);
  });

  it('takes what the cache answers (the cache decides which question its findings answer)', () => {
    const none: JournalCopyFindings = { pairs: [], perfunctory: [], specificShare: [] };
    const copies = findJournalCopies(context(), { lookup: () => none, keep: () => undefined });
    expect(copies.pairs).toEqual([]);
    expect(copies.byManager.size).toBe(0);
  });
});
