// A build plugin of extension/vite.config.ts, apart so that tests load it without Vite, crxjs and their plugins.
import type { Plugin } from 'vite';

/** crxjs builds every entry named like this as a self-contained IIFE (its `isIifeContentScript`). */
const IIFE_ENTRY = /\.iife\.(ts|tsx|js|jsx|mjs|cjs)$/;
/** The IIFE's output file, and the files that go with it (a source map). */
const IIFE_OUTPUT = /\.iife\.js(\.[^/]+)?$/;

/**
 * Content scripts must stay invisible to pages: crxjs lists every dynamic (`?script`) IIFE in
 * web_accessible_resources for every http(s) page, which would let any site probe for the extension and load our
 * scripts. scripting.registerContentScripts and executeScript need no such entry, so it is removed here, for every
 * `*.iife.*` entry, not only the main content script. crxjs also leaves an unreferenced ESM build of each such
 * entry in assets/; those are dropped too, with the chunks that only they imported (with several IIFE entries the
 * bundler splits their shared code, such as the adapters, into chunks of their own).
 */
export function privateContentScripts(): Plugin & { renderCrxManifest(manifest: ManifestLike): ManifestLike } {
  return {
    name: 'tandem:private-content-scripts',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      dropIifeDuplicates(bundle);
    },
    renderCrxManifest: hideIifeScripts,
  };
}

/** Deletes from the bundle the ESM build of every IIFE entry, and the chunks only those imported. */
export function dropIifeDuplicates(bundle: Record<string, BundleEntry>): void {
  const chunks = Object.values(bundle).filter((out): out is BundleChunk => out.type === 'chunk');
  const dropped = new Set(chunks.filter((c) => c.facadeModuleId && IIFE_ENTRY.test(c.facadeModuleId.split('?')[0]!)));
  const importsOf = (c: BundleChunk) => [...c.imports, ...c.dynamicImports];
  // Only chunks our removals orphan go: anything still imported by a kept chunk, or an entry, stays.
  for (let changed = dropped.size > 0; changed; ) {
    changed = false;
    const fromDropped = new Set([...dropped].flatMap(importsOf));
    const fromKept = new Set(chunks.filter((c) => !dropped.has(c)).flatMap(importsOf));
    for (const c of chunks) {
      if (dropped.has(c) || c.isEntry || !fromDropped.has(c.fileName) || fromKept.has(c.fileName)) continue;
      dropped.add(c);
      changed = true;
    }
  }
  for (const c of dropped) delete bundle[c.fileName];
}

/** Takes every IIFE output (and its source map) out of web_accessible_resources. */
export function hideIifeScripts(manifest: ManifestLike): ManifestLike {
  const war = (manifest.web_accessible_resources ?? [])
    .map((entry) => ({ ...entry, resources: entry.resources.filter((r) => !IIFE_OUTPUT.test(r)) }))
    .filter((entry) => entry.resources.length > 0);
  if (war.length > 0) manifest.web_accessible_resources = war;
  else delete manifest.web_accessible_resources;
  return manifest;
}

/** What the plugin reads of a Rollup/Rolldown output bundle (typed here so a test can hand it a plain one). */
export type BundleEntry = BundleChunk | { type: 'asset'; fileName: string };
export interface BundleChunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
}

export interface ManifestLike {
  web_accessible_resources?: Array<{ resources: string[]; matches?: string[] }>;
}
