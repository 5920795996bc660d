// add, elapsed and a second-level run against the brute-force reference, around real DST transitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../core/calendar/index.ts';
import { TIMEOUT, amountFor, calendarCase, fraction, runs } from './arbitraries.ts';
import { Reference, affordable } from './reference.ts';

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
      { numRuns: runs(300) },
    );
  }, TIMEOUT);

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
  }, TIMEOUT);

  it('second-level hours, stepping one second', () => {
    const SECOND = 1000;
    fc.assert(
      fc.property(calendarCase({ seconds: true }), fc.integer({ min: 0, max: 1800 }), fc.integer({ min: -7, max: 7 }), ({ spec, anchor }, x, jitter) => {
        const cal = compileCalendar(spec);
        // Brute force in seconds is dear: past 5,400 steps in all (90 minutes) a walk is skipped, not failed.
        const ref = new Reference(spec, SECOND, 5400);
        const at = anchor + jitter * SECOND;
        expect(cal.isOpen(at)).toBe(ref.isOpen(at));
        expect(cal.elapsed(at, at + 1800 * SECOND)).toBe(ref.elapsed(at, at + 1800 * SECOND));
        const added = affordable(() => ref.add(at, x * SECOND));
        if (added !== undefined) expect(iso(cal.add(at, x * SECOND))).toBe(iso(added));
        const back = affordable(() => ref.subtract(at, x * SECOND));
        if (back !== undefined) expect(iso(cal.subtract(at, x * SECOND))).toBe(iso(back));
      }),
      { numRuns: runs(60) },
    );
  }, TIMEOUT);
});
