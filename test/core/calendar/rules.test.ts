// Rules 6.1, 6.3 and 6.4, each pinned by a case (most of them biz spec cases, with exact instants).
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../core/calendar/index.ts';
import { HOUR, MINUTE, at, everyDay, iso, weekdays } from './helpers.ts';

const NY = 'America/New_York';
const nineToFive = weekdays(NY, [['09:00', '17:00']]);

describe('per-date rules use the LOCAL date (6.1)', () => {
  const tokyo = weekdays('Asia/Tokyo', [['08:00', '17:00']], { holidays: ['2026-03-09'] });

  it('a Tokyo holiday covers the local Monday, which starts on Sunday in UTC', () => {
    const cal = compileCalendar(tokyo);
    expect(cal.isHoliday(at('2026-03-09T00:00:00+09:00'))).toBe(true);
    expect(cal.isHoliday(at('2026-03-09T23:59:00+09:00'))).toBe(true);
    expect(cal.isHoliday(at('2026-03-08T23:59:00+09:00'))).toBe(false);
    expect(cal.isHoliday(at('2026-03-10T00:00:00+09:00'))).toBe(false);
    expect(cal.isOpen(at('2026-03-09T10:00:00+09:00'))).toBe(false);
    expect(iso(cal.add(at('2026-03-06T16:00:00+09:00'), 2 * HOUR))).toBe(iso(at('2026-03-10T09:00:00+09:00')));
  });

  it('a Los Angeles holiday covers the local Friday, which ends on Saturday in UTC', () => {
    const cal = compileCalendar(weekdays('America/Los_Angeles', [['09:00', '17:00']], { holidays: [{ date: '2026-07-03', name: 'Independence Day (observed)' }] }));
    expect(cal.isHoliday(at('2026-07-03T20:00:00-07:00'))).toBe(true);
    expect(cal.isHoliday(at('2026-07-04T00:00:00-07:00'))).toBe(false);
    expect(iso(cal.add(at('2026-07-02T16:00:00-07:00'), 2 * HOUR))).toBe(iso(at('2026-07-06T10:00:00-07:00')));
  });

  it('an override in Tokyo replaces Monday, not Tuesday (the biz UTC-date bug)', () => {
    const cal = compileCalendar(weekdays('Asia/Tokyo', [['08:00', '17:00']], { overrides: { '2026-03-09': [['10:00', '12:00']] } }));
    expect(cal.periods(at('2026-03-09T00:00:00+09:00'), at('2026-03-11T00:00:00+09:00'))).toEqual([
      [at('2026-03-09T10:00:00+09:00'), at('2026-03-09T12:00:00+09:00')],
      [at('2026-03-10T08:00:00+09:00'), at('2026-03-10T17:00:00+09:00')],
    ]);
  });

  it('an override of [] closes a working day; one on a Sunday opens it', () => {
    const cal = compileCalendar(weekdays(NY, [['09:00', '17:00']], { overrides: { '2026-03-10': [], '2026-03-15': [['10:00', '11:00']] } }));
    expect(cal.elapsed(at('2026-03-09T00:00:00-04:00'), at('2026-03-16T00:00:00-04:00'))).toBe(33 * HOUR);
  });

  it('a closure cuts a break out of the day, by local date', () => {
    const cal = compileCalendar(weekdays('Asia/Tokyo', [['08:00', '17:00']], { closures: { '2026-03-09': [['07:00', '09:00'], ['12:00', '13:00']] } }));
    expect(cal.periods(at('2026-03-09T00:00:00+09:00'), at('2026-03-10T00:00:00+09:00'))).toEqual([
      [at('2026-03-09T09:00:00+09:00'), at('2026-03-09T12:00:00+09:00')],
      [at('2026-03-09T13:00:00+09:00'), at('2026-03-09T17:00:00+09:00')],
    ]);
    expect(cal.isOpen(at('2026-03-10T12:30:00+09:00'))).toBe(true);
  });

  it('segments are half-open: open at the opening, closed at the close', () => {
    const cal = compileCalendar(nineToFive);
    expect(cal.isOpen(at('2026-03-09T09:00:00-04:00'))).toBe(true);
    expect(cal.isOpen(at('2026-03-09T17:00:00-04:00'))).toBe(false);
    expect(cal.isOpen(at('2026-03-09T16:59:59.999-04:00'))).toBe(true);
  });
});

