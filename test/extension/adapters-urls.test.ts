// @vitest-environment happy-dom
// The URL matrix (github-url-detection's pattern): each adapter's ticket examples give a ref with that adapter and
// none with any other; its notTicket examples give none. The generic adapter runs with the example engagement's
// acme-portal recipe throughout, as the content script would on that origin. Adapters that declare the same path
// shape (Adapter.samePathsAs: Freshdesk and Freshservice, /a/tickets/<id>) may claim each other's examples: on an
// origin only the engagement's mapping type picks the adapter.
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { HELPDESK_TYPES } from '../../core/engagement/vocabulary.ts';
import { ADAPTERS, adapterFor, type Adapter } from '../../extension/adapters/index.ts';
import { EXAMPLE_RECIPE, generic } from '../../extension/adapters/generic.ts';
import { servicenow } from '../../extension/adapters/servicenow.ts';

const blank = () => document.implementation.createHTMLDocument('blank');

// happy-dom does not load frames and says so on console.error for every iframe; only that notice is dropped.
beforeAll(() => {
  const error = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
  });
});

const samePaths = (a: Adapter, b: Adapter) => !!a.samePathsAs?.includes(b.id) || !!b.samePathsAs?.includes(a.id);

describe('URL matrix', () => {
  for (const adapter of ADAPTERS) {
    describe(adapter.id, () => {
      test('has examples both ways', () => {
        expect(adapter.examples.ticket.length).toBeGreaterThanOrEqual(2);
        expect(adapter.examples.notTicket.length).toBeGreaterThanOrEqual(2);
      });
      for (const href of adapter.examples.ticket) {
        test(`ticket: ${href}`, () => {
          const url = new URL(href);
          expect(adapter.ticketRef(url, blank(), EXAMPLE_RECIPE)).toBeTruthy();
          for (const other of ADAPTERS) {
            if (other !== adapter && !samePaths(adapter, other)) expect(other.ticketRef(url, blank(), EXAMPLE_RECIPE), `${other.id} must not claim it`).toBeNull();
          }
        });
      }
      for (const href of adapter.examples.notTicket) {
        test(`not a ticket: ${href}`, () => {
          expect(adapter.ticketRef(new URL(href), blank(), EXAMPLE_RECIPE)).toBeNull();
        });
      }
    });
  }
});

describe('refs', () => {
  const ref = (type: Parameters<typeof adapterFor>[0], href: string) => adapterFor(type)!.ticketRef(new URL(href), blank(), EXAMPLE_RECIPE);

  test('each adapter reads the id its API needs', () => {
    expect(ref('zendesk', 'https://acme.zendesk.com/agent/tickets/4711')).toBe('4711');
    expect(ref('jira', 'https://acme.atlassian.net/jira/servicedesk/projects/ITS/queues/custom/1/ITS-102')).toBe('ITS-102');
    expect(ref('jira', 'https://acme.atlassian.net/browse/HR_2-42?focusedCommentId=1')).toBe('HR_2-42');
    expect(ref('freshservice', 'https://acme.freshservice.com/a/tickets/3021?current_tab=details')).toBe('3021');
    expect(ref('generic', 'https://tickets.acme.example/ticket/4712?tab=history#notes')).toBe('4712');
  });

  test('ServiceNow refs are table/sys_id, whichever URL form carries the record', () => {
    const id = '9d385017c611228701d22104cc95c371';
    for (const href of [
      `https://acme.service-now.com/incident.do?sys_id=${id}`,
      `https://acme.service-now.com/incident.do?sysparm_view=&sys_id=${id}`,
      `https://acme.service-now.com/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D${id}`,
      `https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D${id}%26sysparm_view%3D`,
      `https://acme.service-now.com/now/sow/record/incident/${id}`,
    ]) expect(ref('servicenow', href), href).toBe(`incident/${id}`);
    expect(ref('servicenow', `https://acme.service-now.com/sc_task.do?sys_id=${id}`)).toBe(`sc_task/${id}`);
  });

  test('types without an adapter of their own get none', () => {
    for (const type of HELPDESK_TYPES) expect(adapterFor(type)?.id ?? null).toBe(ADAPTERS.some((a) => a.id === type) ? type : null);
    expect(adapterFor('zendesk')?.id).toBe('zendesk');
  });

  test('declared path overlaps are real and name adapters that exist', () => {
    for (const a of ADAPTERS) {
      for (const type of a.samePathsAs ?? []) {
        const other = adapterFor(type);
        expect(other, `${a.id}.samePathsAs names ${type}`).not.toBeNull();
        expect(a.examples.ticket.some((href) => other!.ticketRef(new URL(href), blank(), EXAMPLE_RECIPE)), `${type} claims some ${a.id} ticket`).toBe(true);
      }
    }
    expect(ref('freshdesk', 'https://acme.freshdesk.com/a/tickets/5001')).toBe('5001');
    expect(ref('freshservice', 'https://acme.freshdesk.com/a/tickets/5001')).toBe('5001');
  });

  test('Zammad refs are the internal id from the hash or the new views\' path; HaloPSA needs a ticket id in the query', () => {
    expect(ref('zammad', 'https://support.acme.example/#ticket/zoom/101/2045')).toBe('101');
    expect(ref('zammad', 'https://support.acme.example/zammad/#ticket/zoom/102')).toBe('102');
    expect(ref('zammad', 'https://acme.zammad.com/desktop/tickets/101')).toBe('101');
    expect(ref('zammad', 'https://support.acme.example/#ticket/zoom/')).toBeNull();
    expect(ref('halopsa', 'https://acme.halopsa.com/tickets?showmenu=false&id=7002')).toBe('7002');
    expect(ref('halopsa', 'https://acme.halopsa.com/ticket?id=')).toBeNull();
    expect(ref('halopsa', 'https://acme.halopsa.com/ticket?id=12abc')).toBeNull();
  });
});

