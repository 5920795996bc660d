// "Teach Tandem this page" in headless Chromium with the built extension, on the generic fixture helpdesk: the
// popup injects the picker into the active tab, the user clicks five elements on the page, the popup shows each
// proposed selector and the value it reads, and Save stores a recipe that the generic adapter reads the same
// values with and whose YAML validates in the example engagement (once its placeholders are filled).
//
// The popup is opened in a tab of the same window: it asks for the active tab of the current window exactly as
// the toolbar popup does, so the helpdesk page is brought to the front before the popup looks.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseDocument } from 'yaml';
import { parseEngagement } from '../../../core/index.ts';
import { generic } from '../../../extension/adapters/generic.ts';
import { recipeValue } from '../../../extension/background/recipe-values.ts';
import type { LearnedRecipe } from '../../../extension/picker-core/recipe.ts';
import { repoRoot } from '../support/build.ts';
import { buildExtension, launchWithExtension, type WithExtension } from '../support/extension.ts';
import { startHelpdesk, type HelpdeskServer } from '../support/helpdesk-server.ts';
import { readPanel } from '../support/shadow.ts';

const ZONE = 'America/New_York';
let ext: WithExtension;
let server: HelpdeskServer;
let ownBuild: string | undefined;

beforeAll(async () => {
  const provided = inject('extensionBuild');
  const dist = provided ?? (await buildExtension((ownBuild = await mkdtemp(join(tmpdir(), 'tandem-ext-')))));
  server = await startHelpdesk('generic');
  ext = await launchWithExtension(dist, { timeZone: ZONE });
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (ownBuild) await rm(ownBuild, { recursive: true, force: true });
});

const EXPECTED = {
  id: { selector: '.ticket-number', value: '#4711' },
  priority: { selector: '.priority', value: '2 - High' },
  status: { selector: '.status', value: 'Open' },
  created: { selector: '.created', value: 'Fri Nov 27 04:50:12 2026' },
  organization: { selector: '.organization', value: 'Acme Corp' },
} as const;

/** The helpdesk page in front, then the popup, which looks for the active tab when it loads and when clicked. */
async function openPopupFor(page: Page): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.goto(`chrome-extension://${ext.extensionId}/extension/pages/popup/index.html`);
  await page.bringToFront();
  await popup.reload();
  return popup;
}

const pickerHosts = async (page: Page) => (await readPanel(page)).hosts;

