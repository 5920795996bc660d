// Getting engagements in: file imports, URL subscriptions with validators and the last good copy, hourly
// refresh, and enterprise policy (managed storage), through the background's real listeners on a fake chrome.*.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngagementInfo, ImportResult } from '../../extension/shared/messages.ts';
import type { PanelModel } from '../../extension/shared/panel-model.ts';
import { type FakeChrome, installFakeChrome, settle, startBackground } from './fake-chrome.ts';

const ACME = readFileSync(new URL('../../examples/acme-ost.yaml', import.meta.url), 'utf8');
const ACME_V2 = ACME.replace('title: Acme Corp × On-Site Technology', 'title: Acme Corp × On-Site Technology (v2)');
const MANAGED = ACME.replace('title: Acme Corp × On-Site Technology', 'title: Acme Corp (policy)');
const INVALID = ACME.replace('  timeZone: America/New_York\n  effective', '  timeZone: Mars/Olympus_Mons\n  effective');
const URL_ = 'https://engagements.example/acme-ost.yaml';
const ZENDESK = 'https://acme.zendesk.com';
const TICKET_URL = `${ZENDESK}/agent/tickets/4711`;
const T0 = Date.parse('2026-12-01T15:00:00Z');
const HOUR = 3_600_000;

let fake: FakeChrome;
type Answer = { status: number; body?: string; headers?: Record<string, string> } | Error;
let answers: Answer[];
let requests: Array<{ url: string; headers: Record<string, string> }>;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  answers = [];
  requests = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    requests.push({ url: String(url), headers: { ...(init.headers as Record<string, string>) } });
    const a = answers.shift();
    if (!a) throw new Error('test: no answer queued');
    if (a instanceof Error) throw a;
    return new Response(a.status === 304 ? null : (a.body ?? ''), { status: a.status, headers: a.headers });
  });
  fake = installFakeChrome();
  await startBackground();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const list = async () => (await fake.fromPage({ type: 'engagements:list' })) as EngagementInfo[];
const one = async (id = 'acme-ost') => (await list()).find((e) => e.id === id)!;
const importText = (text: string, fileName = 'acme-ost.yaml') => fake.fromPage({ type: 'engagements:import', fileName, text }) as Promise<ImportResult>;

describe('importing a file', () => {
  it('stores a valid file and lists it', async () => {
    const r = await importText(ACME);
    expect(r).toMatchObject({ ok: true, id: 'acme-ost', title: 'Acme Corp × On-Site Technology', replaced: false });
    expect(await list()).toEqual([
      { id: 'acme-ost', title: 'Acme Corp × On-Site Technology', source: 'file', fileName: 'acme-ost.yaml', readOnly: false, importedAt: T0, warnings: 0, origins: [ZENDESK, 'https://tickets.acme.example'] },
    ]);
  });

  it('stores nothing from an invalid file and reports problems with line and column', async () => {
    const r = await importText(INVALID, 'broken.yaml');
    if (r.ok) throw new Error('expected problems');
    const zone = r.problems.find((p) => p.message.includes('Mars/Olympus_Mons'))!;
    expect(zone).toMatchObject({ severity: 'error', file: 'broken.yaml', line: 12, column: 13 });
    expect(await list()).toEqual([]);
  });

  it('replaces the local copy with the same id', async () => {
    await importText(ACME);
    vi.setSystemTime(T0 + HOUR);
    const r = await importText(ACME_V2, 'acme-v2.yaml');
    expect(r).toMatchObject({ ok: true, replaced: true });
    expect(await list()).toHaveLength(1);
    expect(await one()).toMatchObject({ title: 'Acme Corp × On-Site Technology (v2)', fileName: 'acme-v2.yaml', importedAt: T0 + HOUR });
  });

  it('removes a local engagement', async () => {
    await importText(ACME);
    expect(await fake.fromPage({ type: 'engagements:remove', id: 'acme-ost' })).toEqual({ ok: true });
    expect(await list()).toEqual([]);
    expect(await fake.fromPage({ type: 'engagements:remove', id: 'acme-ost' })).toEqual({ ok: false, error: "no engagement 'acme-ost'" });
  });
});

