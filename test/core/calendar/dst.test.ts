// DST gaps and overlaps, one zone at a time. Rule 6.2: a skipped wall time moves forward by the gap, a repeated
// one takes the earlier instant, an interval that DST makes empty or negative disappears.
import { describe, expect, it } from 'vitest';
import { compileCalendar, type CalendarSpec } from '../../../core/calendar/index.ts';
import { HOUR, MINUTE, at, everyDay, iso } from './helpers.ts';

const day = (cal: ReturnType<typeof compileCalendar>, from: string, to: string) => cal.elapsed(at(from), at(to));
const opening = (cal: ReturnType<typeof compileCalendar>, from: string) => iso(cal.add(at(from), 0));

describe('America/New_York', () => {
  it('gap: 01:00-04:00 on spring-forward day is 2 real hours', () => {
    const cal = compileCalendar(everyDay('America/New_York', [['01:00', '04:00']]));
    expect(day(cal, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00')).toBe(2 * HOUR);
    expect(iso(cal.add(at('2026-03-08T01:30:00-05:00'), HOUR))).toBe(iso(at('2026-03-08T03:30:00-04:00')));
  });

  it('gap: an opening at 02:30 moves forward by the gap to 03:30 EDT', () => {
    const cal = compileCalendar(everyDay('America/New_York', [['02:30', '05:00']]));
    expect(opening(cal, '2026-03-08T00:00:00-05:00')).toBe(iso(at('2026-03-08T03:30:00-04:00')));
    expect(cal.isOpen(at('2026-03-08T03:00:00-04:00'))).toBe(false);
    expect(cal.isOpen(at('2026-03-08T03:30:00-04:00'))).toBe(true);
  });

  it('gap: 02:30-03:15 turns negative and is dropped (a biz case)', () => {
    const cal = compileCalendar(everyDay('America/New_York', [['02:30', '03:15']]));
    expect(day(cal, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00')).toBe(0);
    expect(opening(cal, '2026-03-08T00:00:00-05:00')).toBe(iso(at('2026-03-09T02:30:00-04:00')));
  });

  it('overlap: 01:30-02:30 on fall-back day starts at the earlier 01:30 (EDT) and lasts 2 h', () => {
    const cal = compileCalendar(everyDay('America/New_York', [['01:30', '02:30']]));
    expect(opening(cal, '2026-11-01T00:00:00-04:00')).toBe(iso(at('2026-11-01T01:30:00-04:00')));
    expect(day(cal, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00')).toBe(2 * HOUR);
    expect(cal.isOpen(at('2026-11-01T01:15:00-05:00'))).toBe(true);
    expect(iso(cal.add(at('2026-11-01T01:30:00-04:00'), 2 * HOUR))).toBe(iso(at('2026-11-02T01:30:00-05:00')));
  });

  it('24x7 counts the 23 h and 25 h days', () => {
    const cal = compileCalendar({ timeZone: 'America/New_York', hours: '24x7' });
    expect(day(cal, '2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00')).toBe(23 * HOUR);
    expect(day(cal, '2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00')).toBe(25 * HOUR);
    expect(iso(cal.add(at('2026-03-08T00:00:00-05:00'), 24 * HOUR))).toBe(iso(at('2026-03-09T01:00:00-04:00')));
  });
});

describe('Europe/London', () => {
  it('gap: 00:30-01:30 on 2026-03-29 runs to 02:30 BST, one real hour', () => {
    const cal = compileCalendar(everyDay('Europe/London', [['00:30', '01:30']]));
    expect(day(cal, '2026-03-29T00:00:00+00:00', '2026-03-30T00:00:00+01:00')).toBe(HOUR);
    expect(iso(cal.add(at('2026-03-29T00:30:00+00:00'), HOUR))).toBe(iso(at('2026-03-30T00:30:00+01:00')));
  });

  it('overlap: 01:15-01:45 on 2026-10-25 is the first (BST) half hour only', () => {
    const cal = compileCalendar(everyDay('Europe/London', [['01:15', '01:45']]));
    expect(opening(cal, '2026-10-25T00:00:00+01:00')).toBe(iso(at('2026-10-25T01:15:00+01:00')));
    expect(day(cal, '2026-10-25T00:00:00+01:00', '2026-10-26T00:00:00+00:00')).toBe(30 * MINUTE);
    expect(cal.isOpen(at('2026-10-25T01:20:00+00:00'))).toBe(false);
  });
});

describe('Australia/Sydney', () => {
  it('overlap: 02:00-03:00 on 2026-04-05 starts at 02:00 AEDT, two real hours', () => {
    const cal = compileCalendar(everyDay('Australia/Sydney', [['02:00', '03:00']]));
    expect(opening(cal, '2026-04-05T00:00:00+11:00')).toBe(iso(at('2026-04-05T02:00:00+11:00')));
    expect(day(cal, '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:00')).toBe(2 * HOUR);
  });

  it('gap: 02:30-04:00 on 2026-10-04 opens 03:30 AEDT, 30 minutes', () => {
    const cal = compileCalendar(everyDay('Australia/Sydney', [['02:30', '04:00']]));
    expect(opening(cal, '2026-10-04T00:00:00+10:00')).toBe(iso(at('2026-10-04T03:30:00+11:00')));
    expect(day(cal, '2026-10-04T00:00:00+10:00', '2026-10-05T00:00:00+11:00')).toBe(30 * MINUTE);
  });

  it('24x7 day of 23 h', () => {
    const cal = compileCalendar({ timeZone: 'Australia/Sydney', hours: '24x7' });
    expect(day(cal, '2026-10-04T00:00:00+10:00', '2026-10-05T00:00:00+11:00')).toBe(23 * HOUR);
  });
});

describe('Australia/Lord_Howe (30-minute DST)', () => {
  it('gap: 02:15 moves forward by the 30-minute gap to 02:45, so 02:15-04:00 is 75 min (biz says 45)', () => {
    const cal = compileCalendar(everyDay('Australia/Lord_Howe', [['02:15', '04:00']]));
    expect(opening(cal, '2026-10-04T00:00:00+10:30')).toBe(iso(at('2026-10-04T02:45:00+11:00')));
    expect(day(cal, '2026-10-04T00:00:00+10:30', '2026-10-05T00:00:00+11:00')).toBe(75 * MINUTE);
  });

  it('overlap: 01:45-03:00 on 2026-04-05 starts at the first 01:45 (+11:00), 105 min', () => {
    const cal = compileCalendar(everyDay('Australia/Lord_Howe', [['01:45', '03:00']]));
    expect(opening(cal, '2026-04-05T00:00:00+11:00')).toBe(iso(at('2026-04-05T01:45:00+11:00')));
    expect(day(cal, '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:30')).toBe(105 * MINUTE);
  });

  it('24x7 days of 24.5 h and 23.5 h', () => {
    const cal = compileCalendar({ timeZone: 'Australia/Lord_Howe', hours: '24x7' });
    expect(day(cal, '2026-04-05T00:00:00+11:00', '2026-04-06T00:00:00+10:30')).toBe(24.5 * HOUR);
    expect(day(cal, '2026-10-04T00:00:00+10:30', '2026-10-05T00:00:00+11:00')).toBe(23.5 * HOUR);
  });
});

describe('America/Sao_Paulo (midnight gap, 2018)', () => {
  const spec: CalendarSpec = { timeZone: 'America/Sao_Paulo', hours: { sat: [['22:00', '24:00']], sun: [['00:00', '02:00']] } };

  it('24:00 on the night of the gap is 01:00 -02, and the overnight shift runs on across it', () => {
    const cal = compileCalendar(spec);
    expect(day(cal, '2018-11-03T00:00:00-03:00', '2018-11-05T00:00:00-02:00')).toBe(3 * HOUR);
    expect(iso(cal.add(at('2018-11-03T22:00:00-03:00'), 2 * HOUR))).toBe(iso(at('2018-11-04T01:00:00-02:00')));
    expect(cal.periods(at('2018-11-03T00:00:00-03:00'), at('2018-11-05T00:00:00-02:00'))).toEqual([
      [at('2018-11-03T22:00:00-03:00'), at('2018-11-04T02:00:00-02:00')],
    ]);
  });

  it('Saturday alone: two hours from 22:00 end at the close (01:00 -02) and return the next opening', () => {
    const cal = compileCalendar({ timeZone: 'America/Sao_Paulo', hours: { sat: [['22:00', '24:00']] } });
    expect(iso(cal.add(at('2018-11-03T22:00:00-03:00'), 2 * HOUR))).toBe(iso(at('2018-11-10T22:00:00-02:00')));
    expect(cal.isOpen(at('2018-11-03T23:59:00-03:00'))).toBe(true);
    expect(cal.isOpen(at('2018-11-04T01:00:00-02:00'))).toBe(false);
  });

  it('a holiday on the gap date starts at 01:00 -02, the first instant of that local date', () => {
    const cal = compileCalendar({ timeZone: 'America/Sao_Paulo', hours: '24x7', holidays: ['2018-11-04'] });
    expect(cal.isHoliday(at('2018-11-03T23:59:00-03:00'))).toBe(false);
    expect(cal.isHoliday(at('2018-11-04T01:00:00-02:00'))).toBe(true);
    expect(opening(cal, '2018-11-04T01:00:00-02:00')).toBe(iso(at('2018-11-05T00:00:00-02:00')));
  });

  it('fall back on 2018-02-17: 22:00-24:00 lasts 3 h; 23:30 takes the earlier (-02) instant', () => {
    const cal = compileCalendar({ timeZone: 'America/Sao_Paulo', hours: { sat: [['22:00', '24:00']] } });
    expect(day(cal, '2018-02-17T00:00:00-02:00', '2018-02-18T12:00:00-03:00')).toBe(3 * HOUR);
    const late = compileCalendar({ timeZone: 'America/Sao_Paulo', hours: { sat: [['23:30', '24:00']] } });
    expect(opening(late, '2018-02-17T12:00:00-02:00')).toBe(iso(at('2018-02-17T23:30:00-02:00')));
    expect(day(late, '2018-02-17T00:00:00-02:00', '2018-02-18T12:00:00-03:00')).toBe(90 * MINUTE);
  });
});

describe('America/St_Johns (-03:30)', () => {
  it('gap: 01:30-03:30 on 2026-03-08 is one real hour', () => {
    const cal = compileCalendar(everyDay('America/St_Johns', [['01:30', '03:30']]));
    expect(day(cal, '2026-03-08T00:00:00-03:30', '2026-03-09T00:00:00-02:30')).toBe(HOUR);
    expect(iso(cal.add(at('2026-03-08T01:30:00-03:30'), 30 * MINUTE))).toBe(iso(at('2026-03-08T03:00:00-02:30')));
  });

  it('overlap: 01:30-02:30 on 2026-11-01 starts at the earlier 01:30 (-02:30), two real hours', () => {
    const cal = compileCalendar(everyDay('America/St_Johns', [['01:30', '02:30']]));
    expect(opening(cal, '2026-11-01T00:00:00-02:30')).toBe(iso(at('2026-11-01T01:30:00-02:30')));
    expect(day(cal, '2026-11-01T00:00:00-02:30', '2026-11-02T00:00:00-03:30')).toBe(2 * HOUR);
  });
});

describe("America/St_Johns before 2011: DST changed at 00:01", () => {
  // On 1997-10-26 at 00:01 NDT clocks fell back to 1997-10-25 23:01 NST: the local date 1997-10-25 comes back
  // for an hour after 1997-10-26 has begun. A holiday on the 25th covers that hour too.
  it('a holiday covers every instant of its local date, even when the date recurs', () => {
    const cal = compileCalendar({ timeZone: 'America/St_Johns', hours: '24x7', holidays: ['1997-10-25'] });
    expect(cal.isHoliday(at('1997-10-26T00:00:30-02:30'))).toBe(false);
    expect(cal.isOpen(at('1997-10-26T00:00:30-02:30'))).toBe(true);
    expect(cal.isHoliday(at('1997-10-25T23:30:00-03:30'))).toBe(true);
    expect(cal.isOpen(at('1997-10-25T23:30:00-03:30'))).toBe(false);
    expect(cal.periods(at('1997-10-25T22:00:00-02:30'), at('1997-10-26T02:00:00-03:30'))).toEqual([
      [at('1997-10-26T00:00:00-02:30'), at('1997-10-25T23:01:00-03:30')],
      [at('1997-10-26T00:00:00-03:30'), at('1997-10-26T02:00:00-03:30')],
    ]);
  });

  it('24x7 is open at every instant whose local date is not a holiday, the returning hour included', () => {
    const cal = compileCalendar({ timeZone: 'America/St_Johns', hours: '24x7', holidays: ['1997-10-26'] });
    expect(cal.periods(at('1997-10-25T22:00:00-02:30'), at('1997-10-27T02:00:00-03:30'))).toEqual([
      [at('1997-10-25T22:00:00-02:30'), at('1997-10-26T00:00:00-02:30')],
      [at('1997-10-25T23:01:00-03:30'), at('1997-10-26T00:00:00-03:30')],
      [at('1997-10-27T00:00:00-03:30'), at('1997-10-27T02:00:00-03:30')],
    ]);
  });
});

describe('Asia/Kathmandu (+05:45)', () => {
  it('the 1986 switch from +05:30 skipped 00:00-00:15: a midnight opening moves to 00:15', () => {
    const cal = compileCalendar({ timeZone: 'Asia/Kathmandu', hours: { tue: [['23:00', '24:00']], wed: [['00:00', '01:00']] } });
    expect(cal.periods(at('1985-12-31T00:00:00+05:30'), at('1986-01-02T00:00:00+05:45'))).toEqual([
      [at('1985-12-31T23:00:00+05:30'), at('1986-01-01T01:00:00+05:45')],
    ]);
    expect(day(cal, '1985-12-31T00:00:00+05:30', '1986-01-02T00:00:00+05:45')).toBe(105 * MINUTE);
  });

  it('quarter-hour offset today: 8 h from Monday 09:00 ends at the close and returns Tuesday 09:00', () => {
    const cal = compileCalendar({ timeZone: 'Asia/Kathmandu', hours: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] } });
    expect(iso(cal.add(at('2026-03-09T09:00:00+05:45'), 8 * HOUR))).toBe(iso(at('2026-03-10T09:00:00+05:45')));
  });
});

describe('Pacific/Chatham (+12:45/+13:45)', () => {
  it('gap: 02:00-04:00 on 2026-09-27 is one real hour; 03:00-04:00 becomes empty', () => {
    const cal = compileCalendar(everyDay('Pacific/Chatham', [['02:00', '04:00']]));
    expect(day(cal, '2026-09-27T00:00:00+12:45', '2026-09-28T00:00:00+13:45')).toBe(HOUR);
    const empty = compileCalendar(everyDay('Pacific/Chatham', [['03:00', '04:00']]));
    expect(day(empty, '2026-09-27T00:00:00+12:45', '2026-09-28T00:00:00+13:45')).toBe(0);
    expect(opening(empty, '2026-09-27T00:00:00+12:45')).toBe(iso(at('2026-09-28T03:00:00+13:45')));
  });

  it('overlap: 03:00-04:00 on 2026-04-05 starts at the earlier 03:00 (+13:45), two real hours', () => {
    const cal = compileCalendar(everyDay('Pacific/Chatham', [['03:00', '04:00']]));
    expect(opening(cal, '2026-04-05T00:00:00+13:45')).toBe(iso(at('2026-04-05T03:00:00+13:45')));
    expect(day(cal, '2026-04-05T00:00:00+13:45', '2026-04-06T00:00:00+12:45')).toBe(2 * HOUR);
  });
});
