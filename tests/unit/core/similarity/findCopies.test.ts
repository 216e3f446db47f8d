import { describe, expect, it } from 'vitest';
import { boilerplateRanges } from '../../../../src/core/similarity/copiedSpans';
import { findCopies } from '../../../../src/core/similarity/findCopies';
import { findNearCopies } from '../../../../src/core/similarity/findNearCopies';
import type { NearCopyDoc } from '../../../../src/core/similarity/nearCopyTypes';
import { copyCorpus } from './copyCorpus';
import { scoreCopyRule } from './scoreCopyRule';

const OPTIONS = { threshold: 0.8, minChars: 20, boilerplateManagers: 3 };

describe.each([
  ['the phrasing the rule was built on', 'built-on', [20, 21, 22, 23]],
  ['held-out phrasing (other templates, other seeds)', 'held-out', [40, 41, 42, 43]],
] as const)('findCopies on generated districts (issue 20), %s', (_name, variant, seeds) => {
  // Four districts: honest templated writers with their facts changed, one-edit copies, rings.
  const corpora = seeds.map((seed) => copyCorpus(seed, variant));
  const sum = (rule: 'old' | 'new') => {
    const scores = corpora.map((c) => scoreCopyRule(c, rule === 'old' ? findNearCopies(c.entries, OPTIONS) : findCopies(c.entries, OPTIONS).pairs));
    const total = (key: 'honest' | 'honestAccused' | 'templated' | 'templatedAccused' | 'copies' | 'copiesCaught' | 'rings' | 'ringsCaught') =>
      scores.reduce((n, s) => n + s[key], 0);
    return { total, scores };
  };
  const old = sum('old');
  const neu = sum('new');

  it('accuses none of the honest entries, templated ones included, that Jaccard alone accuses', () => {
    // The old rule accuses many entries written from a shared template with one fact changed.
    expect(old.total('templatedAccused')).toBeGreaterThan(old.total('templated') / 10);
    expect(neu.total('honestAccused')).toBe(0);
  });

  it('catches at least 95 % of one-edit copies, more than Jaccard alone', () => {
    expect(neu.total('copiesCaught') / neu.total('copies')).toBeGreaterThanOrEqual(0.95);
    expect(neu.total('copiesCaught')).toBeGreaterThan(old.total('copiesCaught'));
  });

  it('catches copy rings of three and four managers', () => {
    expect(neu.total('ringsCaught')).toBeGreaterThanOrEqual(neu.total('rings') - 1);
    // Every ring of three.
    for (const [k, corpus] of corpora.entries()) {
      const small = corpus.entries.filter((e) => e.ring !== undefined && e.ring < 4);
      expect(small.length).toBeGreaterThan(0);
      const pairs = findCopies(corpus.entries, OPTIONS).pairs;
      for (const member of small.filter((e) => e.sourceId !== undefined)) {
        const ring = small.filter((e) => e.ring === member.ring && e.id !== member.id).map((e) => e.id);
        expect(pairs.some((p) => (p.aId === member.id && ring.includes(p.bId)) || (p.bId === member.id && ring.includes(p.aId))), `seed ${seeds[k]} ring ${member.ring}`).toBe(true);
      }
    }
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

  it('does not accuse honest fillings of a template that coincide in one fact, but catches a copy sharing two', () => {
    const visit = (shop: string, brand: string, n: number) => `对${shop}进行回访，了解${brand}的销售情况，本周订货${n}条，指导客户合理订货，做好卷烟陈列，提升终端形象。`;
    const docs = [
      // District phrasing: five managers fill the template with their own shops and counts.
      doc(1, 'A', '2026-10-02', visit('城东鑫源便利店', '利群', 12)),
      doc(2, 'B', '2026-10-03', visit('河滨恒满超市', '利群', 47)),
      doc(3, 'C', '2026-09-20', visit('人民兴隆商行', '玉溪', 33), true),
      doc(4, 'D', '2026-09-21', visit('光明福旺食杂店', '中华', 21), true),
      doc(5, 'E', '2026-10-04', visit('红星嘉和烟酒店', '南京', 8)),
      // F copies B's entry, changing one word of the template.
      doc(6, 'F', '2026-10-06', visit('河滨恒满超市', '利群', 47).replace('做好', '搞好')),
    ];
    const pairs = findCopies(docs, OPTIONS).pairs.map((p) => [p.aId, p.bId]);
    // 1–2 share the brand only (one fact); 2–6 share the shop, the brand and the count.
    expect(pairs).toEqual([[2, 6]]);
  });

  it('does not take one writer naming another brand at the same shop for a short self copy, but a repeat word for word', () => {
    const docs = [
      doc(1, 'A', '2026-10-02', '胜利叶盛烟酒店店主反映云烟断货，已登记需求。'),
      doc(2, 'A', '2026-10-09', '胜利叶盛烟酒店店主反映贵烟断货，已登记需求。'),
      doc(3, 'A', '2026-10-20', '胜利叶盛烟酒店店主反映贵烟断货！已登记需求'),
    ];
    expect(findCopies(docs, OPTIONS).pairs.map((p) => [p.aId, p.bId, p.basis])).toEqual([[2, 3, 'short']]);
  });

  it('catches a short entry copied with one character changed, which Jaccard misses', () => {
    const docs = [doc(1, 'A', '2026-10-02', '河滨恒满便利店本周订货72条，玉溪走势较好。'), doc(2, 'B', '2026-10-05', '河滨恒满便利店本月订货72条，玉溪走势较好。')];
    expect(findNearCopies(docs, OPTIONS)).toEqual([]);
    expect(findCopies(docs, OPTIONS).pairs.map((p) => [p.aId, p.bId, p.basis])).toEqual([[1, 2, 'short']]);
  });
});
