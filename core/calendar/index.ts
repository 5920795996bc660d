export { compileCalendar, type BusinessCalendar } from './compile.ts';
export { CalendarError, type FieldPath } from './errors.ts';
export { parseClock } from './clock.ts';
export { isValidTimeZone } from './zone.ts';
export type { CalendarSpec, Interval, Weekday } from './spec.ts';
export { holidaysFromIcs, type IcsHoliday } from './ics.ts';
