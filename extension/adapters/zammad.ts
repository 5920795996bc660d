// Zammad agent UI. Classic desktop app: hash routing, #ticket/zoom/<id> (also #ticket/zoom/<id>/<article id>), any
// base path; the newer desktop view /desktop/tickets/<id> (G) and the mobile view /mobile/tickets/<id> (P). The URL
// has the INTERNAL id; the shown id is the ticket `number` (API, or the header's data-number), never the URL's id.
// Fields: REST /api/v1/tickets/<id>?expand=true with the session: the ticket's attributes plus association names as
// strings (priority "2 normal", state "open", group, organization by name; owner and customer by LOGIN, owner "-"
// when unassigned). Zammad's show action answers expand before all (tickets_controller#show), so all=true would add
// nothing; tags come from /api/v1/tags?object=Ticket&o_id=<id> ({ tags: [...] }).
// Docs: https://docs.zammad.org/en/latest/api/ticket/index.html , https://docs.zammad.org/en/latest/api/ticket/tags.html
// Native SLA: first_response_escalation_at / update_escalation_at / close_escalation_at, met once first_response_at /
// close_at is set, late when *_diff_in_min < 0 (P: names from the API docs' examples, semantics not verified).
// Guesses (G): the page selectors below (classic app markup seen in public code: .ticketZoom, .js-objectNumber,
// .js-objectTitle; the sidebar's form and widgets are guesses), `category` as a custom ticket attribute.
import type { NativeSla } from '../shared/ticket.ts';
import { apiSource, arr, collect, domFirst, epoch, failedSource, getJson, obj, str, type Field, type Sel, type Source } from './dom.ts';
import type { Adapter } from './types.ts';

const HASH = /^#ticket\/zoom\/(\d+)(?:\/\d+)?\/?$/;
const PATH = /^(?:\/[\w-]+)*\/(?:desktop|mobile)\/tickets\/(\d+)\/?$/;
const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'group', 'assignee', 'requesterEmail', 'subject', 'tags', 'type'];

/** The page part showing this ticket: the classic app keeps other open tickets as hidden tasks. */
function scope(doc: Document, id: string): string {
  return [`#content_permanent_TicketZoom${id}`, '.content.active .ticketZoom', '.ticketZoom'].find((s) => doc.querySelector(s)) ?? '';
}

function dom(scoped: string): Partial<Record<Field, Array<string | Sel>>> {
  const s = scoped && `${scoped} `;
  const attr = (name: string) => [`${s}[data-attribute-name="${name}"] select`, `${s}select[name="${name}"]`];
  return {
    id: [{ css: `${s}.js-objectNumber`, attr: 'data-number' }, { css: `${s}[data-number]`, attr: 'data-number' }],
    subject: [`${s}.js-objectTitle`, `${s}.ticket-title`],
    status: attr('state_id'),
    priority: attr('priority_id'),
    group: attr('group_id'),
    // The saved owner only ("-" is the empty choice).
    assignee: [`${s}[data-attribute-name="owner_id"] option[selected]:not([value=""])`, `${s}select[name="owner_id"] option[selected]:not([value=""])`],
    organization: [`${s}.sidebar[data-tab="organization"] .sidebar-header-headline`, `${s}.js-organization .userInfo-name`],
    requesterEmail: [`${s}.sidebar[data-tab="customer"] [data-name="email"]`, `${s}.userInfo a[href^="mailto:"]`],
    tags: [{ css: `${s}.js-tags .list-item-name`, all: true }, { css: `${s}.tags .tag`, all: true }],
  };
}

export const zammad: Adapter = {
  id: 'zammad',
  examples: {
    ticket: ['https://support.acme.example/#ticket/zoom/101', 'https://support.acme.example/#ticket/zoom/101/2045', 'https://acme.zammad.com/desktop/tickets/101', 'https://acme.zammad.com/mobile/tickets/101'],
    notTicket: [
      'https://support.acme.example/#ticket/create',
      'https://support.acme.example/#ticket/view/my_assigned',
      'https://support.acme.example/#dashboard',
      'https://support.acme.example/#search/firewall',
      'https://acme.zammad.com/desktop/tickets/create',
      'https://support.acme.example/api/v1/tickets/101',
    ],
  },
  ticketRef: (url) => HASH.exec(url.hash)?.[1] ?? PATH.exec(url.pathname)?.[1] ?? null,
  async read(id, ctx) {
    const endpoint = `/api/v1/tickets/${id}?expand=true`;
    const res = await getJson(ctx, endpoint);
    const t = 'data' in res ? obj(res.data) : undefined;
    const ok = !!t && String(t.id) === id;
    const sources: Source[] = [];
    if (ok) {
      const tagsPath = `/api/v1/tags?object=Ticket&o_id=${id}`;
      const tags = await getJson(ctx, tagsPath);
      const owner = str(t.owner);
      const customer = str(t.customer);
      sources.push(apiSource(endpoint, {
        id: t.number,
        priority: t.priority,
        status: t.state,
        created: t.created_at,
        organization: t.organization,
        category: t.category,
        group: t.group,
        assignee: owner === '-' ? undefined : owner,
        requesterEmail: customer?.includes('@') ? customer : undefined,
        subject: t.title,
        type: t.type,
      }));
      if ('data' in tags) sources.push(apiSource(tagsPath, { tags: arr(obj(tags.data)?.tags) }));
      else sources.push(failedSource(tagsPath, tags.why));
    } else sources.push(failedSource(endpoint, 'data' in res ? `ticket ${id} not in the answer` : res.why));
    sources.push(domFirst(ctx.document, dom(scope(ctx.document, id))));
    const ticket = collect('zammad', ctx.url, FIELDS, sources);
    if (ok) ticket.native = native(t);
    return ticket;
  },
};

function native(t: Record<string, unknown>): NativeSla[] {
  const due = (metric: NativeSla['metric'], label: string, key: string, doneAt?: unknown, diff?: unknown): NativeSla[] => {
    const dueAt = epoch(t[key]);
    const met = !!str(doneAt);
    if (dueAt === null && !met) return [];
    const sla: NativeSla = { metric, label, dueAt: met ? null : dueAt };
    const late = typeof diff === 'number' && diff < 0;
    if (late) sla.breached = true;
    if (met) sla.met = !late;
    return [sla];
  };
  return [
    ...due('first_response', 'First response', 'first_response_escalation_at', t.first_response_at, t.first_response_diff_in_min),
    ...due('next_response', 'Update time', 'update_escalation_at'),
    ...due('resolution', 'Solution time', 'close_escalation_at', t.close_at, t.close_diff_in_min),
  ];
}
