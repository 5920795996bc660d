// The background's view model against core: whatever the panel shows must be exactly what core computes for
// the same ticket (routing, ownership, SLA clocks, escalation), plus the status history that only the
// background can keep.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Engagement, ownership, parseEngagement, route, whoToCall } from '../../core/index.ts';
import { parseInstant } from '../../core/escalation/time.ts';
import { evaluateSla, policiesFor } from '../../core/sla/index.ts';
import { compile, type Seen } from '../../extension/background/compile.ts';
import type { PanelModel } from '../../extension/shared/panel-model.ts';
import type { RawTicket } from '../../extension/shared/ticket.ts';

const text = readFileSync(new URL('../../examples/acme-ost.yaml', import.meta.url), 'utf8');
const parsed = parseEngagement(text, { fileName: 'acme-ost.yaml', now: Date.parse('2026-12-01T00:00:00Z') });
if (!parsed.ok) throw new Error('the example engagement must validate');
const acme: Engagement = parsed.engagement;
const ZENDESK = 'https://acme.zendesk.com';
const MIN = 60_000;

// Tuesday 1 December 2026, 10:00 in New York: business hours, so the standard RACI and branch apply.
const NOW = Date.parse('2026-12-01T15:00:00Z');
const CREATED = NOW - 20 * MIN;

function zendeskTicket(over: Partial<RawTicket['fields']> = {}, id: string | null = '4711'): RawTicket {
  return {
    adapter: 'zendesk',
    url: `${ZENDESK}/agent/tickets/${id}`,
    id,
    fields: { priority: 'urgent', status: 'open', created: new Date(CREATED).toISOString(), organization: 'Acme Corp', tags: ['ransomware'], subject: 'Ransom note on FS01', ...over },
    native: [{ metric: 'first_response', label: 'First reply time', dueAt: CREATED + 15 * MIN }],
    health: [{ field: 'priority', source: 'api', detail: '/api/v2/tickets/show_many.json' }],
  };
}

function ok(model: PanelModel): Extract<PanelModel, { ok: true }> {
  if (!model.ok) throw new Error(`expected a placed ticket, got: ${model.reason}`);
  return model;
}

