// Builds the extension into dist/extension: `vite build --config extension/vite.config.ts`. The Firefox build
// (vite.firefox.config.ts) is the same config for another crxjs target.
// The Vite root is the repository, not extension/: crxjs's dev mode stalls when a content script imports files
// outside the root, and everything imports core/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { type Browser, manifestFor } from './manifest.config.ts';
import { privateContentScripts } from './vite.private-scripts.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** manifest.storage.managed_schema names a file crxjs does not copy; it goes to the extension's root as is. */
function managedSchema(): Plugin {
  const read = () => {
    const source = readFileSync(new URL('./managed-schema.json', import.meta.url), 'utf8');
    JSON.parse(source);
    return source;
  };
  let outDir = '';
  return {
    name: 'tandem:managed-schema',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'managed-schema.json', source: read() });
    },
    // Dev mode: crxjs writes the extension itself (after emptying outDir at start-up); Chrome refuses to load a
    // manifest whose managed_schema file is missing.
    configureServer(server) {
      server.httpServer?.once('listening', () => {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, 'managed-schema.json'), read());
      });
    },
  };
}

export const OUT_DIRS: Record<Browser, string> = {
  chrome: fileURLToPath(new URL('../dist/extension', import.meta.url)),
  firefox: fileURLToPath(new URL('../dist/extension-firefox', import.meta.url)),
};

export function extensionConfig(browser: Browser) {
  return defineConfig({
    root,
    publicDir: fileURLToPath(new URL('./public', import.meta.url)),
    // Release and e2e builds are the same: the e2e tests read our closed shadow root through CDP.
    define: { __TANDEM_TEST__: 'false' },
    build: {
      outDir: OUT_DIRS[browser],
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 1024,
      rollupOptions: {
        // core/calendar re-exports the .ics importer (ical.js), which nothing in the extension calls; declaring the
        // package free of side effects lets the bundler leave ~80 kB out of the service worker.
        treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]ical\.js[\\/]/.test(id) },
      },
    },
    plugins: [
      preact(),
      crx({ manifest: manifestFor(browser), browser, contentScripts: { injectCss: false } }),
      // Firefox ignores storage.managed_schema, so its manifest names no schema file.
      ...(browser === 'chrome' ? [managedSchema()] : []),
      privateContentScripts(),
    ],
  });
}

export default extensionConfig('chrome');
