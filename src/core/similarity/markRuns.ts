export type RunMark = 'copied' | 'boilerplate' | null;

export interface MarkedRun {
  text: string;
  /** 'copied': specific content the other text shares; 'boilerplate': district phrasing (greyed). */
  mark: RunMark;
}

/**
 * Cuts a text into runs for showing a copy: boilerplate ranges are greyed whatever else they are,
 * the copied ranges outside them are highlighted, the rest is plain. Ranges are half-open UTF-16
 * indices (copiedSpans, NearCopyRecord's boilerplate ranges); unsorted, overlapping or out-of-range
 * ranges are fine.
 */
export function markRuns(text: string, copied: readonly (readonly [number, number])[], boilerplate: readonly (readonly [number, number])[] = []): MarkedRun[] {
  const marks: RunMark[] = new Array<RunMark>(text.length).fill(null);
  const paint = (ranges: readonly (readonly [number, number])[], mark: RunMark) => {
    for (const [start, end] of ranges) for (let i = Math.max(0, start); i < Math.min(end, text.length); i++) marks[i] = mark;
  };
  paint(copied, 'copied');
  paint(boilerplate, 'boilerplate');
  const runs: MarkedRun[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    // Never split a surrogate pair.
    if (i < text.length && (marks[i] === marks[from] || isLowSurrogate(text.charCodeAt(i)))) continue;
    runs.push({ text: text.slice(from, i), mark: marks[from] ?? null });
    from = i;
  }
  return runs;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
