import { describe, expect, it } from 'vitest';
import { durationMessage, expandWeekdays, parseDuration, parseInterval, parsePhone, parseShift } from '../../../core/engagement/formats.ts';
import { didYouMean } from '../../../core/engagement/suggest.ts';

describe('durations', () => {
  it.each([
    ['15m', { ms: 900_000 }],
    ['4h', { ms: 14_400_000 }],
    ['2h30m', { ms: 9_000_000 }],
    ['90s', { ms: 90_000 }],
    ['1h0m30s', { ms: 3_630_000 }],
    ['0m', { ms: 0 }],
    ['1bd', { businessDays: 1 }],
    ['10bd', { businessDays: 10 }],
  ])('%s', (text, value) => expect(parseDuration(text)).toEqual(value));

  it.each(['', '1d', '1.5h', '4 h', 'h', '30m2h', '1bd4h', '-1h', '01bd', '1w'])('refuses %j', (text) => expect(parseDuration(text)).toBeNull());

  it('explains why a bare d is refused', () => {
    expect(durationMessage('3d')).toBe("'3d' is ambiguous: write '3bd' for 3 business days or '72h' for 72 hours on the calendar");
    expect(durationMessage(15)).toBe("write a duration with its unit, such as '15m' or '15h'");
  });
});

describe('weekday keys', () => {
  it.each([
    ['mon-fri', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['sat,sun', ['sat', 'sun']],
    ['fri-mon', ['mon', 'fri', 'sat', 'sun']],
    ['mon-wed, fri', ['mon', 'tue', 'wed', 'fri']],
    ['daily', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']],
  ])('%s', (key, days) => expect(expandWeekdays(key)).toEqual(days));

  it.each(['weekdays', 'mon-', 'monday', ''])('refuses %j', (key) => expect(expandWeekdays(key)).toBeNull());
});

describe('time ranges', () => {
  it('reads strings and pairs, pads single-digit hours, allows 24:00 as an end', () => {
    expect(parseInterval('8:00-12:30')).toMatchObject({ start: '08:00', end: '12:30', startSeconds: 28_800, endSeconds: 45_000 });
    expect(parseInterval(['22:00', '24:00'])).toMatchObject({ start: '22:00', end: '24:00', endSeconds: 86_400 });
    expect(parseInterval('09:00:30-09:00:45')).toMatchObject({ startSeconds: 32_430, endSeconds: 32_445 });
  });

  it.each([
    ['22:00-06:00', /cannot cross midnight/],
    ['09:00-09:00', /ends before it starts/],
    ['24:00-24:00', /cannot start at 24:00/],
    ['25:00-26:00', /not a time of day/],
    ['09:60-10:00', /not a time of day/],
    ['9-17', /not a time range/],
  ])('refuses %s', (text, message) => expect(parseInterval(text)).toMatch(message));
});

describe('phone numbers', () => {
  it('keeps E.164 digits and an extension', () => {
    expect(parsePhone('+1 (973) 555-0100')).toEqual({ e164: '+19735550100' });
    expect(parsePhone('+44 20 7946 0958 ext 12')).toEqual({ e164: '+442079460958', extension: '12' });
    expect(parsePhone('+1.800.555.0199;ext=4')).toEqual({ e164: '+18005550199', extension: '4' });
  });

  it.each(['973 555 0100', '001 973 555 0100', '+0 973 555 0100', '+1 555', '+1 973 555 0100 0000 0000', 'call Jane'])('refuses %j', (text) =>
    expect(parsePhone(text)).toBeNull(),
  );
});

it('reads shift lengths as wall-clock hours or days', () => {
  expect(parseShift('12h')).toEqual({ hours: 12 });
  expect(parseShift('1d')).toEqual({ days: 1 });
  expect(parseShift('2w')).toEqual({ days: 14 });
  expect(parseShift('0h')).toBeNull();
});

it('suggests only near misses', () => {
  expect(didYouMean('buisness', ['business', 'always'])).toBe('business');
  expect(didYouMean('pauseWehn', ['pauseWhen', 'warnAt'])).toBe('pauseWhen');
  expect(didYouMean('P9', ['P1', 'P2'])).toBe('P1');
  expect(didYouMean('zed', ['jdoe', 'asmith'])).toBeNull();
  expect(didYouMean('x', [])).toBeNull();
});
