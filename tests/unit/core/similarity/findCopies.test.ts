import { describe, expect, it } from 'vitest';
import { boilerplateRanges } from '../../../../src/core/similarity/copiedSpans';
import { findCopies } from '../../../../src/core/similarity/findCopies';
import { findNearCopies } from '../../../../src/core/similarity/findNearCopies';
import type { NearCopyDoc } from '../../../../src/core/similarity/nearCopyTypes';
import { copyCorpus } from './copyCorpus';
import { scoreCopyRule } from './scoreCopyRule';

const OPTIONS = { threshold: 0.8, minChars: 20, boilerplateManagers: 3 };

describe('findCopies on generated districts (issue 20)', () => {
  // Four districts: honest templated writers with their facts changed, one-edit copies, rings.
  const corpora = [20, 21, 22, 23].map((seed) => copyCorpus(seed));
  const sum = (rule: 'old' | 'new') => {
    const scores = corpora.map((c) => scoreCopyRule(c, rule === 'old' ? findNearCopies(c.entries, OPTIONS) : findCopies(c.entries, OPTIONS).pairs));
    const total = (key: 'honest' | 'honestAccused' | 'templated' | 'templatedAccused' | 'copies' | 'copiesCaught' | 'rings' | 'ringsCaught') =>
      scores.reduce((n, s) => n + s[key], 0);
    return { total, scores };
  };
  const old = sum('old');
  const neu = sum('new');

  it('accuses the templated honest entries that Jaccard alone accuses, almost never', () => {
    // The old rule accuses most entries written from a shared template with one fact changed.
    expect(old.total('templatedAccused')).toBeGreaterThan(old.total('templated') / 2);
    expect(neu.total('templatedAccused')).toBeLessThanOrEqual(3);
    expect(neu.total('honestAccused')).toBeLessThanOrEqual(neu.total('honest') / 100);
  });

  it('catches at least 95 % of one-edit copies, more than Jaccard alone', () => {
    expect(neu.total('copiesCaught') / neu.total('copies')).toBeGreaterThanOrEqual(0.95);
    expect(neu.total('copiesCaught')).toBeGreaterThan(old.total('copiesCaught'));
  });

  it('catches copy rings of three and four managers', () => {
    expect(neu.total('ringsCaught')).toBeGreaterThanOrEqual(neu.total('rings') - 1);
  });
});

describe('findCopies', () => {
  const template = (n: number) => `按照客户分类管理要求，将我所管辖的${n}户根据配合程度分为三个类别，对配合度高的客户重点培育，对配合度一般的客户加强沟通。`;
  const doc = (id: number, author: string, date: string, text: string, reference = false): NearCopyDoc => ({ id, author, date, text, reference });

  it('does not accuse two managers who fill the district template with their own numbers, but catches one who copies a number too', () => {
    const docs = [
      doc(1, 'A', '2026-10-02', template(190)),
      doc(2, 'B', '2026-10-03', template(199)),
      doc(3, 'C', '2026-09-20', template(151), true),
      doc(4, 'D', '2026-09-21', template(233), true),
      doc(5, 'E', '2026-10-05', `${template(190)}另外走访城东鑫源便利店，利群断货已登记。`),
      doc(6, 'F', '2026-10-06', `${template(190)}另外走访城东鑫源便利店，利群断货已登记！`),
    ];
    const findings = findCopies(docs, OPTIONS);
    // 1–2: Jaccard 0.94, nothing specific shared. 5–6: the same shop and finding.
    expect(findNearCopies(docs, OPTIONS).some((p) => p.aId === 1 && p.bId === 2)).toBe(true);
    expect(findings.pairs.map((p) => [p.aId, p.bId, p.basis])).toEqual([[5, 6, 'specific']]);
  });

  it('reports an entry that is nothing but district boilerplate as perfunctory, and greys it', () => {
    const phrase = '今天按计划走访辖区零售客户，宣传卷烟营销政策，检查卷烟陈列和明码标价，做好服务工作。';
    const docs = ['A', 'B', 'C', 'D'].map((author, i) => doc(i + 1, author, `2026-10-0${i + 2}`, phrase));
    docs.push(doc(9, 'E', '2026-10-09', '走访城东鑫源便利店，店主反映利群近期断货，已登记需求并反馈中心。'));
    const findings = findCopies(docs, OPTIONS);
    expect([...findings.perfunctory].sort()).toEqual([1, 2, 3, 4]);
    expect(findings.pairs).toEqual([]);
    // The whole text is boilerplate, punctuation inside included.
    expect(boilerplateRanges(phrase, findings.boilerplateMask(1, 2))).toEqual([[0, phrase.length - 1]]);
  });

  it('catches a short entry copied with one character changed, which Jaccard misses', () => {
    const docs = [doc(1, 'A', '2026-10-02', '河滨恒满便利店本周订货72条，玉溪走势较好。'), doc(2, 'B', '2026-10-05', '河滨恒满便利店本月订货72条，玉溪走势较好。')];
    expect(findNearCopies(docs, OPTIONS)).toEqual([]);
    expect(findCopies(docs, OPTIONS).pairs.map((p) => [p.aId, p.bId, p.basis])).toEqual([[1, 2, 'short']]);
  });
});
