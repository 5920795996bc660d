import { CalendarError, type FieldPath } from './errors.ts';
import { DAY_SECONDS, parseClock, parseDateKey } from './clock.ts';
import { isValidTimeZone } from './zone.ts';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** Wall-clock ["HH:MM" | "HH:MM:SS", same]; the end may be "24:00". Half-open. */
export type Interval = [start: string, end: string];

export interface CalendarSpec {
  /** IANA id. */
  timeZone: string;
  /** Weekly wall-clock hours by local weekday, or '24x7': open at every instant (real time, 23 h and 25 h days). */
  hours: Partial<Record<Weekday, Interval[]>> | '24x7';
  /** Local dates ("YYYY-MM-DD"), closed at every instant of that local date; a holiday beats an override. */
  holidays?: Array<string | { date: string; name?: string }>;
  /** Local date → hours that replace that date's weekly hours ([] = closed). */
  overrides?: Record<string, Interval[]>;
  /** Local date → wall-clock ranges removed from business time. */
  closures?: Record<string, Interval[]>;
}

/** Weekday keys in the order used internally: index 0 is Monday, as in weekdayOf(). */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** A validated spec: seconds-of-day pairs flattened as [start0, end0, start1, end1, …], dates as epoch days. */
export interface NormalSpec {
  timeZone: string;
  allDay: boolean;
  weekly: number[][];
  holidays: Set<number>;
  overrides: Map<number, number[]>;
  closures: Map<number, number[]>;
}

export function normalizeSpec(spec: CalendarSpec): NormalSpec {
  if (!isObject(spec)) throw new CalendarError([], 'calendar spec must be an object');
  if (!isValidTimeZone(spec.timeZone)) {
    throw new CalendarError(['timeZone'], `unknown time zone ${JSON.stringify(spec.timeZone)}`);
  }
  const out: NormalSpec = {
    timeZone: spec.timeZone,
    allDay: spec.hours === '24x7',
    weekly: WEEKDAYS.map(() => []),
    holidays: new Set(),
    overrides: new Map(),
    closures: new Map(),
  };
  if (!out.allDay) {
    const hours = spec.hours;
    if (!isObject(hours)) throw new CalendarError(['hours'], 'hours must be "24x7" or a map of weekdays to intervals');
    let any = false;
    for (const [key, list] of Object.entries(hours)) {
      const index = WEEKDAYS.indexOf(key as Weekday);
      if (index < 0) throw new CalendarError(['hours', key], `unknown weekday "${key}" (use ${WEEKDAYS.join(', ')})`);
      if (list === undefined) continue;
      const pairs = intervals(list, ['hours', key]);
      out.weekly[index] = pairs;
      any ||= pairs.length > 0;
    }
    // Without weekly hours there is no business time after the last override, so add() could never finish.
    if (!any) throw new CalendarError(['hours'], 'hours needs at least one interval (or "24x7")');
  }
  if (spec.holidays !== undefined) {
    if (!Array.isArray(spec.holidays)) throw new CalendarError(['holidays'], 'holidays must be a list of dates');
    spec.holidays.forEach((entry, i) => {
      const isText = typeof entry === 'string';
      const text = isText ? entry : isObject(entry) ? entry.date : undefined;
      const path: FieldPath = isText || !isObject(entry) ? ['holidays', i] : ['holidays', i, 'date'];
      const day = parseDateKey(text as string);
      if (day === null) throw new CalendarError(path, `holiday must be a date "YYYY-MM-DD", got ${JSON.stringify(text)}`);
      out.holidays.add(day);
    });
  }
  out.overrides = datedIntervals(spec.overrides, 'overrides');
  out.closures = datedIntervals(spec.closures, 'closures');
  return out;
}

function datedIntervals(map: Record<string, Interval[]> | undefined, field: string): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (map === undefined) return out;
  if (!isObject(map)) throw new CalendarError([field], `${field} must map dates ("YYYY-MM-DD") to interval lists`);
  for (const [key, list] of Object.entries(map)) {
    const day = parseDateKey(key);
    if (day === null) throw new CalendarError([field, key], `${field} key must be a date "YYYY-MM-DD", got "${key}"`);
    out.set(day, intervals(list, [field, key]));
  }
  return out;
}

function intervals(list: unknown, path: FieldPath): number[] {
  if (!Array.isArray(list)) throw new CalendarError(path, 'must be a list of ["HH:MM", "HH:MM"] intervals');
  const parsed = list.map((item, i) => {
    const at = [...path, i];
    if (!Array.isArray(item) || item.length !== 2) throw new CalendarError(at, 'interval must be ["HH:MM", "HH:MM"]');
    const start = clock(item[0], [...at, 0]);
    const end = clock(item[1], [...at, 1]);
    if (start === DAY_SECONDS) throw new CalendarError([...at, 0], 'an interval cannot start at 24:00');
    if (start >= end) {
      throw new CalendarError(at, `interval start ${item[0]} must be before its end ${item[1]} (write an overnight shift as two intervals)`);
    }
    return { start, end, index: i };
  });
  const sorted = [...parsed].sort((a, b) => a.start - b.start);
  const flat: number[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const cur = sorted[k]!;
    const prev = sorted[k - 1];
    if (prev !== undefined && cur.start < prev.end) {
      const later = Math.max(cur.index, prev.index);
      const other = Math.min(cur.index, prev.index);
      throw new CalendarError([...path, later], `interval overlaps interval ${other}`);
    }
    flat.push(cur.start, cur.end);
  }
  return flat;
}

function clock(text: unknown, path: FieldPath): number {
  const secs = parseClock(text as string);
  if (secs === null) throw new CalendarError(path, `time must be "HH:MM" or "HH:MM:SS" between 00:00 and 24:00, got ${JSON.stringify(text)}`);
  return secs;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
