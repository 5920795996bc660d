// Bad input throws CalendarError with a precise `field` path, which the engagement validator maps to line:col.
import { describe, expect, it } from 'vitest';
import { CalendarError, compileCalendar, isValidTimeZone, parseClock, type CalendarSpec } from '../../../core/calendar/index.ts';
import { weekdays } from './helpers.ts';

function fieldOf(spec: unknown): Array<string | number> | undefined {
  try {
    compileCalendar(spec as CalendarSpec);
  } catch (err) {
    expect(err).toBeInstanceOf(CalendarError);
    return [...(err as CalendarError).field];
  }
  return undefined;
}

const ok: CalendarSpec = weekdays('America/New_York', [['09:00', '17:00']]);

describe('CalendarError names the field', () => {
  it.each([
    ['unknown zone', { ...ok, timeZone: 'Mars/Olympus' }, ['timeZone']],
    ['missing zone', { hours: ok.hours }, ['timeZone']],
    ['25:00', { ...ok, hours: { mon: [['09:00', '25:00']] } }, ['hours', 'mon', 0, 1]],
    ['bad minutes', { ...ok, hours: { mon: [['09:60', '17:00']] } }, ['hours', 'mon', 0, 0]],
    ['one-digit hour', { ...ok, hours: { mon: [['9:00', '17:00']] } }, ['hours', 'mon', 0, 0]],
    ['start at 24:00', { ...ok, hours: { mon: [['24:00', '24:00']] } }, ['hours', 'mon', 0, 0]],
    ['start equals end', { ...ok, hours: { tue: [['08:00', '12:00'], ['13:00', '13:00']] } }, ['hours', 'tue', 1]],
    ['start after end', { ...ok, hours: { wed: [['22:00', '06:00']] } }, ['hours', 'wed', 0]],
    ['overlap', { ...ok, hours: { thu: [['13:00', '17:00'], ['08:00', '13:30']] } }, ['hours', 'thu', 1]],
    ['not a pair', { ...ok, hours: { fri: [['09:00']] } }, ['hours', 'fri', 0]],
    ['unknown weekday', { ...ok, hours: { monday: [['09:00', '17:00']] } }, ['hours', 'monday']],
    ['no hours at all', { ...ok, hours: { mon: [] } }, ['hours']],
    ['hours of wrong type', { ...ok, hours: '9to5' }, ['hours']],
    ['bad holiday', { ...ok, holidays: ['2026-01-01', '2026-02-30'] }, ['holidays', 1]],
    ['bad holiday object', { ...ok, holidays: ['2026-01-01', '2026-07-04', { date: '4 July' }] }, ['holidays', 2, 'date']],
    ['bad override key', { ...ok, overrides: { '2026-13-01': [] } }, ['overrides', '2026-13-01']],
    ['bad override interval', { ...ok, overrides: { '2026-03-09': [['10:00', '09:00']] } }, ['overrides', '2026-03-09', 0]],
    ['bad closure time', { ...ok, closures: { '2026-03-09': [['10:00', '11:00'], ['12:00', '1pm']] } }, ['closures', '2026-03-09', 1, 1]],
  ])('%s', (_name, spec, field) => {
    expect(fieldOf(spec)).toEqual(field);
  });

  it('the message names the field', () => {
    expect(() => compileCalendar({ ...ok, hours: { mon: [['09:00', '25:00']] } })).toThrow(/hours\.mon\[0\]\[1\].*25:00/);
    expect(() => compileCalendar({ ...ok, timeZone: 'Mars/Olympus' })).toThrow(/timeZone.*Mars\/Olympus/);
  });

  it('rejects negative amounts and non-finite numbers in calls', () => {
    const cal = compileCalendar(ok);
    const t = Date.parse('2026-03-09T12:00:00Z');
    const fieldOfCall = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        expect(err).toBeInstanceOf(CalendarError);
        return [...(err as CalendarError).field];
      }
      return undefined;
    };
    expect(fieldOfCall(() => cal.add(t, -1))).toEqual(['ms']);
    expect(fieldOfCall(() => cal.subtract(t, -1))).toEqual(['ms']);
    expect(fieldOfCall(() => cal.add(Number.NaN, 1))).toEqual(['at']);
    expect(fieldOfCall(() => cal.add(t, Number.POSITIVE_INFINITY))).toEqual(['ms']);
    expect(fieldOfCall(() => cal.elapsed(t, Number.NaN))).toEqual(['to']);
    expect(fieldOfCall(() => cal.isOpen(Number.NEGATIVE_INFINITY))).toEqual(['at']);
    expect(fieldOfCall(() => cal.addBusinessDays(t, -1))).toEqual(['days']);
    expect(fieldOfCall(() => cal.addBusinessDays(t, 1.5))).toEqual(['days']);
  });
});

describe('helpers for the validator', () => {
  it('parseClock', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('09:30')).toBe(34_200);
    expect(parseClock('23:59:59')).toBe(86_399);
    expect(parseClock('24:00')).toBe(86_400);
    expect(parseClock('24:00:00')).toBe(86_400);
    for (const bad of ['24:01', '25:00', '9:00', '09:60', '09:00:60', '', '09:00:00:00', ' 09:00']) expect(parseClock(bad)).toBeNull();
  });

  it('isValidTimeZone', () => {
    expect(isValidTimeZone('Australia/Lord_Howe')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});