describe('subscribing to a URL', () => {
  async function subscribed() {
    answers.push({ status: 200, body: ACME, headers: { etag: '"v1"', 'last-modified': 'Tue, 01 Dec 2026 14:00:00 GMT' } });
    const r = (await fake.fromPage({ type: 'engagements:subscribe', url: URL_ })) as ImportResult;
    expect(r).toMatchObject({ ok: true, id: 'acme-ost', replaced: false });
  }

  it('fetches, validates and stores the engagement with its source', async () => {
    await subscribed();
    expect(await one()).toMatchObject({ source: 'url', url: URL_, readOnly: false, lastRefreshed: T0 });
    expect(requests[0]!.headers).toEqual({});
  });

  it('refuses a file that does not validate, and a failed fetch', async () => {
    answers.push({ status: 200, body: INVALID });
    const bad = (await fake.fromPage({ type: 'engagements:subscribe', url: URL_ })) as ImportResult;
    expect(bad.ok === false && bad.problems.some((p) => p.file === 'acme-ost.yaml' && p.line === 12)).toBe(true);
    answers.push({ status: 404 });
    expect(await fake.fromPage({ type: 'engagements:subscribe', url: URL_ })).toEqual({ ok: false, problems: [], error: `${URL_} answered 404` });
    expect(await fake.fromPage({ type: 'engagements:subscribe', url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: 'an engagement URL must start with https:// or http://' });
    expect(await list()).toEqual([]);
  });

  it('a 304 keeps the copy and updates lastRefreshed; the request carries both validators', async () => {
    await subscribed();
    vi.setSystemTime(T0 + HOUR);
    answers.push({ status: 304 });
    expect(await fake.fromPage({ type: 'engagements:refresh', id: 'acme-ost' })).toEqual({ ok: true, notModified: true });
    expect(requests[1]!.headers).toEqual({ 'If-None-Match': '"v1"', 'If-Modified-Since': 'Tue, 01 Dec 2026 14:00:00 GMT' });
    const e = await one();
    expect(e.lastRefreshed).toBe(T0 + HOUR);
    expect(e.lastError).toBeUndefined();
    expect(e.title).toBe('Acme Corp × On-Site Technology');
  });

  it('a failing refresh keeps the last good copy and records lastError', async () => {
    await subscribed();
    vi.setSystemTime(T0 + HOUR);
    answers.push(new TypeError('Failed to fetch'));
    const r = (await fake.fromPage({ type: 'engagements:refresh', id: 'acme-ost' })) as { ok: boolean; error: string };
    expect(r).toEqual({ ok: false, error: `could not fetch ${URL_}: Failed to fetch` });
    expect(await one()).toMatchObject({ title: 'Acme Corp × On-Site Technology', lastRefreshed: T0, lastError: `could not fetch ${URL_}: Failed to fetch` });
    answers.push({ status: 503, body: 'busy' });
    await fake.fromPage({ type: 'engagements:refresh', id: 'acme-ost' });
    expect((await one()).lastError).toBe(`${URL_} answered 503`);

    // The copy in use is still the good one: a ticket is placed with it.
    fake.grant(ZENDESK);
    await settle();
    const model = (await fake.fromContent(
      { type: 'ticket', ticket: { adapter: 'zendesk', url: TICKET_URL, id: '4711', fields: { priority: 'urgent', status: 'open', organization: 'Acme Corp', tags: ['ransomware'] }, health: [] } },
      TICKET_URL,
    )) as PanelModel;
    expect(model.ok && model.engagement).toEqual({ id: 'acme-ost', title: 'Acme Corp × On-Site Technology' });
  });

  it('an invalid refreshed file keeps the last good copy, with the problems in lastError', async () => {
    await subscribed();
    answers.push({ status: 200, body: INVALID, headers: { etag: '"v2"' } });
    const r = (await fake.fromPage({ type: 'engagements:refresh', id: 'acme-ost' })) as { ok: boolean; error: string };
    expect(r.ok).toBe(false);
    const e = await one();
    expect(e.title).toBe('Acme Corp × On-Site Technology');
    expect(e.lastError).toMatch(/does not validate, so the last good copy is kept: acme-ost\.yaml:12:13 .*Mars\/Olympus_Mons/);
    // The bad copy's validator is not kept: the next refresh asks with the good copy's.
    answers.push({ status: 200, body: ACME_V2, headers: { etag: '"v3"' } });
    vi.setSystemTime(T0 + 2 * HOUR);
    expect(await fake.fromPage({ type: 'engagements:refresh', id: 'acme-ost' })).toEqual({ ok: true, notModified: false });
    expect(requests[2]!.headers['If-None-Match']).toBe('"v1"');
    const fixed = await one();
    expect(fixed).toMatchObject({ title: 'Acme Corp × On-Site Technology (v2)', lastRefreshed: T0 + 2 * HOUR });
    expect(fixed.lastError).toBeUndefined();
  });

  it('the hourly alarm refreshes every subscription', async () => {
    fake.events.onInstalled.dispatch({ reason: 'install' });
    await settle();
    expect(fake.alarmsMap.get('tandem-refresh')).toMatchObject({ periodInMinutes: 60 });
    await subscribed();
    answers.push({ status: 304 });
    vi.setSystemTime(T0 + HOUR);
    fake.fireAlarm('tandem-refresh');
    await settle();
    expect(requests.map((r) => r.url)).toEqual([URL_, URL_]);
    expect((await one()).lastRefreshed).toBe(T0 + HOUR);
  });

  it('refuses to refresh a file import', async () => {
    await importText(ACME);
    expect(await fake.fromPage({ type: 'engagements:refresh', id: 'acme-ost' })).toMatchObject({ ok: false, error: expect.stringMatching(/imported from a file/) });
  });
});

describe('enterprise policy (storage.managed)', () => {
  it('a managed engagement wins over a local one with the same id, and cannot be removed or replaced', async () => {
    await importText(ACME);
    fake.setPolicy({ engagements: [MANAGED] });
    await settle();
    expect(await list()).toEqual([expect.objectContaining({ id: 'acme-ost', title: 'Acme Corp (policy)', source: 'managed', readOnly: true })]);

    expect(await fake.fromPage({ type: 'engagements:remove', id: 'acme-ost' })).toEqual({
      ok: false, error: "engagement 'acme-ost' is managed by your organisation and cannot be removed here",
    });
    expect(await importText(ACME_V2)).toEqual({ ok: false, problems: [], error: "engagement 'acme-ost' is managed by your organisation and cannot be replaced here" });

    fake.grant(ZENDESK);
    await settle();
    const model = (await fake.fromContent(
      { type: 'ticket', ticket: { adapter: 'zendesk', url: TICKET_URL, id: '4711', fields: { priority: 'urgent', organization: 'Acme Corp' }, health: [] } },
      TICKET_URL,
    )) as PanelModel;
    expect(model.ok && model.engagement.title).toBe('Acme Corp (policy)');

    // When the policy drops it, the user's own copy is back.
    fake.setPolicy({});
    await settle();
    expect(await list()).toEqual([expect.objectContaining({ title: 'Acme Corp × On-Site Technology', source: 'file', readOnly: false })]);
  });

  it('fetches the policy URLs, keeps their last good copy, and shows an inline entry that does not validate', async () => {
    const POLICY_URL = 'https://it.example/policy/acme.yaml';
    answers.push({ status: 200, body: MANAGED, headers: { etag: '"p1"' } });
    fake.setPolicy({ engagementUrls: [POLICY_URL], engagements: ['tandem: 1\n'], allowedOrigins: ['https://acme.service-now.com'] });
    await settle();
    const entries = await list();
    expect(entries.find((e) => e.url === POLICY_URL)).toMatchObject({ id: 'acme-ost', title: 'Acme Corp (policy)', source: 'managed', readOnly: true });
    expect(entries.find((e) => e.id === 'managed:inline:0')).toMatchObject({ readOnly: true, lastError: expect.stringMatching(/^does not validate: policy engagements\[0\]:\d+:\d+ /) });

    answers.push(new TypeError('Failed to fetch'));
    expect(await fake.fromPage({ type: 'engagements:refresh', id: 'acme-ost' })).toEqual({ ok: false, error: `could not fetch ${POLICY_URL}: Failed to fetch` });
    expect(requests[1]!.headers).toEqual({ 'If-None-Match': '"p1"' });
    expect((await list()).find((e) => e.url === POLICY_URL)).toMatchObject({ title: 'Acme Corp (policy)', lastError: `could not fetch ${POLICY_URL}: Failed to fetch` });
    expect(await fake.fromPage({ type: 'engagements:remove', id: 'acme-ost' })).toMatchObject({ ok: false });
  });
});

describe('hello and the panel position', () => {
  beforeEach(async () => {
    await importText(ACME);
    fake.grant(ZENDESK);
    fake.grant('https://tickets.acme.example');
    await settle();
  });

  it("names the adapter, and for a generic helpdesk the recipe's selectors only", async () => {
    expect(await fake.fromContent({ type: 'hello', url: TICKET_URL }, TICKET_URL)).toEqual({ ok: true, adapter: 'zendesk', corner: 'bottom-right', collapsed: false });
    const portal = 'https://tickets.acme.example/ticket/4711';
    const answer = (await fake.fromContent({ type: 'hello', url: portal }, portal)) as { recipe: { ticketUrl: string; fields: Record<string, unknown> } };
    expect(answer).toMatchObject({ ok: true, adapter: 'generic' });
    expect(answer.recipe.ticketUrl).toBe('/ticket/(?<id>\\d+)');
    expect(answer.recipe.fields.created).toEqual({ selector: '.ticket-meta .created' });
    expect(answer.recipe.fields.assignee).toEqual({ selector: '.ticket-meta .assignee a', attribute: 'title' });
    // The parsing rules (regex, format, zone) stay in the background.
    expect(JSON.stringify(answer)).not.toMatch(/regex|format|timeZone|America/);
  });

  it('keeps the corner and collapsed state per origin', async () => {
    expect(await fake.fromContent({ type: 'panel-state', corner: 'top-left', collapsed: true }, TICKET_URL)).toEqual({ ok: true });
    expect(await fake.fromContent({ type: 'hello', url: TICKET_URL }, TICKET_URL)).toMatchObject({ corner: 'top-left', collapsed: true });
    const portal = 'https://tickets.acme.example/ticket/1';
    expect(await fake.fromContent({ type: 'hello', url: portal }, portal)).toMatchObject({ corner: 'bottom-right', collapsed: false });
  });
});
