import type { GradeBand } from './scheme';

/**
 * The label of the first band (highest first) whose minimum the total reaches; a total under
 * every minimum gets the lowest band. Null when there is no total or no band.
 */
export function gradeFor(total: number | null, grades: readonly GradeBand[]): string | null {
  if (total === null || grades.length === 0) return null;
  const band = grades.find((g) => total >= g.min) ?? grades[grades.length - 1];
  return band?.label ?? null;
}
