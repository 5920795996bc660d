// subtract, isOpen, isHoliday and addBusinessDays against the brute-force reference; plus a second-level run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../core/calendar/index.ts';
import { amountFor, calendarCase, fraction, runs } from './arbitraries.ts';
import { Reference } from './reference.ts';

const MINUTE = 60_000;
const iso = (t: number) => new Date(t).toISOString();

describe('queries match the brute-force reference', () => {
  it('subtract', () => {
    fc.assert(
      fc.property(calendarCase(), fraction, ({ spec, anchor }, frac) => {
        const x = amountFor(spec, frac) * MINUTE;
        const cal = compileCalendar(spec);
        const ref = new Reference(spec);
        expect(iso(cal.subtract(anchor, x))).toBe(iso(ref.subtract(anchor, x)));
      }),
      { numRuns: runs(350) },
    );
  });

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
      { numRuns: runs(800) },
    );
  });

  it('addBusinessDays', () => {
    fc.assert(
      fc.property(calendarCase(), fc.integer({ min: 0, max: 3 }), ({ spec, anchor }, days) => {
        const cal = compileCalendar(spec);
        const ref = new Reference(spec);
        expect(iso(cal.addBusinessDays(anchor, days))).toBe(iso(ref.addBusinessDays(anchor, days)));
      }),
      { numRuns: runs(150) },
    );
  });

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
      }),
      { numRuns: runs(60) },
    );
  });
});
