/** East Asian wide and full-width characters: they take two columns of a fixed-pitch grid. */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Width of a line of text in Excel's column-width units, counting CJK characters double. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.length > 1 || WIDE.test(char) ? 2 : 1;
  return width;
}

/** Lines a text wraps to in a column `width` units wide. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((lines, paragraph) => lines + Math.max(1, Math.ceil(displayWidth(paragraph) / usable)), 0);
}
