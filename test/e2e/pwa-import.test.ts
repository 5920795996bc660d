// Import by picker and by drop, several files at once; a bad file lists every problem with file:line:column and
// changes nothing stored; re-import keeps history; restore, export and delete.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseEngagement } from '../../core/index.ts';
import { serve, type Server } from '../../scripts/serve.ts';
import { launch, type Launched } from './support/chromium.ts';
import { dropFiles, exampleText, pickFiles, secondEngagement, storedEngagements } from './support/pwa.ts';

let server: Server;
let browser: Launched;

beforeAll(async () => {
  server = await serve({ root: inject('pwaBuildA') });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('picker, drop, a rejected file, history, restore, export and delete', async () => {
  const page = await browser.page();
  await page.goto(server.url);
  await page.getByTestId('view-welcome').waitFor();

  // The picker, with two files at once.
  await pickFiles(page, [
    { name: 'acme-ost.yaml', text: exampleText },
    { name: 'globex.yaml', text: secondEngagement() },
  ]);
  await expect.poll(() => page.getByTestId('import-ok').count(), { timeout: 30_000 }).toBe(2);
  expect((await storedEngagements(page)).map((r) => [r.id, r.version])).toEqual([
    ['acme-ost', 1],
    ['globex-ost', 1],
  ]);
  const before = await storedEngagements(page);

  // A broken edit of a stored engagement, dropped: every problem is listed where the file has it.
  const broken = exampleText.replace(/^(\s+party: )ost$/m, '$1osst').replace(/^(\s+timeZone: )America\/New_York$/m, '$1America/New_Yrok');
  const expected = parseEngagement(broken, { fileName: 'acme-broken.yaml', now: Date.now() });
  expect(expected.ok).toBe(false);
  const problems = expected.ok ? [] : expected.problems;
  expect(problems.length).toBeGreaterThanOrEqual(2);
  await page.goto(`${server.url}/#/engagements`);
  await dropFiles(page, [{ name: 'acme-broken.yaml', text: broken }]);
  const failed = page.getByTestId('import-failed');
  await failed.waitFor({ timeout: 30_000 });
  const shown = await failed.getByTestId('problems').locator('li').allTextContents();
  expect(shown).toHaveLength(problems.length);
  for (const [i, p] of problems.entries()) expect(shown[i]).toContain(`acme-broken.yaml:${p.line}:${p.column}`);
  await expect.poll(async () => (await failed.textContent()) ?? '').toContain('Nothing stored was changed');
  expect(await storedEngagements(page)).toEqual(before);

  // A good edit becomes version 2; version 1 is in history and can be restored (as version 3).
  const edited = exampleText.replace(/^  title: .*$/m, '  title: Acme Corp × OST (amended)');
  await dropFiles(page, [{ name: 'acme-ost.yaml', text: edited }]);
  await page.getByText('updated to version 2').waitFor({ timeout: 30_000 });
  const card = page.getByTestId('engagement-acme-ost');
  await card.getByTestId('history-toggle').click();
  await card.getByTestId('restore-1').click();
  await card.getByText('Version 1 restored as version 3').waitFor();
  await expect.poll(async () => (await storedEngagements(page)).find((r) => r.id === 'acme-ost')?.title).toBe('Acme Corp × On-Site Technology');

  // Export gives back the file exactly as it was imported.
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('export').click()]);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(exampleText);
  expect(download.suggestedFilename()).toBe('acme-ost.yaml');

  // Delete asks first; cancel keeps it, confirm removes it and its history.
  const globex = page.getByTestId('engagement-globex-ost');
  await globex.getByTestId('delete').click();
  await globex.getByRole('button', { name: 'Cancel' }).click();
  expect((await storedEngagements(page)).map((r) => r.id)).toEqual(['acme-ost', 'globex-ost']);
  await globex.getByTestId('delete').click();
  await globex.getByTestId('confirm-delete').click();
  await expect.poll(async () => (await storedEngagements(page)).map((r) => r.id)).toEqual(['acme-ost']);
  await expect.poll(() => page.getByTestId('engagement-globex-ost').count()).toBe(0);
  expect(browser.errors).toEqual([]);
});

test('another open tab sees an import without reloading', async () => {
  const one = await browser.context.newPage();
  const two = await browser.context.newPage();
  await one.goto(`${server.url}/#/engagements`);
  await two.goto(`${server.url}/#/acme-ost/now`);
  await two.getByTestId('view-now').waitFor();
  const before = await two.getByTestId('switcher').locator('option').count();
  await pickFiles(one, [{ name: 'globex.yaml', text: secondEngagement() }]);
  await one.getByTestId('import-ok').waitFor({ timeout: 30_000 });
  await expect.poll(() => two.getByTestId('switcher').locator('option').count()).toBe(before + 1);
  await one.close();
  await two.close();
});

test('a write the browser refuses (quota) is reported and the stored data stays', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/#/engagements`);
  await page.getByTestId('engagement-acme-ost').waitFor();
  const before = await storedEngagements(page);
  // Chromium 156 ignores CDP Storage.overrideQuotaForOrigin here, so the worker's IndexedDB refuses writes the
  // way a full disk does: puts throw QuotaExceededError. The import runs the real worker, store and UI code.
  await pickFiles(page, [{ name: 'warm-up.yaml', text: secondEngagement() }]);
  await page.getByTestId('import-ok').waitFor({ timeout: 30_000 });
  const [worker] = page.workers();
  expect(worker).toBeDefined();
  await worker!.evaluate(() => {
    IDBObjectStore.prototype.put = function put() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const after = await storedEngagements(page);
  await pickFiles(page, [{ name: 'acme-ost.yaml', text: exampleText.replace(/^  title: .*$/m, '  title: Acme, too big to store') }]);
  const failed = page.getByTestId('import-failed');
  await failed.waitFor({ timeout: 30_000 });
  expect(await failed.textContent()).toMatch(/storage quota exceeded.*unchanged/i);
  expect(await storedEngagements(page)).toEqual(after);
  expect(after.find((r) => r.id === 'acme-ost')).toEqual(before.find((r) => r.id === 'acme-ost'));
  await page.close();
});
