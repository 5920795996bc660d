// The Firefox build (`npm run build:firefox`) and what it shares with the Chrome one: both are built here into
// temporary directories, the Firefox one goes through web-ext lint (Mozilla's addons-linter, as AMO runs it; it works
// offline), and both manifests are checked for what must differ and for content scripts pages cannot see.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error web-ext ships no type declarations; lint() is typed below from lib/cmd/lint.js.
import { cmd } from 'web-ext';
import { type BundleEntry, dropIifeDuplicates, hideIifeScripts } from '../../extension/vite.private-scripts.ts';
import { runVite } from '../e2e/support/build.ts';

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}
interface LintOutput {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}
const lint = cmd.lint as (
  params: { sourceDir: string; output: 'none' | 'json' | 'text'; warningsAsErrors?: boolean },
  options: { shouldExitProgram: boolean },
) => Promise<LintOutput>;

interface Manifest {
  background?: { scripts?: string[]; service_worker?: string; type?: string };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
  web_accessible_resources?: Array<{ resources: string[] }>;
  minimum_chrome_version?: string;
  storage?: { managed_schema?: string };
  [key: string]: unknown;
}

let base = '';
let firefox = '';
let chrome = '';

async function build(config: string, outDir: string): Promise<string> {
  await runVite(['build', '--config', config, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {});
  return outDir;
}

const readManifest = async (dir: string) => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).replaceAll('\\', '/'));
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'tandem-firefox-build-'));
  [firefox, chrome] = await Promise.all([
    build('extension/vite.firefox.config.ts', join(base, 'firefox')),
    build('extension/vite.config.ts', join(base, 'chrome')),
  ]);
});

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe('the Firefox build', () => {
  it('names the add-on, the Firefox versions it needs and that it collects no data', async () => {
    const m = await readManifest(firefox);
    // Written out, not imported: the id must never change (storage, granted hosts, policies and AMO updates hang
    // on it), and the minimums are where data_collection_permissions arrived (manifest.config.ts).
    expect(m.browser_specific_settings).toEqual({
      gecko: { id: 'tandem@tandem.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    // Chrome-only keys: Firefox reads neither (its own minimum is strict_min_version; managed storage comes from
    // policies.json), and no schema file is shipped.
    expect(m.minimum_chrome_version).toBeUndefined();
    expect(m.storage).toBeUndefined();
    expect(await filesOf(firefox)).not.toContain('managed-schema.json');
  });

  it('runs the background as a module script, not a service worker', async () => {
    const m = await readManifest(firefox);
    expect(m.background?.service_worker).toBeUndefined();
    expect(m.background?.type).toBe('module');
    expect(m.background?.scripts).toHaveLength(1);
    const loader = await readFile(join(firefox, m.background!.scripts![0]!), 'utf8');
    const imported = /import '\.\/([^']+)'/.exec(loader)?.[1];
    expect(imported, loader).toMatch(/^assets\/main\.ts-[\w-]+\.js$/);
    expect(await filesOf(firefox)).toContain(imported);
  });

  it('passes web-ext lint with no error, and only the warnings docs/firefox.md explains', async () => {
    const result = await lint({ sourceDir: firefox, output: 'none' }, { shouldExitProgram: false });
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([]);
    // Library code that AMO reviewers see in every Preact or zod add-on; a warning anywhere else is ours to fix.
    const explained: Record<string, RegExp> = {
      // Preact's dangerouslySetInnerHTML branch, which none of our components use.
      UNSAFE_VAR_ASSIGNMENT: /\.innerHTML=\w+\.__html\b/,
      // zod's check whether eval is allowed (it is not in an extension page), which it skips when jitless.
      DANGEROUS_EVAL: /jitless.{0,200}Function\((``|""|'')\)/,
    };
    for (const w of result.warnings) {
      const pattern = explained[w.code];
      expect(pattern, `${w.code} in ${w.file}: ${w.message}`).toBeDefined();
      const line = (await readFile(join(firefox, w.file!), 'utf8')).split('\n')[w.line! - 1]!;
      const around = line.slice(Math.max(0, w.column! - 300), w.column! + 100);
      expect(around, `${w.code} in ${w.file}:${w.line}:${w.column}`).toMatch(pattern!);
    }
  });
});

describe.each([
  ['Firefox', () => firefox],
  ['Chrome', () => chrome],
])('content scripts in the %s build', (_name, dir) => {
  it('are built as IIFEs and none is web-accessible', async () => {
    const files = await filesOf(dir());
    const iife = files.filter((f) => f.endsWith('.iife.js'));
    expect(iife).toContain('extension/content/main.iife.js');
    const m = await readManifest(dir());
    const war = (m.web_accessible_resources ?? []).flatMap((e) => e.resources);
    expect(war.filter((r) => r.includes('.iife.'))).toEqual([]);
  });

  it('leaves no ESM duplicate of an IIFE, and no chunk nothing loads', async () => {
    const files = await filesOf(dir());
    expect(files.filter((f) => f.startsWith('assets/') && f.includes('.iife.'))).toEqual([]);
    const texts = await Promise.all(
      files.filter((f) => /\.(js|html|json)$/.test(f)).map(async (f) => ({ f, text: await readFile(join(dir(), f), 'utf8') })),
    );
    const unreferenced = files
      .filter((f) => f.startsWith('assets/') && f.endsWith('.js'))
      .filter((chunk) => {
        const name = chunk.slice('assets/'.length);
        return !texts.some(({ f, text }) => f !== chunk && text.includes(name));
      });
    expect(unreferenced).toEqual([]);
  });
});

describe('the Chrome build', () => {
  it('has none of the Firefox keys and keeps its own', async () => {
    const m = await readManifest(chrome);
    expect(m.browser_specific_settings).toBeUndefined();
    expect(m.background?.scripts).toBeUndefined();
    expect(m.background?.service_worker).toBe('service-worker-loader.js');
    expect(m.minimum_chrome_version).toBe('110');
    expect(m.storage?.managed_schema).toBe('managed-schema.json');
    expect(await filesOf(chrome)).toContain('managed-schema.json');
  });
});

describe('dropIifeDuplicates', () => {
  const chunk = (fileName: string, over: { facade?: string; entry?: boolean; imports?: string[]; dynamic?: string[] } = {}): BundleEntry => ({
    type: 'chunk',
    fileName,
    facadeModuleId: over.facade ?? null,
    isEntry: over.entry ?? false,
    imports: over.imports ?? [],
    dynamicImports: over.dynamic ?? [],
  });

  it('drops every IIFE entry and the chunks only they import, and keeps what anything else loads', () => {
    const bundle: Record<string, BundleEntry> = {};
    for (const c of [
      chunk('assets/main.iife.ts-a.js', { facade: '/repo/extension/content/main.iife.ts', entry: true, imports: ['assets/start-b.js', 'assets/jsx-c.js'] }),
      chunk('assets/jira.iife.ts-d.js', { facade: '/repo/extension/content/scripts/jira.iife.ts', entry: true, imports: ['assets/start-b.js', 'assets/jira-e.js'] }),
      chunk('assets/picker.iife.tsx-f.js', { facade: '/repo/extension/content/picker.iife.tsx', entry: true, dynamic: ['assets/lazy-g.js'] }),
      chunk('assets/start-b.js', { imports: ['assets/dom-h.js'] }),
      chunk('assets/dom-h.js'),
      chunk('assets/jira-e.js'),
      chunk('assets/lazy-g.js'),
      chunk('assets/jsx-c.js'),
      chunk('assets/index.html-i.js', { facade: '/repo/extension/pages/options/index.html', entry: true, imports: ['assets/jsx-c.js'] }),
      chunk('assets/main.ts-j.js', { facade: '/repo/extension/background/main.ts', entry: true }),
    ]) {
      bundle[(c as { fileName: string }).fileName] = c;
    }
    bundle['extension/content/main.iife.js'] = { type: 'asset', fileName: 'extension/content/main.iife.js' };

    dropIifeDuplicates(bundle);
    expect(Object.keys(bundle).sort()).toEqual(['assets/index.html-i.js', 'assets/jsx-c.js', 'assets/main.ts-j.js', 'extension/content/main.iife.js']);
  });

  it('leaves a bundle without IIFE entries alone', () => {
    const bundle: Record<string, BundleEntry> = {
      'assets/a.js': chunk('assets/a.js', { facade: '/repo/extension/background/main.ts', entry: true }),
      'assets/b.js': chunk('assets/b.js'),
    };
    dropIifeDuplicates(bundle);
    expect(Object.keys(bundle)).toEqual(['assets/a.js', 'assets/b.js']);
  });
});

describe('hideIifeScripts', () => {
  it('takes IIFE scripts and their source maps out of web_accessible_resources, and keeps the rest', () => {
    const manifest = {
      web_accessible_resources: [
        { matches: ['https://*/*'], resources: ['extension/content/main.iife.js', 'extension/content/scripts/jira.iife.js.map', 'icons/icon-16.png'] },
        { matches: ['http://*/*'], resources: ['extension/content/picker.iife.js'] },
      ],
    };
    expect(hideIifeScripts(manifest)).toEqual({ web_accessible_resources: [{ matches: ['https://*/*'], resources: ['icons/icon-16.png'] }] });
    expect(hideIifeScripts({ web_accessible_resources: [{ resources: ['extension/content/main.iife.js'] }] })).toEqual({});
  });
});