describe('compile: a Zendesk ticket of the example engagement', () => {
  const { model, seen } = compile({ raw: zendeskTicket(), origin: ZENDESK, engagements: [acme], now: NOW, seen: [] });
  const m = ok(model);

  it('places it: engagement, priority, activity and the rule that decided', () => {
    expect(m.engagement).toEqual({ id: 'acme-ost', title: acme.engagement.title });
    expect(m.priority).toEqual({ id: 'P1', name: 'Critical' });
    expect(m.status).toBe('open');
    expect(m.activity.id).toBe('incident-containment');
    const routed = route([acme], { origin: ZENDESK, priority: 'urgent', status: 'open', organization: 'Acme Corp', tags: ['ransomware'] });
    if (!routed.ok) throw new Error(routed.reason);
    expect(m.rule).toBe(routed.rule.text);
    expect(m.rule).toMatch(/^rule 1: tags is one of 'security', 'phishing', 'ransomware'/);
    expect(m.matchedBy).toBe("organization is 'Acme Corp'");
    expect(m.ticketId).toBe('4711');
  });

  it("names the owners as core's ownership() does (R and A, party or person)", () => {
    const owned = ownership(acme, 'incident-containment', NOW)!;
    const expected = (['R', 'A'] as const).flatMap((role) => owned.roles[role].map((h) => ({ role, kind: h.kind, id: h.id, name: h.name })));
    expect(m.owners.map(({ role, kind, id, name }) => ({ role, kind, id, name }))).toEqual(expected);
    expect(m.owners.filter((h) => h.role === 'R').map((h) => h.id)).toEqual(['ost', 'soc']);
    expect(m.owners.filter((h) => h.role === 'A').map((h) => h.id)).toEqual(['acme-it']);
  });

  it('names a person holder with their party', () => {
    // breach-notification: lchen R, rpatel A (people, not parties); route it there with a custom engagement rule.
    const e: Engagement = structuredClone(acme);
    e.helpdesks[0]!.activities.unshift({ when: [{ field: 'tags', op: 'in', values: ['breach'] }], activity: 'breach-notification' });
    const r = ok(compile({ raw: zendeskTicket({ tags: ['breach'] }), origin: ZENDESK, engagements: [e], now: NOW, seen: [] }).model);
    expect(r.owners).toEqual([
      { role: 'R', kind: 'person', id: 'lchen', name: 'Laura Chen', party: 'Acme Corp leadership' },
      { role: 'A', kind: 'person', id: 'rpatel', name: 'Raj Patel', party: 'Acme Corp leadership' },
    ]);
  });

  it("shows evaluateSla's clocks for the policies the mapping allows", () => {
    const mapping = acme.helpdesks[0]!;
    const ids = policiesFor(acme, 'P1', 'incident-containment').filter((id) => mapping.sla!.includes(id));
    expect(ids).toEqual(['joint']);
    const expected = ids.flatMap((id) =>
      evaluateSla(acme, id, { createdAt: CREATED, priority: 'P1', status: 'open', activity: 'incident-containment', events: [] }, NOW)
        .metrics.filter((c) => c.metric !== 'periodic_update')
        .map((c) => ({ policy: id, metric: c.metric, state: c.state, paused: c.paused, breachAt: c.breachAt, breachedAt: c.breachedAt, remainingMs: c.remaining })),
    );
    expect(m.clocks.map(({ policy, metric, state, paused, breachAt, breachedAt, remainingMs }) => ({ policy, metric, state, paused, breachAt, breachedAt, remainingMs }))).toEqual(expected);
    const first = m.clocks.find((c) => c.metric === 'first_response')!;
    expect(first.state).toBe('breached');
    expect(first.breachedAt).toBe(CREATED + 15 * MIN);
    const resolution = m.clocks.find((c) => c.metric === 'resolution')!;
    expect(resolution).toMatchObject({ state: 'running', breachAt: CREATED + 4 * 60 * MIN, remainingMs: 3 * 60 * MIN + 40 * MIN, kind: 'SLA' });
    expect(resolution.between).toBe('On-Site Technology → Acme Internal IT');
    expect(resolution.target).toBe('4 h on 24x7');
    expect(resolution.policyName).toBe('Co-managed service desk SLA (Schedule B)');
  });

  it("shows whoToCall's step in force and the next one, with contact links", () => {
    const links = { subject: 'Ticket 4711', message: 'Ticket 4711' };
    const who = whoToCall(acme, { priority: 'P1', activity: 'incident-containment', openedAt: CREATED }, NOW, links);
    if (!who.ok || !m.escalation.ok) throw new Error('escalation expected');
    expect(m.escalation.policy).toBe(who.policy.name);
    expect(m.escalation.branch).toBe(who.branch);
    const step = (s: NonNullable<typeof who.step>) => ({ number: s.number, startsAt: s.startsAt, say: s.say, people: s.recipients.map((r) => ({ name: r.name, contacts: r.contacts })) });
    const view = (s: NonNullable<typeof m.escalation.now>) => ({ number: s.number, startsAt: s.startsAt, say: s.say, people: s.people.map((p) => ({ name: p.name, contacts: p.contacts })) });
    expect(view(m.escalation.now!)).toEqual(step(who.step!));
    expect(view(m.escalation.next!)).toEqual(step(who.next!));
    // 20 minutes in: the 15-minute step (Jane Doe and the SOC lead) is in force; the 1-hour step is next.
    expect(m.escalation.now!.number).toBe(2);
    expect(m.escalation.now!.people.map((p) => p.name)).toEqual(['Jane Doe', 'Priya Shah']);
    expect(m.escalation.next!.startsAtText).toBe('Tue 2026-12-01 10:40 EST');
    const jane = m.escalation.now!.people[0]!;
    expect(jane.party).toBe('Acme Internal IT');
    expect(jane.contacts.map((c) => c.href)).toContain('tel:+19735550111');
    expect(jane.contacts.every((c) => c.href === null || /^(tel|sms|mailto|https|slack):/.test(c.href))).toBe(true);
  });

  it('passes the native SLAs and the health through, and records the first status seen', () => {
    expect(m.native).toEqual(zendeskTicket().native);
    expect(m.health).toEqual(zendeskTicket().health);
    expect(m.computedAt).toBe(NOW);
    expect(seen).toEqual([{ at: NOW, status: 'open' }]);
  });
});

describe('compile: status history', () => {
  it("pauses the clock when a later look shows 'hold' (pending_vendor, a pause status of the joint SLA)", () => {
    expect(acme.sla.joint!.pauseWhen).toContain('pending_vendor');
    expect(acme.helpdesks[0]!.statuses.hold).toBe('pending_vendor');
    const t1 = CREATED + 5 * MIN;
    const t2 = CREATED + 10 * MIN;
    const t3 = CREATED + 70 * MIN;
    const a = compile({ raw: zendeskTicket(), origin: ZENDESK, engagements: [acme], now: t1, seen: [] });
    const running = ok(a.model).clocks.find((c) => c.metric === 'resolution')!;
    expect(running.state).toBe('running');
    expect(running.breachAt).toBe(CREATED + 240 * MIN);

    const b = compile({ raw: zendeskTicket({ status: 'hold' }), origin: ZENDESK, engagements: [acme], now: t2, seen: a.seen });
    expect(b.seen).toEqual([{ at: t1, status: 'open' }, { at: t2, status: 'pending_vendor' }]);
    const c = compile({ raw: zendeskTicket({ status: 'hold' }), origin: ZENDESK, engagements: [acme], now: t3, seen: b.seen });
    expect(c.seen).toBe(b.seen);
    const paused = ok(c.model).clocks.find((x) => x.metric === 'resolution')!;
    expect(paused).toMatchObject({ state: 'paused', paused: true, breachAt: null });
    // Time stood still from the moment 'hold' was seen: 10 of the 240 minutes are used, an hour later too.
    expect(paused.remainingMs).toBe(230 * MIN);
    const firstResponse = ok(c.model).clocks.find((x) => x.metric === 'first_response')!;
    expect(firstResponse).toMatchObject({ state: 'paused', remainingMs: 5 * MIN });
    expect(ok(c.model).status).toBe('pending_vendor');

    // Back to open: the clock runs again from where it stood.
    const t4 = t3 + 10 * MIN;
    const d = compile({ raw: zendeskTicket({ status: 'open' }), origin: ZENDESK, engagements: [acme], now: t4, seen: c.seen });
    const resumed = ok(d.model).clocks.find((x) => x.metric === 'resolution')!;
    expect(resumed.state).toBe('running');
    expect(resumed.remainingMs).toBe(230 * MIN);
    expect(resumed.breachAt).toBe(t4 + 230 * MIN);
  });

  it('keeps no history without a ticket id, and says so', () => {
    const r = compile({ raw: zendeskTicket({}, null), origin: ZENDESK, engagements: [acme], now: NOW, seen: [] });
    expect(r.seen).toEqual([]);
    expect(ok(r.model).notes).toContain('ticket id not found: status changes are not remembered');
  });
});

