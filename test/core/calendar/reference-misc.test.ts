// subtract, isOpen, isHoliday and addBusinessDays against the brute-force reference, around real DST transitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../core/calendar/index.ts';
import { TIMEOUT, amountFor, calendarCase, fraction, runs } from './arbitraries.ts';
import { Reference } from './reference.ts';

const MINUTE = 60_000;
const iso = (t: number) => new Date(t).toISOString();

describe('subtract, isOpen, isHoliday and addBusinessDays match the brute-force reference', () => {
  it('subtract', () => {
    fc.assert(
      fc.property(calendarCase(), fraction, ({ spec, anchor }, frac) => {
        const x = amountFor(spec, frac) * MINUTE;
        const cal = compileCalendar(spec);
        const ref = new Reference(spec);
        expect(iso(cal.subtract(anchor, x))).toBe(iso(ref.subtract(anchor, x)));
      }),
      { numRuns: runs(300) },
    );
  }, TIMEOUT);

  it('isOpen and isHoliday at many instants of one calendar', () => {
    fc.assert(
      fc.property(calendarCase(), fc.array(fc.integer({ min: -3 * 1440, max: 3 * 1440 }), { minLength: 1, maxLength: 20 }), ({ spec, anchor }, offsets) => {
        const cal = compileCalendar(spec);
        const ref = new Reference(spec);
        for (const o of offsets) {
          const t = anchor + o * MINUTE;
          expect([iso(t), cal.isOpen(t)]).toEqual([iso(t), ref.isOpen(t)]);
          expect(cal.isHoliday(t)).toBe(ref.isHoliday(t));
        }
      }),
      { numRuns: runs(900, 99) },
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
});

describe('one calendar asked in any order', () => {
  // The compiled calendar keeps a horizon that grows both ways and restarts far away, with a day index and a
  // memo of business dates over it: its answers must not depend on what it was asked before.
  it('gives what a freshly compiled calendar gives, for elapsed, add and addBusinessDays', () => {
    const YEAR = 366 * 1440;
    fc.assert(
      fc.property(
        calendarCase(),
        fc.array(fc.tuple(fc.integer({ min: -80 * YEAR, max: 80 * YEAR }), fc.integer({ min: 0, max: 20 * 1440 }), fc.integer({ min: 0, max: 12 })), { minLength: 2, maxLength: 12 }),
        ({ spec, anchor }, queries) => {
          const shared = compileCalendar(spec);
          for (const [offset, span, days] of queries) {
            const t = anchor + offset * MINUTE;
            const fresh = () => compileCalendar(spec);
            expect(shared.elapsed(t, t + span * MINUTE)).toBe(fresh().elapsed(t, t + span * MINUTE));
            expect(iso(shared.add(t, span * MINUTE))).toBe(iso(fresh().add(t, span * MINUTE)));
            expect(iso(shared.addBusinessDays(t, days))).toBe(iso(fresh().addBusinessDays(t, days)));
          }
        },
      ),
      { numRuns: runs(150) },
    );
  }, TIMEOUT);
});
