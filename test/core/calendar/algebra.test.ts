// Algebraic laws that must hold for any calendar, instant and amount, at millisecond precision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../core/calendar/index.ts';
import { calendarCase, runs } from './arbitraries.ts';

const DAY = 86_400_000;
const offset = fc.integer({ min: -5 * DAY, max: 5 * DAY });
const amount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60_000 }), fc.integer({ min: 0, max: 20 * DAY }));

describe('algebra of add, subtract and elapsed', () => {
  it('elapsed(a, add(a, x)) = x, and the result is open', () => {
    fc.assert(
      fc.property(calendarCase(), offset, amount, ({ spec, anchor }, o, x) => {
        const cal = compileCalendar(spec);
        const a = anchor + o;
        const b = cal.add(a, x);
        expect(cal.elapsed(a, b)).toBe(x);
        expect(cal.isOpen(b)).toBe(true);
        expect(b).toBeGreaterThanOrEqual(a);
      }),
      { numRuns: runs(300, 20) },
    );
  });

  it('add is monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(calendarCase(), offset, offset, amount, amount, ({ spec, anchor }, o1, o2, x1, x2) => {
        const cal = compileCalendar(spec);
        const [a1, a2] = [anchor + Math.min(o1, o2), anchor + Math.max(o1, o2)];
        const [lo, hi] = [Math.min(x1, x2), Math.max(x1, x2)];
        expect(cal.add(a1, lo)).toBeLessThanOrEqual(cal.add(a1, hi));
        expect(cal.add(a1, lo)).toBeLessThanOrEqual(cal.add(a2, lo));
        expect(cal.subtract(a1, hi)).toBeLessThanOrEqual(cal.subtract(a1, lo));
        expect(cal.subtract(a1, lo)).toBeLessThanOrEqual(cal.subtract(a2, lo));
      }),
      { numRuns: runs(300, 20) },
    );
  });

  it('subtract undoes add: both round trips give the first open instant at or after the start', () => {
    fc.assert(
      fc.property(calendarCase(), offset, amount, ({ spec, anchor }, o, x) => {
        const cal = compileCalendar(spec);
        const a = anchor + o;
        const start = cal.add(a, 0);
        const back = cal.subtract(a, x);
        expect(cal.elapsed(back, a)).toBe(x);
        if (x > 0) {
          expect(cal.subtract(cal.add(a, x), x)).toBe(start);
          expect(cal.add(back, x)).toBe(start);
          expect(cal.isOpen(back)).toBe(true);
        } else {
          expect(back).toBeLessThanOrEqual(a);
          expect(cal.elapsed(back, a)).toBe(0);
        }
      }),
      { numRuns: runs(300, 20) },
    );
  });

  it('elapsed is additive and agrees with periods and isOpen', () => {
    fc.assert(
      fc.property(calendarCase(), offset, offset, offset, ({ spec, anchor }, o1, o2, o3) => {
        const cal = compileCalendar(spec);
        const [a, b, c] = [o1, o2, o3].sort((x, y) => x - y).map((o) => anchor + o) as [number, number, number];
        expect(cal.elapsed(a, c)).toBe(cal.elapsed(a, b) + cal.elapsed(b, c));
        const periods = cal.periods(a, c);
        expect(periods.reduce((sum, [s, e]) => sum + e - s, 0)).toBe(cal.elapsed(a, c));
        for (const [s, e] of periods) {
          expect(cal.isOpen(s)).toBe(true);
          expect(cal.isOpen(e - 1)).toBe(true);
          if (e < c) expect(cal.isOpen(e)).toBe(false);
        }
      }),
      { numRuns: runs(300, 20) },
    );
  });
});
