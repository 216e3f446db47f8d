import { findNearCopies } from '../../src/core/similarity/findNearCopies';
import type { NearCopyPair } from '../../src/core/similarity/nearCopyTypes';
import { pairwiseNearCopies } from '../../src/core/similarity/pairwiseNearCopies';
import { journalCorpus } from '../../tests/unit/core/similarity/journalTexts';
import { numberParam, startClock, type TaskParams, type TaskResult } from '../childProtocol';

/** The evaluation's near-copy settings (默认方案). */
const OPTIONS = { threshold: 0.8, minChars: 20 };

function corpus(params: TaskParams) {
  return journalCorpus(numberParam(params, 'docs'), numberParam(params, 'seed'), numberParam(params, 'copyShare'));
}

/** findNearCopies over the whole corpus of journal entries with planted near-copies. */
export async function nearCopyTask(params: TaskParams): Promise<TaskResult> {
  const { docs, planted } = corpus(params);
  const clock = startClock();
  const pairs = findNearCopies(docs, OPTIONS);
  const seconds = clock.seconds();
  const cpuSeconds = clock.cpuSeconds();
  const found = new Set(pairs.map((p) => `${p.aId}-${p.bId}`));
  const plantedFound = planted.filter(([a, b]) => found.has(`${Math.min(a, b)}-${Math.max(a, b)}`)).length;
  return { seconds, cpuSeconds, docs: docs.length, pairs: pairs.length, planted: planted.length, plantedFound };
}

function samePairs(x: NearCopyPair[], y: NearCopyPair[]): boolean {
  return x.length === y.length && x.every((p, i) => p.aId === y[i]?.aId && p.bId === y[i]?.bId && p.similarity === y[i]?.similarity);
}

/**
 * The exhaustive baseline, pairwiseNearCopies, on the first `sample` entries of the same corpus,
 * and (untimed) findNearCopies on that sample: both must return the very same pairs.
 */
export async function pairwiseSampleTask(params: TaskParams): Promise<TaskResult> {
  const docs = corpus(params).docs.slice(0, numberParam(params, 'sample'));
  const clock = startClock();
  const exhaustive = pairwiseNearCopies(docs, OPTIONS);
  const seconds = clock.seconds();
  const cpuSeconds = clock.cpuSeconds();
  const fast = findNearCopies(docs, OPTIONS);
  return { seconds, cpuSeconds, docs: docs.length, pairs: exhaustive.length, fastPairs: fast.length, identical: samePairs(exhaustive, fast) };
}
