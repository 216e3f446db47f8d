export interface TextSegment {
  text: string;
  copied: boolean;
}

/**
 * Cuts a text into plain and copied runs by half-open UTF-16 ranges (copiedSpans' output).
 * Overlapping or unsorted ranges are merged, out-of-range ends are clamped.
 */
export function textSegments(text: string, spans: readonly (readonly [number, number])[]): TextSegment[] {
  const sorted = spans
    .map(([s, e]) => [Math.max(0, Math.min(s, text.length)), Math.max(0, Math.min(e, text.length))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    const last = segments.at(-1);
    if (from > at) segments.push({ text: text.slice(at, from), copied: false });
    else if (last?.copied) {
      // Touching or overlapping ranges make one run, not two marks side by side.
      last.text += text.slice(from, end);
      at = end;
      continue;
    }
    segments.push({ text: text.slice(from, end), copied: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), copied: false });
  return segments;
}
