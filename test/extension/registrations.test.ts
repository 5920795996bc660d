// Per-origin content script registration and the sender checks on content messages, through the background's
// real listeners on a fake chrome.*.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT, EXTENSION_ID, type FakeChrome, installFakeChrome, settle, startBackground } from './fake-chrome.ts';

const ACME = readFileSync(new URL('../../examples/acme-ost.yaml', import.meta.url), 'utf8');
const ZENDESK = 'https://acme.zendesk.com';
const PORTAL = 'https://tickets.acme.example';
const TICKET_URL = `${ZENDESK}/agent/tickets/4711`;

const expectedScript = (origin: string) => ({
  id: `tandem:${origin}`,
  matches: [`${origin}/*`],
  js: [CONTENT_SCRIPT],
  allFrames: true,
  runAt: 'document_end',
  persistAcrossSessions: true,
});

let fake: FakeChrome;

beforeEach(async () => {
  fake = installFakeChrome();
  await startBackground();
  const imported = (await fake.fromPage({ type: 'engagements:import', fileName: 'acme-ost.yaml', text: ACME })) as { ok: boolean };
  expect(imported.ok).toBe(true);
});

describe('one script per helpdesk type', () => {
  const PER_TYPE = { zendesk: 'extension/content/scripts/zendesk.iife.js', generic: 'extension/content/scripts/generic.iife.js' };

  it("an origin mapped to one type gets that type's script; a second type on it switches the origin to the full script", async () => {
    fake = installFakeChrome();
    await startBackground(PER_TYPE);
    expect(((await fake.fromPage({ type: 'engagements:import', fileName: 'acme-ost.yaml', text: ACME })) as { ok: boolean }).ok).toBe(true);
    fake.tabs = [{ id: 1, url: TICKET_URL }];
    fake.grant(ZENDESK);
    fake.grant(PORTAL);
    await settle();
    const jsOf = () => Object.fromEntries([...fake.scripts.values()].map((s) => [s.matches?.[0], s.js]));
    expect(jsOf()).toEqual({ [`${ZENDESK}/*`]: [PER_TYPE.zendesk], [`${PORTAL}/*`]: [PER_TYPE.generic] });
    expect(fake.executed).toEqual([{ tabId: 1, allFrames: true, files: [PER_TYPE.zendesk] }]);

    // The same engagement with a second, generic mapping on the Zendesk origin: no single adapter fits any more.
    const twoTypes = ACME.replace(/^helpdesks:\n/m, `helpdesks:\n  - type: generic\n    url: ${ZENDESK}\n    ticketUrl: '/portal/(?<id>\\d+)'\n    fields: { priority: { selector: ".priority" } }\n    priorities: { High: P2 }\n    activities: [{ default: helpdesk-t1 }]\n`);
    expect(twoTypes).not.toBe(ACME);
    const again = (await fake.fromPage({ type: 'engagements:import', fileName: 'acme-ost.yaml', text: twoTypes })) as { ok: boolean; problems?: unknown };
    expect(again.ok, JSON.stringify(again.problems)).toBe(true);
    await settle();
    expect(jsOf()).toEqual({ [`${ZENDESK}/*`]: [CONTENT_SCRIPT], [`${PORTAL}/*`]: [PER_TYPE.generic] });
    // The open Zendesk tab gets the new script at once; the portal's registration was left as it was.
    expect(fake.executed).toEqual([
      { tabId: 1, allFrames: true, files: [PER_TYPE.zendesk] },
      { tabId: 1, allFrames: true, files: [CONTENT_SCRIPT] },
    ]);
  });
});

describe('granting and revoking a site', () => {
  it('registers one all-frames script for the granted origin and injects it into its open tabs', async () => {
    fake.tabs = [
      { id: 1, url: TICKET_URL },
      { id: 2, url: `${ZENDESK}/agent/dashboard` },
      { id: 3, url: `${PORTAL}/ticket/9` },
      { id: 4, url: 'https://news.example/' },
    ];
    fake.grant(ZENDESK);
    await settle();
    expect([...fake.scripts.values()]).toEqual([expectedScript(ZENDESK)]);
    expect(fake.executed).toEqual([
      { tabId: 1, allFrames: true, files: [CONTENT_SCRIPT] },
      { tabId: 2, allFrames: true, files: [CONTENT_SCRIPT] },
    ]);

    // The options page sends origins:sync after its own permissions.request: no second registration or injection.
    const sync = (await fake.fromPage({ type: 'origins:sync' })) as { ok: boolean; registered: string[] };
    expect(sync).toMatchObject({ ok: true, registered: [ZENDESK] });
    expect(fake.scripts.size).toBe(1);
    expect(fake.executed).toHaveLength(2);
  });

  it('unregisters the script when the permission is removed', async () => {
    fake.grant(ZENDESK);
    fake.grant(PORTAL);
    await settle();
    expect([...fake.scripts.keys()].sort()).toEqual([`tandem:${ZENDESK}`, `tandem:${PORTAL}`]);
    fake.revoke(ZENDESK);
    await settle();
    expect([...fake.scripts.values()]).toEqual([expectedScript(PORTAL)]);
  });

  it('registers the known origins a broader grant covers, and nothing else', async () => {
    fake.grantPatterns(['https://*/*']);
    await settle();
    expect([...fake.scripts.keys()].sort()).toEqual([`tandem:${ZENDESK}`, `tandem:${PORTAL}`]);
  });

  it('lists the origins with their grant state', async () => {
    fake.setPolicy({ allowedOrigins: ['https://acme.service-now.com/'] });
    fake.grant(ZENDESK);
    await settle();
    const origins = (await fake.fromPage({ type: 'origins:list' })) as Array<{ origin: string; granted: boolean; managed: boolean; engagements: string[] }>;
    expect(origins).toEqual([
      { origin: 'https://acme.service-now.com', granted: false, engagements: [], managed: true },
      { origin: ZENDESK, granted: true, engagements: ['Acme Corp × On-Site Technology'], managed: false },
      { origin: PORTAL, granted: false, engagements: ['Acme Corp × On-Site Technology'], managed: false },
    ]);
  });
});

