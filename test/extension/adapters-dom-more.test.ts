// @vitest-environment happy-dom
// The page-reading adapters (ConnectWise PSA, Autotask, osTicket, GLPI) on their fixtures
// (test/fixtures/helpdesks/<type>): none of them calls an API, so each test also checks that nothing was fetched.
// Then the page-only cases: ConnectWise's id from the rendered banner, Autotask's frame deferral, GLPI's form that
// arrives after the page, later candidates when the first selector is missing, and empty pages.
import { beforeAll, describe, expect, test } from 'vitest';
import { autotask } from '../../extension/adapters/autotask.ts';
import { connectwise } from '../../extension/adapters/connectwise.ts';
import { collect, labelSource } from '../../extension/adapters/dom.ts';
import { glpi } from '../../extension/adapters/glpi.ts';
import { osticket } from '../../extension/adapters/osticket.ts';
import type { Adapter } from '../../extension/adapters/types.ts';
import type { RawTicket } from '../../extension/shared/ticket.ts';
import { fake, file, health, page, quietFrameNotices, read, routes, sources } from './fixture-harness.ts';

const formats = (t: RawTicket) => (t as RawTicket & { createdFormats?: string[] }).createdFormats;
const blank = () => document.implementation.createHTMLDocument('blank');

beforeAll(quietFrameNotices);

describe('connectwise', () => {
  const APP = 'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US';
  const TOKEN_1 = '#XQAAACB4AQAAAAAAAAA9iImHVMn4hTeXZc1ojcP2n3xW';
  const TOKEN_2 = '#XQAAACBoAQAAAAAAAAA9iImHVMn5gQz1RbqU7kt0aXdC';
  const deep = (id: number) => `/v4_6_release/ConnectWise.aspx?locale=en_US&routeTo=ServiceFV&recid=${id}`;
  /** What GWT does after the page has loaded: the screen from the page's template. */
  const render = (doc: Document, from: Document = doc) => {
    const tpl = from.getElementById('cw-ticket') as HTMLTemplateElement;
    doc.getElementById('cw-screen')!.replaceChildren(doc.importNode(tpl.content, true));
    return doc;
  };

  test('no ticket until the banner is rendered; then the banner names it and the screen gives the fields', async () => {
    const doc = page('connectwise', '/v4_6_release/ConnectWise.aspx?locale=en_US');
    expect(connectwise.ticketRef(new URL(APP + TOKEN_1), doc)).toBeNull();
    render(doc);
    expect(connectwise.ticketRef(new URL(APP + TOKEN_1), doc)).toBe('12345');
    const f = fake();
    const t = await read(connectwise, APP + TOKEN_1, doc, f);
    expect(t).toMatchObject({ adapter: 'connectwise', id: '12345' });
    expect(t.fields).toEqual({
      priority: 'Priority 2 - Quick Response', status: 'In Progress', created: '11/27/2026 9:05 AM', organization: 'Acme Corp',
      category: 'Network', group: 'OST Service Desk', assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example',
      subject: 'Please open a Firewall port for the new badge system',
    });
    expect(Object.values(sources(t)).every((s) => s === 'dom')).toBe(true);
    expect(health(t, 'id')?.detail).toBe('.cw_CwLabel ~ ^(?:Service |Project )?Ticket #\\s*(\\d+)\\b');
    expect(health(t, 'organization')?.detail).toBe('input.cw_company');
    expect(formats(t)?.[0]).toBe('MM/DD/YYYY h:mm A');
    expect(t.native).toBeUndefined();
    expect(f.calls).toEqual([]);
  });

  test('in-app navigation: the hash is a new opaque token, the banner names the second ticket', async () => {
    const doc = render(page('connectwise', '/v4_6_release/ConnectWise.aspx?locale=en_US'));
    render(doc, page('connectwise', deep(12346)));
    const t = await read(connectwise, APP + TOKEN_2, doc);
    expect(t.id).toBe('12346');
    expect(t.fields).toMatchObject({ priority: 'Priority 1 - Emergency Response', status: 'New', created: '11/27/2026 8:20 AM', category: 'Software', requesterEmail: 'dana.kim@acme.example' });
    expect(t.fields.assignee).toBeUndefined();
    expect(health(t, 'assignee')).toMatchObject({ source: 'missing', detail: expect.stringContaining('[data-cwid="owner"] (empty), [data-cwid="ticketOwner"] not found') });
  });

  test('deep links give the id from the URL only until the app has written its own hash', () => {
    const origin = 'https://na.myconnectwise.net';
    const doc = page('connectwise', deep(12345));
    expect(connectwise.ticketRef(new URL(origin + deep(12345)), doc)).toBe('12345');
    // Moved on in the app: the query still says 12345, the hash is the app's, the banner not drawn yet.
    expect(connectwise.ticketRef(new URL(origin + deep(12345) + TOKEN_2), doc)).toBeNull();
    render(doc, page('connectwise', deep(12346)));
    expect(connectwise.ticketRef(new URL(origin + deep(12345) + TOKEN_2), doc)).toBe('12346');
    expect(connectwise.ticketRef(new URL(`${origin}/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=777`), blank())).toBe('777');
  });

  test('later candidates: the data-cwid hook when the class is gone, then the label, and the health names it', async () => {
    const doc = render(page('connectwise', '/v4_6_release/ConnectWise.aspx?locale=en_US'));
    doc.querySelector('input.cw_company')!.classList.remove('cw_company');
    doc.querySelector('[data-cwid="board"]')!.removeAttribute('data-cwid');
    const t = await read(connectwise, APP + TOKEN_1, doc);
    expect(t.fields).toMatchObject({ organization: 'Acme Corp', group: 'OST Service Desk' });
    expect(health(t, 'organization')?.detail).toBe('[data-cwid="company"] (after input.cw_company not found)');
    expect(health(t, 'group')?.detail).toBe('label "Board" (after dom: [data-cwid="board"], [data-cwid="team"] not found)');
  });

  test('a page without the screen: the ref names the ticket, the fields are missing, no throw', async () => {
    const t = await read(connectwise, 'https://na.myconnectwise.net' + deep(12345), blank());
    expect(t.id).toBe('12345');
    expect(health(t, 'id')?.source).toBe('url');
    expect(t.fields).toEqual({});
    expect(formats(t)).toBeUndefined();
  });
});

