// RawTicket + the engagements in force → PanelModel: everything the panel shows, computed here so the content
// script carries no engagement logic. All the judgement is core's (route, ownership, policiesFor/evaluateSla,
// whoToCall); this file only puts core's answers into the panel's shape and words.
import {
  type Engagement, type Routed, type Status,
  formatLocal, ownership, route, whoToCall,
} from '../../core/index.ts';
import { formatDuration } from '../../core/escalation/index.ts';
import type { Recipient, StepView } from '../../core/escalation/who.ts';
import { evaluateSla, policiesFor, type TicketTimeline } from '../../core/sla/index.ts';
import type { Duration } from '../../core/engagement/types.ts';
import type { ClockView, EscalationView, Holder, PanelModel, PersonToCall, StepToCall } from '../shared/panel-model.ts';
import type { RawTicket } from '../shared/ticket.ts';
import { ticketFacts } from './facts.ts';

/** A status the page showed, and when we first saw it. The page shows only the current status. */
export interface Seen {
  at: number;
  status: Status;
}

/** Enough to notice every change while a ticket is worked; the oldest (the status at first sight) is kept. */
const MAX_SEEN = 100;

export interface CompileInput {
  raw: RawTicket;
  /** The page origin, from the message sender (never from the page's own words). */
  origin: string;
  engagements: readonly Engagement[];
  now: number;
  /** Statuses seen before on this ticket, oldest first. */
  seen: readonly Seen[];
}

export interface Compiled {
  model: PanelModel;
  /** The history with the current status added when it changed; the same array when nothing changed. */
  seen: readonly Seen[];
}

export function compile(input: CompileInput): Compiled {
  const { raw, origin, engagements, now } = input;
  const { facts, notes: factNotes } = ticketFacts(raw, origin, engagements);
  const routed = route(engagements, facts);
  if (!routed.ok) return { model: { ok: false, reason: routed.reason, ticketId: raw.id, health: raw.health }, seen: input.seen };

  const engagement = routed.engagement;
  const notes = [...routed.notes, ...factNotes];
  if (routed.alsoMatched.length > 0) notes.push(`also mapped by ${routed.alsoMatched.map((id) => `'${id}'`).join(', ')}; the first engagement wins`);

  let seen = input.seen;
  if (raw.id === null) notes.push('ticket id not found: status changes are not remembered');
  else if (routed.status !== null && seen.at(-1)?.status !== routed.status) {
    seen = [...seen, { at: now, status: routed.status }];
    if (seen.length > MAX_SEEN) seen = [seen[0]!, ...seen.slice(seen.length - MAX_SEEN + 1)];
  }
  const firstSight = seen[0]?.at ?? now;
  if (facts.created === undefined) notes.push('created time not found: clocks start at first sight');
  const createdAt = facts.created ?? firstSight;
  const timeline: TicketTimeline = {
    createdAt,
    priority: routed.priority ?? '',
    // The first status we saw is assumed to have held since creation.
    status: seen[0]?.status ?? routed.status ?? undefined,
    activity: routed.activity,
    events: seen.slice(1).map((s) => ({ at: s.at, type: 'status' as const, status: s.status })),
  };

  const owned = ownership(engagement, routed.activity, now);
  if (!owned) notes.push(`activity '${routed.activity}' is not in the engagement`);
  else if (owned.variant === 'after-hours') notes.push('after-hours responsibilities are in force');
  const owners: Holder[] = owned
    ? (['R', 'A'] as const).flatMap((role) =>
        owned.roles[role].map((h): Holder => ({
          role, kind: h.kind, id: h.id, name: h.name, ...(h.kind === 'person' ? { party: h.party.name } : {}),
        })))
    : [];

  const clocks = routed.priority === null ? [] : clocksFor(engagement, routed, timeline, now, notes);
  if (routed.priority === null) notes.push('no SLA clock or escalation: the priority is unknown');

  return {
    model: {
      ok: true,
      ticketId: raw.id ?? '',
      engagement: { id: engagement.engagement.id, title: engagement.engagement.title },
      matchedBy: routed.matchedBy,
      priority: routed.priority === null ? null : { id: routed.priority, name: engagement.priorities[routed.priority]?.name ?? routed.priority },
      status: routed.status,
      activity: { id: routed.activity, name: engagement.activities[routed.activity]?.name ?? routed.activity },
      rule: routed.rule.text,
      owners,
      clocks,
      native: raw.native ?? [],
      escalation: escalationFor(engagement, routed, raw.id, createdAt, now),
      notes,
      health: raw.health,
      computedAt: now,
    },
    seen,
  };
}

