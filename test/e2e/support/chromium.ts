// Headless Debian Chromium through playwright-core (no downloaded browser). See shared/reference/toolchain.md §4.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export interface LaunchOptions {
  /** Reuse a profile (service worker, caches, IndexedDB survive a relaunch). Default: a fresh temporary one. */
  userDataDir?: string;
  /** Start with the network off, as on a plane; service-worker caches still answer. */
  offline?: boolean;
  colorScheme?: 'light' | 'dark';
  /** Default 360×640, the smallest phone the handbook must read well on. */
  viewport?: { width: number; height: number };
  /** Needed by runAxe(): it injects axe-core as an inline script, which the app's CSP would block. */
  bypassCSP?: boolean;
}

export interface Launched {
  context: BrowserContext;
  userDataDir: string;
  /** Console errors, uncaught page errors and crashed pages of every page in this context, newest last. */
  errors: string[];
  /** The first tab (a persistent context always opens one). */
  page(): Promise<Page>;
  /**
   * Closes the browser. A profile created by launch() is deleted unless keepProfile is set (to relaunch on it);
   * a profile passed in belongs to the caller and is never deleted here.
   */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Otherwise Chromium keeps dialling out (component updates, sync, safe browsing lists) during the tests.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  throw new Error('No Chromium: install Debian chromium (/usr/bin/chromium) or set CHROMIUM_PATH');
}

/** A fresh, empty profile directory; the caller removes it (removeProfile) when done. */
export function tempProfile(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tandem-chromium-'));
}

export function removeProfile(dir: string): Promise<void> {
  // Chromium may still be flushing the profile for a moment after close.
  return rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}

/** Records console errors and uncaught exceptions of one page into `into`. */
export function watchErrors(page: Page, into: string[]): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location().url;
      into.push(`console: ${msg.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('pageerror', (err) => into.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('crash', () => into.push(`crash: ${page.url()}`));
}

export async function launch(opts: LaunchOptions = {}): Promise<Launched> {
  const owned = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? (await tempProfile());
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    offline: opts.offline ?? false,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: opts.viewport ?? { width: 360, height: 640 },
    bypassCSP: opts.bypassCSP ?? false,
    serviceWorkers: 'allow',
  });
  const errors: string[] = [];
  for (const p of context.pages()) watchErrors(p, errors);
  context.on('page', (p) => watchErrors(p, errors));

  return {
    context,
    userDataDir,
    errors,
    page: async () => context.pages()[0] ?? (await context.newPage()),
    close: async ({ keepProfile = false } = {}) => {
      await context.close();
      if (owned && !keepProfile) await removeProfile(userDataDir);
    },
  };
}
