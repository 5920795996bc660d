// add, elapsed, addBusinessDays and a second-level run against the brute-force reference, around real DST
// transitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../core/calendar/index.ts';
import { TIMEOUT, amountFor, calendarCase, fraction, runs } from './arbitraries.ts';
import { Reference } from './reference.ts';

const MINUTE = 60_000;
const iso = (t: number) => new Date(t).toISOString();

describe('add, elapsed and addBusinessDays match the brute-force reference', () => {
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

  it('addBusinessDays', () => {
    fc.assert(
      fc.property(calendarCase(), fc.integer({ min: 0, max: 3 }), ({ spec, anchor }, days) => {
        const cal = compileCalendar(spec);
        const ref = new Reference(spec);
        expect(iso(cal.addBusinessDays(anchor, days))).toBe(iso(ref.addBusinessDays(anchor, days)));
      }),
      { numRuns: runs(150) },
    );
  }, TIMEOUT);

  it('second-level hours, stepping one second', () => {
    const SECOND = 1000;
    fc.assert(
      fc.property(calendarCase({ seconds: true }), fc.integer({ min: 0, max: 1800 }), fc.integer({ min: -7, max: 7 }), ({ spec, anchor }, x, jitter) => {
        const cal = compileCalendar(spec);
        const ref = new Reference(spec, SECOND);
        const at = anchor + jitter * SECOND;
        const open = cal.isOpen(at);
        expect(open).toBe(ref.isOpen(at));
        // Brute force in seconds is dear: only walk when the calendar opens within the hour.
        if (open || cal.add(at, 0) - at < 3_600_000) {
          expect(iso(cal.add(at, x * SECOND))).toBe(iso(ref.add(at, x * SECOND)));
          expect(cal.elapsed(at, at + 1800 * SECOND)).toBe(ref.elapsed(at, at + 1800 * SECOND));
        }
        if (at - cal.subtract(at, 0) < 600_000 && cal.elapsed(at - 3_600_000, at) >= x * SECOND) {
          expect(iso(cal.subtract(at, x * SECOND))).toBe(iso(ref.subtract(at, x * SECOND)));
        }
      }),
      { numRuns: runs(60) },
    );
  }, TIMEOUT);
});
