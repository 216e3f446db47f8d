const DEFAULT_DEPARTMENT = '营销部';

/** The roster's department when every manager that names one names the same, else 营销部. */
export function departmentName(departments: readonly (string | null)[]): string {
  const named = new Set(departments.map((d) => (d ?? '').trim()).filter((d) => d !== ''));
  const [only] = named;
  return named.size === 1 && only !== undefined ? only : DEFAULT_DEPARTMENT;
}
