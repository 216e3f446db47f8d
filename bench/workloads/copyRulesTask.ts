import { findCopies } from '../../src/core/similarity/findCopies';
import { findNearCopies } from '../../src/core/similarity/findNearCopies';
import { journalCorpus } from '../../tests/unit/core/similarity/journalTexts';
import { copyCorpus, type CorpusVariant } from '../../tests/unit/core/similarity/copyCorpus';
import { scoreCopyRule, type CopyRuleScore } from '../../tests/unit/core/similarity/scoreCopyRule';
import { numberParam, startClock, type TaskParams, type TaskResult } from '../childProtocol';

/** The evaluation's settings (默认方案). */
const OPTIONS = { threshold: 0.8, minChars: 20, boilerplateManagers: 3 };

/** findCopies (the rule the evaluation uses) over the whole near-copy corpus, timed. */
export async function copyScanTask(params: TaskParams): Promise<TaskResult> {
  const { docs } = journalCorpus(numberParam(params, 'docs'), numberParam(params, 'seed'), numberParam(params, 'copyShare'));
  const clock = startClock();
  const findings = findCopies(docs, OPTIONS);
  return { seconds: clock.seconds(), cpuSeconds: clock.cpuSeconds(), docs: docs.length, pairs: findings.pairs.length };
}

function add(total: CopyRuleScore | null, score: CopyRuleScore): CopyRuleScore {
  if (!total) return structuredClone(score);
  for (const key of ['honest', 'honestAccused', 'templated', 'templatedAccused', 'copies', 'copiesCaught', 'shortCopies', 'shortCaught', 'rings', 'ringsCaught'] as const) {
    total[key] += score[key];
  }
  for (const [kind, value] of Object.entries(score.byEdit) as [keyof CopyRuleScore['byEdit'], { copies: number; caught: number }][]) {
    total.byEdit[kind].copies += value.copies;
    total.byEdit[kind].caught += value.caught;
  }
  return total;
}

/**
 * Honest entries accused and copies caught by the old rule (3-gram Jaccard ≥ 0.80 alone) and the
 * new one (findCopies) over `seeds` generated districts (copyCorpus: templated honest writers with
 * their facts changed, one-edit copies of every kind, copy rings) in the phrasing `heldOut` names,
 * summed. Untimed.
 */
export async function copyRulesTask(params: TaskParams): Promise<TaskResult> {
  const first = numberParam(params, 'firstSeed');
  const seeds = numberParam(params, 'seeds');
  // 0: the phrasing the rule was built on; 1: the held-out phrasing (other templates, other seeds).
  const variant: CorpusVariant = numberParam(params, 'heldOut') === 1 ? 'held-out' : 'built-on';
  let old: CopyRuleScore | null = null;
  let neu: CopyRuleScore | null = null;
  for (let seed = first; seed < first + seeds; seed++) {
    const corpus = copyCorpus(seed, variant);
    old = add(old, scoreCopyRule(corpus, findNearCopies(corpus.entries, OPTIONS)));
    neu = add(neu, scoreCopyRule(corpus, findCopies(corpus.entries, OPTIONS).pairs));
  }
  const flat = (prefix: string, s: CopyRuleScore): TaskResult => ({
    [`${prefix}Honest`]: s.honest,
    [`${prefix}HonestAccused`]: s.honestAccused,
    [`${prefix}Templated`]: s.templated,
    [`${prefix}TemplatedAccused`]: s.templatedAccused,
    [`${prefix}Copies`]: s.copies,
    [`${prefix}CopiesCaught`]: s.copiesCaught,
    [`${prefix}ShortCopies`]: s.shortCopies,
    [`${prefix}ShortCaught`]: s.shortCaught,
    [`${prefix}Rings`]: s.rings,
    [`${prefix}RingsCaught`]: s.ringsCaught,
    ...Object.fromEntries(Object.entries(s.byEdit).map(([kind, v]) => [`${prefix}Edit_${kind}`, `${v.caught}/${v.copies}`])),
  });
  return { seeds, ...flat('old', old!), ...flat('new', neu!) };
}