describe('ServiceNow frames', () => {
  const id = '9d385017c611228701d22104cc95c371';
  const wrapper = new URL(`https://acme.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D${id}`);

  test('the top frame defers to iframe#gsft_main, which reads its own URL', () => {
    const top = blank();
    const frame = top.createElement('iframe');
    frame.id = 'gsft_main';
    top.body.append(frame);
    expect(servicenow.ticketRef(wrapper, top)).toBeNull();
    expect(servicenow.ticketRef(new URL(`https://acme.service-now.com/incident.do?sys_id=${id}`), blank())).toBe(`incident/${id}`);
  });

  test('the frame is found inside the Next Experience shell\'s open shadow roots', () => {
    const top = blank();
    const shell = top.createElement('macroponent-f51912f4c700201072b211d4d8c26010');
    const inner = top.createElement('sn-canvas-main');
    shell.attachShadow({ mode: 'open' }).append(inner);
    const frame = top.createElement('iframe');
    frame.name = 'gsft_main';
    inner.attachShadow({ mode: 'open' }).append(frame);
    top.body.append(shell);
    const polaris = new URL(`https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D${id}`);
    expect(servicenow.ticketRef(polaris, top)).toBeNull();
  });

  test('a page that is the record itself keeps its ref even with frames around', () => {
    const top = blank();
    top.body.innerHTML = '<iframe id="gsft_main"></iframe>';
    expect(servicenow.ticketRef(new URL(`https://acme.service-now.com/now/sow/record/incident/${id}`), top)).toBe(`incident/${id}`);
  });
});

describe('generic ticket pages', () => {
  test('no recipe, no ticket', () => {
    expect(generic.ticketRef(new URL('https://tickets.acme.example/ticket/4711'), blank())).toBeNull();
  });

  test('the pattern sees search and hash, so hash-routed tools work', () => {
    const recipe = { ticketUrl: '^/app/#/requests/(?<id>[A-Z]+-\\d+)$', fields: {} };
    expect(generic.ticketRef(new URL('https://help.example/app/#/requests/REQ-9'), blank(), recipe)).toBe('REQ-9');
    expect(generic.ticketRef(new URL('https://help.example/app/#/requests'), blank(), recipe)).toBeNull();
  });

  test('without an id group the first group, then the whole match, is the ref', () => {
    expect(generic.ticketRef(new URL('https://t.example/issue/77'), blank(), { ticketUrl: '/issue/(\\d+)', fields: {} })).toBe('77');
    expect(generic.ticketRef(new URL('https://t.example/issue/77'), blank(), { ticketUrl: '\\d+$', fields: {} })).toBe('77');
  });

  test('an invalid pattern matches nothing instead of throwing', () => {
    expect(generic.ticketRef(new URL('https://t.example/ticket/1'), blank(), { ticketUrl: '/ticket/(?<id>\\d+', fields: {} })).toBeNull();
  });

  test('without a ticketUrl, a page whose id selector finds text is a ticket page', () => {
    const recipe = { fields: { id: { selector: '.ticket-number' } } };
    const doc = blank();
    expect(generic.ticketRef(new URL('https://t.example/view'), doc, recipe)).toBeNull();
    doc.body.innerHTML = '<span class="ticket-number"> #4711 </span>';
    expect(generic.ticketRef(new URL('https://t.example/view'), doc, recipe)).toBe('#4711');
    expect(generic.ticketRef(new URL('https://t.example/view'), doc, { fields: { id: { selector: '[[bad' } } })).toBeNull();
  });
});
