// The built PWA in real headless Chromium: the service worker takes the page, the page survives going offline,
// and a browser restarted offline on the same profile still opens it; Chrome sees it as installable.
// TANDEM_E2E_CONFIG=test/e2e/fixtures/mini-pwa/vite.config.ts runs the same checks on a stand-in app (the harness
// on its own, with the app's real service worker and icons), for when the app itself does not build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serve, type Server } from '../../scripts/serve.ts';
import { buildPwa, smokeConfig } from './support/build.ts';
import { launch, removeProfile, type Launched } from './support/chromium.ts';
import { formatInstallability, installabilityErrors } from './support/installability.ts';
import { type BrowserGlobals, serviceWorkerStatus, waitForControl } from './support/sw.ts';

const config = smokeConfig();

let outDir: string;
let server: Server | undefined;
/** The origin the app was installed from; its service worker keeps answering for it after the server is gone. */
let origin: string;
let browser: Launched | undefined;
let profile: string | undefined;

/** What "the page shows" means here: its title and the heading of the view the app rendered. */
async function shown(page: Page): Promise<{ title: string; h1: string }> {
  await page.locator('#app h1').first().waitFor();
  return page.evaluate(() => {
    const g = globalThis as unknown as BrowserGlobals;
    return { title: g.document.title, h1: (g.document.querySelector('#app h1')?.textContent ?? '').trim() };
  });
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'tandem-e2e-smoke-'));
  await buildPwa(outDir, 'smoke-1', config);
  server = await serve({ root: outDir });
  origin = server.url;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile) await removeProfile(profile);
  await rm(outDir, { recursive: true, force: true });
});

describe(`PWA smoke (${config})`, () => {
  let online: { title: string; h1: string };

  test('the service worker installs and controls the page', async () => {
    browser = await launch();
    profile = browser.userDataDir;
    const page = await browser.page();
    await page.goto(`${origin}/`);
    const status = await waitForControl(page);
    expect(status).toEqual({ activeState: 'activated', controlled: true });
    online = await shown(page);
    expect(online.title).not.toBe('');
    expect(online.h1).not.toBe('');
    expect(browser.errors).toEqual([]);
  });

  test('Chrome finds nothing that stops installation', async () => {
    const page = await browser!.page();
    const errors = await installabilityErrors(page);
    expect(errors, formatInstallability(errors)).toEqual([]);
  });

  test('offline, a reload and a deep link are answered by the service worker', async () => {
    const page = await browser!.page();
    await browser!.context.setOffline(true);
    const reload = await page.reload();
    expect(reload?.fromServiceWorker()).toBe(true);
    expect(await shown(page)).toEqual(online);
    expect((await serviceWorkerStatus(page)).controlled).toBe(true);

    const deep = await page.goto(`${origin}/some/deep/link`);
    expect(deep?.fromServiceWorker()).toBe(true);
    expect((await shown(page)).title).toBe(online.title);
    expect(browser!.errors).toEqual([]);
  });

  test('a browser restarted offline on the same profile still opens the app, with the server gone', async () => {
    await browser!.close({ keepProfile: true });
    browser = undefined;
    // Nothing may answer from the network now: only the service worker's caches can serve the page.
    await server!.close();
    server = undefined;
    browser = await launch({ userDataDir: profile!, offline: true });
    const page = await browser.page();
    const res = await page.goto(`${origin}/`);
    expect(res?.fromServiceWorker()).toBe(true);
    expect(await shown(page)).toEqual(online);
    expect(browser.errors).toEqual([]);
  });
});
