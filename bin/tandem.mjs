#!/usr/bin/env node
// The CLI is bundled by `npm run build:cli` (run on install by `prepare`), so no TypeScript loader is needed.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/tandem.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('tandem: the CLI is not built yet; run `npm install` (or `npm run build:cli`) in the Tandem folder\n');
  process.exit(2);
}
await import(bundle);
