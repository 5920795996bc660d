import type { CalendarSpec, Interval, Weekday } from '../../../core/calendar/index.ts';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** Instants are written as ISO strings with offsets so every expectation reads as a local wall time. */
export const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad ISO ${iso}`);
  return t;
};
export const iso = (t: number): string => new Date(t).toISOString();

const ALL: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

export function everyDay(timeZone: string, intervals: Interval[], extra: Partial<CalendarSpec> = {}): CalendarSpec {
  return { timeZone, hours: Object.fromEntries(ALL.map((d) => [d, intervals])), ...extra };
}

export function weekdays(timeZone: string, intervals: Interval[], extra: Partial<CalendarSpec> = {}): CalendarSpec {
  return { timeZone, hours: Object.fromEntries(WEEKDAYS.map((d) => [d, intervals])), ...extra };
}
