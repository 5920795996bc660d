// Wall-clock conversions for on-call and escalation: schedules keep local handoffs in their own zone, people
// read times in that zone. Everything else in core/escalation works on epoch ms.
import { Temporal } from 'temporal-polyfill';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const OFFSET = /(?:Z|[+-]\d{2}:\d{2})$/i;

/** Epoch ms of "YYYY-MM-DDTHH:MM[:SS]" local to `zone`, or of a date-time with Z or an offset; null if unreadable. */
export function parseInstant(text: string, zone: string): number | null {
  try {
    const iso = text.trim().replace(' ', 'T');
    if (OFFSET.test(iso)) return Temporal.Instant.from(iso).epochMilliseconds;
    return Temporal.PlainDateTime.from(iso).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
  } catch {
    return null;
  }
}

/** The wall clock at `at` in `zone`, as an epoch day (days since 1970-01-01 local) and seconds since midnight. */
export function localParts(at: number, zone: string): { day: number; seconds: number; weekday: number } {
  const z = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  const day = Math.floor(Date.UTC(z.year, z.month - 1, z.day) / DAY_MS);
  return { day, seconds: z.hour * 3600 + z.minute * 60 + z.second, weekday: weekdayOfDay(day) };
}

/** 0 = Monday … 6 = Sunday, for an epoch day (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * The instant of local date `day` (epoch day) at `seconds` past midnight in `zone`. A wall time skipped by a DST
 * change moves forward by the gap and a repeated one takes the earlier instant (Temporal's "compatible"), the
 * same rule the calendars follow (DESIGN 6.2). 86400 seconds is the next midnight.
 */
export function localToInstant(day: number, seconds: number, zone: string): number {
  const d = new Date((day + Math.floor(seconds / 86400)) * DAY_MS);
  const s = seconds % 86400;
  return new Temporal.PlainDateTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60)
    .toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** A local date-time text (or one with an offset) as an epoch day and seconds in `zone`; null if unreadable. */
export function parseLocal(text: string, zone: string): { day: number; seconds: number } | null {
  const iso = text.trim().replace(' ', 'T');
  try {
    if (OFFSET.test(iso)) {
      const { day, seconds } = localParts(Temporal.Instant.from(iso).epochMilliseconds, zone);
      return { day, seconds };
    }
    const p = Temporal.PlainDateTime.from(iso);
    return { day: Math.floor(Date.UTC(p.year, p.month - 1, p.day) / DAY_MS), seconds: p.hour * 3600 + p.minute * 60 + p.second };
  } catch {
    return null;
  }
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const abbreviations = new Map<string, Intl.DateTimeFormat>();

/** "Sat 2026-11-28 02:45 EST": what a person reads, in the zone the schedule or engagement lives in. */
export function formatLocal(at: number, zone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${z.year}-${pad(z.month)}-${pad(z.day)}`;
  return `${WEEKDAY_NAMES[z.dayOfWeek - 1]} ${date} ${pad(z.hour)}:${pad(z.minute)} ${zoneAbbreviation(at, zone, z.offset)}`;
}

function zoneAbbreviation(at: number, zone: string, offset: string): string {
  let f = abbreviations.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    } catch {
      return offset;
    }
    abbreviations.set(zone, f);
  }
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  // Intl falls back to "GMT+5:45" where no abbreviation exists; the ISO offset reads better then.
  return name && !/^GMT[+-]/.test(name) ? name : offset;
}

/** "45 min", "2 h 30 min", "3 d 4 h": a duration as a technician says it. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE_MS);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m || (!d && !h) ? `${m} min` : ''].filter(Boolean);
  return parts.join(' ');
}
