import { gradeColor } from '../../../core/report/charts/chartStyle';

/** A grade's colour as the report draws it: by its place among the scheme's grades (best first), the last one red. */
export function gradeColorOf(grade: string | null, grades: readonly string[]): string {
  return gradeColor(grade === null ? -1 : grades.indexOf(grade), grades.length);
}

/** The same colour, faint enough to lie under a table row's text. */
export function gradeTintOf(grade: string | null, grades: readonly string[]): string | undefined {
  if (grade === null || !grades.includes(grade)) return undefined;
  return `${gradeColorOf(grade, grades)}14`;
}
