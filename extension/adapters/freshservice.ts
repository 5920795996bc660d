// Freshservice agent portal. The ticket id is in the URL. The web app's own API (/api/_/…) accepts the session
// cookie; the public v2 API usually wants an API key, so it is only the fallback. Both answer { ticket: {…} } with
// the documented ticket fields; priority (1-4) and status (2-5) stay numbers as text, and the engagement's mapping
// names them. Names of the department, responder and group come from embeds when the answer has them, else the ids.
// Docs: https://api.freshservice.com/#view_a_ticket (fields, fr_due_by, due_by, fr_escalated, is_escalated, include=)
import type { NativeSla } from '../shared/ticket.ts';
import { apiSource, collect, domSource, freshworksDue, freshworksTicket, obj, str, urlSource, type Field, type Source } from './dom.ts';
import type { Adapter } from './types.ts';

const TICKET = /^\/a\/tickets\/(\d+)\/?$/;
const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'group', 'assignee', 'requesterEmail', 'subject', 'tags', 'type'];
const INCLUDE = 'include=requester,department,stats,tags';

// Guessed agent-portal selectors (the Ember app's markup is not public; these follow its data-test-* habit).
const DOM = {
  // Selects whose option values are the API's numbers.
  priority: { css: '[data-test-id="ticket-priority"]', option: 'value' as const },
  status: { css: '[data-test-id="ticket-status"]', option: 'value' as const },
  organization: '[data-test-id="ticket-department"]',
  category: '[data-test-id="ticket-category"]',
  group: '[data-test-id="ticket-group"]',
  assignee: '[data-test-id="ticket-agent"]',
  requesterEmail: '[data-test-id="requester-email"]',
  subject: '[data-test-id="ticket-subject"]',
  tags: { css: '[data-test-id="ticket-tags"] li', all: true },
};

export const freshservice: Adapter = {
  id: 'freshservice',
  examples: {
    ticket: ['https://acme.freshservice.com/a/tickets/3021', 'https://acme.freshservice.com/a/tickets/3021?current_tab=details', 'https://support.acme.example/a/tickets/17/'],
    notTicket: [
      'https://acme.freshservice.com/a/tickets/new',
      'https://acme.freshservice.com/a/tickets?filter=all_tickets',
      'https://acme.freshservice.com/a/tickets/filters/open',
      'https://acme.freshservice.com/support/tickets/3021',
      'https://acme.freshservice.com/a/dashboard/default',
    ],
  },
  ticketRef: (url) => TICKET.exec(url.pathname)?.[1] ?? null,
  async read(id, ctx) {
    const sources: Source[] = [urlSource(ctx.url.pathname, { id })];
    const { t, endpoint } = await freshworksTicket(ctx, id, INCLUDE, sources);
    const names = (key: string) => str(obj(t?.[key])?.name) ?? str(t?.[`${key}_name`]);
    if (t) {
      sources.push(apiSource(endpoint, {
        priority: t.priority,
        status: t.status,
        created: t.created_at,
        organization: names('department'),
        category: t.category,
        group: names('group'),
        assignee: names('responder'),
        requesterEmail: obj(t.requester)?.email,
        subject: t.subject,
        tags: t.tags,
        type: t.type,
      }));
    }
    sources.push(domSource(ctx.document, DOM));
    // Without embedded names the page's names beat bare ids; the ids still let a mapping match something.
    if (t) sources.push(apiSource(`${endpoint} (ids)`, { organization: t.department_id, group: t.group_id, assignee: t.responder_id }));
    const ticket = collect('freshservice', ctx.url, FIELDS, sources);
    if (t) ticket.native = native(t);
    return ticket;
  },
};

function native(t: Record<string, unknown>): NativeSla[] {
  const stats = obj(t.stats);
  return [
    ...freshworksDue(t, 'first_response', 'First response due', 'fr_due_by', t.fr_escalated, stats?.first_responded_at),
    ...freshworksDue(t, 'resolution', 'Resolution due', 'due_by', t.is_escalated, stats?.resolved_at),
  ];
}
