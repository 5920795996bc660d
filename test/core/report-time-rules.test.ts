// What the export time parser takes as a time beyond plain well-formed values: hour 24, offsets, which field of a
// numeric date is the day, and the message that names a misread day-first export. Values of the fast path's shape
// are checked on both paths on their own (parse() alone would only show the fast one).
import { describe, expect, it } from 'vitest';
import { NOT_ISO, TimeParser, notATimeMessage } from '../../core/report/time.ts';

const t = (iso: string) => Date.parse(iso);
const utc = new TimeParser(undefined);
const ny = new TimeParser('America/New_York');
const nyDayFirst = new TimeParser('America/New_York', true);

/** Both paths' answers for a value of the fast path's shape, as [fast, general]. */
function bothPaths(p: TimeParser, s: string): [number, number] {
  const fast = p.parseIsoFast(s);
  expect([s, fast]).not.toEqual([s, NOT_ISO]);
  return [fast, p.parseGeneral(s)];
}

describe('hour 24', () => {
  it('is the end of the day, the next day at 00:00, when minutes, seconds and fraction are zero', () => {
    expect(bothPaths(utc, '2026-02-28T24:00:00Z')).toEqual([t('2026-03-01T00:00:00Z'), t('2026-03-01T00:00:00Z')]);
    expect(bothPaths(utc, '2026-12-31T24:00:00.000-05:00')).toEqual([t('2027-01-01T05:00:00Z'), t('2027-01-01T05:00:00Z')]);
    expect(bothPaths(utc, '2024-02-29 24:00:00+01:00')).toEqual([t('2024-02-29T23:00:00Z'), t('2024-02-29T23:00:00Z')]);
    expect(ny.parse('2026-12-31 24:00')).toBe(t('2027-01-01T00:00:00-05:00'));
    expect(ny.parse('2026-12-31T24:00:00,0000')).toBe(t('2027-01-01T00:00:00-05:00'));
    expect(ny.parse('02/28/2026 24:00')).toBe(t('2026-03-01T00:00:00-05:00'));
    expect(nyDayFirst.parse('28/02/2026 24:00:00')).toBe(t('2026-03-01T00:00:00-05:00'));
  });

  it('is no time on a date that does not exist', () => {
    for (const s of ['2026-02-30T24:00:00Z', '2026-02-29T24:00:00.000+01:00', '2026-04-31 24:00:00Z', '2100-02-29T24:00:00']) {
      expect(bothPaths(ny, s)).toEqual([NaN, NaN]);
    }
    for (const s of ['2026-02-30 24:00', '2026-02-29 24:00', '2026-04-31T24:00', '02/30/2026 24:00']) expect([s, ny.parse(s)]).toEqual([s, NaN]);
    expect(nyDayFirst.parse('30/02/2026 24:00')).toBeNaN();
  });

  it('is no time past 24:00, by a minute, a second or a fraction', () => {
    for (const s of ['2026-02-28T24:59:59Z', '2026-02-28T24:30:00Z', '2026-02-28T24:00:01', '2026-02-28 24:00:00.001-05:00', '2026-02-28T24:00:60Z']) {
      expect(bothPaths(ny, s)).toEqual([NaN, NaN]);
    }
    for (const s of ['2026-02-28 24:30', '2026-02-28T24:00:00.0001Z', '2026-02-28T24:00:00.5', '02/28/2026 24:01', '28-Feb-2026 24:00:01']) {
      expect([s, ny.parse(s)]).toEqual([s, NaN]);
    }
  });
});

