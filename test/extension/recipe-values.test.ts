// The generic recipe's value rules, applied in the background: regex with one group, map, and dates read with a
// moment-style format in a zone (DST: a skipped time moves forward by the gap, a repeated one takes the earlier
// instant, as core's calendars do). Page text that does not fit gives a problem, never a throw.
import { describe, expect, test } from 'vitest';
import { recipeValue } from '../../extension/background/recipe-values.ts';

const NY = 'America/New_York';
const utc = (iso: string) => Date.parse(iso);

describe('created', () => {
  test('"Fri Nov 27 04:50:12 2026" with ddd MMM D HH:mm:ss YYYY, in the recipe\'s zone', () => {
    const rules = { format: 'ddd MMM D HH:mm:ss YYYY', timeZone: NY };
    expect(recipeValue('created', 'Fri Nov 27 04:50:12 2026', rules, 'UTC')).toEqual({ value: utc('2026-11-27T09:50:12Z') });
    // Full weekday names and stray whitespace read the same.
    expect(recipeValue('created', '  Friday   Nov 27 04:50:12 2026 ', { ...rules, format: 'dddd MMM D HH:mm:ss YYYY' }, 'UTC').value).toBe(utc('2026-11-27T09:50:12Z'));
  });

  test('"27/11/2026 16:05" with DD/MM/YYYY HH:mm; the engagement\'s zone when the recipe names none', () => {
    expect(recipeValue('created', '27/11/2026 16:05', { format: 'DD/MM/YYYY HH:mm', timeZone: 'Europe/London' }, NY).value).toBe(utc('2026-11-27T16:05:00Z'));
    expect(recipeValue('created', '27/11/2026 16:05', { format: 'DD/MM/YYYY HH:mm' }, NY).value).toBe(utc('2026-11-27T21:05:00Z'));
  });

  test('a repeated wall time (fall back) takes the earlier instant; a skipped one moves forward by the gap', () => {
    // 2026-11-01 01:30 happens twice in New York (EDT, then EST).
    expect(recipeValue('created', '01/11/2026 01:30', { format: 'DD/MM/YYYY HH:mm' }, NY).value).toBe(utc('2026-11-01T05:30:00Z'));
    // 2026-03-08 02:30 does not exist there: 03:30 EDT.
    expect(recipeValue('created', '08/03/2026 02:30', { format: 'DD/MM/YYYY HH:mm' }, NY).value).toBe(utc('2026-03-08T07:30:00Z'));
  });

  test('other formats: 12-hour clock, literal text, an offset token that fixes the instant itself', () => {
    expect(recipeValue('created', 'Nov 27, 2026 4:50 PM', { format: 'MMM D, YYYY h:mm A' }, NY).value).toBe(utc('2026-11-27T21:50:00Z'));
    expect(recipeValue('created', 'opened 2026-11-27 at 09:05', { format: '[opened] YYYY-MM-DD [at] HH:mm' }, NY).value).toBe(utc('2026-11-27T14:05:00Z'));
    expect(recipeValue('created', '2026-11-27 16:05 +02:00', { format: 'YYYY-MM-DD HH:mm Z', timeZone: NY }, NY).value).toBe(utc('2026-11-27T14:05:00Z'));
  });

  test('without a format: ISO 8601, with its offset or local to the zone', () => {
    expect(recipeValue('created', '2026-11-27T14:05:00Z', undefined, NY).value).toBe(utc('2026-11-27T14:05:00Z'));
    expect(recipeValue('created', '2026-11-27 09:05', {}, NY).value).toBe(utc('2026-11-27T14:05:00Z'));
    expect(recipeValue('created', 'yesterday', {}, NY)).toMatchObject({ value: undefined, problem: expect.stringContaining('not an ISO 8601') });
  });

  test('text that does not fit gives a problem, not a throw', () => {
    const bad = [
      ['soon', 'DD/MM/YYYY HH:mm'],
      ['31/02/2026 10:00', 'DD/MM/YYYY HH:mm'],
      ['27/11/2026', 'DD/MM/YYYY HH:mm'],
      ['27/11/2026 16:05 (edited)', 'DD/MM/YYYY HH:mm'],
      ['Nov 27 04:50:12 2026', 'ddd MMM D HH:mm:ss YYYY'],
      ['Fri Nov 27 4:50 2026', 'ddd MMM D HH:mm:ss YYYY'],
    ];
    for (const [text, format] of bad) {
      const got = recipeValue('created', text, { format }, NY);
      expect(got.value, text).toBeUndefined();
      expect(got.problem, text).toMatch(/^created: ".*" does not fit the format/);
    }
    expect(recipeValue('created', '27/11/2026 16:05', { format: 'DD/MM/YYYY HH:mm', timeZone: 'Mars/Olympus' }, NY).problem).toContain("unknown time zone 'Mars/Olympus'");
    expect(recipeValue('created', '', { format: 'DD/MM/YYYY HH:mm' }, NY).problem).toBe('created: no text on the page');
  });

  test('the regex cuts the date out of surrounding text first', () => {
    const rules = { regex: 'Opened: (.+?) by', format: 'DD/MM/YYYY HH:mm' };
    expect(recipeValue('created', 'Opened: 27/11/2026 16:05 by Pat', rules, NY).value).toBe(utc('2026-11-27T21:05:00Z'));
  });
});

describe('regex and map', () => {
  test('the first capture group is the value', () => {
    expect(recipeValue('priority', '  2 - High ', { regex: '^\\s*(\\d)' }, NY)).toEqual({ value: '2' });
    expect(recipeValue('id', '#4711', { regex: '#(\\d+)' }, NY)).toEqual({ value: '4711' });
  });

  test('a regex without a group keeps the whole match', () => {
    expect(recipeValue('id', 'Ticket INC-42 (open)', { regex: 'INC-\\d+' }, NY).value).toBe('INC-42');
  });

  test('no match is a problem naming the text and the pattern', () => {
    expect(recipeValue('priority', 'High', { regex: '^\\s*(\\d)' }, NY)).toEqual({ value: undefined, problem: 'priority: "High" does not match /^\\s*(\\d)/' });
  });

  test('an invalid regex is a problem, not a throw', () => {
    expect(recipeValue('priority', '2 - High', { regex: '(\\d' }, NY)).toMatchObject({ value: undefined, problem: expect.stringContaining('is invalid') });
  });

  test('map translates the (cut) text; exact keys first, then ignoring case; unmapped text stays', () => {
    const map = { Critical: '1', High: '2', high: 'two' };
    expect(recipeValue('priority', 'High', { map }, NY).value).toBe('2');
    expect(recipeValue('priority', 'CRITICAL', { map }, NY).value).toBe('1');
    expect(recipeValue('priority', 'Low', { map }, NY).value).toBe('Low');
    expect(recipeValue('priority', 'P: Critical', { regex: 'P: (\\w+)', map }, NY).value).toBe('1');
  });

  test('whitespace is collapsed and the rest of the text passes unchanged', () => {
    expect(recipeValue('category', '  Network\n   / VPN ', undefined, NY)).toEqual({ value: 'Network / VPN' });
    expect(recipeValue('status', undefined, undefined, NY)).toEqual({ value: undefined, problem: 'status: no text on the page' });
  });
});
