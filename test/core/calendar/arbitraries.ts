// Random calendars for the property tests, built around each zone's real UTC-offset transitions so that DST gaps,
// overlaps and odd offsets (+05:45, +12:45, 30-minute DST) are hit often.
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type { CalendarSpec, Interval, Weekday } from '../../../core/calendar/index.ts';

export const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Asia/Tokyo',
  'America/Los_Angeles',
  'America/Havana', // DST at midnight
  'Europe/Dublin', // "negative" DST in tzdata
  'Antarctica/Troll', // two-hour DST jump
  'America/Santiago',
  'Pacific/Apia', // skipped 2011-12-30 entirely
  'Asia/Kolkata',
] as const;

export const DEEP = process.env.TANDEM_DEEP === '1';
/**
 * Runs for a property: the CI count, or `deep` times it under TANDEM_DEEP=1. The walk-heavy comparisons (each
 * brute-force step is a Temporal conversion, ~20 µs) scale less than the cheap ones, so the deep run stays minutes.
 */
export const runs = (ci: number, deep = 10) => (DEEP ? ci * deep : ci);
/** Per-test timeout: vitest's default is too short for the deep run. */
export const TIMEOUT = DEEP ? 60 * 60_000 : 120_000;

const MINUTE = 60_000;
const transitionCache = new Map<string, number[]>();

/** Real offset transitions of a zone between 1985 and 2035 (or a few fixed instants for zones without any). */
export function transitionsOf(zone: string): number[] {
  let list = transitionCache.get(zone);
  if (list) return list;
  list = [];
  let z: Temporal.ZonedDateTime | null = Temporal.Instant.from('1985-01-01T00:00:00Z').toZonedDateTimeISO(zone);
  const end = Date.parse('2035-01-01T00:00:00Z');
  while ((z = z.getTimeZoneTransition('next')) !== null && z.epochMilliseconds < end) list.push(z.epochMilliseconds);
  if (list.length < 4) list.push(Date.parse('2026-03-08T12:00:00Z'), Date.parse('2026-11-01T12:00:00Z'), Date.parse('2011-12-30T12:00:00Z'));
  transitionCache.set(zone, list);
  return list;
}

// Wall times near which DST transitions happen (00:00 to 03:00) are overweighted.
const clockMinute = fc.oneof(
  fc.integer({ min: 0, max: 1440 }),
  fc.constantFrom(0, 15, 30, 45, 60, 90, 105, 120, 135, 150, 165, 180, 210, 240, 1410, 1425, 1440),
);

function clockText(secs: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const base = `${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}`;
  return secs % 60 === 0 ? base : `${base}:${pad(secs % 60)}`;
}

/** 1 to `max` sorted, non-overlapping intervals (touching allowed), minute precision unless `seconds`. */
export function dayIntervals(max: number, seconds = false): fc.Arbitrary<Interval[]> {
  const jitter = seconds ? fc.integer({ min: 0, max: 59 }) : fc.constant(0);
  return fc
    .uniqueArray(clockMinute, { minLength: 2, maxLength: 2 * max })
    .chain((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      if (sorted.length % 2 === 1) sorted.pop();
      return fc.array(jitter, { minLength: sorted.length, maxLength: sorted.length }).map((ss) => {
        const out: Interval[] = [];
        for (let i = 0; i < sorted.length; i += 2) {
          // Seconds move a start later and an end earlier, so order and non-overlap still hold.
          const start = sorted[i]! * 60 + ss[i]!;
          const end = sorted[i + 1]! * 60 - ss[i + 1]!;
          if (start < end) out.push([clockText(start), clockText(end)]);
        }
        return out;
      });
    });
}

export interface Case {
  spec: CalendarSpec;
  /** A step-aligned instant near one of the zone's transitions. */
  anchor: number;
}

function dateNear(anchor: number, zone: string, offsetDays: number): string {
  return Temporal.Instant.fromEpochMilliseconds(anchor).toZonedDateTimeISO(zone).toPlainDate().add({ days: offsetDays }).toString();
}

/** A random calendar in a random zone, with holidays, overrides and closures within a few days of the anchor. */
export function calendarCase(opts: { seconds?: boolean; zones?: readonly string[] } = {}): fc.Arbitrary<Case> {
  const zones = opts.zones ?? ZONES;
  const seconds = opts.seconds ?? false;
  const day = dayIntervals(3, seconds);
  const weekly = fc
    .record(
      Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Weekday[]).map((d) => [d, fc.option(day, { freq: 4, nil: undefined })])),
    )
    .filter((h) => Object.values(h).some((v) => v !== undefined && v.length > 0)) as fc.Arbitrary<Partial<Record<Weekday, Interval[]>>>;
  const hours = fc.oneof({ weight: 9, arbitrary: weekly }, { weight: 1, arbitrary: fc.constant('24x7' as const) });
  return fc
    .record({
      zone: fc.constantFrom(...zones),
      pick: fc.nat(),
      shift: fc.integer({ min: -36 * 60, max: 36 * 60 }),
      hours,
      holidays: fc.uniqueArray(fc.integer({ min: -4, max: 6 }), { maxLength: 2 }),
      overrides: fc.array(fc.tuple(fc.integer({ min: -4, max: 6 }), fc.oneof(fc.constant([] as Interval[]), dayIntervals(2, seconds))), { maxLength: 2 }),
      closures: fc.array(fc.tuple(fc.integer({ min: -4, max: 6 }), dayIntervals(2, seconds)), { maxLength: 2 }),
    })
    .map(({ zone, pick, shift, hours, holidays, overrides, closures }) => {
      const list = transitionsOf(zone);
      const transition = list[pick % list.length]!;
      const anchor = Math.floor(transition / MINUTE) * MINUTE + shift * MINUTE;
      const spec: CalendarSpec = { timeZone: zone, hours };
      if (holidays.length > 0) spec.holidays = holidays.map((o, i) => (i % 2 ? { date: dateNear(anchor, zone, o), name: 'h' } : dateNear(anchor, zone, o)));
      if (overrides.length > 0) spec.overrides = Object.fromEntries(overrides.map(([o, iv]) => [dateNear(anchor, zone, o), iv]));
      if (closures.length > 0) spec.closures = Object.fromEntries(closures.map(([o, iv]) => [dateNear(anchor, zone, o), iv]));
      return { spec, anchor };
    });
}

/** Nominal open minutes in a week, to keep brute-force walks about a week long at most. */
export function weeklyMinutes(spec: CalendarSpec): number {
  if (spec.hours === '24x7') return 7 * 1440;
  let sum = 0;
  for (const list of Object.values(spec.hours)) {
    for (const [s, e] of list ?? []) sum += minutesOf(e) - minutesOf(s);
  }
  return Math.max(1, Math.floor(sum));
}

function minutesOf(clock: string): number {
  const [h, m, s] = clock.split(':').map(Number);
  return h! * 60 + m! + (s ?? 0) / 60;
}

/** A whole number of minutes: often 0 or small, at most `cap` and at most a week of this calendar's hours. */
export function amountFor(spec: CalendarSpec, frac: number, cap = 600): number {
  return Math.floor(frac * Math.min(cap, weeklyMinutes(spec)));
}

export const fraction = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 0.1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
