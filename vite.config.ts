import { defineConfig } from 'vitest/config';

// The root config builds the `tandem` CLI (a Node bundle, so `npx tandem` needs no TypeScript loader)
// and runs the vitest suite. The extension and the PWA get configs of their own.
export default defineConfig({
  build: {
    ssr: 'core/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'tandem.mjs' } },
  },
  ssr: { noExternal: true },
  // The PWA's components are tested here too (happy-dom per file); they are Preact JSX.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
