// The e2e files share builds made once per run: PWA "A" is what the user installs, "B" a later deployment (the
// update prompt test serves it after A), and the extension's test build. Separate test files run in parallel
// workers and must not race on one output directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPwa } from './support/build.ts';
import { buildExtension } from './support/extension.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pwaBuildA: string;
    pwaBuildB: string;
  }
}

/**
 * The file filters on the command line (`vitest run test/core/x.test.ts`), if any. A filter that names no e2e test
 * needs no build, and extension e2e files need no PWA; the e2e files build their own when nothing was provided, so
 * a filter this misreads only costs time.
 */
function fileFilters(argv: readonly string[]): string[] {
  if (!argv.includes('run')) return [];
  return argv.slice(argv.indexOf('run') + 1).filter((a) => !a.startsWith('-') && /\.test\.tsx?$|^test\//.test(a));
}

export default async function setup(project: TestProject) {
  const filters = fileFilters(process.argv);
  const e2e = filters.filter((f) => /e2e/.test(f));
  if (filters.length > 0 && e2e.length === 0) return;
  const needPwa = e2e.length === 0 || e2e.some((f) => !/e2e\/extension\//.test(f));
  const base = await mkdtemp(join(tmpdir(), 'tandem-pwa-builds-'));
  const [a, b, ext] = await Promise.all([
    needPwa ? buildPwa(join(base, 'a'), 'e2e-build-A') : '',
    needPwa ? buildPwa(join(base, 'b'), 'e2e-build-B') : '',
    buildExtension(join(base, 'extension')),
  ]);
  if (needPwa) {
    project.provide('pwaBuildA', a);
    project.provide('pwaBuildB', b);
  }
  project.provide('extensionBuild', ext);
  return async () => {
    await rm(base, { recursive: true, force: true });
  };
}