describe('autotask', () => {
  const ORIGIN = 'https://ww5.autotask.net';
  const detail = (id: number) => `/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=${id}`;

  test('the deep link page holding the detail frame defers to the frame', () => {
    const path = '/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=29684';
    expect(autotask.ticketRef(new URL(ORIGIN + path), page('autotask', path))).toBeNull();
    expect(autotask.ticketRef(new URL(ORIGIN + path), blank())).toBe('29684');
    expect(autotask.ticketRef(new URL(ORIGIN + detail(29684)), page('autotask', detail(29684)))).toBe('29684');
  });

  test('the frame reads the Details section; the id is the ticket number people quote', async () => {
    const f = fake();
    const t = await read(autotask, ORIGIN + detail(29684), page('autotask', detail(29684)), f);
    expect(t).toMatchObject({ adapter: 'autotask', id: 'T20261127.0004' });
    expect(t.fields).toEqual({
      priority: 'High', status: 'In Progress', created: '11/27/2026 9:05 AM', organization: 'Acme Corp', category: 'Network',
      group: 'OST Service Desk', assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example',
      subject: 'Please open a Firewall port for the new badge system', type: 'Incident',
    });
    expect(Object.values(sources(t)).every((s) => s === 'dom')).toBe(true);
    expect(health(t, 'priority')?.detail).toBe('label "Priority"');
    expect(health(t, 'assignee')?.detail).toBe('.PrimaryResource .Name');
    expect(health(t, 'requesterEmail')?.detail).toMatch(/^\.DetailsSection a\[href\^="mailto:"\] \(after dom: no label "Contact Email", "Email" with a value\)$/);
    expect(formats(t)?.[0]).toBe('MM/DD/YYYY h:mm A');
    expect(f.calls).toEqual([]);
  });

  test('the second ticket, reached by a link inside the frame', async () => {
    const first = page('autotask', detail(29684));
    expect(first.querySelector('a[href*="ticketId=29685"]')).not.toBeNull();
    const t = await read(autotask, ORIGIN + detail(29685), page('autotask', detail(29685)));
    expect(t.id).toBe('T20261127.0003');
    expect(t.fields).toMatchObject({ priority: 'Critical', status: 'New', created: '11/27/2026 8:20 AM', category: 'Software', requesterEmail: 'dana.kim@acme.example' });
    expect(health(t, 'assignee')?.source).toBe('missing');
  });

  test('without labels on status and priority, their positions in the Details section are used', async () => {
    const doc = page('autotask', detail(29684));
    for (const el of doc.querySelectorAll('.QuickEditEnabled .ReadOnlyLabelContainer')) el.remove();
    doc.querySelector('.IdentificationContainer')!.remove();
    const t = await read(autotask, ORIGIN + detail(29684), doc);
    expect(t.fields).toMatchObject({ priority: 'High', status: 'In Progress' });
    expect(health(t, 'status')?.detail).toContain('.DetailsSection .ReadOnlyData.QuickEditEnabled:nth-child(3) .Text.ColorSample');
    expect(health(t, 'status')?.detail).toContain('no label "Status" with a value');
    expect(t.id).toBe('T20261127.0004');
    expect(health(t, 'id')?.detail).toMatch(/^title ~ /);
  });

  test('an empty page gives the URL id and missing fields; a TicketNumber deep link is its own ref', async () => {
    const t = await read(autotask, `${ORIGIN}/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ids%5B0%5D=29684`, blank());
    expect(t.id).toBe('29684');
    expect(health(t, 'id')?.source).toBe('url');
    expect(t.fields).toEqual({});
    expect(autotask.ticketRef(new URL(`${ORIGIN}/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketNumber=T20261127.0004`), blank())).toBe('T20261127.0004');
  });
});

