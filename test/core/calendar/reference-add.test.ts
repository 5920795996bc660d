// add and elapsed against the brute-force reference, minute by minute, around real DST transitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../core/calendar/index.ts';
import { amountFor, calendarCase, fraction, runs } from './arbitraries.ts';
import { Reference } from './reference.ts';

const MINUTE = 60_000;
const iso = (t: number) => new Date(t).toISOString();

describe('add and elapsed match the brute-force reference', () => {
  it('add', () => {
    fc.assert(
      fc.property(calendarCase(), fraction, ({ spec, anchor }, frac) => {
        const x = amountFor(spec, frac) * MINUTE;
        const cal = compileCalendar(spec);
        const ref = new Reference(spec);
        expect(iso(cal.add(anchor, x))).toBe(iso(ref.add(anchor, x)));
      }),
      { numRuns: runs(350) },
    );
  });

  it('elapsed', () => {
    fc.assert(
      fc.property(calendarCase(), fc.integer({ min: -1440, max: 1440 }), fc.integer({ min: -60, max: 1440 }), ({ spec, anchor }, o, len) => {
        const cal = compileCalendar(spec);
        const ref = new Reference(spec);
        const from = anchor + o * MINUTE;
        const to = from + len * MINUTE;
        expect(cal.elapsed(from, to)).toBe(ref.elapsed(from, to));
      }),
      { numRuns: runs(300) },
    );
  });
});
