// Freshdesk agent portal (Freshworks, like Freshservice, whose ticket pages share the /a/tickets/<id> path: the
// engagement's mapping type decides which of the two runs on an origin; see Adapter.samePathsAs). The ticket id is in
// the URL (also the legacy /helpdesk/tickets/<id>, P). The web app's own API (/api/_/…, not documented, P: public
// extension code reads it with the session) comes first, the public v2 API (usually wants an API key) second; the
// answer is the ticket object itself (v2) or wrapped in { ticket } (tolerated). Priority 1-4 and status 2-5 (plus
// custom statuses 6+) stay numbers as text; the mapping names them. The company name comes from include=company,
// group and agent names from the page (the API only has ids, which stand in last).
// Docs: https://developers.freshdesk.com/api/#view_a_ticket (include=requester,company,stats; fr_due_by, due_by,
// nr_due_by, fr_escalated, is_escalated, nr_escalated; stats.first_responded_at, resolved_at).
// Guesses (G): every page selector; the category as the custom field cf_category (Freshdesk has no built-in one).
import type { NativeSla } from '../shared/ticket.ts';
import { apiSource, collect, domFirst, freshworksDue, freshworksTicket, obj, urlSource, type Field, type Source } from './dom.ts';
import type { Adapter } from './types.ts';

const TICKET = /^\/(?:a|helpdesk)\/tickets\/(\d+)\/?$/;
const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'group', 'assignee', 'requesterEmail', 'subject', 'tags', 'type'];
const INCLUDE = 'include=requester,company,stats';

// Guessed agent-portal selectors, tried in order (data-test-id hooks of the Ember app first, form names second).
const DOM = {
  priority: [{ css: '[data-test-id="ticket-priority"]', option: 'value' as const }, { css: 'select[name="priority"]', option: 'value' as const }],
  status: [{ css: '[data-test-id="ticket-status"]', option: 'value' as const }, { css: 'select[name="status"]', option: 'value' as const }],
  organization: ['[data-test-id="ticket-company"]', '[data-test-id="requester-company"]', '.company-name'],
  category: ['[data-test-id="ticket-category"]', '[name="cf_category"]'],
  // The properties form: the saved choice only ("--" is the empty one).
  group: ['[data-test-id="ticket-group"]', 'select[name="group_id"] option[selected]:not([value=""])'],
  assignee: ['[data-test-id="ticket-agent"]', 'select[name="responder_id"] option[selected]:not([value=""])'],
  requesterEmail: ['[data-test-id="requester-email"]', '.requester-email'],
  subject: ['[data-test-id="ticket-subject"]', '.ticket-subject-heading'],
  tags: [{ css: '[data-test-id="ticket-tags"] li', all: true }, { css: '.ticket-tags .tag', all: true }],
  type: ['[data-test-id="ticket-type"]', 'select[name="ticket_type"]'],
};

export const freshdesk: Adapter = {
  id: 'freshdesk',
  samePathsAs: ['freshservice'],
  examples: {
    ticket: ['https://acme.freshdesk.com/a/tickets/5001', 'https://acme.freshdesk.com/a/tickets/5001?current_tab=details', 'https://acme.freshdesk.com/helpdesk/tickets/17'],
    notTicket: [
      'https://acme.freshdesk.com/a/tickets/new',
      'https://acme.freshdesk.com/a/tickets/filters/all_tickets',
      'https://acme.freshdesk.com/a/tickets?filter=all_tickets',
      'https://acme.freshdesk.com/support/tickets/5001',
      'https://acme.freshdesk.com/a/contacts/5001',
    ],
  },
  ticketRef: (url) => TICKET.exec(url.pathname)?.[1] ?? null,
  async read(id, ctx) {
    const sources: Source[] = [urlSource(ctx.url.pathname, { id })];
    const { t, endpoint } = await freshworksTicket(ctx, id, INCLUDE, sources);
    if (t) {
      sources.push(apiSource(endpoint, {
        priority: t.priority,
        status: t.status,
        created: t.created_at,
        organization: obj(t.company)?.name,
        category: obj(t.custom_fields)?.cf_category,
        group: obj(t.group)?.name,
        assignee: obj(t.responder)?.name,
        requesterEmail: obj(t.requester)?.email,
        subject: t.subject,
        tags: t.tags,
        type: t.type,
      }));
    }
    sources.push(domFirst(ctx.document, DOM));
    // Without names anywhere, the ids still let a mapping match something.
    if (t) sources.push(apiSource(`${endpoint} (ids)`, { organization: t.company_id, group: t.group_id, assignee: t.responder_id }));
    const ticket = collect('freshdesk', ctx.url, FIELDS, sources);
    if (t) ticket.native = native(t);
    return ticket;
  },
};

function native(t: Record<string, unknown>): NativeSla[] {
  const stats = obj(t.stats);
  return [
    ...freshworksDue(t, 'first_response', 'First response due', 'fr_due_by', t.fr_escalated, stats?.first_responded_at),
    // Next response: due after each customer reply; Freshdesk clears nr_due_by once the agent answers.
    ...freshworksDue(t, 'next_response', 'Next response due', 'nr_due_by', t.nr_escalated),
    ...freshworksDue(t, 'resolution', 'Resolution due', 'due_by', t.is_escalated, stats?.resolved_at),
  ];
}
