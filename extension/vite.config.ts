// Builds the extension into dist/extension: `vite build --config extension/vite.config.ts`.
// The Vite root is the repository, not extension/: crxjs's dev mode stalls when a content script imports files
// outside the root, and everything imports core/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.config.ts';

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

const CONTENT_ENTRY = 'extension/content/main.iife.ts';

/**
 * The content script must stay invisible to pages: crxjs lists a dynamic (`?script`) IIFE in
 * web_accessible_resources for every http(s) page, which would let any site probe for the extension and load our
 * script. scripting.registerContentScripts and executeScript need no such entry, so it is removed here. crxjs also
 * leaves an unreferenced ESM build of the same entry in assets/; it is dropped too.
 */
function privateContentScript(): Plugin & { renderCrxManifest(manifest: ManifestLike): ManifestLike } {
  const iife = CONTENT_ENTRY.replace(/\.ts$/, '.js');
  return {
    name: 'tandem:private-content-script',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [key, out] of Object.entries(bundle)) {
        if (out.type === 'chunk' && out.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${CONTENT_ENTRY}`)) delete bundle[key];
      }
    },
    renderCrxManifest(manifest) {
      const war = (manifest.web_accessible_resources ?? [])
        .map((entry) => ({ ...entry, resources: entry.resources.filter((r) => r !== iife && !r.startsWith(`${iife}.`)) }))
        .filter((entry) => entry.resources.length > 0);
      if (war.length > 0) manifest.web_accessible_resources = war;
      else delete manifest.web_accessible_resources;
      return manifest;
    },
  };
}

interface ManifestLike {
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[] }>;
}

export default defineConfig({
  root,
  publicDir: fileURLToPath(new URL('./public', import.meta.url)),
  // Release and e2e builds are the same: the e2e tests read our closed shadow root through CDP.
  define: { __TANDEM_TEST__: 'false' },
  build: {
    outDir: fileURLToPath(new URL('../dist/extension', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      // core/calendar re-exports the .ics importer (ical.js), which nothing in the extension calls; declaring the
      // package free of side effects lets the bundler leave ~80 kB out of the service worker.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]ical\.js[\\/]/.test(id) },
    },
  },
  plugins: [preact(), crx({ manifest, contentScripts: { injectCss: false } }), managedSchema(), privateContentScript()],
});
