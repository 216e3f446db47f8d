import DiffMatchPatch from 'diff-match-patch';

/** Shared runs shorter than this are common phrases, not evidence of copying. */
const MIN_SPAN_CHARS = 4;

export interface CopiedSpans {
  /** Half-open [start, end) ranges of UTF-16 indices into the original `a`, ascending. */
  aSpans: [number, number][];
  bSpans: [number, number][];
}

/**
 * The stretches of two texts that are shared, for highlighting them side by side.
 * The diff runs on the texts with whitespace and punctuation removed (as the near-copy
 * measure sees them), so a copy with changed punctuation still shows as one block; each
 * span is then mapped back to the original characters and covers any punctuation inside it.
 */
export function copiedSpans(a: string, b: string): CopiedSpans {
  const left = normalizeWithOrigins(a);
  const right = normalizeWithOrigins(b);
  const dmp = new DiffMatchPatch();
  // No deadline: the diff must not depend on how fast the machine is.
  dmp.Diff_Timeout = 0;
  const diffs = dmp.diff_main(left.text, right.text, false);
  dmp.diff_cleanupSemantic(diffs);

  const aSpans: [number, number][] = [];
  const bSpans: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const [op, segment] of diffs) {
    const length = segment.length;
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      if (Array.from(segment).length >= MIN_SPAN_CHARS) {
        aSpans.push(left.originalRange(i, i + length));
        bSpans.push(right.originalRange(j, j + length));
      }
      i += length;
      j += length;
    } else if (op === DiffMatchPatch.DIFF_DELETE) {
      i += length;
    } else {
      j += length;
    }
  }
  return { aSpans: outsideNumbers(a, aSpans), bSpans: outsideNumbers(b, bSpans) };
}

/** A number with its decimal point and sign: "3.7", "-12", "61.1". */
const NUMBER = /[-+]?\d+(?:[.,．]\d+)*/gu;

/**
 * Spans that neither start nor end inside a number: "13.7%" against "3.7%" shares "3.7", which is
 * a different number, not copied text ("1|3.7%"). A span end inside a number moves back to the
 * number's start, a span start inside one moves on to its end; spans left empty go.
 */
function outsideNumbers(text: string, spans: [number, number][]): [number, number][] {
  const numbers = [...text.matchAll(NUMBER)].map((m) => [m.index, m.index + m[0].length] as const);
  const inside = (at: number) => numbers.find(([start, end]) => at > start && at < end);
  const result: [number, number][] = [];
  for (const [spanStart, spanEnd] of spans) {
    const startIn = inside(spanStart);
    const endIn = inside(spanEnd);
    const start = startIn ? startIn[1] : spanStart;
    const end = endIn ? endIn[0] : spanEnd;
    if (end > start) result.push([start, end]);
  }
  return result;
}

const IGNORED = /[\s\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]/gu;

interface NormalizedWithOrigins {
  text: string;
  originalRange(start: number, end: number): [number, number];
}

/**
 * Folds like normalizeForSimilarity, one code point at a time so that every unit of the
 * folded text remembers the original range it came from.
 */
function normalizeWithOrigins(original: string): NormalizedWithOrigins {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const char of original) {
    const folded = char.normalize('NFKC').toLowerCase().replace(IGNORED, '');
    for (let k = 0; k < folded.length; k++) {
      from.push(offset);
      to.push(offset + char.length);
    }
    text += folded;
    offset += char.length;
  }
  return {
    text,
    originalRange: (start, end) => [from[start] ?? offset, to[end - 1] ?? offset],
  };
}

/**
 * The stretches of `original` whose characters a code-point mask of its normalised form marks
 * (findCopies' boilerplateMask), as half-open UTF-16 ranges; punctuation between two marked
 * characters joins them. Empty when there is no mask or it does not fit the text.
 */
export function boilerplateRanges(original: string, mask: readonly boolean[] | null): [number, number][] {
  if (!mask) return [];
  const folded = normalizeWithOrigins(original);
  const length = Array.from(folded.text).length;
  if (length !== mask.length || folded.text.length !== mask.length) return [];
  const ranges: [number, number][] = [];
  let start = -1;
  for (let k = 0; k <= mask.length; k++) {
    if (k < mask.length && mask[k]) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      const [from, to] = folded.originalRange(start, k);
      const last = ranges.at(-1);
      if (last && /^[\s\p{P}\p{S}\p{Z}]*$/u.test(original.slice(last[1], from))) last[1] = to;
      else ranges.push([from, to]);
      start = -1;
    }
  }
  return ranges;
}
