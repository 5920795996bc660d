// The built extension on five fixture helpdesks in headless Chromium: the panel shows the owner, the clocks and
// whom to call exactly as core computes them for the same ticket, follows SPA navigation, pauses on a pause
// status, and stays out of an origin the user did not grant.
//
// Every expectation comes from core (route, ownership, evaluateSla, whoToCall) on the facts the recorded payloads
// hold, never from the extension's own compile step. The fixtures' times are moved so that the newest ticket of
// each helpdesk was created AGE_MS ago; the countdowns are then minutes and hours, checkable to the minute.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Engagement, TicketFacts } from '../../../core/index.ts';
import { e2eEngagementText, expectFromCore, parseE2E, type E2EOrigins, type ExpectedPanel } from '../support/e2e-engagement.ts';
import { buildExtension, launchWithExtension, type WithExtension } from '../support/extension.ts';
import { byTestId, findAll, readPanel, testIdText, textOf, waitForPanel, type PanelNode, type PanelSnapshot } from '../support/shadow.ts';
import { fixtureSpecs, navigateBySpec } from '../support/fixture-e2e.ts';
import { FIXTURES, startHelpdesk, zonedInstant, type HelpdeskServer } from '../support/helpdesk-server.ts';

const ZONE = 'America/New_York';
/** The helpdesks described by e2e.json (the adapters after the first five), with their expected facts. */
const SPECS = fixtureSpecs();
const HELPDESK_NAMES: Record<Type, string> = {
  zendesk: 'Zendesk', servicenow: 'ServiceNow', jira: 'Jira', freshservice: 'Freshservice', generic: '',
  ...Object.fromEntries(SPECS.map((s) => [s.type, s.native ? s.name : ''])),
};
const TYPES: Type[] = ['zendesk', 'servicenow', 'jira', 'freshservice', 'generic', ...SPECS.map((s) => s.type)];
const AGE_MS = 20 * 60_000;
const MINUTE = 60_000;

type Type = string;
type Facts = Omit<TicketFacts, 'origin'>;

interface FixtureTicket {
  /** The ticket page's path (ServiceNow: the classic frameset around the form). */
  page: string;
  /** The id the panel shows after '#'. */
  shownId: string;
  /** Facts as recorded (created before the shift). */
  facts: Facts;
}

interface Fixture {
  type: Type;
  name: string;
  tickets: [FixtureTicket, FixtureTicket];
  /** Moves from the first ticket to the second the way the helpdesk does it. */
  navigate(page: Page): Promise<void>;
}

