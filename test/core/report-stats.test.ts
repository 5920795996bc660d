// The report sorts every duration set for its percentiles; whole-millisecond sets of 256 and more take a radix
// sort, which must give exactly the array the native sort gives, whatever the mix of values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Values, nearestRank } from '../../core/report/stats.ts';

const sortedNatively = (xs: number[]) => [...Float64Array.from(xs).sort()];
const sortedByValues = (xs: number[]) => {
  const v = new Values();
  for (const x of xs) v.push(x);
  return [...v.sorted()];
};

describe('Values.sorted', () => {
  it('equals the native sort for whole-ms durations of every size, from a few to thousands (radix path)', () => {
    const ms = fc.oneof(fc.integer({ min: 0, max: 3_600_000 }), fc.integer({ min: 0, max: 2 ** 47 }), fc.constantFrom(0, 1, 2047, 2048, 2 ** 32, 2 ** 48 - 1));
    fc.assert(fc.property(fc.array(ms, { minLength: 0, maxLength: 3000 }), (xs) => {
      expect(sortedByValues(xs)).toEqual(sortedNatively(xs));
    }), { numRuns: 150 });
  });

  it('falls back to the native sort when a value is fractional, negative, -0, huge or NaN', () => {
    const odd = fc.constantFrom(0.5, -1, -0, 2 ** 48, Number.NaN, 1e300);
    const xs = fc.tuple(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 300, maxLength: 600 }), odd, fc.nat({ max: 599 }));
    fc.assert(
      fc.property(xs, ([whole, bad, at]) => {
        const mixed = [...whole];
        mixed.splice(at % (mixed.length + 1), 0, bad);
        expect(sortedByValues(mixed)).toEqual(sortedNatively(mixed));
      }),
      { numRuns: 100 },
    );
  });

  it('gives nearest-rank percentiles on the sorted array', () => {
    const v = new Values();
    for (let i = 1000; i >= 1; i--) v.push(i * 60_000);
    const s = v.sorted();
    expect(nearestRank(s, 50)).toBe(500 * 60_000);
    expect(nearestRank(s, 90)).toBe(900 * 60_000);
  });
});
