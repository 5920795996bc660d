// @vitest-environment happy-dom
// Freshdesk, Zammad and HaloPSA read against their recorded fixtures (test/fixtures/helpdesks/<type>: the page as a
// document, the API payloads served by path from routes.json), then the fallbacks: API refused → the page, with the
// health saying why and which candidate selector worked; odd payloads give missing fields; an abort rejects.
import { describe, expect, test } from 'vitest';
import { freshdesk } from '../../extension/adapters/freshdesk.ts';
import { haloDate, halopsa } from '../../extension/adapters/halopsa.ts';
import { zammad } from '../../extension/adapters/zammad.ts';
import type { Adapter, ReadContext } from '../../extension/adapters/types.ts';
import { fake, file, health, page, paths, read, sources } from './fixture-harness.ts';

const empty = () => document.implementation.createHTMLDocument('empty');
const at = (iso: string) => Date.parse(iso);

const FIREWALL = 'Please open a Firewall port for the new badge system';
const ERP = 'Ledgerline ERP unavailable to all users';

describe('freshdesk', () => {
  const href = (id: number) => `https://acme.freshdesk.com/a/tickets/${id}`;
  const internal = (id: number) => `/api/_/tickets/${id}?include=requester,company,stats`;

  test('reads /api/_/ with the session: the company embed, the custom category, native due times; names from the page', async () => {
    const f = fake('freshdesk');
    const t = await read(freshdesk, href(5001), page('freshdesk', '/a/tickets/5001'), f);
    expect(t).toMatchObject({ adapter: 'freshdesk', url: href(5001), id: '5001' });
    expect(t.fields).toEqual({
      priority: '3', status: '2', created: '2026-11-27T14:05:00Z', organization: 'Acme Corp', category: 'Network', group: 'OST Service Desk',
      assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example', subject: FIREWALL, tags: ['network', 'hq'], type: 'Incident',
    });
    expect(sources(t)).toEqual({
      id: 'url', priority: 'api', status: 'api', created: 'api', organization: 'api', category: 'api', group: 'dom', assignee: 'dom',
      requesterEmail: 'api', subject: 'api', tags: 'api', type: 'api',
    });
    expect(health(t, 'priority')?.detail).toBe(internal(5001));
    // The API has no group name: the page's properties form, the second candidate.
    expect(health(t, 'group')?.detail).toBe(`select[name="group_id"] option[selected]:not([value=""]) (after [data-test-id="ticket-group"] not found) (after api: ${internal(5001)})`);
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'First response due', dueAt: null, met: true },
      { metric: 'next_response', label: 'Next response due', dueAt: at('2026-11-27T19:00:00Z') },
      { metric: 'resolution', label: 'Resolution due', dueAt: at('2026-11-28T14:05:00Z') },
    ]);
    expect(paths(f)).toEqual([internal(5001)]);
  });

  test('the second ticket; unassigned (the form\'s empty choice is no agent), no next response due', async () => {
    const t = await read(freshdesk, `${href(5002)}?current_tab=details`, page('freshdesk', '/a/tickets/5002'), fake('freshdesk'));
    expect(t.fields).toMatchObject({ priority: '4', status: '2', created: '2026-11-27T13:20:00Z', category: 'Software', group: 'OST Service Desk', tags: ['erp'] });
    expect(t.fields.assignee).toBeUndefined();
    expect(health(t, 'assignee')?.source).toBe('missing');
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'First response due', dueAt: at('2026-11-27T13:50:00Z') },
      { metric: 'resolution', label: 'Resolution due', dueAt: at('2026-11-27T17:20:00Z') },
    ]);
  });

  test('the public v2 API is the fallback; without any names the ids stand in', async () => {
    const v2 = JSON.parse(file('freshdesk', 'api/ticket-5001.json'));
    const f = fake('freshdesk', { status: (p) => (p.startsWith('/api/_/') ? 404 : undefined), extra: { '/api/v2/tickets/5001?include=requester,company,stats': v2 } });
    const t = await read(freshdesk, href(5001), empty(), f);
    expect(t.fields).toMatchObject({ priority: '3', organization: 'Acme Corp', group: '43000300301', assignee: '43000200201' });
    expect(health(t, 'priority')?.detail).toBe(`/api/v2/tickets/5001?include=requester,company,stats (after api: ${internal(5001)}: HTTP 404)`);
    expect(health(t, 'group')?.detail).toContain('(ids)');
    // A { ticket } wrapper (as Freshservice answers) is read too.
    const wrapped = await read(freshdesk, href(5001), empty(), fake('freshdesk', { extra: { [internal(5001)]: { ticket: v2 } } }));
    expect(wrapped.fields.priority).toBe('3');
  });

  test('a refused API falls back to the page, and the health says why', async () => {
    const t = await read(freshdesk, href(5001), page('freshdesk', '/a/tickets/5001'), fake('freshdesk', { status: () => 403 }));
    expect(t.id).toBe('5001');
    expect(t.fields).toEqual({
      priority: '3', status: '2', organization: 'Acme Corp', category: 'Network', group: 'OST Service Desk', assignee: 'Sam Rivera',
      requesterEmail: 'pat.lee@acme.example', subject: FIREWALL, tags: ['network', 'hq'], type: 'Incident',
    });
    expect(health(t, 'priority')).toEqual({
      field: 'priority',
      source: 'dom',
      detail: `[data-test-id="ticket-priority"] (after api: ${internal(5001)}: HTTP 403; api: /api/v2/tickets/5001?include=requester,company,stats: HTTP 403)`,
    });
    expect(health(t, 'category')?.detail).toMatch(/^\[name="cf_category"\] \(after \[data-test-id="ticket-category"\] not found\)/);
    expect(health(t, 'created')).toMatchObject({ source: 'missing', detail: expect.stringContaining('HTTP 403') });
    expect(t.native).toBeUndefined();
  });

  test('tolerant selectors: with the Ember hooks gone, the form and class candidates are used and named', async () => {
    const doc = page('freshdesk', '/a/tickets/5001');
    const h1 = doc.querySelector('[data-test-id="ticket-subject"]')!;
    h1.removeAttribute('data-test-id');
    h1.className = 'ticket-subject-heading';
    doc.querySelector('[data-test-id="ticket-priority"]')!.setAttribute('name', 'priority');
    doc.querySelector('[data-test-id="ticket-priority"]')!.removeAttribute('data-test-id');
    const t = await read(freshdesk, href(5001), doc, fake('freshdesk', { status: () => 401 }));
    expect(t.fields).toMatchObject({ subject: FIREWALL, priority: '3' });
    expect(health(t, 'subject')?.detail).toMatch(/^\.ticket-subject-heading \(after \[data-test-id="ticket-subject"\] not found\) \(after api: /);
    expect(health(t, 'priority')?.detail).toMatch(/^select\[name="priority"\] \(after \[data-test-id="ticket-priority"\] not found\)/);
  });

  test('odd payloads give missing fields, never a throw', async () => {
    const odd = { id: 5001, priority: null, status: 7, created_at: {}, tags: 'x', company: 'Acme', custom_fields: [], requester: null, stats: 'none', fr_due_by: 'tomorrow', due_by: '2026-11-28T14:05:00Z', is_escalated: true, nr_escalated: 'yes' };
    const t = await read(freshdesk, href(5001), empty(), fake('freshdesk', { extra: { [internal(5001)]: odd } }));
    expect(t.fields).toEqual({ status: '7', tags: 'x' });
    expect(health(t, 'priority')?.source).toBe('missing');
    expect(t.native).toEqual([{ metric: 'resolution', label: 'Resolution due', dueAt: at('2026-11-28T14:05:00Z'), breached: true }]);
    for (const body of [[], { ticket: 'nope' }, { id: 9999 }, null]) {
      const none = await read(freshdesk, href(5001), empty(), fake('freshdesk', { extra: { [internal(5001)]: body, '/api/v2/tickets/5001?include=requester,company,stats': body } }));
      expect(health(none, 'priority')?.detail).toContain('ticket 5001 not in the answer');
      expect(none.native).toBeUndefined();
    }
  });
});

