// @vitest-environment happy-dom
// Each adapter's read() on its recorded fixture (test/fixtures/helpdesks/<type>: the page as a document, the API
// payloads served by path from routes.json), then the fallbacks: API refused → DOM, with the health saying so; and
// an aborted signal stops the read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseEngagement } from '../../core/index.ts';
import { recipeValue } from '../../extension/background/recipe-values.ts';
import { EXAMPLE_RECIPE, generic } from '../../extension/adapters/generic.ts';
import { freshservice } from '../../extension/adapters/freshservice.ts';
import { jira } from '../../extension/adapters/jira.ts';
import { servicenow } from '../../extension/adapters/servicenow.ts';
import { zendesk } from '../../extension/adapters/zendesk.ts';
import type { Adapter, ReadContext } from '../../extension/adapters/types.ts';
import { fake, file, health, page, quietFrameNotices, read, routes, sources } from './fixture-harness.ts';

beforeAll(quietFrameNotices);

describe('zendesk', () => {
  const href = (id: number) => `https://acme.zendesk.com/agent/tickets/${id}`;

  test('reads the ticket, its sideloaded names and native SLAs from show_many', async () => {
    const f = fake('zendesk');
    const t = await read(zendesk, href(4711), page('zendesk', '/agent/tickets/4711'), f);
    expect(t).toMatchObject({ adapter: 'zendesk', url: href(4711), id: '4711' });
    expect(t.fields).toEqual({
      priority: 'high', status: 'open', created: '2026-11-27T14:05:00Z', organization: 'Acme Corp', group: 'OST Service Desk',
      assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example', subject: 'Please open a Firewall port for the new badge system',
      tags: ['network', 'hq'], type: 'incident',
    });
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'First reply time', dueAt: null, met: true },
      { metric: 'resolution', label: 'Requester wait time', dueAt: Date.parse('2026-11-30T14:05:00Z') },
    ]);
    expect(sources(t)).toMatchObject({ id: 'url', priority: 'api', created: 'api', organization: 'api' });
    expect(health(t, 'priority')?.detail).toBe('/api/v2/tickets/show_many.json?ids=4711&include=slas,organizations,groups,users');
    expect(f.calls.map((c) => c.path)).toEqual(['/api/v2/tickets/show_many.json?ids=4711&include=slas,organizations,groups,users']);
  });

  test('the second ticket (SPA navigation) has its own values; an unassigned ticket reports the assignee missing', async () => {
    const t = await read(zendesk, href(4712), page('zendesk', '/agent/tickets/4712'), fake('zendesk'));
    expect(t.fields).toMatchObject({ priority: 'urgent', status: 'new', group: 'OST Security Response', tags: ['security', 'ransomware'] });
    expect(t.fields.assignee).toBeUndefined();
    expect(health(t, 'assignee')?.source).toBe('missing');
    expect(t.native?.[0]).toEqual({ metric: 'first_response', label: 'First reply time', dueAt: Date.parse('2026-11-27T13:50:00Z') });
  });

  test('a refused API falls back to the page, and the health says why', async () => {
    const t = await read(zendesk, href(4711), page('zendesk', '/agent/tickets/4711'), fake('zendesk', { status: () => 403 }));
    expect(t.fields).toMatchObject({ priority: 'High', status: 'Open', organization: 'Acme Corp', assignee: 'Sam Rivera', tags: ['network', 'hq'] });
    expect(health(t, 'priority')).toEqual({
      field: 'priority',
      source: 'dom',
      detail: '[data-test-id="ticket-fields-priority-select"] (after api: /api/v2/tickets/show_many.json?ids=4711&include=slas,organizations,groups,users: HTTP 403)',
    });
    // The page shows no creation time: missing, with what was tried.
    expect(health(t, 'created')?.source).toBe('missing');
    expect(health(t, 'created')?.detail).toContain('HTTP 403');
    expect(t.native).toBeUndefined();
  });

  test('odd payloads give missing fields, never a throw', async () => {
    const path = '/api/v2/tickets/show_many.json?ids=4711&include=slas,organizations,groups,users';
    const odd = { tickets: [{ id: 4711, priority: null, status: 7, created_at: {}, tags: 'x', slas: { policy_metrics: [null, { metric: 'agent_work_time', stage: 'paused', breach_at: null }] } }] };
    const doc = document.implementation.createHTMLDocument('empty');
    const t = await read(zendesk, href(4711), doc, fake('zendesk', { extra: { [path]: odd } }));
    expect(t.fields).toEqual({ status: '7', tags: 'x' });
    expect(health(t, 'priority')?.source).toBe('missing');
    expect(t.native).toEqual([{ metric: 'resolution', label: 'Agent work time', dueAt: null, paused: true }]);
    const none = await read(zendesk, href(4711), doc, fake('zendesk', { extra: { [path]: { tickets: 'nope' } } }));
    expect(health(none, 'priority')?.detail).toContain('ticket 4711 not in the answer');
  });
});