describe('start-up reconciliation', () => {
  for (const event of ['onStartup', 'onInstalled'] as const) {
    it(`${event}: drops stale registrations and re-registers granted origins with the current script`, async () => {
      // State left by an earlier session: one grant survived; one registration outlived its permission; one points
      // at an older build's file; another extension-internal script that is not ours stays untouched.
      fake.origins = [`${ZENDESK}/*`];
      fake.scripts.set(`tandem:${ZENDESK}`, { ...expectedScript(ZENDESK), js: ['assets/main.iife-OLD.js'] });
      fake.scripts.set('tandem:https://gone.example', expectedScript('https://gone.example'));
      fake.scripts.set('not-ours', { id: 'not-ours', matches: ['https://x.example/*'], js: ['x.js'] });
      fake.events[event].dispatch({ reason: 'update' });
      await settle();
      expect(fake.scripts.get(`tandem:${ZENDESK}`)).toEqual(expectedScript(ZENDESK));
      expect(fake.scripts.has('tandem:https://gone.example')).toBe(false);
      expect(fake.scripts.has('not-ours')).toBe(true);
      expect(fake.alarmsMap.get('tandem-refresh')?.periodInMinutes).toBe(60);
    });
  }
});

describe('who may ask', () => {
  const hello = { type: 'hello', url: TICKET_URL };

  it('answers a content script on a granted, registered origin', async () => {
    fake.grant(ZENDESK);
    await settle();
    expect(await fake.fromContent(hello, TICKET_URL)).toEqual({ ok: true, adapter: 'zendesk', corner: 'bottom-right', collapsed: false });
  });

  it('refuses a content script on an origin that is not registered', async () => {
    expect(await fake.fromContent(hello, TICKET_URL)).toEqual({ ok: false, reason: 'Tandem is not enabled on this site' });
    // Granted behind our back (no onAdded seen yet): still no registration, so still refused.
    fake.origins.push(`${ZENDESK}/*`);
    expect(await fake.fromContent(hello, TICKET_URL)).toEqual({ ok: false, reason: 'Tandem is not enabled on this site' });
  });

  it('refuses a tab that stays open after the site was revoked', async () => {
    fake.grant(ZENDESK);
    await settle();
    expect((await fake.fromContent(hello, TICKET_URL)) as { ok: boolean }).toMatchObject({ ok: true });
    fake.revoke(ZENDESK);
    await settle();
    const ticket = { type: 'ticket', ticket: { adapter: 'zendesk', url: TICKET_URL, id: '4711', fields: { priority: 'urgent', organization: 'Acme Corp' }, health: [] } };
    expect(await fake.fromContent(ticket, TICKET_URL)).toEqual({ ok: false, reason: 'Tandem is not enabled on this site' });
  });

  it('refuses a message from another extension id', async () => {
    fake.grant(ZENDESK);
    await settle();
    const sender = { id: 'someotherextension', url: TICKET_URL, origin: ZENDESK, tab: { id: 1, url: TICKET_URL } };
    expect(await fake.send(hello, sender)).toEqual({ ok: false, reason: 'refused' });
    const list = await fake.send({ type: 'engagements:list' }, { id: 'someotherextension', url: fake.api.runtime.getURL('x.html') });
    expect(list).toEqual({ error: 'refused: not from this extension' });
  });

  it('refuses page requests from a content script', async () => {
    fake.grant(ZENDESK);
    await settle();
    expect(await fake.fromContent({ type: 'engagements:list' }, TICKET_URL)).toEqual({ error: 'refused: not from an extension page' });
    expect(await fake.fromContent({ type: 'origins:sync' }, TICKET_URL)).toEqual({ error: 'refused: not from an extension page' });
  });

  it('answers for the origin of the sender, not one the message names', async () => {
    fake.grant(ZENDESK);
    await settle();
    const sender = { id: EXTENSION_ID, url: 'https://evil.example/agent/tickets/1', origin: 'https://evil.example', tab: { id: 9, url: 'https://evil.example/' } };
    expect(await fake.send(hello, sender)).toEqual({ ok: false, reason: 'Tandem is not enabled on this site' });
  });

  it('refuses malformed content requests', async () => {
    fake.grant(ZENDESK);
    await settle();
    const bad = { type: 'ticket', ticket: { adapter: 'zendesk', url: TICKET_URL, id: 'x'.repeat(10_000), fields: {}, health: [] } };
    expect(await fake.fromContent(bad, TICKET_URL)).toEqual({ ok: false, reason: 'malformed request' });
  });
});
