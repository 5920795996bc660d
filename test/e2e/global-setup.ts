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

export default async function setup(project: TestProject) {
  const base = await mkdtemp(join(tmpdir(), 'tandem-pwa-builds-'));
  const [a, b, ext] = await Promise.all([
    buildPwa(join(base, 'a'), 'e2e-build-A'),
    buildPwa(join(base, 'b'), 'e2e-build-B'),
    buildExtension(join(base, 'extension')),
  ]);
  project.provide('pwaBuildA', a);
  project.provide('pwaBuildB', b);
  project.provide('extensionBuild', ext);
  return async () => {
    await rm(base, { recursive: true, force: true });
  };
}
