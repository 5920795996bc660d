// HaloPSA agent app (also HaloITSM / HaloServiceDesk): /ticket?id=<id> and /tickets?id=<id> (both seen, P); the id in
// the query is the ticket number people see. The agent app's own API calls carry a bearer token (G), so the session
// may not open /api/Tickets/<id>?includedetails=true; it is tried anyway (some tenants allow it) and the page is read
// when it fails. Field names as in Halo's API schema (public generated clients, P): summary, client_name, site_name,
// status_name/status_id, priority_id, agent_name/agent_id, team, category_1, tickettype_name, user_email,
// dateoccurred, respondbydate, responsedate, fixbydate, dateclosed, excludefromsla.
// Docs: each tenant's own Swagger reference at /apidoc (Tickets: GET /api/Tickets/{id}, includedetails), e.g.
// https://halo.haloservicedesk.com/apidoc/resources/tickets (P: the public demo tenant's copy).
// Dates: the API writes most date-times WITHOUT an offset ("2026-11-27T14:05:00"); they are UTC (the API's
// convention, P/G), so a zone-less date gets a Z here. "1900-01-01T00:00:00" is Halo's empty date.
// Page (G: markup unknown): candidate data-field hooks, then label/value pairs ("Status" next to its value); a
// created time read from the page is local wall-clock text, parsed in the background (createdFormats).
import type { NativeSla } from '../shared/ticket.ts';
import { apiSource, clean, collect, domFirst, epoch, failedSource, getJson, obj, pageDates, str, textOf, urlSource, type Field, type Source } from './dom.ts';
import type { Adapter } from './types.ts';

const PAGE = /^\/tickets?\/?$/;
const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'group', 'assignee', 'requesterEmail', 'subject', 'type'];

/** A Halo date as ISO with an offset: zone-less means UTC; the 1900 placeholder means none. */
export const haloDate = (v: unknown): string | undefined => {
  const s = str(v);
  if (!s || !/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$/i.test(s) || s < '1901') return undefined;
  return /(Z|[+-]\d\d:?\d\d)$/i.test(s) ? s : `${s}Z`;
};

const hook = (name: string) => [`[data-field="${name}"]`, `#${name}`];
const DOM = {
  subject: [...hook('summary'), '.ticket-summary'],
  priority: [{ css: 'select[name="priority_id"]', option: 'value' as const }, ...hook('priority')],
  status: hook('status'),
  organization: [...hook('client_name'), ...hook('client')],
  category: hook('category_1'),
  group: hook('team'),
  assignee: [...hook('agent_name'), ...hook('agent')],
  requesterEmail: [...hook('user_email'), ...hook('emailaddress')],
  type: [...hook('tickettype_name'), ...hook('tickettype')],
  created: hook('dateoccurred'),
};
const LABELS: Partial<Record<Field, string[]>> = {
  subject: ['Summary', 'Subject'], priority: ['Priority'], status: ['Status'], organization: ['Client', 'Customer'], category: ['Category'],
  group: ['Team'], assignee: ['Agent', 'Assigned To'], requesterEmail: ['Email', 'User Email'], type: ['Ticket Type', 'Type'], created: ['Date Occurred', 'Date Logged', 'Opened'],
};

/** Label/value pairs: an element whose whole text is the label (a trailing colon allowed), its next sibling's text. */
function labelSource(doc: Document): Source {
  const labels = [...doc.querySelectorAll('label, dt, th, .label, .field-label')];
  return {
    source: 'dom',
    read(f) {
      const names = LABELS[f];
      if (!names) return null;
      for (const name of names) {
        const el = labels.find((l) => clean(l.textContent).replace(/:$/, '').toLowerCase() === name.toLowerCase());
        const value = el?.nextElementSibling && textOf(el.nextElementSibling);
        if (value) return { value, detail: `label "${name}"` };
      }
      return { value: undefined, detail: `no label ${names.map((n) => `"${n}"`).join(', ')}` };
    },
  };
}

export const halopsa: Adapter = {
  id: 'halopsa',
  examples: {
    ticket: ['https://acme.halopsa.com/ticket?id=7001', 'https://acme.halopsa.com/tickets?id=7001&showmenu=false', 'https://servicedesk.acme.example/ticket?id=12'],
    notTicket: [
      'https://acme.halopsa.com/tickets',
      'https://acme.halopsa.com/tickets?area=1&viewid=5',
      'https://acme.halopsa.com/ticket?id=0',
      'https://acme.halopsa.com/customers?id=7001',
      'https://acme.halopsa.com/portal/ticket?id=7001',
    ],
  },
  ticketRef: (url) => (PAGE.test(url.pathname) && /^[1-9]\d*$/.exec(url.searchParams.get('id') ?? '')?.[0]) || null,
  async read(id, ctx) {
    const endpoint = `/api/Tickets/${id}?includedetails=true`;
    const res = await getJson(ctx, endpoint);
    const t = 'data' in res ? obj(res.data) : undefined;
    const ok = !!t && String(t.id) === id;
    const sources: Source[] = [urlSource(`${ctx.url.pathname}?id=`, { id })];
    if (ok) {
      sources.push(apiSource(endpoint, {
        priority: t.priority_id,
        status: t.status_name,
        created: haloDate(t.dateoccurred),
        organization: t.client_name,
        category: t.category_1,
        group: t.team,
        assignee: t.agent_name,
        requesterEmail: t.user_email ?? t.user_emailaddress,
        subject: t.summary,
        type: t.tickettype_name,
      }));
    } else sources.push(failedSource(endpoint, 'data' in res ? `ticket ${id} not in the answer` : res.why));
    sources.push(domFirst(ctx.document, DOM), labelSource(ctx.document));
    // Without names anywhere, the ids still let a mapping match something (agent 0 is "unassigned").
    if (ok) sources.push(apiSource(`${endpoint} (ids)`, { status: t.status_id, assignee: t.agent_id === 0 ? undefined : t.agent_id }));
    const ticket = collect('halopsa', ctx.url, FIELDS, sources);
    // A page date is the agent's local wall-clock text (Halo's date format is a tenant setting).
    pageDates(ticket, ['DD/MM/YYYY HH:mm', 'MM/DD/YYYY h:mm A', 'YYYY-MM-DD HH:mm']);
    if (ok) ticket.native = native(t);
    return ticket;
  },
};

function native(t: Record<string, unknown>): NativeSla[] {
  if (t.excludefromsla === true) return [];
  const due = (metric: NativeSla['metric'], label: string, dueKey: string, doneKey: string): NativeSla[] => {
    const dueAt = epoch(haloDate(t[dueKey]));
    const done = epoch(haloDate(t[doneKey]));
    if (dueAt === null && done === null) return [];
    const sla: NativeSla = { metric, label, dueAt: done === null ? dueAt : null };
    if (done !== null) {
      sla.met = dueAt === null || done <= dueAt;
      if (!sla.met) sla.breached = true;
    }
    return [sla];
  };
  return [...due('first_response', 'Respond by', 'respondbydate', 'responsedate'), ...due('resolution', 'Fix by', 'fixbydate', 'dateclosed')];
}
