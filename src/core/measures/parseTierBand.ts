/** "21-30", "21～30档", "21至30" → [21, 30]; "25" or "25档" → [25, 25]; anything else → null. */
export function parseTierBand(subject: string | null): [number, number] | null {
  const numbers = (subject ?? '').normalize('NFKC').match(/\d+/g)?.map(Number) ?? [];
  const [first, second] = numbers;
  if (first === undefined || numbers.length > 2) return null;
  return second === undefined ? [first, first] : [Math.min(first, second), Math.max(first, second)];
}
