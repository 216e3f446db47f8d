/**
 * A number as a person would have typed it: integers without ".0" or exponent
 * (370902110001, not 3.70902110001e11), other numbers in their shortest exact form.
 */
export function numberToText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}
