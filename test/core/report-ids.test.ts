// SeenIds against a Map of the ids themselves: the same answers over random sequences with many repeats, through
// several growths of its table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../core/report/ids.ts';

// Numbers near each other (read by number), with prefixes, leading zeros, digits on both sides of a prefix's end,
// numbers spread too far for an array, and ids of other shapes (read by hash).
const near = fc.nat(3_000);
const id = fc.oneof(
  near.map(String),
  near.map((n) => `INC${String(n).padStart(7, '0')}`),
  near.map((n) => `INC${n}`),
  near.map((n) => `INCX${n}`),
  fc.tuple(fc.constantFrom('OPS-', 'A1-', '1', ''), near).map(([p, n]) => `${p}${n}`),
  // Same length, one prefix the start of the other: A012 and AB12 are different tickets.
  fc.tuple(fc.constantFrom('A', 'AB'), fc.nat(99)).map(([p, n]) => p + String(n).padStart(4 - p.length, '0')),
  fc.nat(999_999_999).map(String),
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 10, maxLength: 40 }),
  fc.bigInt({ min: 0n, max: 10n ** 14n }).map(String),
);

describe('SeenIds', () => {
  it('answers as a Map of first rows does', () => {
    fc.assert(
      fc.property(fc.array(id, { minLength: 1_000, maxLength: 12_000 }), (ids) => {
        const seen = new SeenIds();
        const reference = new Map<string, number>();
        ids.forEach((id, i) => {
          const row = i + 2;
          expect(seen.add(id, row)).toBe(reference.get(id) ?? 0);
          if (!reference.has(id)) reference.set(id, row);
        });
      }),
      { numRuns: 40, seed: 2026_11_27 },
    );
  });

  it('tells apart ids that differ in one character anywhere, past 100,000 ids', () => {
    const seen = new SeenIds();
    let repeats = 0;
    for (let i = 0; i < 100_000; i++) if (seen.add(`INC${String(i).padStart(10, '0')}`, i + 2) !== 0) repeats++;
    expect(repeats).toBe(0);
    expect(seen.add('INC0000054321', 1)).toBe(54_323);
    expect(seen.add('INC0000054321x', 1)).toBe(0);
    expect(seen.add('INC54321', 1)).toBe(0);
  });

  it('keeps its answers when a run of numbers turns out too sparse for an array', () => {
    const seen = new SeenIds();
    for (let i = 0; i < 5_000; i++) expect(seen.add(String(100_000 + i), i + 2)).toBe(0);
    expect(seen.add('900000000', 9)).toBe(0);
    expect(seen.add('100042', 1)).toBe(44);
    expect(seen.add('900000000', 1)).toBe(9);
  });
});