describe('zammad', () => {
  const zoom = (id: number) => `https://support.acme.example/#ticket/zoom/${id}`;
  const api = (id: number) => `/api/v1/tickets/${id}?expand=true`;
  const tags = (id: number) => `/api/v1/tags?object=Ticket&o_id=${id}`;
  /** The page after hash navigation to another ticket (the fixture's script does this on hashchange). */
  const showing = (id: number) => {
    const doc = page('zammad', '/');
    doc.getElementById('app')!.replaceChildren(doc.importNode(doc.querySelector<HTMLTemplateElement>(`#zoom-${id}`)!.content, true));
    return doc;
  };

  test('reads the expanded ticket and its tags; the shown id is the number, not the URL\'s internal id', async () => {
    const f = fake('zammad');
    const t = await read(zammad, zoom(101), page('zammad', '/'), f);
    expect(t.id).toBe('31101');
    expect(health(t, 'id')).toEqual({ field: 'id', source: 'api', detail: api(101) });
    expect(t.fields).toEqual({
      priority: '2 normal', status: 'open', created: '2026-11-27T14:05:00.000Z', organization: 'Acme Corp', category: 'Network', group: 'OST Service Desk',
      assignee: 'sam.rivera@onsite-tech.example', requesterEmail: 'pat.lee@acme.example', subject: FIREWALL, tags: ['network', 'hq'], type: 'Incident',
    });
    expect(Object.values(sources(t)).every((s) => s === 'api')).toBe(true);
    expect(health(t, 'tags')?.detail).toBe(tags(101));
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'First response', dueAt: null, met: true },
      { metric: 'next_response', label: 'Update time', dueAt: at('2026-11-27T18:40:00Z') },
      { metric: 'resolution', label: 'Solution time', dueAt: at('2026-11-28T14:05:00Z') },
    ]);
    expect(paths(f)).toEqual([api(101), tags(101)]);
  });

  test('the second ticket after hash navigation: owner "-" is nobody', async () => {
    const t = await read(zammad, `${zoom(102)}/2047`, showing(102), fake('zammad'));
    expect(t.id).toBe('31102');
    expect(t.fields).toMatchObject({ priority: '3 high', status: 'new', created: '2026-11-27T13:20:00.000Z', category: 'Software', tags: ['erp'] });
    expect(t.fields.assignee).toBeUndefined();
    // Nor does the page's empty owner choice count.
    expect(health(t, 'assignee')?.source).toBe('missing');
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'First response', dueAt: at('2026-11-27T13:50:00Z') },
      { metric: 'resolution', label: 'Solution time', dueAt: at('2026-11-27T17:20:00Z') },
    ]);
  });

  test('a refused API falls back to the shown ticket\'s zoom view; the number from data-number', async () => {
    const t = await read(zammad, zoom(101), page('zammad', '/'), fake('zammad', { status: () => 401 }));
    expect(t.id).toBe('31101');
    expect(health(t, 'id')).toEqual({ field: 'id', source: 'dom', detail: `#content_permanent_TicketZoom101 .js-objectNumber @data-number (after api: ${api(101)}: HTTP 401)` });
    expect(t.fields).toEqual({
      priority: '2 normal', status: 'open', organization: 'Acme Corp', group: 'OST Service Desk', assignee: 'Sam Rivera',
      requesterEmail: 'pat.lee@acme.example', subject: FIREWALL, tags: ['network', 'hq'],
    });
    expect(health(t, 'priority')?.detail).toBe(`#content_permanent_TicketZoom101 [data-attribute-name="priority_id"] select (after api: ${api(101)}: HTTP 401)`);
    expect(health(t, 'created')).toMatchObject({ source: 'missing', detail: `api: ${api(101)}: HTTP 401` });
    expect(t.native).toBeUndefined();
  });

  test('only the ticket the URL names is read when other tickets stay open as hidden tasks', async () => {
    const doc = showing(102);
    const other = doc.importNode(doc.querySelector<HTMLTemplateElement>('#zoom-101')!.content, true);
    other.firstElementChild!.classList.remove('active');
    doc.body.prepend(other);
    const t = await read(zammad, zoom(102), doc, fake('zammad', { status: () => 403 }));
    expect(t).toMatchObject({ id: '31102', fields: { priority: '3 high', status: 'new', subject: ERP } });
  });

  test('tolerant selectors: without the form-group wrappers and the task id, later candidates are used and named', async () => {
    const doc = page('zammad', '/');
    for (const g of doc.querySelectorAll('#app [data-attribute-name]')) g.removeAttribute('data-attribute-name');
    doc.querySelector('#app .content')!.removeAttribute('id');
    const t = await read(zammad, zoom(101), doc, fake('zammad', { status: () => 401 }));
    expect(t.fields).toMatchObject({ priority: '2 normal', status: 'open', assignee: 'Sam Rivera' });
    expect(health(t, 'priority')?.detail).toBe(
      `.content.active .ticketZoom select[name="priority_id"] (after .content.active .ticketZoom [data-attribute-name="priority_id"] select not found) (after api: ${api(101)}: HTTP 401)`,
    );
  });

  test('the tags request may fail alone; odd payloads give missing fields, never a throw', async () => {
    const partial = await read(zammad, zoom(101), empty(), fake('zammad', { status: (p) => (p.startsWith('/api/v1/tags') ? 500 : undefined) }));
    expect(partial.fields.priority).toBe('2 normal');
    expect(health(partial, 'tags')).toEqual({ field: 'tags', source: 'missing', detail: `api: ${tags(101)}: HTTP 500; dom: .js-tags .list-item-name, .tags .tag not found` });

    const odd = { id: 101, number: 31101, priority: null, state: {}, owner: '-', customer: 'pat', title: { text: 'x' }, first_response_escalation_at: 'soon', close_at: '2026-11-27T15:00:00Z', close_diff_in_min: -5 };
    const t = await read(zammad, zoom(101), empty(), fake('zammad', { extra: { [api(101)]: odd, [tags(101)]: { tags: 'x' } } }));
    expect(t.id).toBe('31101');
    expect(t.fields).toEqual({});
    expect(health(t, 'requesterEmail')?.source).toBe('missing');
    expect(t.native).toEqual([{ metric: 'resolution', label: 'Solution time', dueAt: null, breached: true, met: false }]);

    for (const body of [[], 'x', { id: 102 }]) {
      const none = await read(zammad, zoom(101), empty(), fake('zammad', { extra: { [api(101)]: body } }));
      expect(health(none, 'priority')?.detail).toContain('ticket 101 not in the answer');
      expect(none.native).toBeUndefined();
    }
  });
});

