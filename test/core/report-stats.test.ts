// The report's order statistics come from two selections, not a sort: they must be what the sorted array gives,
// whatever the mix of values (many equal ones, a single one, zeros, NaN), and the histogram must count each once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATION_EDGES } from '../../core/report/index.ts';
import { Values, nearestRank } from '../../core/report/stats.ts';

function reference(xs: number[]) {
  const s = Float64Array.from(xs).sort();
  const histogram = new Array<number>(DURATION_EDGES.length + 1).fill(0);
  for (const x of xs) if (!Number.isNaN(x)) histogram[DURATION_EDGES.filter((e) => x >= e).length]!++;
  return { count: xs.length, median: nearestRank(s, 50), p90: nearestRank(s, 90), histogram };
}

function valuesOf(xs: number[], split = xs.length): Values {
  // Filled in two parts joined by append, as the report's 'all' rows are.
  const a = new Values();
  const b = new Values();
  xs.forEach((x, i) => (i < split ? a : b).push(x));
  a.append(b);
  return a;
}

describe('Values.stats', () => {
  it('gives the nearest-rank median and p90 of the sorted values, and their histogram', () => {
    const ms = fc.oneof(fc.integer({ min: 0, max: 3_600_000 }), fc.integer({ min: 0, max: 2 ** 47 }), fc.constantFrom(0, 60_000, 900_000, 2 ** 48 - 1), fc.double({ min: 0, max: 1e9, noNaN: true }));
    fc.assert(fc.property(fc.array(ms, { minLength: 0, maxLength: 3000 }), fc.nat(), (xs, at) => {
      expect(valuesOf(xs, at % (xs.length + 1)).stats()).toEqual(reference(xs));
    }), { numRuns: 200 });
  });

  it('selects by buckets in large sets (4096 values and more) as the sort would, whatever the spread', () => {
    const spreads = fc.constantFrom(1, 60_000, 2 ** 40, 1e-9);
    const big = fc.tuple(spreads, fc.integer({ min: 4096, max: 12_000 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(0, 3, 40)).map(([spread, n, seed, distinct]) => {
      let x = seed;
      const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      // distinct = 0: a continuous spread; otherwise that many distinct values, heavily repeated.
      return Array.from({ length: n }, () => (distinct === 0 ? next() * spread : Math.floor(next() * distinct) * spread) + (spread < 1 ? 1e6 : 0));
    });
    fc.assert(fc.property(big, fc.nat(), (xs, at) => {
      expect(valuesOf(xs, at % (xs.length + 1)).stats()).toEqual(reference(xs));
    }), { numRuns: 40 });
  });

  it('keeps sets past one block (16,384 values) whole, with NaN too', () => {
    fc.assert(fc.property(fc.integer({ min: 16_380, max: 40_000 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.nat(), fc.boolean(), (n, seed, at, withNaN) => {
      let x = seed;
      const xs = Array.from({ length: n }, (_, i) => (withNaN && i % 9_999 === 7 ? Number.NaN : (x = (x * 1103515245 + 12345) % 2 ** 31) % 5_000_000));
      expect(valuesOf(xs, at % (n + 1)).stats()).toEqual(reference(xs));
    }), { numRuns: 12 });
  });

  it('handles sets that are all equal or nearly so (three-way partition)', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(0, 60_000, 120_000), { minLength: 1, maxLength: 5000 }), (xs) => {
      expect(valuesOf(xs).stats()).toEqual(reference(xs));
    }), { numRuns: 100 });
  });

  it('orders NaN last as the native sort does, and counts it in no bucket', () => {
    const xs = [5 * 60_000, Number.NaN, 20 * 60_000, 1, Number.NaN];
    expect(valuesOf(xs, 2).stats()).toEqual(reference(xs));
    expect(valuesOf(xs).stats().p90).toBeNaN();
  });

  it('gives the statistics of every value when more arrive after they were asked for, own or in a joined set', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 10 ** 9 }), { maxLength: 300 }), { minLength: 3, maxLength: 3 }), ([a, b, c]) => {
      const whole = valuesOf(a!);
      expect(whole.stats()).toEqual(reference(a!));
      for (const x of b!) whole.push(x);
      expect(whole.stats()).toEqual(reference([...a!, ...b!]));
      const part = valuesOf(c!);
      expect(part.stats()).toEqual(reference(c!));
      whole.append(part);
      expect(whole.stats()).toEqual(reference([...a!, ...b!, ...c!]));
    }), { numRuns: 100 });
  });

  it('gives nearest-rank percentiles', () => {
    const v = new Values();
    for (let i = 1000; i >= 1; i--) v.push(i * 60_000);
    const s = v.stats();
    expect(s.median).toBe(500 * 60_000);
    expect(s.p90).toBe(900 * 60_000);
    expect(new Values().stats()).toEqual({ count: 0, median: null, p90: null, histogram: new Array(DURATION_EDGES.length + 1).fill(0) });
  });
});
