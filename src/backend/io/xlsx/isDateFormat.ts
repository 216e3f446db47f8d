/**
 * Built-in number formats that display dates or times. 27–36 and 50–58 are the East
 * Asian built-ins (yyyy"年"m"月"d"日", h"时"mm"分" …) that Chinese Excel and WPS use.
 */
const BUILT_IN_DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

export function isBuiltInDateFormat(numFmtId: number): boolean {
  return BUILT_IN_DATE_FORMAT_IDS.has(numFmtId);
}

const QUOTED_LITERAL = /"[^"]*"/g;
const ESCAPED_OR_PADDED_CHARACTER = /[\\_*]./g;
const ELAPSED_TIME = /\[(?:h+|m+|s+)\]/i;
const BRACKETED = /\[[^\]]*\]/g;
const DATE_OR_TIME_TOKEN = /[ymdhse]/i;

/** Whether a custom format code shows a date or a time, as Excel decides it. */
export function isDateFormatCode(formatCode: string): boolean {
  const firstSection = formatCode.replace(QUOTED_LITERAL, '').replace(ESCAPED_OR_PADDED_CHARACTER, '').split(';')[0] ?? '';
  if (ELAPSED_TIME.test(firstSection)) return true;
  // Colour, condition and locale brackets ([Red], [>100], [$-804], [DBNum1]) say nothing about dates.
  const bare = firstSection.replace(BRACKETED, '');
  if (/general/i.test(bare)) return false;
  // "E+" is scientific notation, not the era year "e".
  return DATE_OR_TIME_TOKEN.test(bare.replace(/E[+-]/gi, ''));
}
