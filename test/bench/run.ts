// `npm run bench`: imports every *.bench.ts beside this file and awaits its exported functions in turn.
// Benchmarks print figures; they never assert on timing.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as Record<string, unknown>;
  const fns = Object.entries(mod).filter((e): e is [string, () => Promise<void>] => typeof e[1] === 'function');
  for (const [name, fn] of fns) {
    console.log(`\n# ${file}${name === 'default' ? '' : ` ${name}`}`);
    await fn();
  }
}
