/**
 * One decimal, halves away from zero. Going through 15 significant digits first removes
 * binary artefacts: 1.45 × 10 is 14.499999999999998 in floating point, yet a supervisor
 * checking by hand expects 1.5, and 84.45 must become 84.5.
 */
export function round1(x: number): number {
  if (!Number.isFinite(x)) return x;
  const tenths = Number((Math.abs(x) * 10).toPrecision(15));
  const rounded = Math.round(tenths) / 10;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}