describe('shapes of hours', () => {
  it('24:00 ends the day', () => {
    const cal = compileCalendar({ timeZone: NY, hours: { mon: [['20:00', '24:00']] } });
    expect(cal.elapsed(at('2026-03-09T00:00:00-04:00'), at('2026-03-10T06:00:00-04:00'))).toBe(4 * HOUR);
    expect(cal.isOpen(at('2026-03-09T23:59:59-04:00'))).toBe(true);
    expect(cal.isOpen(at('2026-03-10T00:00:00-04:00'))).toBe(false);
    // Four hours from 20:00 ends exactly at the close: the next opening, a week later.
    expect(iso(cal.add(at('2026-03-09T20:00:00-04:00'), 4 * HOUR))).toBe(iso(at('2026-03-16T20:00:00-04:00')));
  });

  it('several intervals a day', () => {
    const cal = compileCalendar(weekdays(NY, [['08:00', '12:00'], ['13:00', '17:00'], ['18:00', '19:30']]));
    expect(cal.elapsed(at('2026-03-09T00:00:00-04:00'), at('2026-03-10T00:00:00-04:00'))).toBe(9.5 * HOUR);
    expect(iso(cal.add(at('2026-03-09T11:00:00-04:00'), 2 * HOUR))).toBe(iso(at('2026-03-09T14:00:00-04:00')));
    expect(iso(cal.add(at('2026-03-09T08:00:00-04:00'), 4 * HOUR))).toBe(iso(at('2026-03-09T13:00:00-04:00')));
    expect(iso(cal.subtract(at('2026-03-09T14:00:00-04:00'), 2 * HOUR))).toBe(iso(at('2026-03-09T11:00:00-04:00')));
    expect(cal.isOpen(at('2026-03-09T12:30:00-04:00'))).toBe(false);
  });

  it('an overnight shift written as two intervals runs on through midnight', () => {
    const cal = compileCalendar({ timeZone: NY, hours: { mon: [['22:00', '24:00']], tue: [['00:00', '06:00']] } });
    expect(iso(cal.add(at('2026-03-09T23:00:00-04:00'), 2 * HOUR))).toBe(iso(at('2026-03-10T01:00:00-04:00')));
    expect(iso(cal.add(at('2026-03-09T22:00:00-04:00'), 2 * HOUR))).toBe(iso(at('2026-03-10T00:00:00-04:00')));
    expect(cal.periods(at('2026-03-09T00:00:00-04:00'), at('2026-03-11T00:00:00-04:00'))).toEqual([
      [at('2026-03-09T22:00:00-04:00'), at('2026-03-10T06:00:00-04:00')],
    ]);
  });

  it('second precision in hours', () => {
    const cal = compileCalendar(weekdays(NY, [['09:00:30', '09:01:15']]));
    expect(cal.elapsed(at('2026-03-09T00:00:00-04:00'), at('2026-03-10T00:00:00-04:00'))).toBe(45_000);
    expect(iso(cal.add(at('2026-03-09T00:00:00-04:00'), 10_000))).toBe(iso(at('2026-03-09T09:00:40-04:00')));
  });
});

describe('add and subtract (6.3)', () => {
  it('time that ends exactly at a close returns the next opening', () => {
    const cal = compileCalendar(nineToFive);
    expect(iso(cal.add(at('2026-03-09T09:00:00-04:00'), 8 * HOUR))).toBe(iso(at('2026-03-10T09:00:00-04:00')));
    expect(iso(cal.add(at('2026-03-13T16:00:00-04:00'), HOUR))).toBe(iso(at('2026-03-16T09:00:00-04:00')));
  });

  it('24 h from Friday 00:00 on a Monday-Friday 24 h schedule gives Monday 00:00', () => {
    const cal = compileCalendar(weekdays(NY, [['00:00', '24:00']]));
    expect(iso(cal.add(at('2026-03-13T00:00:00-04:00'), 24 * HOUR))).toBe(iso(at('2026-03-16T00:00:00-04:00')));
  });

  it('2 h after Sunday 00:00 on a Sunday 11-12 schedule is 11:00 two Sundays later', () => {
    const cal = compileCalendar({ timeZone: NY, hours: { sun: [['11:00', '12:00']] } });
    expect(iso(cal.add(at('2026-03-15T00:00:00-04:00'), 2 * HOUR))).toBe(iso(at('2026-03-29T11:00:00-04:00')));
  });

  it('zero amounts: add gives the first open instant at or after, subtract the last at or before', () => {
    const cal = compileCalendar(weekdays(NY, [['10:00', '17:00']]));
    expect(iso(cal.add(at('2026-03-10T00:00:00-04:00'), 0))).toBe(iso(at('2026-03-10T10:00:00-04:00')));
    expect(iso(cal.subtract(at('2026-03-10T00:00:00-04:00'), 0))).toBe(iso(at('2026-03-09T17:00:00-04:00')));
    expect(iso(cal.add(at('2026-03-10T12:00:00-04:00'), 0))).toBe(iso(at('2026-03-10T12:00:00-04:00')));
    expect(iso(cal.subtract(at('2026-03-10T12:00:00-04:00'), 0))).toBe(iso(at('2026-03-10T12:00:00-04:00')));
    // Exactly at a close: add moves on to the next opening, subtract stays at the close.
    expect(iso(cal.add(at('2026-03-10T17:00:00-04:00'), 0))).toBe(iso(at('2026-03-11T10:00:00-04:00')));
    expect(iso(cal.subtract(at('2026-03-10T17:00:00-04:00'), 0))).toBe(iso(at('2026-03-10T17:00:00-04:00')));
  });

  it('a subtraction that lands exactly on an opening stays there', () => {
    const cal = compileCalendar(nineToFive);
    expect(iso(cal.subtract(at('2026-03-10T10:00:00-04:00'), HOUR))).toBe(iso(at('2026-03-10T09:00:00-04:00')));
    expect(iso(cal.subtract(at('2026-03-10T10:00:00-04:00'), HOUR + MINUTE))).toBe(iso(at('2026-03-09T16:59:00-04:00')));
    expect(iso(cal.subtract(at('2026-03-16T09:00:00-04:00'), 8 * HOUR))).toBe(iso(at('2026-03-13T09:00:00-04:00')));
  });

  it('elapsed counts [from, to) and is 0 when to <= from', () => {
    const cal = compileCalendar(nineToFive);
    expect(cal.elapsed(at('2026-03-06T10:00:00-05:00'), at('2026-03-09T10:00:00-04:00'))).toBe(8 * HOUR);
    expect(cal.elapsed(at('2026-03-09T10:00:00-04:00'), at('2026-03-06T10:00:00-05:00'))).toBe(0);
  });

  it('works far from today, in both directions (lazy horizon)', () => {
    const cal = compileCalendar(nineToFive);
    expect(iso(cal.add(at('1990-03-09T16:00:00-05:00'), 2 * HOUR))).toBe(iso(at('1990-03-12T10:00:00-05:00')));
    expect(iso(cal.add(at('2100-03-12T16:00:00-05:00'), 2 * HOUR))).toBe(iso(at('2100-03-15T10:00:00-04:00')));
    expect(cal.elapsed(at('1990-01-01T00:00:00-05:00'), at('2100-01-01T00:00:00-05:00'))).toBe(28_699 * 8 * HOUR);
    expect(iso(cal.subtract(at('2100-01-04T09:00:00-05:00'), 28_700 * 8 * HOUR))).toBe(iso(at('1990-01-01T09:00:00-05:00')));
  });

  it('a 24x7 calendar is plain elapsed time, except on holidays', () => {
    const cal = compileCalendar({ timeZone: 'Europe/London', hours: '24x7', holidays: ['2026-12-25'] });
    expect(cal.elapsed(at('2026-12-24T00:00:00Z'), at('2026-12-27T00:00:00Z'))).toBe(48 * HOUR);
    expect(iso(cal.add(at('2026-12-24T23:00:00Z'), 2 * HOUR))).toBe(iso(at('2026-12-26T01:00:00Z')));
    expect(iso(cal.add(at('2026-03-28T12:00:00Z'), 24 * HOUR))).toBe(iso(at('2026-03-29T13:00:00+01:00')));
  });
});