describe('servicenow', () => {
  const A = '9d385017c611228701d22104cc95c371';
  const B = '57af7aec73d423002728660c4cf6a71c';
  const form = (id: string) => `https://acme.service-now.com/incident.do?sys_id=${id}`;

  test('the gsft_main frame reads the record from the Table API with the form\'s CSRF token', async () => {
    const f = fake('servicenow');
    const t = await read(servicenow, form(A), page('servicenow', `/incident.do?sys_id=${A}`), f);
    expect(t.id).toBe('INC0010023');
    expect(t.fields).toEqual({
      priority: '2', status: 'In Progress', created: '2026-11-27T14:05:00Z', organization: 'Acme Corp', category: 'Network',
      group: 'OST Service Desk', assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example', subject: 'Please open a Firewall port for the new badge system',
    });
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'P2 response (2 hours)', dueAt: null, met: true },
      { metric: 'resolution', label: 'P2 resolution (1 business day)', dueAt: Date.parse('2026-11-30T14:05:00Z') },
    ]);
    const token = routes('servicenow').headers!['X-UserToken'];
    expect(f.calls).toHaveLength(2);
    for (const c of f.calls) expect(c.headers).toEqual({ 'X-UserToken': token });
    expect(Object.values(sources(t)).every((s) => s === 'api')).toBe(true);
  });

  test('the second incident has its own values', async () => {
    const t = await read(servicenow, form(B), page('servicenow', `/incident.do?sys_id=${B}`), fake('servicenow'));
    expect(t.id).toBe('INC0010024');
    expect(t.fields).toMatchObject({ priority: '1', status: 'New', created: '2026-11-27T13:20:00Z', category: 'Software' });
    expect(health(t, 'assignee')?.source).toBe('missing');
    expect(t.native?.map((n) => n.dueAt)).toEqual([Date.parse('2026-11-27T13:50:00Z'), Date.parse('2026-11-27T17:20:00Z')]);
  });

  test('the top frame holding gsft_main defers to it', () => {
    for (const path of [`/nav_to.do?uri=incident.do%3Fsys_id%3D${A}`]) {
      expect(servicenow.ticketRef(new URL(`https://acme.service-now.com${path}`), page('servicenow', path))).toBeNull();
    }
  });

  test('a refused API falls back to the classic form\'s controls; the created time is left missing', async () => {
    const t = await read(servicenow, form(A), page('servicenow', `/incident.do?sys_id=${A}`), fake('servicenow', { status: () => 401 }));
    expect(t.id).toBe('INC0010023');
    expect(t.fields).toEqual({
      priority: '2', status: 'In Progress', organization: 'Acme Corp', category: 'Network', group: 'OST Service Desk',
      assignee: 'Sam Rivera', subject: 'Please open a Firewall port for the new badge system',
    });
    expect(health(t, 'priority')).toMatchObject({ source: 'dom', detail: expect.stringMatching(/^\[id="incident\.priority"\] \(after api: .*: HTTP 401\)$/) });
    expect(health(t, 'created')?.source).toBe('missing');
    expect(t.native).toBeUndefined();
  });

  test('a workspace page sends the token from its inline script, or none', async () => {
    const ws = `https://acme.service-now.com/now/sow/record/incident/${A}`;
    const doc = document.implementation.createHTMLDocument('SOW');
    const f1 = fake('servicenow');
    const t = await read(servicenow, ws, doc, f1);
    expect(t.fields.priority).toBe('2');
    expect(f1.calls[0]!.headers).toBeUndefined();
    const script = doc.createElement('script');
    script.textContent = "window.NOW = {}; window.g_ck = 'abcdef0123456789abcdef0123';";
    doc.head.append(script);
    const f2 = fake('servicenow');
    await read(servicenow, ws, doc, f2);
    expect(f2.calls[0]!.headers).toEqual({ 'X-UserToken': 'abcdef0123456789abcdef0123' });
  });
});

