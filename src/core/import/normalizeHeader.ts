/** A header cell reduced to what matching compares, with its trailing unit kept apart. */
export interface HeaderParts {
  /** Normalised text without the trailing unit: "订购量（条）" → "订购量". */
  base: string;
  /** Normalised text of the trailing bracketed unit, or null: "订购量（条）" → "条". */
  unit: string | null;
  /** Normalised text including the unit: "订购量(条)". */
  full: string;
}

// \s covers U+3000 and U+FEFF (a BOM glued to the first header); zero-width characters it does not.
const INVISIBLE_OR_SPACE = /[\s\u200b-\u200d\u2060]+/g;
const DECORATION = /^\*+|[*:]+$/g;
const TRAILING_UNIT = /^(.+?)\(([^()]*)\)$/;

/**
 * NFKC (full-width → half-width, "（" → "("), all whitespace removed, lower-case,
 * a required-field star or trailing colon dropped.
 */
export function headerParts(text: string): HeaderParts {
  const full = text.normalize('NFKC').replace(INVISIBLE_OR_SPACE, '').toLowerCase().replace(DECORATION, '');
  const unitMatch = TRAILING_UNIT.exec(full);
  if (unitMatch === null) return { base: full, unit: null, full };
  return { base: unitMatch[1] ?? full, unit: unitMatch[2] || null, full };
}

/** The matching form of a header: "订购量(条)", "订购量（条）" and " 订购量 " all give "订购量". */
export function normalizeHeader(text: string): string {
  return headerParts(text).base;
}
