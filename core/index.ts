// The public API of Tandem's core (DESIGN.md section 5). Instants are epoch milliseconds everywhere.
export * from './engagement/index.ts';
export {
  compileCalendar, CalendarError, parseClock, isValidTimeZone, holidaysFromIcs,
  type BusinessCalendar, type CalendarSpec, type Interval, type FieldPath, type IcsHoliday,
} from './calendar/index.ts';
