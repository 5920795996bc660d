// The engagement the extension e2e imports: examples/acme-ost.yaml with its helpdesk mappings pointed at the
// fixture helpdesks on 127.0.0.1, plus mappings for the three helpdesks the example does not use (ServiceNow, Jira
// SM, Freshservice) whose priority and status maps name the values the recorded payloads carry
// (test/fixtures/helpdesks/*), a generic mapping on an origin the test build is NOT granted, and one for the
// hostile page. Also: what core says the panel must show for a ticket, computed independently of the extension.
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import {
  ownership, parseEngagement, route, whoToCall,
  type Engagement, type Status, type TicketFacts,
} from '../../../core/index.ts';
import { evaluateSla, policiesFor, type TicketEvent } from '../../../core/sla/index.ts';
import { fixtureSpecs } from './fixture-e2e.ts';
import { exampleText } from './pwa.ts';

/** Fixture origins by helpdesk; a mapping whose origin is not given keeps the example's (or is left out). */
export interface E2EOrigins {
  zendesk?: string;
  servicenow?: string;
  jira?: string;
  freshservice?: string;
  generic?: string;
  /** Served like the generic helpdesk but on http://localhost:<port>, which the test build's permission misses. */
  notGranted?: string;
  hostile?: string;
  /** Origins of the fixture helpdesks described by e2e.json files, by type (support/fixture-e2e.ts). */
  more?: Record<string, string>;
}

/** The example's generic recipe (acme-portal), reused for the not-granted origin and the hostile page. */
function portalRecipe(doc: ReturnType<typeof parseDocument>): Record<string, unknown> {
  const portal = (doc.get('helpdesks') as { items: YAMLMap[] }).items.find((m) => m.get('id') === 'acme-portal');
  if (!portal) throw new Error('examples/acme-ost.yaml has no acme-portal mapping any more');
  const js = portal.toJSON() as Record<string, unknown>;
  return { ticketUrl: js.ticketUrl, priorities: js.priorities, statuses: js.statuses, fields: js.fields, activities: js.activities, sla: js.sla };
}

export function e2eEngagementText(origins: E2EOrigins): string {
  const doc = parseDocument(exampleText);
  const helpdesks = doc.get('helpdesks');
  if (!isSeq(helpdesks)) throw new Error('examples/acme-ost.yaml: helpdesks is not a list');
  const byId = (id: string) => {
    const m = helpdesks.items.find((x) => isMap(x) && x.get('id') === id);
    if (!isMap(m)) throw new Error(`examples/acme-ost.yaml has no helpdesk mapping '${id}'`);
    return m;
  };
  if (origins.zendesk) byId('acme-zendesk').set('url', origins.zendesk);
  if (origins.generic) byId('acme-portal').set('url', origins.generic);
  const recipe = portalRecipe(doc);

  const add = (mapping: Record<string, unknown>) => {
    if (mapping.url) helpdesks.add(doc.createNode(mapping));
  };
  // ServiceNow: the Table API's priority value ('1'…'5') and the state's display value ('In Progress').
  add({
    id: 'acme-servicenow',
    type: 'servicenow',
    name: 'Acme ServiceNow (fixture)',
    url: origins.servicenow,
    match: { organization: 'Acme Corp' },
    priorities: { '1': 'P1', '2': 'P2', '3': 'P3', '4': 'P4', '5': 'P4' },
    statuses: { New: 'new', 'In Progress': 'open', 'On Hold': 'pending_customer', Resolved: 'resolved', Closed: 'closed', Canceled: 'canceled' },
    sla: ['joint', 'handoff'],
    activities: [
      { when: { subject: { regex: '\\b([Ff]irewall|VPN rule|port forward)' } }, activity: 'firewall-change' },
      { when: { category: ['Software', 'ERP'] }, activity: 'lob-support' },
      { default: 'helpdesk-t1' },
    ],
  });
  // Jira SM: priority and status names; the organization comes from the JSM Organizations field.
  add({
    id: 'acme-jira',
    type: 'jira',
    name: 'Acme Jira Service Management (fixture)',
    url: origins.jira,
    match: { organization: 'Acme Corp' },
    priorities: { Highest: 'P1', High: 'P2', Medium: 'P3', Low: 'P4', Lowest: 'P4' },
    statuses: {
      'Waiting for support': 'open', 'In Progress': 'open', 'Waiting for customer': 'pending_customer', Pending: 'pending_vendor',
      Resolved: 'resolved', Closed: 'closed', Canceled: 'canceled',
    },
    sla: ['joint', 'handoff'],
    activities: [
      { when: { subject: { regex: '\\b([Ff]irewall|VPN rule|port forward)' } }, activity: 'firewall-change' },
      { when: { category: 'ERP' }, activity: 'lob-support' },
      { default: 'helpdesk-t1' },
    ],
  });
  // Freshservice: priority 1-4 (4 = urgent) and status 2-5 as numbers.
  add({
    id: 'acme-freshservice',
    type: 'freshservice',
    name: 'Acme Freshservice (fixture)',
    url: origins.freshservice,
    match: { organization: 'Acme Corp' },
    priorities: { '4': 'P1', '3': 'P2', '2': 'P3', '1': 'P4' },
    statuses: { '2': 'open', '3': 'pending_customer', '4': 'resolved', '5': 'closed' },
    sla: ['joint', 'handoff'],
    activities: [
      { when: { subject: { regex: '\\b([Ff]irewall|VPN rule|port forward)' } }, activity: 'firewall-change' },
      { when: { category: 'Software' }, activity: 'lob-support' },
      { default: 'helpdesk-t1' },
    ],
  });
  for (const spec of fixtureSpecs()) {
    const url = origins.more?.[spec.type];
    if (url) add({ id: `acme-${spec.type}`, type: spec.type, name: `Acme ${spec.name} (fixture)`, url, match: { organization: 'Acme Corp' }, sla: ['joint', 'handoff'], ...spec.mapping });
  }
  if (origins.notGranted) add({ id: 'acme-portal-not-granted', type: 'generic', name: 'Same portal, origin not granted', url: origins.notGranted, ...recipe });
  if (origins.hostile) add({ id: 'acme-portal-hostile', type: 'generic', name: 'A hostile ticket page', url: origins.hostile, ...recipe });
  return doc.toString({ lineWidth: 0 });
}

