// The built extension in headless Chromium: a test build (TANDEM_TEST_HOSTS grants http://127.0.0.1/*, because
// automation cannot answer Chrome's permission prompt), a browser with it loaded, and page requests sent the way
// the options page sends them. The panel itself is read through CDP with shadow.ts.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { repoRoot, runVite } from './build.ts';
import { CHROMIUM_FLAGS, chromiumPath, removeProfile, tempProfile, watchErrors } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test build of the extension (global-setup.ts), when the run made one. */
    extensionBuild: string;
  }
}

/** The host permission the test build asks for at install time; release builds have none. */
export const TEST_HOSTS = 'http://127.0.0.1/*';

const built = new Map<string, Promise<string>>();

/**
 * `vite build --config extension/vite.config.ts --outDir outDir` with TANDEM_TEST_HOSTS set; resolves to the
 * absolute outDir once its manifest grants TEST_HOSTS. Built once per outDir per process.
 */
export function buildExtension(outDir: string): Promise<string> {
  const out = resolve(repoRoot, outDir);
  let job = built.get(out);
  if (!job) {
    job = run(out).then(async () => {
      const manifest = await readManifest(out);
      if (!manifest.host_permissions?.includes(TEST_HOSTS)) {
        throw new Error(
          `the test build's manifest has no host_permissions ['${TEST_HOSTS}']: extension/manifest.config.ts must add them when TANDEM_TEST_HOSTS is set`,
        );
      }
      return out;
    });
    job.catch(() => built.delete(out));
    built.set(out, job);
  }
  return job;
}

function run(out: string): Promise<void> {
  return runVite(['build', '--config', 'extension/vite.config.ts', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { TANDEM_TEST_HOSTS: TEST_HOSTS });
}

export interface BuiltManifest {
  host_permissions?: string[];
  optional_host_permissions?: string[];
  options_ui?: { page: string };
  options_page?: string;
  action?: { default_popup?: string };
  content_scripts?: unknown[];
  web_accessible_resources?: unknown[];
  [key: string]: unknown;
}

export async function readManifest(dist: string): Promise<BuiltManifest> {
  return JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')) as BuiltManifest;
}

export interface WithExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  manifest: BuiltManifest;
  /** chrome-extension://<id>/<options page>. */
  optionsUrl: string;
  /** Console errors and uncaught exceptions of every page. */
  errors: string[];
  /** Sends a PageRequest (extension/shared/messages.ts) from our options page, as the options page does. */
  pageRequest<T = unknown>(request: { type: string; [key: string]: unknown }): Promise<T>;
  close(): Promise<void>;
}

export interface ExtensionLaunchOptions {
  /** IANA zone of the whole browser (pages, content scripts and the service worker). */
  timeZone?: string;
  viewport?: { width: number; height: number };
}

export async function launchWithExtension(dist: string, opts: ExtensionLaunchOptions = {}): Promise<WithExtension> {
  const userDataDir = await tempProfile();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
    // TZ, not timezoneId: the service worker computes due times too, and emulation only reaches pages.
    env: { ...process.env, ...(opts.timeZone ? { TZ: opts.timeZone } : {}) },
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    serviceWorkers: 'allow',
  });
  const errors: string[] = [];
  for (const p of context.pages()) watchErrors(p, errors);
  context.on('page', (p) => watchErrors(p, errors));
  try {
    const serviceWorker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const manifest = await readManifest(dist);
    const optionsPath = manifest.options_ui?.page ?? manifest.options_page;
    if (!optionsPath) throw new Error('the built manifest names no options page');
    const optionsUrl = `chrome-extension://${extensionId}/${optionsPath}`;

    let optionsPage: Page | null = null;
    const pageRequest = async <T>(request: { type: string; [key: string]: unknown }): Promise<T> => {
      if (!optionsPage || optionsPage.isClosed()) {
        optionsPage = await context.newPage();
        await optionsPage.goto(optionsUrl);
      }
      return optionsPage.evaluate(
        (r) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(r),
        request,
      ) as Promise<T>;
    };

    return {
      context,
      extensionId,
      serviceWorker,
      manifest,
      optionsUrl,
      errors,
      pageRequest,
      close: async () => {
        await context.close();
        await removeProfile(userDataDir);
      },
    };
  } catch (error) {
    await context.close().catch(() => {});
    await removeProfile(userDataDir);
    throw error;
  }
}
