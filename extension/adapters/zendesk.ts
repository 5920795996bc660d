// Zendesk Agent Workspace. The ticket id is in the URL; the fields come from the Tickets API with the agent's
// session (show_many, because reports conflict on whether the single-ticket endpoint honours the slas sideload),
// and names (organization, group, users) from the sideloads.
// Docs: https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-multiple-tickets ,
// https://developer.zendesk.com/documentation/ticketing/using-the-zendesk-api/side_loading/ (slas, organizations…)
import type { NativeSla } from '../shared/ticket.ts';
import { apiSource, arr, collect, domSource, epoch, failedSource, getJson, nameById, obj, str, urlSource, type Field, type Source } from './dom.ts';
import type { Adapter } from './types.ts';

const TICKET = /^\/agent\/tickets\/(\d+)\/?$/;
const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'group', 'assignee', 'requesterEmail', 'subject', 'tags', 'type'];

// Guessed Agent Workspace selectors (data-test-id attributes seen in the wild, not checked against a live
// instance). Several tickets can be open as tabs with hidden panes, which is one more reason the API comes first.
const DOM = {
  priority: '[data-test-id="ticket-fields-priority-select"]',
  status: '[data-test-id="ticket-status-tag"]',
  organization: '[data-test-id="ticket-system-field-organization"]',
  group: '[data-test-id="assignee-field-selected-group-tag"]',
  assignee: '[data-test-id="assignee-field-selected-agent-tag"]',
  requesterEmail: '[data-test-id="ticket-system-field-requester-email"]',
  subject: '[data-test-id="omni-header-subject"]',
  tags: { css: '[data-test-id="ticket-fields-tags"] [data-test-id="ticket-tag"]', all: true },
  type: '[data-test-id="ticket-fields-type-select"]',
};

const METRICS: Record<string, [NativeSla['metric'], string]> = {
  first_reply_time: ['first_response', 'First reply time'],
  next_reply_time: ['next_response', 'Next reply time'],
  requester_wait_time: ['resolution', 'Requester wait time'],
  agent_work_time: ['resolution', 'Agent work time'],
  total_resolution_time: ['resolution', 'Total resolution time'],
  periodic_update_time: ['other', 'Periodic update'],
  pausable_update_time: ['other', 'Pausable update'],
};

export const zendesk: Adapter = {
  id: 'zendesk',
  examples: {
    ticket: ['https://acme.zendesk.com/agent/tickets/4711', 'https://acme.zendesk.com/agent/tickets/12?brand=2', 'http://127.0.0.1:8123/agent/tickets/4712'],
    notTicket: [
      'https://acme.zendesk.com/agent/dashboard',
      'https://acme.zendesk.com/agent/tickets/new/1',
      'https://acme.zendesk.com/agent/filters/360001234567',
      'https://acme.zendesk.com/hc/en-us/requests/4711',
      'https://acme.zendesk.com/api/v2/tickets/4711.json',
    ],
  },
  ticketRef: (url) => TICKET.exec(url.pathname)?.[1] ?? null,
  async read(id, ctx) {
    const endpoint = `/api/v2/tickets/show_many.json?ids=${id}&include=slas,organizations,groups,users`;
    const res = await getJson(ctx, endpoint);
    const sources: Source[] = [urlSource(ctx.url.pathname, { id })];
    let native: NativeSla[] | undefined;
    if ('data' in res) {
      const body = obj(res.data);
      const t = arr(body?.tickets).map(obj).find((x) => String(x?.id) === id);
      if (t) {
        sources.push(apiSource(endpoint, {
          priority: t.priority,
          status: t.status,
          created: t.created_at,
          organization: nameById(body?.organizations, t.organization_id),
          group: nameById(body?.groups, t.group_id),
          assignee: nameById(body?.users, t.assignee_id),
          requesterEmail: nameById(body?.users, t.requester_id, 'email'),
          subject: t.subject,
          tags: t.tags,
          type: t.type,
        }));
        native = slas(t.slas);
      } else sources.push(failedSource(endpoint, `ticket ${id} not in the answer`));
    } else sources.push(failedSource(endpoint, res.why));
    sources.push(domSource(ctx.document, DOM));
    const ticket = collect('zendesk', ctx.url, FIELDS, sources);
    if (native) ticket.native = native;
    return ticket;
  },
};

function slas(v: unknown): NativeSla[] {
  return arr(obj(v)?.policy_metrics).flatMap((m) => {
    const o = obj(m);
    const name = str(o?.metric);
    if (!o || !name) return [];
    const [metric, label] = METRICS[name] ?? ['other', name];
    const stage = str(o.stage);
    const sla: NativeSla = { metric, label, dueAt: stage === 'achieved' ? null : epoch(o.breach_at) };
    if (stage === 'paused') sla.paused = true;
    if (stage === 'achieved') sla.met = true;
    return [sla];
  });
}
