// The 2 AM case: the handbook opens with no network, after a reload and after the browser restarts; Chromium
// finds it installable; a new deployment is offered, not forced.
import { afterAll, beforeAll, expect, inject, onTestFinished, test } from 'vitest';
import { serve, type Server } from '../../scripts/serve.ts';
import { launch, removeProfile, tempProfile } from './support/chromium.ts';
import { formatInstallability, installabilityErrors } from './support/installability.ts';
import { exampleText, pickFiles, storedEngagements, waitForController } from './support/pwa.ts';

let server: Server;
let profile: string;

beforeAll(async () => {
  server = await serve({ root: inject('pwaBuildA') });
  profile = await tempProfile();
});
afterAll(async () => {
  await server?.close();
  await removeProfile(profile);
});

test('the service worker takes control; offline reload and an offline restart show the handbook', async () => {
  const first = await launch({ userDataDir: profile });
  // The next tests reuse the profile: a browser left open by a failure here would lock it for them too.
  onTestFinished(() => first.close());
  const page = await first.page();
  await page.goto(server.url);
  await waitForController(page);
  await page.getByTestId('try-example').click();
  await page.getByTestId('view-now').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('switcher').inputValue()).toBe('acme-ost');
  expect(await installabilityErrors(page), formatInstallability(await installabilityErrors(page))).toEqual([]);

  await first.context.setOffline(true);
  await page.reload();
  await page.getByTestId('view-now').waitFor();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  // Every view and the search worker work from the precache.
  for (const view of ['contacts', 'raci', 'slas', 'escalation', 'runbooks']) {
    await page.goto(`${server.url}/#/acme-ost/${view}`);
    await page.getByTestId(`view-${view}`).waitFor();
  }
  // A deep link that is not a file is answered by the service worker's navigation fallback.
  await page.goto(`${server.url}/some/deep/link#/acme-ost/contacts`);
  await page.getByTestId('view-contacts').waitFor();
  await page.goto(`${server.url}/#/search?q=ransom`);
  await page.getByTestId('search-results').locator('a').first().waitFor();
  expect(first.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  await first.close();

  // Closed and started again with no network at all.
  const second = await launch({ userDataDir: profile, offline: true });
  onTestFinished(() => second.close());
  const again = await second.page();
  await again.goto(server.url);
  await again.getByTestId('view-now').waitFor();
  expect(await again.getByTestId('switcher').inputValue()).toBe('acme-ost');
  await second.close();
});

test('a new deployment shows "Update available" and reloads into it only when asked', async () => {
  const b = await launch({ userDataDir: profile });
  onTestFinished(() => b.close());
  const page = await b.page();
  server.setRoot(inject('pwaBuildA'));
  await page.goto(`${server.url}/#/settings`);
  await waitForController(page);
  await page.getByText('e2e-build-A').waitFor();

  server.setRoot(inject('pwaBuildB'));
  await page.reload();
  const prompt = page.getByTestId('update-prompt');
  await prompt.waitFor({ timeout: 30_000 });
  // Still the old version until the user says so.
  await page.getByText('e2e-build-A').waitFor();
  await page.getByTestId('update-reload').click();
  await page.getByText('e2e-build-B').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('update-prompt').count()).toBe(0);
  await b.close();
  server.setRoot(inject('pwaBuildA'));
});

test('an update waits for a running import to finish', async () => {
  const b = await launch();
  const page = await b.page();
  server.setRoot(inject('pwaBuildA'));
  await page.goto(`${server.url}/#/engagements`);
  await waitForController(page);
  server.setRoot(inject('pwaBuildB'));
  await page.reload();
  await page.getByTestId('update-prompt').waitFor({ timeout: 30_000 });
  // A large file keeps the import busy long enough to press Reload during it.
  const big = `${exampleText}\n${'# padding line to make the file large enough to take a while to parse\n'.repeat(60_000)}`;
  await pickFiles(page, [{ name: 'acme-ost.yaml', text: big }]);
  await page.getByTestId('import-running').waitFor();
  // Note in sessionStorage (it survives the reload) when the import reported success and when the page unloaded.
  await page.evaluate(() => {
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="import-ok"]') && !sessionStorage.getItem('importOkAt')) sessionStorage.setItem('importOkAt', String(Date.now()));
    }).observe(document.body, { subtree: true, childList: true });
    addEventListener('pagehide', () => sessionStorage.setItem('unloadAt', String(Date.now())));
  });
  const reloaded = page.waitForEvent('load', { timeout: 60_000 });
  await page.getByTestId('update-reload').click();
  await reloaded;
  const marks = await page.evaluate(() => ({ ok: Number(sessionStorage.getItem('importOkAt')), unload: Number(sessionStorage.getItem('unloadAt')) }));
  expect(marks.ok).toBeGreaterThan(0);
  expect(marks.unload).toBeGreaterThanOrEqual(marks.ok);
  expect((await storedEngagements(page)).map((r) => r.id)).toEqual(['acme-ost']);
  await page.goto(`${server.url}/#/settings`);
  await page.getByText('e2e-build-B').waitFor({ timeout: 30_000 });
  await b.close();
  server.setRoot(inject('pwaBuildA'));
});