const read = async (type: string, file: string) => readFile(join(FIXTURES, type, file), 'utf8');
const json = async (type: string, file: string): Promise<any> => JSON.parse(await read(type, file));
const isoMs = (v: string) => Date.parse(v.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
const clickSpa = (path: string) => (page: Page) => page.locator(`a[data-spa][href="${path}"]`).click();

// The facts each recorded ticket carries, read the way the helpdesk's API names them.
async function loadFixtures(): Promise<Fixture[]> {
  const zendesk = async (id: string): Promise<FixtureTicket> => {
    const body = await json('zendesk', `api/show_many-${id}.json`);
    const t = body.tickets[0];
    const name = (list: any[], key: number | null, field = 'name') => list.find((x) => x.id === key)?.[field];
    return {
      page: `/agent/tickets/${id}`,
      shownId: id,
      facts: {
        priority: t.priority, status: t.status, created: Date.parse(t.created_at), subject: t.subject, tags: t.tags, type: t.type,
        organization: name(body.organizations, t.organization_id), group: name(body.groups, t.group_id),
        assignee: name(body.users, t.assignee_id), requesterEmail: name(body.users, t.requester_id, 'email'),
      },
    };
  };
  const servicenow = async (sysId: string): Promise<FixtureTicket> => {
    const r = (await json('servicenow', `api/incident-${sysId}.json`)).result;
    return {
      page: `/nav_to.do?uri=incident.do%3Fsys_id%3D${sysId}`,
      shownId: r.number.value,
      facts: {
        priority: r.priority.value, status: r.state.display_value, created: Date.parse(`${r.opened_at.value.replace(' ', 'T')}Z`),
        organization: r.company.display_value, category: r.category.display_value, group: r.assignment_group.display_value,
        assignee: r.assigned_to.display_value || undefined, requesterEmail: r['caller_id.email'].value, subject: r.short_description.value,
      },
    };
  };
  const jira = async (key: string): Promise<FixtureTicket> => {
    const f = (await json('jira', `api/issue-${key}.json`)).fields;
    return {
      page: `/browse/${key}`,
      shownId: key,
      facts: {
        priority: f.priority.name, status: f.status.name, created: isoMs(f.created), organization: f.customfield_10002?.[0]?.name,
        category: f.components?.[0]?.name, assignee: f.assignee?.displayName, requesterEmail: f.reporter?.emailAddress,
        subject: f.summary, tags: f.labels, type: f.issuetype?.name,
      },
    };
  };
  const freshservice = async (id: string): Promise<FixtureTicket> => {
    const t = (await json('freshservice', `api/ticket-${id}.json`)).ticket;
    return {
      page: `/a/tickets/${id}`,
      shownId: id,
      facts: {
        priority: String(t.priority), status: String(t.status), created: Date.parse(t.created_at), organization: t.department?.name,
        category: t.category, requesterEmail: t.requester?.email, subject: t.subject, tags: t.tags, type: t.type,
      },
    };
  };
  // The generic recipe (examples/acme-ost.yaml, acme-portal): priority "2 - High" → regex → "2"; dates as shown.
  const generic = async (id: string): Promise<FixtureTicket> => {
    const html = await read('generic', `ticket-${id}.html`);
    const dd = (cls: string) => new RegExp(`<dd class="${cls}">([\\s\\S]*?)</dd>`).exec(html)?.[1]?.replace(/<[^>]*>/g, '').trim();
    const created = /^\w{3} (\w{3}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})$/.exec(dd('created') ?? '');
    if (!created) throw new Error(`generic fixture ${id}: no created time`);
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(created[1]!) + 1;
    return {
      page: `/ticket/${id}`,
      shownId: id,
      facts: {
        priority: /^\s*(\d)/.exec(dd('priority') ?? '')?.[1], status: dd('status'), organization: dd('organization'), category: dd('category'),
        assignee: /title="([^"]*)"/.exec(/<dd class="assignee">[\s\S]*?<\/dd>/.exec(html)?.[0] ?? '')?.[1],
        created: zonedInstant(+created[6]!, month, +created[2]!, +created[3]!, +created[4]!, +created[5]!, ZONE),
      },
    };
  };
  return [
    { type: 'zendesk', name: 'Zendesk', tickets: [await zendesk('4711'), await zendesk('4712')], navigate: clickSpa('/agent/tickets/4712') },
    {
      type: 'servicenow',
      name: 'ServiceNow classic (gsft_main frame)',
      tickets: [await servicenow('9d385017c611228701d22104cc95c371'), await servicenow('57af7aec73d423002728660c4cf6a71c')],
      // In the classic UI a link inside the form loads the other record into the same frame.
      navigate: (page) => page.frameLocator('iframe#gsft_main').locator('a[href*="57af7aec73d423002728660c4cf6a71c"]').click(),
    },
    { type: 'jira', name: 'Jira Service Management', tickets: [await jira('ITS-101'), await jira('ITS-102')], navigate: clickSpa('/browse/ITS-102') },
    { type: 'freshservice', name: 'Freshservice', tickets: [await freshservice('3021'), await freshservice('3022')], navigate: clickSpa('/a/tickets/3022') },
    { type: 'generic', name: 'generic recipe', tickets: [await generic('4711'), await generic('4712')], navigate: clickSpa('/ticket/4712') },
    ...SPECS.map((spec): Fixture => {
      const [first, second] = spec.tickets.map((t): FixtureTicket => {
        const { created, ...facts } = t.facts;
        return { page: t.page, shownId: t.shownId, facts: { ...facts, ...(created ? { created: Date.parse(created) } : {}) } };
      });
      if (!first || !second) throw new Error(`${spec.type}/e2e.json: two tickets expected`);
      return { type: spec.type, name: spec.name, tickets: [first, second], navigate: (page) => navigateBySpec(page, spec.navigate) };
    }),
  ];
}

