export type { CellValue, RawRow } from './cell';
export * from './enums';
export * from './kinds';
export * from './records';
export { normalizeHeader, headerParts, type HeaderParts } from './normalizeHeader';
export { repairMojibake } from './repairMojibake';
export { columnLetter } from './columnLetter';
export {
  detectHeader,
  rankKinds,
  HEADER_SCAN_ROWS,
  type DetectHeaderOptions,
  type HeaderColumn,
  type HeaderMatch,
  type KindCandidate,
  type MappedColumn,
  type UnmappedColumn,
} from './detectHeader';
export { fieldByKey, fieldForHeader } from './fieldLookup';
export type { ParseResult, ParseOptions } from './parseResult';
export { excelSerialToParts, type SerialParts } from './excelSerial';
export {
  parseDate,
  parseDateTime,
  parseDateTimeParts,
  parseTime,
  parseTimeText,
  type DateTimeParts,
} from './parseDateTime';
export { parseMonth, parsePeriod } from './parseMonth';
export { parseNumber, parseInteger, parseNumberWithUnit, tiaoPerUnit, type NumberWithUnit } from './parseNumber';
export { parseBool, makeBoolParser } from './parseBool';
export { makeEnumParser } from './parseEnum';
export { parseCode, LICENCE_DIGITS, type CodeOptions } from './parseCode';
export { parseText } from './parseText';
export { cellText } from './cellText';
export { makeValueParser, type ParsedValue, type ValueParser } from './parseValue';
export { makeRowParser, type RowError, type RowParseResult, type RowParser } from './makeRowParser';
export { naturalKey } from './naturalKey';
export { splitRoutes } from './buildRecord';
