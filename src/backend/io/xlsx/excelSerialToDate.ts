const DAY_MS = 86_400_000;
const EPOCH_1900_SYSTEM = Date.UTC(1899, 11, 30);
const EPOCH_1904_SYSTEM = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last day Excel can show. */
const LAST_SERIAL_1900_SYSTEM = 2_958_465;

/**
 * An Excel serial date as a UTC Date (time of day kept, to the millisecond); null when
 * the number cannot be a date Excel shows. Like Excel, serials before 1900-03-01
 * are one day off (Excel's fictitious 1900-02-29); a time-only value (serial < 1)
 * lands on 1899-12-30 (1904 system: 1904-01-01).
 */
export function excelSerialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  if (serial > (date1904 ? LAST_SERIAL_1900_SYSTEM - 1462 : LAST_SERIAL_1900_SYSTEM)) return null;
  const epoch = date1904 ? EPOCH_1904_SYSTEM : EPOCH_1900_SYSTEM;
  return new Date(epoch + Math.round(serial * DAY_MS));
}