// ------------------------------------------------------------------------------------------------------------
// Reading what the panel says, and comparing it with core.

/** "2 h 10 min", "−15 min", "1 d 3 h", "40 s" → the range of ms it can stand for (units are truncated). */
function countdownRange(text: string): [number, number] | null {
  const m = /^(−|-)?\s*(?:(\d+) d)?\s*(?:(\d+) h)?\s*(?:(\d+) min)?\s*(?:(\d+) s)?$/.exec(text.trim());
  if (!m || !(m[2] || m[3] || m[4] || m[5])) return null;
  const [d, h, mi, s] = [m[2], m[3], m[4], m[5]].map((x) => Number(x ?? 0)) as [number, number, number, number];
  const abs = d * 86_400_000 + h * 3_600_000 + mi * MINUTE + s * 1000;
  const unit = m[5] ? 1000 : m[4] || (m[3] && !m[2]) ? MINUTE : m[3] ? 3_600_000 : m[2] ? 3_600_000 : MINUTE;
  return m[1] ? [-(abs + unit), -abs] : [abs, abs + unit];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The due time as the panel writes it (the browser runs in ZONE): "14:05", "Mon 14:05" or "2026-12-03 14:05". */
function dueText(at: number, now: number): string {
  const fmt = (t: number) =>
    Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' })
        .formatToParts(t)
        .map((p) => [p.type, p.value]),
    );
  const d = fmt(at);
  const today = fmt(now);
  const hm = `${pad(+d.hour! % 24)}:${d.minute}`;
  if (d.year === today.year && d.month === today.month && d.day === today.day) return hm;
  if (Math.abs(at - now) < 6 * 86_400_000) return `${d.weekday} ${hm}`;
  return `${d.year}-${d.month}-${d.day} ${hm}`;
}

const cls = (n: PanelNode, c: string) => (n.attrs.class ?? '').split(/\s+/).includes(c);

