// A hostile helpdesk page (test/e2e/fixtures/hostile-helpdesk): its own script reads our host element, walks the
// DOM with attributes and text, records every mutation, selects all text, probes the screen, reads its storages,
// forges messages and events shaped like ours and calls chrome.runtime. The panel, read through CDP, shows the
// engagement's names and numbers; the page must have obtained none of them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { whoToCall, type Engagement } from '../../../core/index.ts';
import { e2eEngagementText, expectFromCore, parseE2E } from '../support/e2e-engagement.ts';
import { buildExtension, launchWithExtension, type WithExtension } from '../support/extension.ts';
import { byTestId, clickNode, findAll, readPanel, waitForPanel } from '../support/shadow.ts';
import { startHelpdesk, zonedInstant, type HelpdeskServer } from '../support/helpdesk-server.ts';
import { repoRoot } from '../support/build.ts';

const ZONE = 'America/New_York';
const TICKET = '9001';

interface HostileReport {
  got: Array<{ probe: string; value: string }>;
  facts: {
    foreignElements: string[];
    shadowChecks: Array<{ tag: string; shadowRootNull: boolean; attributes: number; childNodes: number; attachShadow: string }>;
    patchedAttachShadowCalls: number;
    findOracle: Record<string, boolean>;
    runtime: { present: boolean; answers: string[] };
    extensionFetch: string[];
    mutations: number;
    messagesReceived: number;
    sweeps: number;
  };
}

let dist: string;
let ownBuild: string | null = null;
let ext: WithExtension;
let server: HelpdeskServer;
let engagement: Engagement;
let page: Page;
const consoleLines: Array<{ probe: string; value: string }> = [];

beforeAll(async () => {
  const provided = inject('extensionBuild');
  const building = provided ? Promise.resolve(provided) : mkdtemp(join(tmpdir(), 'tandem-ext-')).then((d) => buildExtension((ownBuild = d)));
  building.catch(() => {}); // awaited below; this only keeps a failed build from counting as unhandled meanwhile
  // The page's "Opened" time is recorded as Fri Nov 27 03:00:00 2026 (New York); served as 20 minutes ago.
  const recorded = zonedInstant(2026, 11, 27, 3, 0, 0, ZONE);
  server = await startHelpdesk('hostile', { dir: join(repoRoot, 'test/e2e/fixtures/hostile-helpdesk'), shiftMs: Math.round((Date.now() - 20 * 60_000 - recorded) / 60_000) * 60_000, pageZone: ZONE });
  const text = e2eEngagementText({ hostile: server.origin });
  engagement = parseE2E(text);
  dist = await building;
  ext = await launchWithExtension(dist, { timeZone: ZONE });
  const imported = await ext.pageRequest<{ ok: boolean }>({ type: 'engagements:import', fileName: 'acme-ost-e2e.yaml', text });
  expect(imported.ok).toBe(true);
  await ext.pageRequest({ type: 'origins:sync' });
  page = await ext.context.newPage();
  // Everything logged in the page's console, from any world: our content script must log no engagement data.
  page.on('console', (msg) => consoleLines.push({ probe: `console:${msg.type()}`, value: msg.text() }));
  // The page even knows our extension id (as if it had fingerprinted it), for chrome.runtime and extension URLs.
  await page.goto(`${server.url(`/ticket/${TICKET}`)}?ext=${ext.extensionId}`);
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await server?.close();
  if (ownBuild) await rm(ownBuild, { recursive: true, force: true });
});

/** What the panel shows that comes from the engagement: names, numbers, titles (none of it is on the page). */
function engagementStrings(e: Engagement, readAt: number): string[] {
  const want = expectFromCore([e], { origin: server.origin, priority: '1', status: 'Open', organization: 'Acme Corp', category: 'Network / WAN', created: readAt - 20 * 60_000 }, readAt);
  const who = whoToCall(e, { priority: want.priority!, activity: want.activity, openedAt: readAt - 20 * 60_000 }, readAt);
  const people = who.ok ? [who.step, who.next].flatMap((s) => s?.recipients ?? []) : [];
  return [
    e.engagement.title,
    e.activities[want.activity]!.name,
    ...want.owners.R,
    ...want.owners.A,
    ...people.map((p) => p.name),
    ...people.flatMap((p) => p.contacts.map((c) => c.text)),
    ...want.clocks.map((c) => e.sla[c.policy]!.name!),
  ].filter((s, i, all) => s && all.indexOf(s) === i);
}

let shownText = '';
let secrets: string[] = [];
let report: HostileReport;
let cornerAfter = '';

/** Every entry the page obtained that holds an engagement string, with the probe that got it. */
function leaks(entries: HostileReport['got']): string {
  const patterns = [/973 555/, /\+1973555/, /Jane Doe/i, /On-Site Technology/i, /Acme Internal IT/i, /Schedule B/i];
  return [
    ...secrets.flatMap((s) => entries.filter((g) => g.value.toLowerCase().includes(s.toLowerCase())).map((g) => `${JSON.stringify(s)} via ${g.probe}: ${g.value.slice(0, 200)}`)),
    ...patterns.flatMap((p) => entries.filter((g) => p.test(g.value)).map((g) => `${p} via ${g.probe}: ${g.value.slice(0, 200)}`)),
  ].join('\n');
}

