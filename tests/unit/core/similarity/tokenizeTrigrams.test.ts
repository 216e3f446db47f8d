import { describe, expect, it } from 'vitest';
import { tokenizeTrigrams } from '../../../../src/core/similarity/tokenizeTrigrams';
import { trigramSet } from '../../../../src/core/similarity/trigramSet';

describe('tokenizeTrigrams', () => {
  it('ranks tokens by document frequency, rarest first, ties by first sight', () => {
    const docs = ['甲乙丙丁戊', '乙丙丁戊己', '丙丁戊己庚', '甲乙丙丁戊'].map((text, id) => ({ id, text }));
    const texts = tokenizeTrigrams(docs, 3);
    // 3-grams in first sight order: 甲乙丙 (2 texts), 乙丙丁 (3), 丙丁戊 (4), 丁戊己 (2), 戊己庚 (1).
    // By (frequency, first sight): 戊己庚 0, 甲乙丙 1, 丁戊己 2, 乙丙丁 3, 丙丁戊 4.
    expect(texts.map((t) => [t.id, [...t.tokens]])).toEqual([
      [0, [1, 3, 4]],
      [1, [2, 3, 4]],
      [2, [0, 2, 4]],
      [3, [1, 3, 4]],
    ]);
  });

  it('gives each text as many tokens as trigramSet has 3-grams, ignored characters and surrogates included', () => {
    const texts = [
      'ＡＢＣ，abc。 走访\u{20000}客户！',
      // Lone surrogates that come together once the comma between them is dropped.
      '甲乙\uD840，\uDC00丙丁',
      '甲乙\uD840\uDC00丙丁\uDC00',
      '  今天， 拜访 了 三户 。',
    ];
    const tokenized = tokenizeTrigrams(
      texts.map((text, id) => ({ id, text })),
      3,
    );
    expect(tokenized.map((t) => t.tokens.length)).toEqual(texts.map((text) => trigramSet(text).size));
    // The same 3-grams get the same token: the two texts with a joined surrogate pair share theirs.
    const [, joined, paired] = tokenized;
    expect([...joined!.tokens].filter((token) => paired!.tokens.includes(token))).toHaveLength(trigramSet(texts[1]!).size);
  });
});
