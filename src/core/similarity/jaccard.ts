/**
 * |a ∩ b| / |a ∪ b|. Two empty sets score 0, not 1: texts too short to have any 3-gram
 * must never be reported as copies of each other.
 */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return overlapToJaccard(shared, a.size, b.size);
}

/** Shared by the set and the integer-array paths so both give bit-identical values. */
export function overlapToJaccard(shared: number, sizeA: number, sizeB: number): number {
  const union = sizeA + sizeB - shared;
  return union === 0 ? 0 : shared / union;
}
