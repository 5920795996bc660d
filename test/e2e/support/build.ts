// Builds the PWA with the project's own vite config into a directory of the caller's choice.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const vite = resolve(repoRoot, 'node_modules/.bin/vite');

const built = new Map<string, Promise<string>>();

/**
 * `vite build --config pwa/vite.config.ts` with TANDEM_PWA_OUT=outDir and TANDEM_BUILD_ID=buildId; resolves to the
 * absolute outDir. Building the same outDir + buildId twice in one process is skipped; a different buildId into
 * the same outDir rebuilds (that is how a test makes a second deployment). Rejects with vite's output on failure.
 */
export function buildPwa(outDir: string, buildId: string, config = 'pwa/vite.config.ts'): Promise<string> {
  const out = resolve(repoRoot, outDir);
  const key = `${out}\0${buildId}\0${resolve(repoRoot, config)}`;
  let job = built.get(key);
  if (!job) {
    job = run(out, buildId, config);
    // A failed build must not be cached, or a fixed rerun in watch mode would keep failing.
    job.catch(() => built.delete(key));
    built.set(key, job);
  }
  return job;
}

function run(out: string, buildId: string, config: string): Promise<string> {
  return runVite(['build', '--config', config, '--logLevel', 'warn'], { TANDEM_PWA_OUT: out, TANDEM_BUILD_ID: buildId }).then(() => out);
}

/** Runs the project's vite with extra environment; rejects with its output when it fails. */
export function runVite(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((ok, ko) => {
    const child = spawn(vite, args, { cwd: repoRoot, env: { ...process.env, ...env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', ko);
    child.on('close', (code) => (code === 0 ? ok() : ko(new Error(`vite ${args.join(' ')} failed (exit ${code}):\n${stripAnsi(output)}`))));
  });
}

// rolldown colours its diagnostics even with NO_COLOR; escape codes make a failed test's message unreadable.
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