export function parseE2E(text: string): Engagement {
  const parsed = parseEngagement(text, { fileName: 'e2e-acme-ost.yaml' });
  if (!parsed.ok) throw new Error(`the e2e engagement does not validate:\n${parsed.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('\n')}`);
  return parsed.engagement;
}

// ------------------------------------------------------------------------------------------------------------
// What core says about a ticket: owners, clocks, whom to call. Built from core's public functions on the same
// facts the adapter reads, not from the extension's compile step, so the e2e checks the extension against core.

export interface ExpectedClock {
  policy: string;
  metric: string;
  state: string;
  paused: boolean;
  breachAt: number | null;
  breachedAt: number | null;
  remainingMs: number;
}

export interface ExpectedPanel {
  priority: string | null;
  activity: string;
  rule: string;
  /** As the panel writes holders: a party's name, or "Person (Party)". */
  owners: { R: string[]; A: string[] };
  clocks: ExpectedClock[];
  escalation: { step: number | null; people: Array<{ name: string; tel: string[] }>; nextStartsAt: number | null } | { reason: string };
}

/**
 * `history`: for a ticket whose status changed while it was watched, the canonical status it had from creation
 * and the changes since (the panel only knows the statuses it saw; the first is assumed to hold since creation).
 */
export function expectFromCore(
  engagements: readonly Engagement[],
  facts: TicketFacts,
  now: number,
  history?: { initialStatus: Status; events: TicketEvent[] },
): ExpectedPanel {
  const routed = route(engagements, facts);
  if (!routed.ok) throw new Error(`core does not route the fixture ticket: ${routed.reason}`);
  const e = routed.engagement;
  const own = ownership(e, routed.activity, now);
  if (!own) throw new Error(`activity ${routed.activity} has no ownership`);
  const holder = (h: { kind: string; name: string; party: { name: string } }) => (h.kind === 'person' ? `${h.name} (${h.party.name})` : h.name);
  const createdAt = facts.created!;
  const clocks: ExpectedClock[] = [];
  if (routed.priority) {
    const allowed = routed.mapping.sla;
    for (const id of policiesFor(e, routed.priority, routed.activity).filter((p) => !allowed || allowed.includes(p))) {
      const timeline = { createdAt, priority: routed.priority, status: history?.initialStatus ?? routed.status ?? undefined, activity: routed.activity, events: history?.events ?? [] };
      const ev = evaluateSla(e, id, timeline, now);
      for (const m of ev.metrics) {
        if (m.metric === 'periodic_update') continue;
        clocks.push({ policy: id, metric: m.metric, state: m.state, paused: m.paused, breachAt: m.breachAt, breachedAt: m.breachedAt, remainingMs: m.remaining });
      }
    }
  }
  let escalation: ExpectedPanel['escalation'] = { reason: 'no priority' };
  if (routed.priority) {
    const who = whoToCall(e, { priority: routed.priority, activity: routed.activity, openedAt: createdAt }, now);
    escalation = who.ok
      ? {
          step: who.step?.number ?? null,
          people: (who.step?.recipients ?? []).map((r) => ({ name: r.name, tel: r.contacts.map((c) => c.href).filter((h): h is string => !!h && h.startsWith('tel:')) })),
          nextStartsAt: who.next?.startsAt ?? null,
        }
      : { reason: who.reason };
  }
  return {
    priority: routed.priority,
    activity: routed.activity,
    rule: routed.rule.text,
    owners: { R: own.roles.R.map(holder), A: own.roles.A.map(holder) },
    clocks,
    escalation,
  };
}