describe('jira', () => {
  const browse = (key: string) => `https://acme.atlassian.net/browse/${key}`;

  test('reads the issue with the Organizations field found from /rest/api/3/field, and the request SLAs', async () => {
    const f = fake('jira');
    const t = await read(jira, browse('ITS-101'), page('jira', '/browse/ITS-101'), f);
    expect(t.id).toBe('ITS-101');
    expect(t.fields).toEqual({
      priority: 'High', status: 'In Progress', created: '2026-11-27T09:05:00.000-05:00', organization: 'Acme Corp', category: 'Network',
      assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example', subject: 'Please open a Firewall port for the new badge system',
      tags: ['network', 'hq'], type: 'Incident',
    });
    expect(Date.parse(t.fields.created as string)).toBe(Date.parse('2026-11-27T14:05:00Z'));
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'Time to first response', dueAt: null, breached: false, met: true },
      { metric: 'resolution', label: 'Time to resolution', dueAt: Date.parse('2026-11-30T14:05:00Z') },
    ]);
    expect(f.calls.map((c) => c.path)).toEqual([
      '/rest/api/3/field',
      '/rest/api/3/issue/ITS-101?fields=priority,status,created,assignee,reporter,issuetype,labels,components,summary,customfield_10002',
      '/rest/servicedeskapi/request/ITS-101/sla',
    ]);
  });

  test('SPA navigation to the second issue reuses the field lookup of the page', async () => {
    const doc = page('jira', '/browse/ITS-101');
    const f = fake('jira');
    await read(jira, browse('ITS-101'), doc, f);
    doc.querySelector('main')!.replaceWith(doc.importNode(page('jira', '/browse/ITS-102').querySelector('main')!, true));
    const t = await read(jira, 'https://acme.atlassian.net/jira/servicedesk/projects/ITS/queues/custom/1/ITS-102', doc, f);
    expect(t.fields).toMatchObject({ priority: 'Highest', status: 'Waiting for support', organization: 'Acme Corp', category: 'ERP' });
    expect(health(t, 'assignee')?.source).toBe('missing');
    expect(t.native?.[0]).toEqual({ metric: 'first_response', label: 'Time to first response', dueAt: Date.parse('2026-11-27T13:50:00Z') });
    expect(f.calls.filter((c) => c.path === '/rest/api/3/field')).toHaveLength(1);
  });

  test('without the field list, the organization comes from the page', async () => {
    const issue = JSON.parse(file('jira', 'api/issue-ITS-101.json'));
    const f = fake('jira', {
      status: (p) => (p === '/rest/api/3/field' ? 403 : undefined),
      extra: { '/rest/api/3/issue/ITS-101?fields=priority,status,created,assignee,reporter,issuetype,labels,components,summary': issue },
    });
    const t = await read(jira, browse('ITS-101'), page('jira', '/browse/ITS-101'), f);
    expect(t.fields).toMatchObject({ priority: 'High', organization: 'Acme Corp' });
    expect(sources(t)).toMatchObject({ priority: 'api', organization: 'dom' });
  });

  test('a refused API falls back to the issue view', async () => {
    const t = await read(jira, browse('ITS-101'), page('jira', '/browse/ITS-101'), fake('jira', { status: () => 404 }));
    expect(t.id).toBe('ITS-101');
    expect(health(t, 'id')?.source).toBe('url');
    expect(t.fields).toEqual({
      priority: 'High', status: 'In Progress', organization: 'Acme Corp', assignee: 'Sam Rivera',
      subject: 'Please open a Firewall port for the new badge system', tags: ['network', 'hq'], type: 'Incident',
    });
    expect(health(t, 'status')?.detail).toContain('HTTP 404');
    expect(health(t, 'created')?.source).toBe('missing');
  });
});

