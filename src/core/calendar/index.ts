export { calendarDay, monthCalendar, type CalendarDay } from './monthCalendar';
export { SHIPPED_YEARS } from './shippedHolidays';
export { workdaysInMonth } from './workdaysInMonth';
