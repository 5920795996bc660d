// The export time parser reads the common ISO shapes without its regex (TimeParser.parseIsoFast). That shortcut must
// give exactly what the regex path gives, for valid values, impossible ones (31 February, 24:00, second 60) and
// near misses of the shape; and it must actually take the common shapes, or the report is slow again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_ISO, TimeParser } from '../../core/report/time.ts';

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const stamp = fc.record({
  y: fc.integer({ min: 0, max: 9999 }),
  mo: fc.integer({ min: 0, max: 19 }),
  d: fc.integer({ min: 0, max: 39 }),
  h: fc.integer({ min: 0, max: 29 }),
  mi: fc.integer({ min: 0, max: 69 }),
  s: fc.integer({ min: 0, max: 69 }),
  sep: fc.constantFrom('T', ' '),
  frac: fc.option(fc.tuple(fc.constantFrom('.', ','), fc.integer({ min: 0, max: 999 })), { nil: undefined }),
  zone: fc.option(
    fc.oneof(
      fc.constantFrom('Z', 'z'),
      // Offsets past ±14 hours or 59 minutes are no time; both paths must say so.
      fc.tuple(fc.constantFrom('+', '-'), fc.oneof(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 99 })), fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 99 })))
        .map(([sg, h, m]) => `${sg}${pad(h, 2)}:${pad(m, 2)}`),
    ),
    { nil: undefined },
  ),
});
const text = (v: typeof stamp extends fc.Arbitrary<infer T> ? T : never) =>
  `${pad(v.y, 4)}-${pad(v.mo, 2)}-${pad(v.d, 2)}${v.sep}${pad(v.h, 2)}:${pad(v.mi, 2)}:${pad(v.s, 2)}${v.frac ? `${v.frac[0]}${pad(v.frac[1], 3)}` : ''}${v.zone ?? ''}`;

const parsers = [new TimeParser(undefined), new TimeParser('America/New_York'), new TimeParser('Australia/Lord_Howe')];

describe('the fast ISO path of the export time parser', () => {
  it('takes every YYYY-MM-DD[T ]HH:MM:SS[.mmm][Z|±HH:MM] and gives what the regex path gives', () => {
    fc.assert(
      fc.property(stamp, (v) => {
        const s = text(v);
        for (const p of parsers) {
          const fast = p.parseIsoFast(s);
          expect(fast).not.toBe(NOT_ISO);
          expect([s, fast]).toEqual([s, p.parseGeneral(s)]);
          expect(Object.is(p.parse(s), fast)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the regex path on month ends, leap and century years, 24:00, second 60 and the widest offsets', () => {
    const disagree: [string, number, number][] = [];
    for (const y of [99, 100, 400, 1900, 1970, 2000, 2023, 2024, 2100, 9999]) {
      for (let mo = 1; mo <= 12; mo++) {
        for (const d of [1, 28, 29, 30, 31]) {
          for (const [h, mi, sec] of [[0, 0, 0], [23, 59, 59], [23, 59, 60], [24, 0, 0], [24, 0, 1], [24, 1, 0], [24, 0, 60], [24, 59, 59]]) {
            for (const frac of ['', '.000', '.001', '.999']) {
              for (const zone of ['', 'Z', '-05:00', '+14:00', '-14:59', '+15:00', '-00:60']) {
                const s = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h!, 2)}:${pad(mi!, 2)}:${pad(sec!, 2)}${frac}${zone}`;
                for (const p of parsers) {
                  const fast = p.parseIsoFast(s);
                  const general = p.parseGeneral(s);
                  if (fast === NOT_ISO || !Object.is(fast, general)) disagree.push([s, fast, general]);
                }
              }
            }
          }
        }
      }
    }
    expect(disagree).toEqual([]);
  });

  it('declines a character just outside the digits (/ and : to ?) at each digit position', () => {
    const base = '2026-03-04T10:15:00.123-05:00';
    for (let i = 0; i < base.length; i++) {
      if (!/\d/.test(base[i]!)) continue;
      for (const c of '/:;<=>?') {
        const s = base.slice(0, i) + c + base.slice(i + 1);
        for (const p of parsers) expect([s, p.parseIsoFast(s)]).toEqual([s, NOT_ISO]);
      }
    }
  });

  it('gives what the regex path gives for fractions of one or two digits, which it leaves to that path', () => {
    for (const s of ['2026-03-04T10:15:00.1', '2026-03-04T10:15:00,12', '2026-03-04T10:15:00.1Z', '2026-03-04T10:15:00.12Z', '2026-03-04T10:15:00.5-05:00']) {
      for (const p of parsers) {
        expect([s, p.parseIsoFast(s)]).toEqual([s, NOT_ISO]);
        expect([s, p.parse(s)]).toEqual([s, p.parseGeneral(s)]);
      }
    }
  });

  it('gives what the regex path gives, or declines, for near misses of that shape', () => {
    const chars = fc.constantFrom(...'0123456789-:T .,+Zz/aU'.split(''));
    fc.assert(
      fc.property(stamp, fc.array(fc.tuple(fc.nat(), chars, fc.constantFrom('replace', 'insert', 'delete')), { minLength: 1, maxLength: 3 }), (v, edits) => {
        let s = text(v);
        for (const [at, c, op] of edits) {
          const i = at % (s.length + 1);
          s = op === 'replace' ? s.slice(0, i) + c + s.slice(i + 1) : op === 'insert' ? s.slice(0, i) + c + s.slice(i) : s.slice(0, i) + s.slice(i + 1);
        }
        for (const p of parsers) {
          const fast = p.parseIsoFast(s);
          if (fast !== NOT_ISO) expect([s, fast]).toEqual([s, p.parseGeneral(s)]);
          expect(Object.is(p.parse(s), fast === NOT_ISO ? p.parseGeneral(s) : fast)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
