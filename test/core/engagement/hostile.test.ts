import { describe, expect, it } from 'vitest';
import { parseEngagement, type Problem } from '../../../core/engagement/index.ts';
import { NOW } from './helpers.ts';

function problemsOf(text: string): Problem[] {
  const result = parseEngagement(text, { fileName: 'hostile.yaml', now: NOW });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

// A deterministic generator, so a failure here can be replayed.
function noise(length: number, alphabet: string, seed = 42): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += alphabet[x % alphabet.length];
  }
  return out;
}

describe('hostile input never throws and never hangs', () => {
  it('refuses an alias bomb', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const problems = problemsOf(`tandem: 1\n${lines.join('\n')}\n`);
    expect(problems.map((p) => p.message)).toEqual(['too many aliases: the file expands beyond a sane size (an alias bomb?)']);
  });

  it('reads 10 MB of garbage as problems', () => {
    const garbage = noise(10 * 1024 * 1024, 'abc:{}[],&*!|>\'"%@`#- \t\n\\?0123456789');
    const problems = problemsOf(garbage);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(201);
  });

  it('refuses a file over the size limit without reading it', () => {
    expect(problemsOf('#'.repeat(21 * 1024 * 1024)).map((p) => p.code)).toEqual(['too-large']);
  });

  it.each([
    ['flow sequences', '['.repeat(10_000) + ']'.repeat(10_000)],
    ['flow maps', '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['JSON objects', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)],
    ['block maps', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')],
    ['block sequences', Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}-`).join('\n')],
  ])('survives 10,000 levels of nested %s', (_, text) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(1);
  });

  it('refuses binary data', () => {
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d) + 'IHDR';
    expect(problemsOf(png).map((p) => [p.code, p.line])).toEqual([['binary', 3]]);
  });

  it('refuses what is not text', () => {
    for (const value of [null, undefined, 42, {}, ['tandem: 1']]) {
      const result = parseEngagement(value as unknown as string);
      expect(result.ok ? null : result.problems.map((p) => p.code)).toEqual(['not-text']);
    }
  });

  it('reports wrong types everywhere with a position for each', () => {
    const text = [
      'tandem: 1', 'engagement: 5', 'parties: [a, b]', 'people: "nobody"', 'calendars: { c: 7 }', 'priorities: true',
      'activities: { a: [] }', 'sla: { s: { targets: 4 } }', 'oncall: 3', 'escalation: { e: { steps: {} } }', 'helpdesks: {}', 'runbooks: 0',
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThanOrEqual(11);
    for (const p of problems) {
      expect(p.line).toBeGreaterThanOrEqual(2);
      expect(p.path.length).toBeGreaterThan(0);
    }
  });

  it('reads a document that is not a map', () => {
    for (const text of ['', '---', '- a\n- b', '"just text"', '42', '~']) {
      expect(problemsOf(text).map((p) => p.code)).toEqual(['not-a-map']);
    }
  });

  it('reads several documents in one file as a problem', () => {
    expect(problemsOf('tandem: 1\n---\ntandem: 1\n').map((p) => p.code)).toContain('yaml');
  });
});

it('refuses keys that are lists or maps', () => {
  const problems = problemsOf('tandem: 1\n? [a, b]\n: 1\n{x: 1}: 2\n');
  expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
    [2, 3, 'a key must be plain text, not a list or a map'],
    [4, 1, 'a key must be plain text, not a list or a map'],
  ]);
});
