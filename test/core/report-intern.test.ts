// The interner finds an equal string or none, whatever shares its slot: it may only save hashing, never change a cell.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Interner } from '../../core/report/intern.ts';

describe('Interner', () => {
  it('finds a string equal to the one given or none, for columns of few and of many distinct values', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { minLength: 1, maxLength: 3000 }), (words, picks) => {
        const column = new Interner();
        for (const k of picks) {
          const s = words[k % words.length]!;
          // A fresh copy, as each row's cell is.
          const cell = s.slice(0, 1) + s.slice(1);
          const found = column.find(cell);
          if (found === '') column.add(cell);
          else expect(found).toBe(s);
          expect(column.find(cell)).toBe(s);
        }
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });

  it('keeps apart values that take the same slot (same length, first, middle and last character)', () => {
    const words = new Interner();
    const values = Array.from({ length: 1000 }, (_, i) => `a${String(i).padStart(3, '0')}m${String(999 - i).padStart(3, '0')}a`);
    for (let round = 0; round < 3; round++) {
      for (const v of values) {
        expect(['', v]).toContain(words.find(`${v}`));
        words.add(`${v}`);
      }
    }
    expect(words.find('a000m999a')).toBe('');
  });
});
