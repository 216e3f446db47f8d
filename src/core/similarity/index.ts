export { normalizeForSimilarity } from './normalizeForSimilarity';
export { trigramSet } from './trigramSet';
export { jaccard } from './jaccard';
export { findNearCopies } from './findNearCopies';
export { pairwiseNearCopies } from './pairwiseNearCopies';
export { copiedSpans, type CopiedSpans } from './copiedSpans';
export type { NearCopyDoc, NearCopyPair, NearCopyOptions } from './nearCopyTypes';