/** Differences between the panel and core's expectation, in words; [] when they agree. */
function compare(snap: PanelSnapshot, want: ExpectedPanel, readAt: number): string[] {
  const diffs: string[] = [];
  const root = snap.root;
  const owner = byTestId(root, 'owner');
  if (!owner) return [`no ownership section; the panel says: ${snap.text}`];
  const dl = findAll(owner, (n) => n.name === 'dl')[0];
  const dts = findAll(dl ?? null, (n) => n.name === 'dt').map(textOf);
  const dds = findAll(dl ?? null, (n) => n.name === 'dd').map(textOf);
  for (const role of ['R', 'A'] as const) {
    const shown = dds[dts.indexOf(role)];
    if (shown !== want.owners[role].join(', ')) diffs.push(`owner ${role}: panel '${shown}', core '${want.owners[role].join(', ')}'`);
  }
  if (!textOf(owner).includes(`Why: ${want.rule}`)) diffs.push(`rule: panel '${textOf(owner)}', core '${want.rule}'`);

  const cells = findAll(root, (n) => /^clock-/.test(n.attrs['data-testid'] ?? ''));
  if (cells.length !== want.clocks.length) diffs.push(`clocks: panel has ${cells.length} (${cells.map((c) => c.attrs['data-testid']).join(', ')}), core ${want.clocks.length}`);
  for (const c of want.clocks) {
    const id = `clock-${c.policy}-${c.metric}`;
    const cell = byTestId(root, id);
    if (!cell) {
      diffs.push(`${id}: missing`);
      continue;
    }
    const label = textOf(findAll(cell, (n) => cls(n, 'chip'))[0] ?? cell);
    const time = findAll(cell, (n) => cls(n, 'time'))[0];
    const due = findAll(cell, (n) => cls(n, 'due'))[0];
    const range = time ? countdownRange(textOf(time)) : null;
    const near = (ms: number, what: string) => {
      if (!range) return diffs.push(`${id}: no countdown (cell '${textOf(cell)}'), core ${what} ${ms} ms`);
      if (ms < range[0] - MINUTE || ms > range[1] + MINUTE) diffs.push(`${id}: panel '${textOf(time!)}', core ${what} ${Math.round(ms / 1000)} s`);
    };
    if (c.state === 'pending') {
      if (label !== 'not started') diffs.push(`${id}: panel '${textOf(cell)}', core pending`);
    } else if (c.state === 'met' || c.state === 'canceled') {
      if (label !== c.state) diffs.push(`${id}: panel '${textOf(cell)}', core ${c.state}`);
    } else if (c.paused || c.state === 'paused') {
      if (!/paused/.test(label)) diffs.push(`${id}: panel '${textOf(cell)}', core paused`);
      near(c.remainingMs, 'remaining');
    } else {
      // Running (or running past its breach): the countdown to breachAt, and its due time.
      if (c.breachAt === null) {
        // Stopped after its breach: a fixed overdue time.
        if (c.state !== 'breached') diffs.push(`${id}: core gives no breachAt for a ${c.state} clock`);
        else if (label !== 'breached') diffs.push(`${id}: label '${label}', core breached`);
        else near(Math.min(c.remainingMs, 0), 'overdue');
        continue;
      }
      // Past its breach, the panel counts the overdue time from the breach instant.
      const left = (c.state === 'breached' ? (c.breachedAt ?? c.breachAt) : c.breachAt) - readAt;
      near(left, left > 0 ? 'time to breach' : 'overdue');
      if (left > 0) {
        const accepted = [-MINUTE, 0, MINUTE].map((d) => `due ${dueText(c.breachAt! + d, readAt)}`);
        if (!due || !accepted.includes(textOf(due))) diffs.push(`${id}: panel '${due ? textOf(due) : 'no due time'}', core '${accepted[1]}'`);
        const expectLabel = left < 30 * MINUTE ? 'under 30 min' : left < 60 * MINUTE ? 'under 1 h' : 'ok';
        // A minute's slack around the thresholds.
        if (label !== expectLabel && Math.abs(left - 30 * MINUTE) > MINUTE && Math.abs(left - 60 * MINUTE) > MINUTE) diffs.push(`${id}: label '${label}', expected '${expectLabel}'`);
      } else if (label !== 'breached') diffs.push(`${id}: label '${label}', core breached`);
    }
  }

  const esc = byTestId(root, 'escalation');
  if (!esc) return [...diffs, 'no escalation section'];
  if ('reason' in want.escalation) {
    if (!textOf(esc).includes(want.escalation.reason)) diffs.push(`escalation: panel '${textOf(esc)}', core '${want.escalation.reason}'`);
    return diffs;
  }
  const callNow = findAll(esc, (n) => n.name === 'div' && !cls(n, 'next') && /^Call now/.test(textOf(n)))[0];
  if (want.escalation.step === null) {
    if (callNow) diffs.push(`escalation: panel calls now (${textOf(callNow)}), core has no step yet`);
  } else if (!callNow) diffs.push(`escalation: no "Call now"; panel '${textOf(esc)}'`);
  else {
    if (!textOf(callNow).startsWith(`Call now (step ${want.escalation.step})`)) diffs.push(`escalation step: panel '${textOf(callNow).slice(0, 40)}', core ${want.escalation.step}`);
    const names = findAll(callNow, (n) => cls(n, 'person-name')).map(textOf).sort();
    const wantNames = want.escalation.people.map((p) => p.name).sort();
    if (JSON.stringify(names) !== JSON.stringify(wantNames)) diffs.push(`escalation people: panel ${JSON.stringify(names)}, core ${JSON.stringify(wantNames)}`);
    const tels = findAll(callNow, (n) => n.name === 'a' && (n.attrs.href ?? '').startsWith('tel:')).map((a) => a.attrs.href!).sort();
    const wantTels = want.escalation.people.flatMap((p) => p.tel).sort();
    if (JSON.stringify(tels) !== JSON.stringify(wantTels)) diffs.push(`escalation tel: links: panel ${JSON.stringify(tels)}, core ${JSON.stringify(wantTels)}`);
  }
  if ((want.escalation.nextStartsAt !== null) !== /Next: step \d+ at /.test(textOf(esc))) diffs.push(`escalation next step: core ${want.escalation.nextStartsAt === null ? 'none' : 'one'}; panel '${textOf(esc)}'`);
  return diffs;
}

