import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

// The offline handbook. Every asset is precached; engagement data lives only in IndexedDB.
// TANDEM_PWA_OUT lets the e2e tests build a second copy to serve as an update.
const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = process.env.TANDEM_PWA_OUT ?? fileURLToPath(new URL('../dist/pwa', import.meta.url));
const buildId = process.env.TANDEM_BUILD_ID ?? new Date().toISOString();

export default defineConfig({
  root,
  base: '/',
  define: { __TANDEM_BUILD__: JSON.stringify(buildId) },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
    // One stylesheet (under 20 kB), linked from the page: a view's chunk then loads without waiting for its CSS.
    cssCodeSplit: false,
    rolldownOptions: {
      treeshake: {
        // Only the worker parses iCalendar files (core/calendar re-exports holidaysFromIcs); ical.js only defines
        // and exports, so the page's chunks can leave it out.
        moduleSideEffects: (id) => (/[\\/]node_modules[\\/]ical\.js[\\/]/.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          groups: [
            // What the Now view computes with, in one chunk beside the shell's instead of one request per library.
            { name: 'core', test: /[\\/](core[\\/](escalation|calendar)[\\/]|node_modules[\\/]temporal-)/ },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  resolve: {
    alias: [
      // Its "browser" build decodes entities through document.createElement, which a worker does not have;
      // the plain build is a lookup table that runs anywhere.
      { find: /^decode-named-character-reference$/, replacement: fileURLToPath(new URL('../node_modules/decode-named-character-reference/index.js', import.meta.url)) },
    ],
  },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,yaml,json}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
      manifest: {
        id: '/',
        name: 'Tandem handbook',
        short_name: 'Tandem',
        description: 'Co-managed IT engagements offline: who to call, the contract SLAs, RACI and runbooks.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#0f172a',
        theme_color: '#0f172a',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
        file_handlers: [
          {
            action: '/',
            accept: {
              'application/yaml': ['.yaml', '.yml'],
              'application/json': ['.json'],
            },
          },
        ],
      },
    }),
  ],
});