// One visit: the panel shows, the user collapses, expands and moves it, the page sweeps and reports.
beforeAll(async () => {
  const shown = await waitForPanel(page, (s) => !!byTestId(s.root, 'owner') && s.text.includes(`#${TICKET}`), 15_000, 'the panel on the hostile page');
  shownText = shown.text;
  secrets = engagementStrings(engagement, Date.now());
  // The page forged a panel-state message (top-left) before the panel came: the panel sits where it defaults to.
  expect(byTestId(shown.root, 'panel')?.attrs.class).toMatch(/\bbottom-right\b/);

  const collapse = findAll(shown.root, (n) => n.name === 'button' && n.attrs['aria-label'] === 'Collapse the Tandem panel')[0]!;
  await clickNode(page, collapse);
  const pill = await waitForPanel(page, (s) => findAll(s.root, (n) => n.name === 'button' && n.attrs['aria-expanded'] === 'false').length > 0, 5_000, 'the collapsed pill');
  await clickNode(page, findAll(pill.root, (n) => n.name === 'button' && n.attrs['aria-expanded'] === 'false')[0]!);
  const expanded = await waitForPanel(page, (s) => !!byTestId(s.root, 'owner'), 5_000, 'the panel expanded again');
  await clickNode(page, findAll(expanded.root, (n) => n.name === 'button' && n.attrs['aria-label'] === 'Move to the top right corner')[0]!);
  await waitForPanel(page, (s) => /\btop-right\b/.test(byTestId(s.root, 'panel')?.attrs.class ?? ''), 5_000, 'the panel in the top right corner');

  await page.evaluate(() => (window as unknown as { __hostile: { sweep(): Promise<void> } }).__hostile.sweep());
  await new Promise((r) => setTimeout(r, 500));
  report = (await page.evaluate(() => (window as unknown as { __hostile: { report(): unknown } }).__hostile.report())) as HostileReport;
  const after = await readPanel(page);
  cornerAfter = byTestId(after.root, 'panel')?.attrs.class ?? '';
  shownText = after.text;
}, 60_000);

test('the panel, read through CDP, shows the engagement strings the page looks for', () => {
  // The leak checks below are only worth something if the panel really shows these.
  const visible = secrets.filter((s) => shownText.includes(s));
  expect(visible).toContain(engagement.engagement.title);
  expect(visible.filter((s) => /\+1 \d{3} 555/.test(s)).length, `phone numbers in the panel: ${shownText}`).toBeGreaterThan(0);
  expect(visible.length, `engagement strings in the panel: ${JSON.stringify(visible)} of ${JSON.stringify(secrets)}`).toBeGreaterThanOrEqual(5);
  expect(shownText).toContain(`#${TICKET}`);
});

test('our host element is closed to the page: shadowRoot null, no attributes, no children, not our prototypes', () => {
  // The page did look: it saw our host arrive and swept the DOM several times.
  expect(report.facts.mutations).toBeGreaterThan(0);
  expect(report.facts.sweeps).toBeGreaterThan(1);
  expect(report.got.some((g) => g.probe === 'mutation:added' && /^<tandem-panel-/.test(g.value)), 'the page saw our host element arrive').toBe(true);
  expect(report.facts.foreignElements).toHaveLength(1);
  expect(report.facts.foreignElements[0]).toMatch(/^tandem-panel-/);
  expect(report.facts.shadowChecks).toEqual([{ tag: report.facts.foreignElements[0], shadowRootNull: true, attributes: 0, childNodes: 0, attachShadow: 'NotSupportedError' }]);
  // The page's patched attachShadow never ran for us: our isolated world has its own prototypes.
  expect(report.facts.patchedAttachShadowCalls).toBe(0);
});

test('the DOM walk, mutations, events, storages, selection and screen probes obtain no engagement data', () => {
  expect(leaks(report.got.filter((g) => !g.probe.startsWith('find:')))).toBe('');
});

test('forged messages and events get nothing: no chrome.runtime, no extension files, the panel ignores them', () => {
  expect(report.facts.runtime.present).toBe(false);
  expect(report.facts.extensionFetch.length).toBeGreaterThanOrEqual(3);
  for (const f of report.facts.extensionFetch) expect(f).toMatch(/failed/);
  // The forged panel-state (top-left), sent again during the sweep, did not move the panel the user put top right.
  expect(cornerAfter).toMatch(/\btop-right\b/);
  expect(shownText).toContain(engagement.engagement.title);
});

test('nothing of the engagement is logged to the page console', () => {
  expect(leaks(consoleLines)).toBe('');
});

test('window.find cannot read the panel text out character by character', () => {
  const found = report.got.filter((g) => g.probe.startsWith('find:'));
  console.info(`window.find oracle: ${JSON.stringify(report.facts.findOracle)}; extracted: ${JSON.stringify(found.filter((g) => g.probe === 'find:extracted').map((g) => g.value))}`);
  expect(leaks(found)).toBe('');
});
