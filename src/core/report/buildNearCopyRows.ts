import { copyPair } from './evidenceLines';
import type { ReportContext } from './reportContext';
import type { NearCopyRow } from './reportModel';

/** Every near-copy pair of the month, the most similar first. */
export function buildNearCopyRows(ctx: ReportContext): NearCopyRow[] {
  return [...ctx.input.evaluation.nearCopyPairs]
    .sort((a, b) => b.similarity - a.similarity || a.aId - b.aId || a.bId - b.bId)
    .map((pair) => {
      const line = copyPair(pair, pair.kind, ctx.lookup, ctx.nameOf, { a: pair.aManager, b: pair.bManager });
      return {
        kind: pair.kind === 'reports' ? '月报' : '日志',
        relation: pair.self ? '本人' : '他人',
        similarity: pair.similarity,
        first: line.first,
        second: line.second,
      };
    });
}