describe('written offsets', () => {
  it('are taken from -14:00 to +14:00, minutes 0 to 59', () => {
    expect(bothPaths(utc, '2026-03-04T10:15:00+14:00')).toEqual([t('2026-03-03T20:15:00Z'), t('2026-03-03T20:15:00Z')]);
    expect(bothPaths(utc, '2026-03-04T10:15:00.250-14:00')).toEqual([t('2026-03-05T00:15:00.250Z'), t('2026-03-05T00:15:00.250Z')]);
    expect(bothPaths(utc, '2026-03-04 10:15:00+05:59')).toEqual([t('2026-03-04T04:16:00Z'), t('2026-03-04T04:16:00Z')]);
    expect(ny.parse('2026-03-04 10:15 +1345')).toBe(t('2026-03-03T20:30:00Z'));
    expect(ny.parse('2026-03-04 10:15 -14')).toBe(t('2026-03-05T00:15:00Z'));
    expect(ny.parse('03/04/2026 10:15 +14:00')).toBe(t('2026-03-03T20:15:00Z'));
  });

  it('are no time beyond 14 hours or with 60 minutes or more', () => {
    for (const s of ['2026-03-04T10:15:00+99:99', '2026-03-04T10:15:00+15:00', '2026-03-04T10:15:00.000-15:00', '2026-03-04 10:15:00+05:60', '2026-03-04T24:00:00+23:00']) {
      expect(bothPaths(ny, s)).toEqual([NaN, NaN]);
    }
    for (const s of ['2026-03-04 10:15 +1500', '2026-03-04 10:15 -15', '2026-03-04T10:15+99:99', '2026-03-04 10:15 +0075', '03/04/2026 10:15 -16:00', '04-Mar-2026 10:15:00 +9999']) {
      expect([s, ny.parse(s)]).toEqual([s, NaN]);
    }
  });
});

describe('numeric dates', () => {
  it('with dots are day first, whichever way slash dates are read', () => {
    for (const p of [ny, nyDayFirst]) {
      expect(p.parse('04.03.2026 10:15')).toBe(t('2026-03-04T10:15:00-05:00'));
      expect(p.parse('13.03.2026 10:15')).toBe(t('2026-03-13T10:15:00-04:00'));
      expect(p.parse('4.3.26')).toBe(t('2026-03-04T00:00:00-05:00'));
      expect(p.parse('03.13.2026 10:15')).toBeNaN();
    }
  });

  it('with slashes or dashes follow the day-first setting', () => {
    expect(ny.parse('04/03/2026 10:15')).toBe(t('2026-04-03T10:15:00-04:00'));
    expect(nyDayFirst.parse('04/03/2026 10:15')).toBe(t('2026-03-04T10:15:00-05:00'));
    expect(ny.parse('04-03-2026 10:15')).toBe(t('2026-04-03T10:15:00-04:00'));
    expect(nyDayFirst.parse('04-03-2026 10:15')).toBe(t('2026-03-04T10:15:00-05:00'));
  });
});

describe('the message for a value that is no time', () => {
  const HINT_DAY_FIRST = /--day-first/;

  it('quotes the text', () => {
    expect(notATimeMessage('soon', false)).toBe("'soon' is not a date and time");
    expect(notATimeMessage('2026-02-30 10:00', true)).toBe("'2026-02-30 10:00' is not a date and time");
  });

  it('suggests --day-first when a month-first reading fails on a day over 12 that reads as a date day first', () => {
    for (const s of ['13/02/2026 09:00', '31/12/2026', '13-02-2026 09:00', '29/02/2024 10:00 PM']) {
      const message = notATimeMessage(s, false);
      expect(message.startsWith(`'${s}' is not a date and time`)).toBe(true);
      expect([s, message]).toEqual([s, expect.stringMatching(HINT_DAY_FIRST)]);
      expect(message).toMatch(/day first/i);
    }
  });

  it('suggests leaving out --day-first when a day-first reading fails on a month over 12 that reads as a date month first', () => {
    for (const s of ['02/13/2026 09:00', '12/31/2026', '02-13-2026']) {
      const message = notATimeMessage(s, true);
      expect(message.startsWith(`'${s}' is not a date and time`)).toBe(true);
      expect([s, message]).toEqual([s, expect.stringMatching(HINT_DAY_FIRST)]);
      expect(message).toMatch(/month first/i);
    }
  });

  it('gives no hint when the other reading is no date either, or the setting does not decide the reading', () => {
    const plain = (s: string, dayFirst: boolean) => expect([s, notATimeMessage(s, dayFirst)]).toEqual([s, `'${s}' is not a date and time`]);
    for (const s of ['13/13/2026 09:00', '45/02/2026', '30/02/2026', '13/02/2026 25:00', '13/02/2026 10:00 +99:00', '13.02.2026 25:00', '13.14.2026', '32-Feb-2026', 'soon', '']) plain(s, false);
    for (const s of ['02/13/2026 25:00', '13/13/2026', '02/30/2026', '02.13.2026']) plain(s, true);
    // Values that read the same either way, or are times read the way asked: nothing to suggest.
    plain('02/02/2026 09:00', false);
    plain('02/02/2026 09:00', true);
    plain('13/02/2026 09:00', true);
    plain('02/13/2026 09:00', false);
  });
});