describe('halopsa', () => {
  const href = (id: number, path = 'ticket') => `https://acme.halopsa.com/${path}?id=${id}`;
  const api = (id: number) => `/api/Tickets/${id}?includedetails=true`;

  test('Halo dates without an offset are UTC; the 1900 placeholder is no date', () => {
    expect(haloDate('2026-11-27T14:05:00')).toBe('2026-11-27T14:05:00Z');
    expect(haloDate('2026-11-27T14:05:00.123')).toBe('2026-11-27T14:05:00.123Z');
    expect(haloDate('2026-11-27T09:05:00-05:00')).toBe('2026-11-27T09:05:00-05:00');
    expect(haloDate('2026-11-27T14:05:00Z')).toBe('2026-11-27T14:05:00Z');
    for (const v of ['1900-01-01T00:00:00', '27/11/2026 09:05', '', null, 5, '2026-11-27']) expect(haloDate(v)).toBeUndefined();
  });

  test('reads /api/Tickets with the session; the zone-less created time becomes ISO with Z', async () => {
    const f = fake('halopsa');
    const t = await read(halopsa, href(7001), page('halopsa', '/ticket?id=7001'), f);
    expect(t).toMatchObject({ adapter: 'halopsa', id: '7001' });
    expect(t.fields).toEqual({
      priority: '2', status: 'In Progress', created: '2026-11-27T14:05:00Z', organization: 'Acme Corp', category: 'Network', group: 'OST Service Desk',
      assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example', subject: FIREWALL, type: 'Incident',
    });
    expect(sources(t)).toMatchObject({ id: 'url', priority: 'api', created: 'api', assignee: 'api' });
    expect(t.createdFormats).toBeUndefined();
    // Responded before the respond-by time; the fix-by time runs (dateclosed is Halo's 1900 placeholder).
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'Respond by', dueAt: null, met: true },
      { metric: 'resolution', label: 'Fix by', dueAt: at('2026-11-28T14:05:00Z') },
    ]);
    expect(paths(f)).toEqual([api(7001)]);
  });

  test('the second ticket (/tickets?id= also works); agent 0 is nobody', async () => {
    const t = await read(halopsa, href(7002, 'tickets'), page('halopsa', '/ticket?id=7002'), fake('halopsa'));
    expect(t.fields).toMatchObject({ priority: '1', status: 'New', created: '2026-11-27T13:20:00Z', category: 'Software' });
    expect(t.fields.assignee).toBeUndefined();
    expect(health(t, 'assignee')?.source).toBe('missing');
    expect(t.native).toEqual([
      { metric: 'first_response', label: 'Respond by', dueAt: at('2026-11-27T13:50:00Z') },
      { metric: 'resolution', label: 'Fix by', dueAt: at('2026-11-27T17:20:00Z') },
    ]);
  });

  test('the bearer-token API refuses the session: the page\'s labels, and its local created text with its formats', async () => {
    const t = await read(halopsa, href(7001), page('halopsa', '/ticket?id=7001'), fake('halopsa', { status: () => 401 }));
    expect(t.id).toBe('7001');
    expect(t.fields).toEqual({
      priority: '2', status: 'In Progress', created: '27/11/2026 09:05', organization: 'Acme Corp', category: 'Network', group: 'OST Service Desk',
      assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example', subject: FIREWALL, type: 'Incident',
    });
    expect(t.createdFormats?.[0]).toBe('DD/MM/YYYY HH:mm');
    expect(health(t, 'priority')?.detail).toBe(`select[name="priority_id"] (after api: ${api(7001)}: HTTP 401)`);
    expect(health(t, 'status')).toMatchObject({ source: 'dom', detail: expect.stringMatching(/^label "Status" \(after api: .*HTTP 401; dom: \[data-field="status"\], #status not found\)$/) });
    // "Email" is not on this page, "User Email" is.
    expect(health(t, 'requesterEmail')?.detail).toMatch(/^label "User Email" \(after /);
    expect(t.native).toBeUndefined();
  });

  test('tolerant selectors: the summary under a later candidate is found and named', async () => {
    const doc = page('halopsa', '/ticket?id=7001');
    const h1 = doc.querySelector('[data-field="summary"]')!;
    h1.removeAttribute('data-field');
    h1.className = 'ticket-summary';
    const t = await read(halopsa, href(7001), doc, fake('halopsa', { status: () => 403 }));
    expect(t.fields.subject).toBe(FIREWALL);
    expect(health(t, 'subject')?.detail).toMatch(/^\.ticket-summary \(after \[data-field="summary"\], #summary not found\) \(after api: /);
  });

  test('odd payloads give missing fields, never a throw; excludefromsla drops the native times', async () => {
    const odd = { id: 7001, dateoccurred: '27/11/2026', priority_id: {}, status_name: 5, agent_id: 0, respondbydate: '2026-11-27T18:05:00+01:00', responsedate: '2026-11-27T18:30:00+01:00', fixbydate: 'soon' };
    const t = await read(halopsa, href(7001), empty(), fake('halopsa', { extra: { [api(7001)]: odd } }));
    expect(t.fields).toEqual({ status: '5' });
    expect(health(t, 'created')?.source).toBe('missing');
    expect(t.createdFormats).toBeUndefined();
    expect(t.native).toEqual([{ metric: 'first_response', label: 'Respond by', dueAt: null, met: false, breached: true }]);

    const excluded = await read(halopsa, href(7001), empty(), fake('halopsa', { extra: { [api(7001)]: { ...JSON.parse(file('halopsa', 'api/ticket-7001.json')), excludefromsla: true } } }));
    expect(excluded.native).toEqual([]);

    for (const body of [[], 'x', { id: 7002 }, null]) {
      const none = await read(halopsa, href(7001), empty(), fake('halopsa', { extra: { [api(7001)]: body } }));
      expect(health(none, 'priority')?.detail).toContain('ticket 7001 not in the answer');
      expect(none.native).toBeUndefined();
    }
  });
});

describe('abort', () => {
  const cases: Array<[Adapter, string, string, string]> = [
    [freshdesk, 'freshdesk', '/a/tickets/5001', 'https://acme.freshdesk.com/a/tickets/5001'],
    [zammad, 'zammad', '/', 'https://support.acme.example/#ticket/zoom/101'],
    [halopsa, 'halopsa', '/ticket?id=7001', 'https://acme.halopsa.com/ticket?id=7001'],
  ];

  for (const [adapter, type, path, href] of cases) {
    test(`${type}: an aborted signal rejects before any request`, async () => {
      const f = fake(type);
      const ctl = new AbortController();
      ctl.abort();
      const url = new URL(href);
      const doc = page(type, path);
      await expect(adapter.read(adapter.ticketRef(url, doc)!, { url, document: doc, signal: ctl.signal, fetchJson: f.fetchJson })).rejects.toMatchObject({ name: 'AbortError' });
      expect(f.calls).toHaveLength(0);
    });

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