/** The panel showing this ticket's answer (not "Reading the ticket…"), in the page or one of its frames. */
function showsTicket(id: string) {
  return (s: PanelSnapshot) => !!s.root && s.text.includes(`#${id}`) && (!!byTestId(s.root, 'owner') || !!byTestId(s.root, 'reason'));
}

function reasonOf(snap: PanelSnapshot): string | null {
  const r = byTestId(snap.root, 'reason');
  return r ? textOf(r) : null;
}

// ------------------------------------------------------------------------------------------------------------

let dist: string;
let ownBuild: string | null = null;
let ext: WithExtension;
let fixtures: Fixture[];
const servers = {} as Record<'zendesk' | 'servicenow' | 'jira' | 'freshservice' | 'generic', HelpdeskServer> & Record<string, HelpdeskServer | undefined>;
let notGranted: HelpdeskServer;
let notGrantedOrigin: string;
let engagement: Engagement;
let engagementText: string;
/** Tabs left open by the helpdesk tests, for the pause test. */
const tabs = new Map<Type, Page>();

const originsOf = (): E2EOrigins => ({
  zendesk: servers.zendesk.origin,
  servicenow: servers.servicenow.origin,
  jira: servers.jira.origin,
  freshservice: servers.freshservice.origin,
  generic: servers.generic.origin,
  more: Object.fromEntries(SPECS.map((s) => [s.type, servers[s.type]!.origin])),
  notGranted: notGrantedOrigin,
});

beforeAll(async () => {
  const provided = inject('extensionBuild');
  const building = provided ? Promise.resolve(provided) : mkdtemp(join(tmpdir(), 'tandem-ext-')).then((d) => buildExtension((ownBuild = d)));
  building.catch(() => {}); // awaited below; this only keeps a failed build from counting as unhandled meanwhile
  fixtures = await loadFixtures();
  const now = Date.now();
  for (const f of fixtures) {
    const newest = Math.max(...f.tickets.map((t) => t.facts.created!));
    const shiftMs = Math.round((now - AGE_MS - newest) / MINUTE) * MINUTE;
    servers[f.type] = await startHelpdesk(f.type, { shiftMs, pageZone: ZONE });
    for (const t of f.tickets) t.facts.created! += shiftMs;
  }
  // The generic fixture again, on http://localhost:<port>: the test build's host permission covers 127.0.0.1 only.
  notGranted = await startHelpdesk('generic', { shiftMs: servers.generic.shiftMs, pageZone: ZONE });
  notGrantedOrigin = `http://localhost:${notGranted.port}`;
  engagementText = e2eEngagementText(originsOf());
  engagement = parseE2E(engagementText);

  dist = await building;
  ext = await launchWithExtension(dist, { timeZone: ZONE });
  // The way a technician does it once: the options page's file picker.
  const options = await ext.context.newPage();
  await options.goto(ext.optionsUrl);
  await options.getByTestId('import-picker').setInputFiles({ name: 'acme-ost-e2e.yaml', mimeType: 'application/x-yaml', buffer: Buffer.from(engagementText) });
  await options.getByTestId('import-ok').waitFor({ timeout: 15_000 });
  // The registrations follow the import; origins:sync is what the options page sends after a grant.
  await ext.pageRequest({ type: 'origins:sync' });
  await options.close();
}, 120_000);

