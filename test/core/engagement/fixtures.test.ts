import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEngagement } from '../../../core/engagement/index.ts';
import { NOW, cli, read, repo } from './helpers.ts';

const broken = readdirSync(repo('test/fixtures/broken')).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('broken fixtures produce exactly their expected problems', () => {
  it.each(broken)('%s', (name) => {
    const expected = read(`test/fixtures/broken/${name.replace(/\.(ya?ml|json)$/, '.expected')}`);
    const [header, ...lines] = expected.trimEnd().split('\n');
    const result = cli(['validate', `test/fixtures/broken/${name}`]);
    expect(result.out.trimEnd().split('\n').filter(Boolean)).toEqual(lines);
    expect(`# exit ${result.code}`).toBe(header);
  });
});

// Each rule of the validator has a code; every code must be produced by some fixture, so deleting a check
// makes a fixture's expected lines go missing and this list come up short.
const CODES = [
  'yaml', 'version-missing', 'version-newer', 'unknown-key', 'missing', 'shape', 'bad-key', 'ref-unknown', 'raci-one-a', 'raci-no-r',
  'zone', 'overlap', 'holidays-ending', 'holiday-duplicate', 'sla-target-missing', 'sla-target-empty', 'sla-parties',
  'delay-order', 'contact-none', 'branch-calendar', 'rules-default', 'rules-unreachable', 'regex', 'recipe', 'condition',
  'helpdesk-duplicate', 'coverage-gap', 'zone-fixed', 'effective-order', 'matrix', 'override-order', 'oncall-fallback', 'runbook-tested',
  'oncall-gap', 'contact-unusable',
];

it('every validator rule is exercised by a fixture', () => {
  const seen = new Set<string>();
  for (const name of broken) {
    const result = parseEngagement(read(`test/fixtures/broken/${name}`), { fileName: name, now: NOW });
    for (const p of result.ok ? result.warnings : result.problems) seen.add(p.code);
  }
  expect([...CODES].filter((c) => !seen.has(c))).toEqual([]);
  expect([...seen].filter((c) => !CODES.includes(c))).toEqual([]);
});