describe('compile: what cannot be placed or read', () => {
  it("refuses a ticket at an origin no engagement maps, with core's reason", () => {
    const origin = 'https://other.zendesk.com';
    const r = compile({ raw: { ...zendeskTicket(), url: `${origin}/agent/tickets/1` }, origin, engagements: [acme], now: NOW, seen: [] });
    const expected = route([acme], { origin, priority: 'urgent', status: 'open', organization: 'Acme Corp', tags: ['ransomware'] });
    expect(expected.ok).toBe(false);
    expect(r.model).toEqual({ ok: false, reason: (expected as { reason: string }).reason, ticketId: '4711', health: zendeskTicket().health });
    expect(r.model.ok === false && r.model.reason).toBe('no engagement has a helpdesk at other.zendesk.com');
  });

  it('uses the page origin from the sender, not the url the ticket claims', () => {
    const r = compile({ raw: zendeskTicket(), origin: 'https://evil.example', engagements: [acme], now: NOW, seen: [] });
    expect(r.model.ok).toBe(false);
  });

  it('says when the priority is not mapped, and shows no clock or escalation for it', () => {
    const r = ok(compile({ raw: zendeskTicket({ priority: 'Sev-0' }), origin: ZENDESK, engagements: [acme], now: NOW, seen: [] }).model);
    expect(r.priority).toBeNull();
    expect(r.clocks).toEqual([]);
    expect(r.escalation.ok).toBe(false);
    expect(r.notes.some((n) => n.startsWith("priority 'Sev-0' is not mapped"))).toBe(true);
  });

  it('starts the clocks at first sight when the created time is missing', () => {
    const raw = zendeskTicket();
    delete raw.fields.created;
    const r = ok(compile({ raw, origin: ZENDESK, engagements: [acme], now: NOW, seen: [] }).model);
    expect(r.notes).toContain('created time not found: clocks start at first sight');
    expect(r.clocks.find((c) => c.metric === 'resolution')).toMatchObject({ state: 'running', remainingMs: 240 * MIN });
  });
});

describe('compile: a generic-recipe ticket', () => {
  const PORTAL = 'https://tickets.acme.example';
  const raw: RawTicket = {
    adapter: 'generic',
    url: `${PORTAL}/ticket/4711`,
    id: '4711',
    fields: { priority: ' 2 - High', status: 'Open', created: 'Fri Nov 27 04:50:12 2026', organization: 'Acme Corp', category: 'Network outage' },
    health: [{ field: 'id', source: 'url' }],
  };
  const at = Date.parse('2026-11-27T12:00:00Z');
  const m = ok(compile({ raw, origin: PORTAL, engagements: [acme], now: at, seen: [] }).model);

  it("reads the values with the recipe's regex, format and zone", () => {
    expect(m.priority?.id).toBe('P2');
    expect(m.status).toBe('open');
    expect(m.activity.id).toBe('t3-escalation');
    const created = parseInstant('2026-11-27T04:50:12', 'America/New_York')!;
    const resolution = m.clocks.find((c) => c.metric === 'resolution')!;
    const expected = evaluateSla(acme, 'joint', { createdAt: created, priority: 'P2', status: 'open', activity: 't3-escalation', events: [] }, at);
    expect(resolution.remainingMs).toBe(expected.metrics.find((c) => c.metric === 'resolution')!.remaining);
  });

  it("limits the clocks to the mapping's sla list", () => {
    // handoff covers t3-escalation too, but the portal mapping lists only the joint SLA.
    expect(policiesFor(acme, 'P2', 't3-escalation')).toContain('handoff');
    expect(new Set(m.clocks.map((c) => c.policy))).toEqual(new Set(['joint']));
  });

  it('notes a recipe value that does not fit', () => {
    const bad = ok(compile({ raw: { ...raw, fields: { ...raw.fields, created: 'yesterday' } }, origin: PORTAL, engagements: [acme], now: at, seen: [] as Seen[] }).model);
    expect(bad.notes.some((n) => n.startsWith('created:'))).toBe(true);
    expect(bad.notes).toContain('created time not found: clocks start at first sight');
  });
});