/** The SLA policies covering the ticket (limited to the mapping's `sla` list when it has one), one view per metric. */
function clocksFor(engagement: Engagement, routed: Routed, timeline: TicketTimeline, now: number, notes: string[]): ClockView[] {
  const allowed = routed.mapping.sla;
  const ids = policiesFor(engagement, routed.priority!, routed.activity).filter((id) => allowed === undefined || allowed.includes(id));
  const views: ClockView[] = [];
  for (const id of ids) {
    const policy = engagement.sla[id]!;
    let evaluation;
    try {
      evaluation = evaluateSla(engagement, id, timeline, now);
    } catch (error) {
      notes.push(`SLA '${id}' could not be computed: ${(error as Error).message}`);
      continue;
    }
    for (const m of evaluation.metrics) {
      // The panel has no row for periodic updates.
      if (m.metric === 'periodic_update') continue;
      views.push({
        policy: id,
        policyName: policy.name ?? id,
        kind: policy.kind,
        between: `${partyName(engagement, policy.provider)} → ${partyName(engagement, policy.customer)}`,
        metric: m.metric,
        state: m.state,
        paused: m.paused,
        breachAt: m.breachAt,
        breachedAt: m.breachedAt,
        remainingMs: m.remaining,
        target: `${durationText(m.target)} on ${calendarName(engagement, m.calendar)}`,
      });
    }
  }
  return views;
}

function escalationFor(engagement: Engagement, routed: Routed, ticketId: string | null, openedAt: number, now: number): EscalationView {
  if (routed.priority === null) return { ok: false, reason: 'the priority is unknown, so no escalation step applies' };
  const subject = ticketId ? `Ticket ${ticketId}` : undefined;
  const who = whoToCall(engagement, { priority: routed.priority, activity: routed.activity, openedAt }, now, subject ? { subject, message: subject } : {});
  if (!who.ok) return { ok: false, reason: who.reason };
  const zone = engagement.engagement.timeZone;
  return {
    ok: true,
    policy: who.policy.name ?? who.policy.id,
    branch: who.branch,
    now: who.step ? stepToCall(who.step, zone) : null,
    next: who.next ? stepToCall(who.next, zone) : null,
  };
}

function stepToCall(step: StepView, zone: string): StepToCall {
  return {
    number: step.number,
    startsAt: step.startsAt,
    startsAtText: formatLocal(step.startsAt, zone),
    ...(step.say ? { say: step.say } : {}),
    people: step.recipients.map((r) => personToCall(r, zone)),
  };
}

function personToCall(r: Recipient, zone: string): PersonToCall {
  const notes: string[] = [];
  if (r.kind === 'nobody' && r.reason) notes.push(r.reason);
  if (r.oncall) {
    const until = r.oncall.until === null ? '' : ` until ${formatLocal(r.oncall.until, zone)}`;
    notes.push(`on call (${r.oncall.scheduleName ?? r.oncall.schedule})${until}`);
  }
  const later = r.unavailable.map((u) => u.usableFrom).filter((t): t is number => t !== null);
  if (r.unavailable.length > 0) {
    const from = later.length > 0 ? ` from ${formatLocal(Math.min(...later), zone)}` : '';
    notes.push(`${r.unavailable.length} more contact${r.unavailable.length === 1 ? '' : 's'} usable${from}`);
  }
  return {
    name: r.name,
    ...(r.title ? { title: r.title } : {}),
    ...(r.party && r.kind === 'person' ? { party: r.party.name } : {}),
    contacts: r.contacts,
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

function partyName(engagement: Engagement, id: string): string {
  return engagement.parties[id]?.name ?? engagement.people[id]?.name ?? id;
}

function calendarName(engagement: Engagement, id: string): string {
  const cal = engagement.calendars[id];
  return cal?.name ?? (cal?.hours === '24x7' ? '24x7' : id);
}

function durationText(d: Duration): string {
  if ('ms' in d) return formatDuration(d.ms);
  return `${d.businessDays} business day${d.businessDays === 1 ? '' : 's'}`;
}
