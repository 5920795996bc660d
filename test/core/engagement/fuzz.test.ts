// Mutated valid files: whatever the mutation, parse returns a result, and every problem can be shown to a person
// (a path, a line and a column inside the file). CI runs 10,000 mutations; TANDEM_DEEP=1 runs ten times more.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEngagement, type ParseResult } from '../../../core/engagement/index.ts';
import { NOW, read } from './helpers.ts';

const DEEP = process.env.TANDEM_DEEP === '1';
const minimal = read('test/fixtures/engagements/minimal.yaml');
const example = read('examples/acme-ost.yaml');
const jsonSeed = JSON.stringify((parseEngagement(minimal, { now: NOW }) as { engagement: unknown }).engagement, null, 1);
const SPECIAL = ':{}[],&*!|>\'"%@`#- \t\n\\?';

type Mutation = (text: string) => string;
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.nat(), ch: fc.constantFrom(...SPECIAL.split(''), 'x', '0', '\u00e9', '\u{1F600}') }).map(({ at, ch }) => (t: string) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + ch + t.slice(i);
  }),
  fc.nat().map((at) => (t: string) => {
    const i = at % Math.max(t.length, 1);
    return t.slice(0, i) + t.slice(i + 1);
  }),
  fc.record({ a: fc.nat(), b: fc.nat() }).map(({ a, b }) => (t: string) => {
    const lines = t.split('\n');
    const [i, j] = [a % lines.length, b % lines.length];
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join('\n');
  }),
  fc.record({ at: fc.nat(), op: fc.constantFrom('drop', 'dup', 'indent', 'dedent') }).map(({ at, op }) => (t: string) => {
    const lines = t.split('\n');
    const i = at % lines.length;
    if (op === 'drop') lines.splice(i, 1);
    else if (op === 'dup') lines.splice(i, 0, lines[i]!);
    else if (op === 'indent') lines[i] = `  ${lines[i]}`;
    else lines[i] = lines[i]!.replace(/^ {1,2}/, '');
    return lines.join('\n');
  }),
  fc.record({ at: fc.nat(), value: fc.constantFrom('~', '[]', '{}', '42', '-1', 'true', '"', '&a', '*a', '!!binary x', '24x7', '1d', 'oncall:', '25:00', '') }).map(
    ({ at, value }) => (t: string) => {
      const scalars = [...t.matchAll(/(?<=[:,[{] )[^\s,\]}][^,\]}\n]*/g)];
      if (scalars.length === 0) return t;
      const m = scalars[at % scalars.length]!;
      return t.slice(0, m.index) + value + t.slice(m.index! + m[0].length);
    },
  ),
);

let slowest = { ms: 0, text: '' };
let cases = 0;

function assertShowable(result: ParseResult, text: string): void {
  cases++;
  const lines = text.split(/\r\n|\r|\n/).length + 1;
  const problems = result.ok ? result.warnings : result.problems;
  if (!result.ok) expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(Array.isArray(p.path)).toBe(true);
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1).toBe(true);
    expect(typeof p.message === 'string' && p.message.length > 0).toBe(true);
    expect(['error', 'warning']).toContain(p.severity);
  }
}

function timedParse(text: string): ParseResult {
  const t0 = performance.now();
  const result = parseEngagement(text, { fileName: 'fuzz.yaml', now: NOW });
  const ms = performance.now() - t0;
  if (ms > slowest.ms) slowest = { ms, text };
  return result;
}

describe('fuzzing parseEngagement', () => {
  afterAll(() => {
    console.log(`fuzz: ${cases} cases, slowest ${slowest.ms.toFixed(1)} ms (${slowest.text.length} chars)`);
  });

  // The small files take most of the runs: yaml reads about a megabyte a second, and the example is 37 kB.
  it.each([
    ['the minimal YAML and JSON files', [minimal, jsonSeed], DEEP ? 90_000 : 9_000],
    ['the example engagement', [example], DEEP ? 10_000 : 1_000],
  ])('mutations of %s always give a result whose problems have a path, line and column', (_, sources, runs) => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, mutations) => {
        const text = mutations.reduce((t, m) => m(t), sources[which % sources.length]!);
        assertShowable(timedParse(text), text);
      }),
      { numRuns: runs, seed: DEEP ? undefined : 20261127 },
    );
  }, 900_000);

  it('wrong types anywhere in the structure are problems, not exceptions', () => {
    const base = (parseEngagement(minimal, { now: NOW }) as unknown as { engagement: Record<string, unknown> }).engagement;
    const paths: Array<Array<string | number>> = [];
    const walk = (v: unknown, path: Array<string | number>) => {
      paths.push(path);
      if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue({ maxDepth: 3 }), fc.boolean(), (at, value, asJson) => {
        const copy = structuredClone(base) as Record<string, unknown>;
        const path = paths[at % paths.length]!;
        if (path.length === 0) return;
        let parent: Record<string | number, unknown> = copy;
        for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
        parent[path.at(-1)!] = value;
        const text = asJson ? JSON.stringify(copy, null, 2) : stringify(copy);
        assertShowable(timedParse(text), text);
      }),
      { numRuns: DEEP ? 20_000 : 2_000, seed: DEEP ? undefined : 1127 },
    );
  }, 900_000);
});
