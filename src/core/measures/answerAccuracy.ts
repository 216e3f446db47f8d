/** max(0, 1 − |answer − truth| / truth); when the truth is 0 only an answer of 0 is right. */
export function answerAccuracy(answer: number, truth: number): number {
  if (truth === 0) return answer === 0 ? 1 : 0;
  return Math.max(0, 1 - Math.abs(answer - truth) / Math.abs(truth));
}