afterAll(async () => {
  await ext?.close();
  for (const s of [...Object.values(servers), notGranted]) await s?.close();
  if (ownBuild) await rm(ownBuild, { recursive: true, force: true });
});

test('the e2e engagement validates with core, and the options page lists it with its sites', async () => {
  expect(engagement.helpdesks.map((h) => h.type).sort()).toEqual([...TYPES, 'generic'].sort());
  const list = await ext.pageRequest<Array<{ id: string; origins: string[] }>>({ type: 'engagements:list' });
  expect(list.map((e) => e.id)).toEqual(['acme-ost']);
  const { more, ...five } = originsOf();
  expect(list[0]!.origins.sort()).toEqual([...Object.values(five), ...Object.values(more ?? {})].sort());
  const origins = await ext.pageRequest<Array<{ origin: string; granted: boolean }>>({ type: 'origins:list' });
  const granted = Object.fromEntries(origins.map((o) => [o.origin, o.granted]));
  for (const type of Object.keys(servers)) expect(granted[servers[type]!.origin], type).toBe(true);
  expect(granted[notGrantedOrigin]).toBe(false);
  // The options page says the same.
  const options = await ext.context.newPage();
  await options.goto(ext.optionsUrl);
  await expect.poll(() => options.getByTestId(`site-${servers.zendesk.origin}`).textContent()).toContain('Enabled');
  expect(await options.getByTestId(`site-${notGrantedOrigin}`).textContent()).toContain('Not enabled');
  await options.close();
});

test.each(TYPES)(
  '%s: owner, countdowns and escalation contacts match core; navigating to the other ticket updates the panel',
  async (type) => {
    const f = fixtures.find((x) => x.type === type)!;
    const server = servers[type]!;
    const page = await ext.context.newPage();
    tabs.set(type, page);
    await page.goto(server.url(f.tickets[0].page));

    const targets: string[] = [];
    for (const [i, ticket] of f.tickets.entries()) {
      if (i === 1) await f.navigate(page);
      const what = `${f.name} ticket ${ticket.shownId}`;
      let snap = await waitForPanel(page, showsTicket(ticket.shownId), 15_000, what);
      expect(reasonOf(snap), `${what}: the panel gives a reason instead of the ticket`).toBeNull();
      // One host, a closed root, no attributes and no light-DOM children: nothing of ours for the page to read.
      expect(snap.hosts.filter((h) => h.root).map((h) => [h.shadowRootType, Object.keys(h.attrs).length, h.lightChildren])).toEqual([['closed', 0, 0]]);
      let readAt = Date.now();
      let want = expectFromCore([engagement], { origin: server.origin, helpdesk: type, ...ticket.facts }, readAt);
      let diffs = compare(snap, want, readAt);
      if (diffs.length > 0) {
        // An escalation step or a clock threshold may have been crossed between the background's answer and this
        // read; the panel asks again at such boundaries, so one more look settles it.
        await new Promise((r) => setTimeout(r, 1500));
        snap = await readPanel(page);
        readAt = Date.now();
        want = expectFromCore([engagement], { origin: server.origin, helpdesk: type, ...ticket.facts }, readAt);
        diffs = compare(snap, want, readAt);
      }
      expect(diffs.join('\n'), `${what}; the panel says: ${snap.text}`).toBe('');
      if (HELPDESK_NAMES[type]) expect(snap.text, "the helpdesk's own due times, labelled as its").toMatch(new RegExp(`${HELPDESK_NAMES[type]} says`));
      // The contract SLA's resolution target, as the clock's tooltip names it ("4 h on Always").
      targets.push(byTestId(snap.root, 'clock-joint-resolution')?.attrs.title ?? '');
      if (i === 1) {
        // The two tickets differ in priority, so the targets changed with the navigation.
        const first = expectFromCore([engagement], { origin: server.origin, ...f.tickets[0].facts }, readAt);
        expect(want.priority).not.toBe(first.priority);
        expect(targets[1], `resolution targets ${JSON.stringify(targets)}`).not.toBe(targets[0]);
        expect(targets.every(Boolean)).toBe(true);
        expect(snap.text).not.toContain(`#${f.tickets[0].shownId}`);
      }
    }
    if (type === 'servicenow') {
      // The form in the gsft_main frame shows the panel; the frameset around it shows none.
      const snap = await readPanel(page);
      expect(snap.hosts.map((h) => new URL(h.frameUrl).pathname)).toEqual(['/incident.do']);
    }
  },
);

