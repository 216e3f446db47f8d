export type { CalendarOverride } from './calendarOverride';
export { calendarCoverage } from './calendarCoverage';
export { isWorkday } from './isWorkday';
export { calendarDay, monthCalendar, type CalendarDay } from './monthCalendar';
export { SHIPPED_YEARS, type HolidayYear } from './shippedHolidays';
export { workdaysInMonth } from './workdaysInMonth';