describe('freshservice', () => {
  const href = (id: number) => `https://acme.freshservice.com/a/tickets/${id}?current_tab=details`;

  test('reads /api/_/ with the session; names the API lacks come from the page', async () => {
    const f = fake('freshservice');
    const t = await read(freshservice, href(3021), page('freshservice', '/a/tickets/3021'), f);
    expect(t.id).toBe('3021');
    expect(t.fields).toEqual({
      priority: '3', status: '2', created: '2026-11-27T14:05:00Z', organization: 'Acme Corp', category: 'Network', group: 'OST Service Desk',
      assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example', subject: 'Please open a Firewall port for the new badge system',
      tags: ['network', 'hq'], type: 'Incident',
    });
    expect(sources(t)).toMatchObject({ priority: 'api', organization: 'api', group: 'dom', assignee: 'dom' });
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'First response due', dueAt: null, met: true },
      { metric: 'resolution', label: 'Resolution due', dueAt: Date.parse('2026-11-28T14:05:00Z') },
    ]);
    expect(f.calls.map((c) => c.path)).toEqual(['/api/_/tickets/3021?include=requester,department,stats,tags']);
  });

  test('the second ticket; with no name anywhere the ids stand in', async () => {
    const doc = page('freshservice', '/a/tickets/3022');
    doc.querySelector('[data-test-id="ticket-group"]')!.remove();
    const t = await read(freshservice, href(3022), doc, fake('freshservice'));
    expect(t.fields).toMatchObject({ priority: '4', group: '14000300301' });
    expect(health(t, 'group')?.detail).toContain('(ids)');
    expect(health(t, 'assignee')?.source).toBe('missing');
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'First response due', dueAt: Date.parse('2026-11-27T13:50:00Z') },
      { metric: 'resolution', label: 'Resolution due', dueAt: Date.parse('2026-11-27T17:20:00Z') },
    ]);
  });

  test('the public v2 API is the fallback, then the page', async () => {
    const v2 = JSON.parse(file('freshservice', 'api/ticket-3021.json'));
    const f = fake('freshservice', {
      status: (p) => (p.startsWith('/api/_/') ? 404 : undefined),
      extra: { '/api/v2/tickets/3021?include=requester,department,stats,tags': v2 },
    });
    const t = await read(freshservice, href(3021), page('freshservice', '/a/tickets/3021'), f);
    expect(t.fields.priority).toBe('3');
    expect(health(t, 'priority')?.detail).toBe('/api/v2/tickets/3021?include=requester,department,stats,tags (after api: /api/_/tickets/3021?include=requester,department,stats,tags: HTTP 404)');

    const dom = await read(freshservice, href(3021), page('freshservice', '/a/tickets/3021'), fake('freshservice', { status: () => 403 }));
    expect(dom.fields).toMatchObject({ priority: '3', status: '2', organization: 'Acme Corp', assignee: 'Sam Rivera', tags: ['network', 'hq'] });
    expect(health(dom, 'priority')?.source).toBe('dom');
    expect(health(dom, 'created')).toMatchObject({ source: 'missing', detail: expect.stringContaining('HTTP 403') });
    expect(dom.native).toBeUndefined();
  });
});

describe('generic', () => {
  const href = (id: number) => `https://tickets.acme.example/ticket/${id}`;

  test('reads the raw text of each recipe field, with the selector as health', async () => {
    const t = await read(generic, href(4711), page('generic', '/ticket/4711'), fake('generic'), { recipe: EXAMPLE_RECIPE });
    expect(t.id).toBe('4711');
    expect(health(t, 'id')).toEqual({ field: 'id', source: 'url', detail: 'ticketUrl /ticket/(?<id>\\d+)' });
    expect(t.fields).toEqual({
      priority: '2 - High', status: 'Open', created: 'Fri Nov 27 04:50:12 2026', organization: 'Acme Corp', category: 'Network / VPN', assignee: 'Marco Reyes',
    });
    expect(health(t, 'assignee')).toEqual({ field: 'assignee', source: 'dom', detail: '.ticket-meta .assignee a @title' });
  });

  test('the example engagement\'s own rules turn the raw text into values', async () => {
    const parsed = parseEngagement(readFileSync(join(import.meta.dirname, '../../examples/acme-ost.yaml'), 'utf8'), { fileName: 'acme-ost.yaml' });
    if (!parsed.ok) throw new Error('the example engagement does not parse');
    const mapping = parsed.engagement.helpdesks.find((h) => h.type === 'generic')!;
    const recipe = { ticketUrl: mapping.ticketUrl!, fields: mapping.fields };
    const t = await read(generic, href(4711), page('generic', '/ticket/4711'), fake('generic'), { recipe });
    const value = (f: 'priority' | 'created') => recipeValue(f, t.fields[f] as string, mapping.fields[f], parsed.engagement.engagement.timeZone).value;
    expect(value('priority')).toBe('2');
    expect(value('created')).toBe(Date.parse('2026-11-27T09:50:12Z'));
    expect(recipeValue('id', '#4711', mapping.fields.id, 'UTC').value).toBe('4711');
  });

  test('SPA navigation: the same document with the next ticket\'s content reads the next ticket', async () => {
    const doc = page('generic', '/ticket/4711');
    doc.querySelector('main')!.replaceWith(doc.importNode(page('generic', '/ticket/4712').querySelector('main')!, true));
    const t = await read(generic, href(4712), doc, fake('generic'), { recipe: EXAMPLE_RECIPE });
    expect(t.id).toBe('4712');
    expect(t.fields).toMatchObject({ priority: '1 - Critical', status: 'New', organization: 'Acme Corp - Newark', assignee: 'Tina Nguyen' });
  });

  test('without a ticketUrl the id is the page text; a selector that finds nothing is missing', async () => {
    const recipe = { fields: { ...EXAMPLE_RECIPE.fields, group: { selector: '.ticket-meta .team' } } };
    const t = await read(generic, 'https://tickets.acme.example/view?id=4711', page('generic', '/ticket/4711'), fake('generic'), { recipe });
    expect(t.id).toBe('#4711');
    expect(health(t, 'id')).toEqual({ field: 'id', source: 'dom', detail: '.ticket-header .ticket-number' });
    expect(health(t, 'group')).toEqual({ field: 'group', source: 'missing', detail: 'dom: .ticket-meta .team not found' });
  });
});