test('a status change to a pause status pauses the clock (Zendesk: new → pending)', async () => {
  // The Zendesk test left its tab on the second ticket (urgent, new); the agent now sets it to pending in Zendesk,
  // and the API answers the new status.
  const page = tabs.get('zendesk');
  expect(page, 'the Zendesk test left its tab open').toBeDefined();
  const ticket = fixtures.find((x) => x.type === 'zendesk')!.tickets[1];
  const before = await readPanel(page!);
  expect(before.text).toContain(`#${ticket.shownId}`);
  expect(testIdText(before, 'clock-joint-resolution')).not.toMatch(/paused/);
  servers.zendesk.patchJson(`/api/v2/tickets/show_many.json?ids=${ticket.shownId}&include=slas,organizations,groups,users`, (body) => {
    body.tickets[0].status = 'pending';
  });
  const changedAt = Date.now();
  // Headless Chromium never hides a tab, so the re-read on "the technician comes back to the tab" is triggered by
  // the event itself (the content script re-reads at most every 5 s); the 30 s refresh would do it too, later.
  const nudge = setInterval(() => void page!.evaluate(() => document.dispatchEvent(new Event('visibilitychange'))).catch(() => {}), 1000);
  let after: PanelSnapshot;
  try {
    after = await waitForPanel(page!, (s) => /paused/.test(testIdText(s, 'clock-joint-resolution')), 40_000, 'the joint resolution clock to pause');
  } finally {
    clearInterval(nudge);
  }
  const readAt = Date.now();
  // core on the same history: new since creation, pending (→ pending_customer) since the change, which the
  // background saw between changedAt and readAt.
  const want = expectFromCore([engagement], { origin: servers.zendesk.origin, ...ticket.facts, status: 'pending' }, readAt, {
    initialStatus: 'new',
    events: [{ at: (changedAt + readAt) / 2, type: 'status', status: 'pending_customer' }],
  });
  expect(want.clocks.filter((c) => c.paused).map((c) => `${c.policy}-${c.metric}`)).toContain('joint-resolution');
  expect(compare(after!, want, readAt).join('\n'), `the panel says: ${after!.text}`).toBe('');
  expect(textOf(findAll(after!.root, (n) => n.attrs.class === 'meta')[0]!)).toContain('pending_customer');
});

test('an origin the user did not grant gets no injection', async () => {
  const page = await ext.context.newPage();
  await page.goto(`${notGrantedOrigin}/ticket/4711`);
  await page.locator('.ticket-number').waitFor();
  // Control: the same page on the granted origin, loaded after it, gets its panel; by then this one would have too.
  const control = await ext.context.newPage();
  await control.goto(servers.generic.url('/ticket/4711'));
  await waitForPanel(control, showsTicket('4711'), 15_000, 'the panel on the granted origin');
  await new Promise((r) => setTimeout(r, 500));
  const snap = await readPanel(page);
  expect(snap.hosts).toEqual([]);
  expect(snap.closedRoots).toEqual([]);
  expect(snap.htmlChildren).toEqual([{ frameUrl: `${notGrantedOrigin}/ticket/4711`, tags: ['head', 'body'] }]);
  // Nothing asked the fixture's server for anything but the page and its script (and the browser for its favicon).
  expect(notGranted.requests.filter((r) => r !== 'GET /favicon.ico')).toEqual(['GET /ticket/4711', 'GET /_fixture/spa.js']);
  await Promise.all([page.close(), control.close()]);
});

test('no page, frame or extension page logged an error or threw', () => {
  expect(ext.errors).toEqual([]);
});
