// SeenIds against a Map of the ids themselves: the same answers over random sequences with many repeats, through
// several growths of its table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../core/report/ids.ts';

describe('SeenIds', () => {
  it('answers as a Map of first rows does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.string({ minLength: 10, maxLength: 40 }), fc.nat(20_000).map(String)), { maxLength: 12_000 }), (ids) => {
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
    for (let i = 0; i < 100_000; i++) expect(seen.add(`INC${String(i).padStart(10, '0')}`, i + 2)).toBe(0);
    expect(seen.add('INC0000054321', 1)).toBe(54_323);
    expect(seen.add('INC0000054321x', 1)).toBe(0);
  });
});
