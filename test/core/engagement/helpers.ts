import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run } from '../../../core/cli/run.ts';
import type { CliIo } from '../../../core/cli/io.ts';

/** Date-relative checks (holidays in the next 12 months, stale runbooks) are pinned to this instant. */
export const NOW = Date.parse('2026-11-27T12:00:00Z');

export const repo = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
export const read = (path: string) => readFileSync(repo(path), 'utf8');

/** Runs the CLI in-process from the repository root, as `npx tandem` would. */
export function cli(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    readFile: (p) => readFileSync(repo(p), 'utf8'),
  };
  const code = run(argv, io, NOW);
  // `report` streams files and answers with a promise; its tests await the run themselves.
  if (typeof code !== 'number') throw new Error(`cli(): '${argv[0]}' runs asynchronously; await run() instead`);
  return { code, out, err };
}
