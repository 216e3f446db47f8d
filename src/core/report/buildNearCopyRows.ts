import { copiedSpans } from '../similarity/copiedSpans';
import { markRuns } from '../similarity/markRuns';
import { copyPair } from './evidenceLines';
import type { ReportContext } from './reportContext';
import type { CopySide, NearCopyRow } from './reportModel';

/**
 * Every near-copy pair of the month, the most similar first, each text cut into runs as 日志对照
 * shows them: the district's boilerplate greyed, the shared specific content highlighted.
 */
export function buildNearCopyRows(ctx: ReportContext): NearCopyRow[] {
  return [...ctx.input.evaluation.nearCopyPairs]
    .sort((a, b) => b.similarity - a.similarity || a.aId - b.aId || a.bId - b.bId)
    .map((pair) => {
      const line = copyPair(pair, pair.kind, ctx.lookup, ctx.nameOf, { a: pair.aManager, b: pair.bManager });
      const firstIsA = line.firstId === pair.aId;
      const greyFirst = (firstIsA ? pair.aBoilerplate : pair.bBoilerplate) ?? [];
      const greySecond = (firstIsA ? pair.bBoilerplate : pair.aBoilerplate) ?? [];
      const ownText = (side: CopySide, id: number | undefined) => ctx.lookup({ kind: pair.kind, id: id ?? -1 })?.text ?? side.text;
      const firstText = ownText(line.first, line.firstId);
      const secondText = ownText(line.second, line.secondId);
      const spans = copiedSpans(firstText, secondText);
      // The runs cover the entry's own words; a supervisor's comment after them stays plain.
      const runs = (side: CopySide, text: string, copied: [number, number][], grey: [number, number][]) => {
        const marked = markRuns(text, copied, grey);
        return side.text.length > text.length && side.text.startsWith(text) ? [...marked, { text: side.text.slice(text.length), mark: null }] : marked;
      };
      return {
        kind: pair.kind === 'reports' ? '月报' : '日志',
        relation: pair.self ? '本人' : '他人',
        similarity: pair.similarity,
        first: { ...line.first, runs: runs(line.first, firstText, spans.aSpans, greyFirst) },
        second: { ...line.second, runs: runs(line.second, secondText, spans.bSpans, greySecond) },
      };
    });
}
