// Every view in real Chromium: no axe violations, screenshots at 360×640 in light and dark (docs/screenshots),
// and a hostile engagement whose payloads never run, even with the CSP switched off.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseEngagement } from '../../core/index.ts';
import { serve, type Server } from '../../scripts/serve.ts';
import { formatViolations, runAxe } from './support/axe.ts';
import { repoRoot } from './support/build.ts';
import { launch } from './support/chromium.ts';
import { hostileEngagement } from './support/hostile.ts';
import { pickFiles } from './support/pwa.ts';

let server: Server;
beforeAll(async () => {
  server = await serve({ root: inject('pwaBuildA') });
});
afterAll(async () => {
  await server?.close();
});

const VIEWS = [
  ['now', '#/acme-ost/now'],
  ['contacts', '#/acme-ost/contacts'],
  ['raci', '#/acme-ost/raci'],
  ['slas', '#/acme-ost/slas'],
  ['escalation', '#/acme-ost/escalation'],
  ['runbooks', '#/acme-ost/runbooks/ransomware'],
  ['search', '#/search?q=metro'],
  ['engagements', '#/engagements'],
  ['settings', '#/settings'],
] as const;

const shots = `${repoRoot}docs/screenshots`;

for (const scheme of ['light', 'dark'] as const) {
  test(`every view passes axe and is photographed (${scheme})`, async () => {
    const b = await launch({ colorScheme: scheme, bypassCSP: true });
    const page = await b.page();
    await page.goto(server.url);
    await page.getByTestId('view-welcome').waitFor();
    const welcome = await runAxe(page);
    expect(welcome, formatViolations(welcome)).toEqual([]);
    await page.getByTestId('try-example').click();
    await page.getByTestId('view-now').waitFor({ timeout: 30_000 });
    // Toasts are transient; the screenshots show the views.
    await page.getByTestId('import-ok').getByRole('button', { name: 'Dismiss' }).click();
    const toast = page.getByTestId('offline-ready-toast');
    if (await toast.count()) await toast.getByRole('button', { name: 'OK' }).click();
    mkdirSync(shots, { recursive: true });
    for (const [name, hash] of VIEWS) {
      await page.goto(`${server.url}/${hash}`);
      await page.getByTestId(`view-${name}`).waitFor();
      if (name === 'runbooks') await page.getByTestId('runbook-body').locator('p, li').first().waitFor();
      if (name === 'search') await page.getByTestId('search-results').locator('a').first().waitFor();
      const violations = await runAxe(page);
      expect(violations, `${name}: ${formatViolations(violations)}`).toEqual([]);
      const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      expect(noScroll, `${name} scrolls sideways at 360 px`).toBe(true);
      await page.screenshot({ path: `${shots}/pwa-${name}-${scheme}.png` });
    }
    expect(b.errors).toEqual([]);
    await b.close();
  });
}

test('a hostile engagement renders as text and runs nothing', async () => {
  const text = hostileEngagement();
  const parsed = parseEngagement(text, { fileName: 'hostile.yaml', now: Date.now() });
  expect(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.problems.slice(0, 3))).toBe(true);

  const b = await launch({ bypassCSP: true });
  const page = await b.page();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${server.url}/#/engagements`);
  await pickFiles(page, [{ name: 'hostile.yaml', text }]);
  await page.getByTestId('import-ok').waitFor({ timeout: 30_000 });
  const routes = ['now', 'contacts', 'raci', 'slas', 'escalation', 'runbooks', 'runbooks/isp-down'].map((v) => `#/acme-ost/${v}`);
  routes.push('#/search?q=acme', '#/search?q=jane', '#/search?q=pwned', '#/engagements');
  for (const hash of routes) {
    await page.goto(`${server.url}/${hash}`);
    await page.locator('main h1').first().waitFor();
    if (hash.endsWith('isp-down')) await page.getByTestId('runbook-body').locator('p, li').first().waitFor();
    await page.waitForTimeout(100);
    const found = await page.evaluate(() => {
      const main = document.body;
      return {
        pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
        scripts: main.querySelectorAll('main script, main iframe, main svg[onload], main details[ontoggle]').length,
        handlers: [...main.querySelectorAll('main *')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        badLinks: [...main.querySelectorAll('main a[href], main img[src]')]
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '')
          .filter((h) => !/^(https?:|tel:|sms:|mailto:|slack:|#|\/)/i.test(h.trim())),
      };
    });
    expect(found, hash).toEqual({ pwned: null, scripts: 0, handlers: 0, badLinks: [] });
  }
  // The payloads are there, as text.
  await page.goto(`${server.url}/#/acme-ost/contacts`);
  await page.getByText('Jane <img src=x onerror=', { exact: false }).first().waitFor();
  expect(dialogs).toEqual([]);
  await b.close();
});
