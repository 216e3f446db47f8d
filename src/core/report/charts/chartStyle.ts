/** Fonts that exist on Chinese Windows and on Linux with Noto CJK, so the same option renders in both. */
export const CHART_FONT_FAMILY = 'Microsoft YaHei, SimSun, Noto Sans CJK SC, sans-serif';

export const CHART_TEXT_STYLE = { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: '#333333' };

/** From green for the best grade towards red, which always marks the worst, so a failing manager stands out. */
const GRADE_PALETTE = ['#2f7d32', '#1f5fa8', '#c98a00', '#c62828'];
export const NO_GRADE_COLOR = '#9e9e9e';
export const MANAGER_COLOR = '#1f5fa8';
export const DISTRICT_COLOR = '#9e9e9e';

/** The colour of the i-th grade of a scheme (best first); the last grade is always red. */
export function gradeColor(index: number, gradeCount: number): string {
  if (index < 0) return NO_GRADE_COLOR;
  if (index === gradeCount - 1) return GRADE_PALETTE[GRADE_PALETTE.length - 1] ?? NO_GRADE_COLOR;
  return GRADE_PALETTE[Math.min(index, GRADE_PALETTE.length - 2)] ?? NO_GRADE_COLOR;
}
