// holidaysFromIcs over small fixture files: exclusive DTEND, yearly RRULEs, observed days, dedup, range.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CalendarError, holidaysFromIcs } from '../../../core/calendar/index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('holidaysFromIcs', () => {
  it('expands a year of US holidays: observed day, multi-day break, yearly rules, EXDATE, no timed or cancelled events', () => {
    expect(holidaysFromIcs(fixture('us-holidays.ics'), { from: '2026-01-01', to: '2026-12-31' })).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-07-03', name: 'Independence Day (observed)' },
      { date: '2026-07-04', name: 'Independence Day' },
      { date: '2026-09-07', name: 'Labor Day' },
      { date: '2026-12-24', name: 'Winter break' },
      { date: '2026-12-25', name: 'Winter break / Christmas Day' },
      { date: '2026-12-26', name: 'Winter break' },
    ]);
  });

  it('honours the range (inclusive) and EXDATE across years', () => {
    expect(holidaysFromIcs(fixture('us-holidays.ics'), { from: '2024-07-05', to: '2025-12-25' })).toEqual([
      { date: '2024-09-02', name: 'Labor Day' },
      { date: '2024-12-25', name: 'Christmas Day' },
      { date: '2025-07-04', name: 'Independence Day' },
      { date: '2025-12-25', name: 'Christmas Day' },
    ]);
  });

  it('handles a missing DTEND (one day) and DURATION', () => {
    expect(holidaysFromIcs(fixture('jp-holidays.ics'), { from: '2026-01-01', to: '2026-12-31' })).toEqual([
      { date: '2026-03-20', name: 'Vernal Equinox Day' },
      { date: '2026-05-03', name: 'Golden Week' },
      { date: '2026-05-04', name: 'Golden Week' },
      { date: '2026-05-05', name: "Golden Week / Children's Day" },
      { date: '2026-05-06', name: 'Golden Week' },
    ]);
  });

  it('rejects text that is not iCalendar, and bad range dates', () => {
    expect(() => holidaysFromIcs('hello', { from: '2026-01-01', to: '2026-12-31' })).toThrow(CalendarError);
    expect(() => holidaysFromIcs(fixture('jp-holidays.ics'), { from: '2026-1-1', to: '2026-12-31' })).toThrow(/from/);
  });
});
