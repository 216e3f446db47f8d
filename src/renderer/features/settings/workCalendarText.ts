import type { Shape } from '../../i18n/shape';

/** The workCalendar screen's text (Chinese); merged into the app's resources under 'workCalendar'. */
export const workCalendarTextZh = {
  title: '工作日历',
};

export const workCalendarTextEn: Shape<typeof workCalendarTextZh> = {
  title: 'Work calendar',
};