describe('osticket', () => {
  const href = (id: number) => `https://help.acme.example/scp/tickets.php?id=${id}`;

  test('reads the ticket-info tables; the id is the ticket number, not the URL\'s internal id', async () => {
    const f = fake();
    const t = await read(osticket, href(1042), page('osticket', '/scp/tickets.php?id=1042'), f);
    expect(t).toMatchObject({ adapter: 'osticket', id: '492817' });
    expect(t.fields).toEqual({
      priority: 'High', status: 'Open', created: '11/27/2026 9:05 AM', organization: 'Acme Corp', category: 'Network',
      group: 'OST Service Desk', assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example',
      subject: 'Please open a Firewall port for the new badge system',
    });
    expect(Object.values(sources(t)).every((s) => s === 'dom')).toBe(true);
    expect(health(t, 'group')?.detail).toBe('label "Department"');
    expect(health(t, 'subject')?.detail).toBe('.tixTitle h3');
    expect(formats(t)).toContain('MM/DD/YYYY h:mm A');
    expect(t.native).toBeUndefined();
    expect(f.calls).toEqual([]);
  });

  test('the second ticket: Emergency, and "— Unassigned —" is no assignee', async () => {
    const t = await read(osticket, href(1043), page('osticket', '/scp/tickets.php?id=1043'));
    expect(t.id).toBe('492816');
    expect(t.fields).toMatchObject({ priority: 'Emergency', status: 'Open', created: '11/27/2026 8:20 AM', category: 'Software', requesterEmail: 'dana.kim@acme.example' });
    expect(t.fields.assignee).toBeUndefined();
    expect(health(t, 'assignee')).toEqual({ field: 'assignee', source: 'missing', detail: 'label "Assigned To": unassigned' });
  });

  test('a heading outside the sticky bar still gives the number, and the health names the candidate', async () => {
    const doc = page('osticket', '/scp/tickets.php?id=1042');
    doc.querySelector('.sticky.bar')!.className = 'toolbar';
    const t = await read(osticket, href(1042), doc);
    expect(t.id).toBe('492817');
    expect(health(t, 'id')?.detail).toBe('#content h2 a ~ Ticket #\\s*([\\w-]+)');
  });

  test('an empty page falls back to the internal id; fields missing, no throw', async () => {
    const t = await read(osticket, href(1042), blank());
    expect(t.id).toBe('1042');
    expect(health(t, 'id')).toMatchObject({ source: 'url', detail: expect.stringContaining('internal id') });
    expect(t.fields).toEqual({});
  });
});