describe('addBusinessDays (6.4)', () => {
  it('keeps the wall-clock time across DST: 1 day from Friday 10:00 EST is Monday 10:00 EDT', () => {
    const cal = compileCalendar(nineToFive);
    expect(iso(cal.addBusinessDays(at('2026-03-06T10:00:00-05:00'), 1))).toBe(iso(at('2026-03-09T10:00:00-04:00')));
  });

  it('skips holidays and closed weekdays, but not dates with overrides or closures', () => {
    const cal = compileCalendar(weekdays(NY, [['09:00', '17:00']], {
      holidays: ['2026-03-10'],
      overrides: { '2026-03-11': [['13:00', '14:00']] },
      closures: { '2026-03-12': [['09:00', '12:00']] },
    }));
    expect(iso(cal.addBusinessDays(at('2026-03-09T10:00:00-04:00'), 1))).toBe(iso(at('2026-03-11T13:00:00-04:00')));
    expect(iso(cal.addBusinessDays(at('2026-03-09T10:00:00-04:00'), 2))).toBe(iso(at('2026-03-12T12:00:00-04:00')));
    expect(iso(cal.addBusinessDays(at('2026-03-09T10:00:00-04:00'), 4))).toBe(iso(at('2026-03-16T10:00:00-04:00')));
  });

  it('out of hours: keeps the wall time, then moves to the next opening; 0 days is add(at, 0)', () => {
    const cal = compileCalendar(nineToFive);
    expect(iso(cal.addBusinessDays(at('2026-03-09T20:00:00-04:00'), 1))).toBe(iso(at('2026-03-11T09:00:00-04:00')));
    expect(iso(cal.addBusinessDays(at('2026-03-14T12:00:00-04:00'), 1))).toBe(iso(at('2026-03-16T12:00:00-04:00')));
    expect(iso(cal.addBusinessDays(at('2026-03-14T12:00:00-04:00'), 0))).toBe(iso(at('2026-03-16T09:00:00-04:00')));
  });

  it('uses the local date in Tokyo', () => {
    const cal = compileCalendar(weekdays('Asia/Tokyo', [['08:00', '17:00']]));
    // Friday 09:00 JST is Thursday in UTC; one business day later is Monday.
    expect(iso(cal.addBusinessDays(at('2026-03-13T09:00:00+09:00'), 1))).toBe(iso(at('2026-03-16T09:00:00+09:00')));
  });
});

describe('every day open', () => {
  it('everyDay helper sanity: 7 × 1 h a week', () => {
    const cal = compileCalendar(everyDay('UTC', [['12:00', '13:00']]));
    expect(cal.elapsed(at('2026-03-09T00:00:00Z'), at('2026-03-16T00:00:00Z'))).toBe(7 * HOUR);
  });
});
