import ICAL from 'ical.js';
import { CalendarError } from './errors.ts';
import { daysFromCivil, formatDateKey, parseDateKey } from './clock.ts';

export interface IcsHoliday {
  date: string;
  name: string;
}

// A runaway RRULE (FREQ=DAILY with no end, far range) must not hang an import.
const MAX_OCCURRENCES = 100_000;

/**
 * Holidays from an iCalendar file, for the local dates from..to (inclusive, "YYYY-MM-DD"). Only all-day events
 * count (timed events are meetings, not closures). DTEND is exclusive, so a multi-day event yields each of its
 * dates; RRULEs are expanded over the range (EXDATE and RECURRENCE-ID exceptions respected); an "observed" day is
 * just another event. Sorted by date; one entry per date, distinct names joined with " / ".
 */
export function holidaysFromIcs(icsText: string, range: { from: string; to: string }): IcsHoliday[] {
  const from = parseDateKey(range.from);
  const to = parseDateKey(range.to);
  if (from === null) throw new CalendarError(['from'], `from must be a date "YYYY-MM-DD", got ${JSON.stringify(range.from)}`);
  if (to === null) throw new CalendarError(['to'], `to must be a date "YYYY-MM-DD", got ${JSON.stringify(range.to)}`);
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(icsText) as any[]);
  } catch (err) {
    throw new CalendarError(['ics'], `not a valid iCalendar file: ${(err as Error).message}`);
  }
  const byDate = new Map<number, string[]>();
  const note = (day: number, name: string) => {
    if (day < from || day > to) return;
    const names = byDate.get(day) ?? [];
    if (!names.includes(name)) names.push(name);
    byDate.set(day, names);
  };
  for (const event of masterEvents(root)) {
    if (!event.startDate?.isDate) continue;
    if (!event.isRecurring()) {
      if (!cancelled(event)) spread(event.startDate, event.endDate, event.summary, note);
      continue;
    }
    const it = event.iterator();
    for (let k = 0; k < MAX_OCCURRENCES; k++) {
      const occ = it.next();
      if (!occ || dayOf(occ) > to) break;
      const details = event.getOccurrenceDetails(occ);
      if (cancelled(details.item)) continue;
      spread(details.startDate, details.endDate, details.item.summary ?? event.summary, note);
    }
  }
  return [...byDate.keys()].sort((a, b) => a - b).map((day) => ({ date: formatDateKey(day), name: byDate.get(day)!.join(' / ') }));
}

/** One Event per UID with its RECURRENCE-ID exceptions attached, as ical.js expects. */
function masterEvents(root: ICAL.Component): ICAL.Event[] {
  const vevents = root.getAllSubcomponents('vevent');
  const exceptions = vevents.filter((c) => c.hasProperty('recurrence-id'));
  return vevents
    .filter((c) => !c.hasProperty('recurrence-id'))
    .map((c) => {
      const uid = c.getFirstPropertyValue('uid');
      const mine = uid == null ? [] : exceptions.filter((x) => x.getFirstPropertyValue('uid') === uid);
      return new ICAL.Event(c, { exceptions: mine, strictExceptions: true });
    });
}

function cancelled(event: ICAL.Event): boolean {
  return String(event.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

function spread(start: ICAL.Time, end: ICAL.Time | null | undefined, summary: string | null | undefined, note: (day: number, name: string) => void): void {
  const first = dayOf(start);
  // DTEND of an all-day event is exclusive; a missing or non-advancing one means the single day.
  const last = end ? Math.max(first, dayOf(end) - 1) : first;
  const name = (summary ?? '').trim() || 'Holiday';
  for (let day = first; day <= last; day++) note(day, name);
}

function dayOf(time: ICAL.Time): number {
  return daysFromCivil(time.year, time.month, time.day);
}
