// The built CLI as a user runs it (`npx tandem`): real process, real exit codes.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { read, repo } from '../core/engagement/helpers.ts';

const tandem = (...args: string[]) => spawnSync(process.execPath, [repo('bin/tandem.mjs'), ...args], { cwd: repo(''), encoding: 'utf8' });

beforeAll(() => {
  execFileSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'error'], { cwd: repo(''), stdio: 'ignore' });
}, 120_000);

describe('tandem', () => {
  it('validates the example engagement: exit 0', () => {
    // The real clock runs here: as the example ages it may warn (holidays running out, runbooks due a test), never fail.
    const r = tandem('validate', 'examples/acme-ost.yaml');
    expect(r.stdout.split('\n').filter((l) => l.includes(' error '))).toEqual([]);
    expect(r.stderr).toBe('1 file valid\n');
    expect(r.status).toBe(0);
  });

  it.each(readdirSync(repo('test/fixtures/broken')).filter((f) => /\.(ya?ml|json)$/.test(f)))('exits with the expected status on %s', (name) => {
    const expected = read(`test/fixtures/broken/${name.replace(/\.(ya?ml|json)$/, '.expected')}`);
    const r = tandem('validate', `test/fixtures/broken/${name}`);
    expect(`# exit ${r.status}`).toBe(expected.split('\n')[0]);
    // Lines that depend on today's date are compared by their place in the file only.
    const stable = (text: string) => text.split('\n').filter((l) => l.includes(' error ')).join('\n');
    expect(stable(r.stdout)).toBe(stable(expected));
  });

  it('prints machine-readable problems with --json', () => {
    const r = tandem('validate', '--json', 'test/fixtures/broken/references.yaml', 'examples/acme-ost.yaml');
    const report = JSON.parse(r.stdout) as Array<{ file: string; ok: boolean; problems: Array<{ line: number; code: string }> }>;
    expect(report.map((f) => [f.file, f.ok])).toEqual([['test/fixtures/broken/references.yaml', false], ['examples/acme-ost.yaml', true]]);
    expect(report[0]!.problems[0]).toMatchObject({ line: 5, column: 55, code: 'ref-unknown', path: ['parties', 'acme-it', 'coverage'] });
    expect(r.status).toBe(1);
  });

  it('exits 2 on usage errors and unreadable files', () => {
    expect(tandem().status).toBe(2);
    expect(tandem('frobnicate').status).toBe(2);
    expect(tandem('validate').status).toBe(2);
    expect(tandem('validate', '--bogus', 'x.yaml').status).toBe(2);
    const missing = tandem('validate', 'no/such/file.yaml');
    expect(missing.stderr).toContain('no/such/file.yaml: cannot read: ENOENT');
    expect(missing.status).toBe(2);
  });

  it('prints the JSON Schema and help', () => {
    const schema = tandem('schema');
    expect(JSON.parse(schema.stdout)).toEqual(JSON.parse(read('schema/engagement.schema.json')));
    const help = tandem('--help');
    expect(help.stdout).toContain('tandem validate FILE...');
    expect(tandem('validate', '--help').stdout).toContain('file:line:col severity message (path)');
    expect(help.status).toBe(0);
  });
});