test('teach: five clicks, proposals in the popup, saved recipe reads the page like the adapter', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/ticket/4711'));
  const popup = await openPopupFor(page);
  await popup.getByRole('button', { name: 'Teach Tandem this page' }).click();
  await expect.poll(async () => (await pickerHosts(page)).length, { timeout: 10_000 }).toBe(1);

  const [host] = await pickerHosts(page);
  // Our one element: a closed root, no attributes, nothing in the light DOM.
  expect(host).toMatchObject({ shadowRootType: 'closed', attrs: {}, lightChildren: 0 });
  expect((await readPanel(page)).text).toContain('Click the ticket id on the page');

  for (const [field, want] of Object.entries(EXPECTED)) {
    await page.click(want.selector);
    await expect.poll(() => popup.getByTestId(`pick-${field}-value`).textContent(), { timeout: 10_000 }).toBe(want.value);
    expect(await popup.getByTestId(`pick-${field}-selector`).textContent()).toBe(want.selector);
  }
  // The page's own click handler (its SPA links) never ran while picking: the click was ours.
  await page.click('a[data-spa][href="/ticket/4712"]');
  expect(new URL(page.url()).pathname).toBe('/ticket/4711');
  expect(server.requests.filter((r) => r.includes('4712'))).toEqual([]);

  // The popup offers the other proposals; the organisation is taken from the second one.
  const choose = popup.getByTestId('pick-organization-choose');
  expect(await choose.locator('option').count()).toBeGreaterThan(1);
  await choose.selectOption('1');
  const organizationSelector = (await popup.getByTestId('pick-organization-selector').textContent())!;
  expect(organizationSelector).not.toBe('.organization');
  expect(await popup.getByTestId('pick-organization-value').textContent()).toBe('Acme Corp');

  await popup.getByRole('button', { name: 'Save recipe' }).click();
  const yamlText = (await popup.getByTestId('recipe-yaml').textContent())!;
  await expect.poll(async () => (await pickerHosts(page)).length, { timeout: 10_000 }).toBe(0);
  // Everything restored: the page's links work again.
  await page.click('a[data-spa][href="/ticket/4712"]');
  await expect.poll(() => new URL(page.url()).pathname).toBe('/ticket/4712');

  const [recipe] = await ext.pageRequest<LearnedRecipe[]>({ type: 'recipe:list' });
  expect(recipe).toMatchObject({
    origin: server.origin,
    ticketUrl: '^/ticket/(?<id>\\d+)(?:[/?#]|$)',
    fields: {
      id: { selector: '.ticket-number', sample: '#4711' },
      priority: { selector: '.priority', sample: '2 - High' },
      created: { selector: '.created', format: 'ddd MMM D HH:mm:ss YYYY' },
    },
  });
  const org = recipe!.fields.organization!;
  expect(org.attribute ? `${org.selector} @${org.attribute}` : org.selector).toBe(organizationSelector);

  // The generic adapter, given the saved recipe, reads the same ticket from the same page.
  const url = new URL(server.url('/ticket/4711'));
  const win = new Window({ url: url.href });
  const doc = new win.DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html') as unknown as Document;
  const forPage = { ticketUrl: recipe!.ticketUrl, fields: Object.fromEntries(Object.entries(recipe!.fields).map(([f, r]) => [f, { selector: r.selector, attribute: r.attribute }])) };
  const ref = generic.ticketRef(url, doc, forPage);
  expect(ref).toBe('4711');
  const raw = await generic.read(ref!, { url, document: doc, signal: new AbortController().signal, recipe: forPage, fetchJson: () => Promise.reject(new Error('no API')) });
  expect(raw.fields).toEqual({ priority: '2 - High', status: 'Open', created: 'Fri Nov 27 04:50:12 2026', organization: 'Acme Corp' });
  expect(recipeValue('created', raw.fields.created as string, recipe!.fields.created, ZONE).value).toBe(Date.parse('2026-11-27T09:50:12Z'));
  await win.happyDOM.close();

  // The YAML the user copies, pasted into the example engagement's helpdesks list.
  const insert = (item: string) => {
    const doc = parseDocument(example);
    (doc.get('helpdesks') as { items: unknown[] }).items.push((parseDocument(item).contents as unknown as { items: unknown[] }).items[0]);
    return parseEngagement(doc.toString(), { fileName: 'acme-ost.yaml' });
  };
  const example = await readFile(join(repoRoot, 'examples/acme-ost.yaml'), 'utf8');
  const asIs = insert(yamlText);
  expect(asIs.ok).toBe(false);
  if (!asIs.ok) expect(asIs.problems.filter((p) => p.severity === 'error').every((p) => p.message.includes('CHANGE-ME'))).toBe(true);
  const filled = insert(yamlText.replace(/(2 - High["']?: )CHANGE-ME/, '$1P2').replace('default: CHANGE-ME', 'default: helpdesk-t1'));
  expect(filled.ok ? [] : filled.problems).toEqual([]);
  await popup.close();
  await page.close();
});

test('Escape in the page cancels: the picker leaves and the page works as before', async () => {
  const page = await ext.context.newPage();
  await page.goto(server.url('/ticket/4711'));
  const popup = await openPopupFor(page);
  await popup.getByRole('button', { name: 'Teach Tandem this page' }).click();
  await expect.poll(async () => (await pickerHosts(page)).length, { timeout: 10_000 }).toBe(1);
  await page.click('.priority');
  await expect.poll(() => popup.getByTestId('pick-id-value').textContent()).toBe('2 - High');
  await page.keyboard.press('Escape');
  await expect.poll(async () => (await pickerHosts(page)).length, { timeout: 10_000 }).toBe(0);
  await expect(popup.getByRole('button', { name: 'Teach Tandem this page' }).waitFor({ timeout: 10_000 })).resolves.toBeUndefined();
  await page.click('a[data-spa][href="/ticket/4712"]');
  await expect.poll(() => new URL(page.url()).pathname).toBe('/ticket/4712');
  expect(ext.errors).toEqual([]);
});