describe('deep reading', () => {
  test('fields inside open shadow roots and same-origin frames are found; closed shadow roots stay private', async () => {
    const doc = document.implementation.createHTMLDocument('widgets');
    const open = doc.createElement('ticket-card');
    open.attachShadow({ mode: 'open' }).innerHTML = '<span class="status">Open</span>';
    const closed = doc.createElement('ticket-secret');
    closed.attachShadow({ mode: 'closed' }).innerHTML = '<span class="category">Hidden</span>';
    doc.body.append(open, closed);
    const frame = doc.createElement('iframe');
    frame.setAttribute('srcdoc', '<p class="priority">2 - High</p>');
    doc.body.append(frame);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const recipe = { ticketUrl: '/ticket/(?<id>\\d+)', fields: { status: { selector: '.status' }, category: { selector: '.category' }, priority: { selector: '.priority' } } };
    const t = await read(generic, 'https://t.example/ticket/9', doc, fake('generic'), { recipe });
    expect(t.fields.status).toBe('Open');
    expect(t.fields.category).toBeUndefined();
    expect(t.fields.priority).toBe('2 - High');
  });
});

describe('abort', () => {
  const cases: Array<[Adapter, string, string, string, ReadContext['recipe']?]> = [
    [zendesk, 'zendesk', '/agent/tickets/4711', 'https://acme.zendesk.com/agent/tickets/4711'],
    [servicenow, 'servicenow', '/incident.do?sys_id=9d385017c611228701d22104cc95c371', 'https://acme.service-now.com/incident.do?sys_id=9d385017c611228701d22104cc95c371'],
    [jira, 'jira', '/browse/ITS-101', 'https://acme.atlassian.net/browse/ITS-101'],
    [freshservice, 'freshservice', '/a/tickets/3021', 'https://acme.freshservice.com/a/tickets/3021'],
    [generic, 'generic', '/ticket/4711', 'https://tickets.acme.example/ticket/4711', EXAMPLE_RECIPE],
  ];

  for (const [adapter, type, path, href, recipe] of cases) {
    test(`${type}: an aborted signal rejects before any request`, async () => {
      const f = fake(type);
      const ctl = new AbortController();
      ctl.abort();
      const url = new URL(href);
      const doc = page(type, path);
      const ref = adapter.ticketRef(url, doc, recipe)!;
      await expect(adapter.read(ref, { url, document: doc, signal: ctl.signal, fetchJson: f.fetchJson, ...(recipe ? { recipe } : {}) })).rejects.toMatchObject({ name: 'AbortError' });
      expect(f.calls).toHaveLength(0);
    });
  }

  for (const [adapter, type, path, href] of cases.slice(0, 4)) {
    test(`${type}: aborting during a request rejects and asks for nothing more`, async () => {
      const ctl = new AbortController();
      const calls: string[] = [];
      const fetchJson: ReadContext['fetchJson'] = (p) => {
        calls.push(p);
        return new Promise((_, reject) => ctl.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      };
      const url = new URL(href);
      const doc = page(type, path);
      const reading = adapter.read(adapter.ticketRef(url, doc)!, { url, document: doc, signal: ctl.signal, fetchJson });
      await Promise.resolve();
      ctl.abort();
      await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
      expect(calls).toHaveLength(1);
    });
  }
});
