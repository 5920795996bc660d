// Zones, overlapping ranges, and holiday lists that are about to run out.
import { Temporal } from 'temporal-polyfill';
import { expandWeekdays, parseInterval } from '../formats.ts';
import type { IntervalInput } from '../schema.ts';
import { didYouMean } from '../suggest.ts';
import type { Path } from '../types.ts';
import { type CheckContext, entries } from './context.ts';

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function checkZone(ctx: CheckContext, zone: string | undefined, path: Path): void {
  if (zone === undefined) return;
  let resolved: string | null = null;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    resolved = null;
  }
  if (resolved !== null && !/^[+-]\d/.test(zone) && (resolved === zone || resolved.toLowerCase() !== zone.toLowerCase())) {
    // EST, MST and friends are valid ids but never observe daylight saving: a trap for a site in New York.
    if (!zone.includes('/') && !/^(?:UTC|GMT|Etc\/.*)$/.test(zone)) {
      ctx.problems.warning('zone-fixed', `'${zone}' is a fixed-offset zone that never observes daylight saving; use a city zone such as America/New_York`, path);
    }
    return;
  }
  const hint = resolved ?? didYouMean(zone, ZONES);
  ctx.problems.error('zone', `'${zone}' is not an IANA time zone${hint ? `: did you mean '${hint}'?` : ' (e.g. America/New_York)'}`, path);
}

/** Today in the engagement's zone (UTC when its zone is unusable), for the date-relative warnings. */
export function localToday(ctx: CheckContext): Temporal.PlainDate {
  const instant = Temporal.Instant.fromEpochMilliseconds(ctx.now);
  try {
    return instant.toZonedDateTimeISO(ctx.file.engagement.timeZone).toPlainDate();
  } catch {
    return instant.toZonedDateTimeISO('UTC').toPlainDate();
  }
}

export function checkZones(ctx: CheckContext): void {
  const { file } = ctx;
  const effective = file.engagement?.effective;
  if (effective?.to !== undefined && effective.to < effective.from) {
    ctx.problems.error('effective-order', `the engagement ends (${effective.to}) before it starts (${effective.from})`, ['engagement', 'effective', 'to']);
  }
  checkZone(ctx, file.engagement.timeZone, ['engagement', 'timeZone']);
  for (const [id, p] of entries(file.parties)) checkZone(ctx, p.timeZone, ['parties', id, 'timeZone']);
  for (const [id, p] of entries(file.people)) checkZone(ctx, p.timeZone, ['people', id, 'timeZone']);
  for (const [id, c] of entries(file.calendars)) if (c !== '24x7') checkZone(ctx, c.timeZone, ['calendars', id, 'timeZone']);
  for (const [id, s] of entries(file.oncall)) checkZone(ctx, s.timeZone, ['oncall', id, 'timeZone']);
  file.helpdesks?.forEach((h, hi) => {
    for (const [field, sel] of entries(h.fields)) checkZone(ctx, sel?.timeZone, ['helpdesks', hi, 'fields', field, 'timeZone']);
    checkZone(ctx, h.export?.timeZone, ['helpdesks', hi, 'export', 'timeZone']);
  });
}

export function checkCalendars(ctx: CheckContext): void {
  const overlaps: Overlaps = new Map();
  for (const [id, c] of entries(ctx.file.calendars)) {
    if (c === '24x7') continue;
    const base: Path = ['calendars', id];
    if (c.hours !== '24x7') {
      const byDay = new Map<string, Array<{ value: IntervalInput; path: Path; label: string }>>();
      for (const [key, list] of entries(c.hours)) {
        const days = expandWeekdays(key) ?? [];
        list.forEach((value, i) => {
          for (const day of days) {
            const slot = byDay.get(day) ?? [];
            slot.push({ value, path: [...base, 'hours', key, i], label: day });
            byDay.set(day, slot);
          }
        });
      }
      for (const list of byDay.values()) collectOverlaps(overlaps, list);
    }
    for (const section of ['overrides', 'closures'] as const) {
      for (const [date, list] of entries(c[section])) {
        collectOverlaps(overlaps, list.map((value, i) => ({ value, path: [...base, section, date, i], label: date })));
      }
    }
    checkHolidays(ctx, c.holidays ?? [], base);
  }
  for (const { cur, prev, labels } of overlaps.values()) {
    ctx.problems.error(
      'overlap',
      `${cur.range.start}-${cur.range.end} overlaps ${prev.range.start}-${prev.range.end} on ${labels.join(', ')}: ranges of one day must not overlap`,
      cur.path,
    );
  }
}

type Range = { path: Path; label: string; range: { start: string; end: string } };
type Overlaps = Map<string, { cur: Range; prev: Range; labels: string[] }>;

// A range written under mon-fri overlaps on five days; it is one mistake, so the overlaps are gathered per pair of
// ranges and reported once, naming the days.
function collectOverlaps(found: Overlaps, list: Array<{ value: IntervalInput; path: Path; label: string }>): void {
  const parsed = list
    .map((entry) => ({ ...entry, range: parseInterval(entry.value) }))
    .filter((e): e is typeof e & { range: Exclude<typeof e.range, string> } => typeof e.range !== 'string')
    .sort((a, b) => a.range.startSeconds - b.range.startSeconds);
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1]!;
    const cur = parsed[i]!;
    if (cur.range.startSeconds >= prev.range.endSeconds) continue;
    const key = JSON.stringify([cur.path, prev.path]);
    const entry = found.get(key) ?? { cur, prev, labels: [] };
    entry.labels.push(cur.label);
    found.set(key, entry);
  }
}

function checkHolidays(ctx: CheckContext, holidays: Array<string | { date: string }>, base: Path): void {
  const dates = holidays.map((h) => (typeof h === 'string' ? h : h.date));
  const seen = new Map<string, number>();
  dates.forEach((d, i) => {
    if (seen.has(d)) ctx.problems.warning('holiday-duplicate', `${d} is listed twice`, [...base, 'holidays', i]);
    seen.set(d, i);
  });
  if (dates.length === 0) return;
  const last = dates.reduce((a, b) => (a > b ? a : b));
  const today = localToday(ctx);
  const horizon = today.add({ months: 12 });
  if (Temporal.PlainDate.compare(Temporal.PlainDate.from(last), horizon) < 0) {
    ctx.problems.warning(
      'holidays-ending',
      `holidays stop at ${last}: list them up to at least ${horizon.toString()} (tandem import-holidays reads an .ics file)`,
      [...base, 'holidays', seen.get(last)!],
    );
  }
}
