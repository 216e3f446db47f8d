import type { CsvDelimiter } from '../spreadsheetSource';

const CANDIDATES: readonly CsvDelimiter[] = [',', '\t', ';'];
const SAMPLE_LINES = 50;

/**
 * Picks the delimiter that splits the sample's lines most consistently. Title lines
 * above the header and thousands separators inside unquoted numbers make raw counts
 * unreliable, so the score is how many lines share the most common non-zero count.
 * Quoted text is ignored. Defaults to comma.
 */
export function detectDelimiter(sample: string): CsvDelimiter {
  const lines = splitLinesOutsideQuotes(sample).slice(0, SAMPLE_LINES).filter((line) => line.trim() !== '');
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  let bestWidth = 0;
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter)).filter((count) => count > 0);
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let score = 0;
    let width = 0;
    for (const [count, lineCount] of frequency) {
      if (lineCount > score || (lineCount === score && count > width)) {
        score = lineCount;
        width = count;
      }
    }
    if (score > bestScore || (score === bestScore && score > 0 && width > bestWidth)) {
      best = delimiter;
      bestScore = score;
      bestWidth = width;
    }
  }
  return best;
}

function splitLinesOutsideQuotes(text: string): string[] {
  const lines: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === '\n' && !inQuotes) {
      lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const char of line) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === delimiter && !inQuotes) count++;
  }
  return count;
}