describe('glpi', () => {
  const href = (id: number) => `https://glpi.acme.example/front/ticket.form.php?id=${id}`;
  /** The main tab as GLPI loads it by AJAX after the page. */
  const loadTab = (doc: Document, id: number) => {
    doc.getElementById('tabspanel')!.innerHTML = file('glpi', routes('glpi').pages[`/ajax/common.tabs.php?_itemtype=Ticket&_glpi_tab=Ticket%24main&id=${id}`]!);
    return doc;
  };

  test('before the main tab has loaded only the id and the entity are there: the rest is missing, not wrong', async () => {
    const t = await read(glpi, href(2718), page('glpi', '/front/ticket.form.php?id=2718'));
    expect(t.id).toBe('2718');
    expect(t.fields).toEqual({ organization: 'Acme Corp' });
    expect(health(t, 'priority')?.source).toBe('missing');
  });

  test('reads the form\'s named controls once the tab is there', async () => {
    const f = fake();
    const t = await read(glpi, href(2718), loadTab(page('glpi', '/front/ticket.form.php?id=2718'), 2718), f);
    expect(t).toMatchObject({ adapter: 'glpi', id: '2718' });
    expect(t.fields).toEqual({
      priority: 'High', status: 'Processing (assigned)', created: '2026-11-27 09:05', organization: 'Acme Corp', category: 'Network',
      group: 'OST Service Desk', assignee: 'Sam Rivera', requesterEmail: 'pat.lee@acme.example',
      subject: 'Please open a Firewall port for the new badge system', type: 'Incident',
    });
    expect(sources(t)).toMatchObject({ id: 'url', priority: 'dom', created: 'dom', organization: 'dom' });
    expect(health(t, 'priority')?.detail).toBe('select[name="priority"]');
    expect(health(t, 'organization')?.detail).toBe('.entity-name');
    expect(formats(t)?.[0]).toBe('YYYY-MM-DD HH:mm');
    expect(f.calls).toEqual([]);
  });

  test('the second ticket: Very high, New, assigned to the group only', async () => {
    const t = await read(glpi, href(2719), loadTab(page('glpi', '/front/ticket.form.php?id=2719'), 2719));
    expect(t.fields).toMatchObject({ priority: 'Very high', status: 'New', created: '2026-11-27 08:20', category: 'Software', group: 'OST Service Desk', requesterEmail: 'dana.kim@acme.example' });
    expect(t.fields.assignee).toBeUndefined();
    expect(health(t, 'assignee')?.source).toBe('missing');
  });

  test('a control under another name is found by its label', async () => {
    const doc = loadTab(page('glpi', '/front/ticket.form.php?id=2718'), 2718);
    doc.querySelector('select[name="priority"]')!.setAttribute('name', 'priority_renamed');
    doc.querySelector('.entity-name')!.remove();
    const t = await read(glpi, href(2718), doc);
    expect(t.fields.priority).toBe('High');
    expect(health(t, 'priority')?.detail).toBe('label "Priority" (after dom: select[name="priority"] not found)');
    expect(t.fields.organization).toBeUndefined();
  });

  test('an aborted read rejects', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const url = new URL(href(2718));
    await expect(glpi.read('2718', { url, document: blank(), signal: ctl.signal, fetchJson: fake().fetchJson })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('labelSource', () => {
  test('reads dt/dd, th/td, label[for] and Autotask pairs, ignoring case and a trailing colon', () => {
    const doc = blank();
    doc.body.innerHTML = `
      <dl><dt>Priority</dt><dd>High</dd></dl>
      <table><tr><th>STATUS:</th><td>Open</td></tr></table>
      <label for="c">Category</label><select id="c"><option>Network</option><option selected>Software</option></select>
      <div class="ReadOnlyData"><div class="ReadOnlyLabelContainer"><span class="PrimaryText">Queue</span></div><div class="ReadOnlyValueContainer">Tier 1</div></div>`;
    const t = collect('generic', new URL('https://x.example/'), ['priority', 'status', 'category', 'group', 'assignee'], [
      labelSource(doc, { priority: ['Priority'], status: ['Status'], category: ['Category'], group: ['Queue'], assignee: ['Owner', 'Assigned To'] }),
    ]);
    expect(t.fields).toEqual({ priority: 'High', status: 'Open', category: 'Software', group: 'Tier 1' });
    expect(health(t, 'assignee')).toEqual({ field: 'assignee', source: 'missing', detail: 'dom: no label "Owner", "Assigned To" with a value' });
  });
});

describe('e2e.json agrees with the adapters', () => {
  // The end-to-end facts are written by hand from the fixtures; the adapters must deliver exactly them (the page's
  // created text is parsed by the background, so it is left out here).
  const cases: Array<[Adapter, string, (path: string, i: number) => { href: string; doc: Document }]> = [
    [connectwise, 'connectwise', (_p, i) => {
      const doc = page('connectwise', '/v4_6_release/ConnectWise.aspx?locale=en_US');
      const from = page('connectwise', `/v4_6_release/ConnectWise.aspx?locale=en_US&routeTo=ServiceFV&recid=${12345 + i}`);
      doc.getElementById('cw-screen')!.replaceChildren(doc.importNode((from.getElementById('cw-ticket') as HTMLTemplateElement).content, true));
      return { href: `https://cw.example/v4_6_release/ConnectWise.aspx?locale=en_US#token${i}`, doc };
    }],
    [autotask, 'autotask', (_p, i) => ({ href: `https://ww5.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=${29684 + i}`, doc: page('autotask', `/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=${29684 + i}`) })],
    [osticket, 'osticket', (p) => ({ href: `https://help.example${p}`, doc: page('osticket', p) })],
    [glpi, 'glpi', (p, i) => {
      const doc = page('glpi', p);
      doc.getElementById('tabspanel')!.innerHTML = file('glpi', `tab-main-${2718 + i}.html`);
      return { href: `https://glpi.example${p}`, doc };
    }],
  ];
  for (const [adapter, type, open] of cases) {
    test(type, async () => {
      const spec = JSON.parse(file(type, 'e2e.json')) as { tickets: Array<{ page: string; shownId: string; facts: Record<string, unknown> }> };
      for (const [i, t] of spec.tickets.entries()) {
        const { href, doc } = open(t.page, i);
        const got = await read(adapter, href, doc);
        const { created: _c, ...facts } = t.facts;
        const { created, ...fields } = got.fields;
        expect(got.id).toBe(t.shownId);
        expect(fields).toEqual(facts);
        expect(created).toMatch(/^(11\/27\/2026 (9:05|8:20) AM|2026-11-27 0(9:05|8:20))$/);
      }
    });
  }
});
