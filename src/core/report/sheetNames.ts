/** Excel refuses these in sheet names. */
const ILLEGAL = /[[\]:*?/\\]/g;
const CONTROL = /\p{Cc}/gu;
export const MAX_SHEET_NAME = 31;

/** A name Excel accepts: illegal characters removed, no leading or trailing apostrophe, at most 31 characters. */
export function cleanSheetName(raw: string): string {
  return truncate(
    raw
      .replace(ILLEGAL, '')
      .replace(CONTROL, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim(),
    MAX_SHEET_NAME,
  );
}

/** '姓名 工号', shortening the name rather than the code, which is what tells two namesakes apart. */
export function managerSheetName(name: string, code: string): string {
  const cleanCode = cleanSheetName(code);
  const room = MAX_SHEET_NAME - cleanCode.length - 1;
  const cleanName = room > 0 ? truncate(cleanSheetName(name), room).trim() : '';
  return cleanSheetName([cleanName, cleanCode].filter((part) => part !== '').join(' ')) || '客户经理';
}

/**
 * Makes every name unique the way Excel compares them (ignoring case), against the names
 * already taken, by appending (2), (3)… inside the 31-character limit.
 */
export function uniqueSheetNames(names: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  // Excel reserves this name for its change history.
  used.add('history');
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = `(${n})`;
      candidate = truncate(name, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Cuts to `max` UTF-16 units (Excel's count) without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}
