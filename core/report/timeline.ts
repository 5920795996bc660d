// A TicketRecord → the TicketTimeline evaluateSla replays. With a status history, its status changes (translated
// by the mapping) are the timeline, so pauses count as the policy says. Without one, the simplest faithful
// timeline: created → first response → resolved at the LAST resolution (the full resolution; the reopen instants
// are unknown, so the time between a first solve and a reopen cannot be told apart and counts as running), closed
// when only a close time is known, canceled when the current status says so.
import type { Status } from '../engagement/types.ts';
import { simpleTimeline, type SimpleTicket } from '../sla/outcomes.ts';
import type { TicketEvent, TicketTimeline } from '../sla/types.ts';
import type { Canon } from './canon.ts';
import type { TicketRecord } from './types.ts';

export interface Built {
  timeline: TicketTimeline;
  /** Canonical priority at the end (what the KPIs group by), null when unmapped. */
  priority: string | null;
  /** Unmapped native values met, for problems. */
  unmapped: string[];
  /**
   * Reopens seen in the history (done → not done), assignees and groups seen, up to the evaluation instant; null
   * when the history has none.
   */
  reopens: number | null;
  assignees: number | null;
  groups: number | null;
  /** Resolved (or closed or canceled) at the first time, from the history or the record; may be after `now`. */
  firstDone: number | null;
}

const DONE: ReadonlySet<Status> = new Set(['resolved', 'closed', 'canceled']);

/**
 * A record without history as the ticket simpleOutcomes times (the timeline of the header comment); its end is
 * the first resolution for firstDone. `into` is filled instead of a new object: the report reuses one.
 */
export function simpleTicketOf(r: TicketRecord, canon: Canon, priority: string, into?: SimpleTicket): SimpleTicket {
  const t = into ?? { createdAt: 0, priority: '', assigned: undefined, response: undefined, end: undefined, endStatus: 'resolved' };
  t.createdAt = r.created;
  t.priority = priority;
  t.assigned = r.assigned ?? (r.assignee !== undefined || r.group !== undefined ? r.created : undefined);
  t.response = r.firstResponse;
  t.end = r.resolved ?? r.closed;
  t.endStatus = canon.status(r.status) === 'canceled' ? 'canceled' : r.resolved === undefined ? 'closed' : 'resolved';
  return t;
}

/**
 * `now`: the evaluation instant. What the history says happened after it has not happened yet, so it is not counted
 * in reopens, assignees or groups (the timeline keeps every event; evaluateSla stops at now itself).
 */
export function buildTimeline(r: TicketRecord, canon: Canon, now = Infinity): Built {
  if (r.history === undefined || r.history.length === 0) {
    const priority = canon.priority(r.priority);
    const simple = simpleTicketOf(r, canon, priority ?? '');
    return {
      timeline: simpleTimeline(simple), priority, unmapped: r.priority !== undefined && priority === null ? [`priority '${r.priority}'`] : [],
      reopens: null, assignees: null, groups: null, firstDone: r.firstResolved ?? simple.end ?? null,
    };
  }
  const unmapped: string[] = [];
  const events: TicketEvent[] = [];
  const finalPriority = canon.priority(r.priority);
  if (r.priority !== undefined && finalPriority === null) unmapped.push(`priority '${r.priority}'`);
  let initialPriority = finalPriority;
  let reopens: number | null = null;
  let assignees: number | null = null;
  let groups: number | null = null;
  let firstDone: number | null = null;
  let statusHistory = false;
  for (const h of r.history ?? []) if (h.field === 'status') statusHistory = true;

  if (r.history && r.history.length > 0) {
    const seenAssignees = new Set<string>();
    const seenGroups = new Set<string>();
    let assigned = false;
    let done = false;
    let firstPriority = true;
    for (const h of r.history) {
      if (h.field === 'status') {
        const s = canon.status(h.value);
        if (s === null) {
          unmapped.push(`status '${h.value}'`);
          continue;
        }
        events.push({ at: h.at, type: 'status', status: s });
        if (h.at > now) continue;
        if (DONE.has(s) && !done) {
          done = true;
          firstDone ??= h.at;
        } else if (!DONE.has(s) && done) {
          done = false;
          reopens = (reopens ?? 0) + 1;
        }
      } else if (h.field === 'priority') {
        const p = canon.priority(h.value);
        if (p === null) {
          unmapped.push(`priority '${h.value}'`);
          continue;
        }
        // The first priority entry at creation is the ticket's opening priority, not a change.
        if (firstPriority && h.at <= r.created) initialPriority = p;
        else events.push({ at: h.at, type: 'priority', priority: p });
        firstPriority = false;
      } else if (h.value !== '') {
        if (h.at <= now) (h.field === 'assignee' ? seenAssignees : seenGroups).add(h.value);
        if (!assigned) {
          assigned = true;
          events.push({ at: h.at, type: 'assigned' });
        }
      }
    }
    if (seenAssignees.size > 0) assignees = seenAssignees.size;
    if (seenGroups.size > 0) groups = seenGroups.size;
    if (statusHistory) reopens ??= 0;
  }
  // Without an assignment in the history: the export's first assignment time, else creation for a ticket that has
  // an assignee or group (the closest the export can say), so an OLA that starts on assignment can run at all.
  let hasAssigned = false;
  for (const e of events) if (e.type === 'assigned') hasAssigned = true;
  if (!hasAssigned) {
    const at = r.assigned ?? (r.assignee !== undefined || r.group !== undefined ? r.created : undefined);
    if (at !== undefined) events.push({ at, type: 'assigned' });
  }
  if (r.firstResponse !== undefined) events.push({ at: r.firstResponse, type: 'agent_response' });
  if (!statusHistory) {
    const current = canon.status(r.status);
    const end = r.resolved ?? r.closed;
    if (end !== undefined) {
      const status: Status = current === 'canceled' ? 'canceled' : r.resolved === undefined ? 'closed' : 'resolved';
      events.push({ at: end, type: 'status', status });
    }
    firstDone = r.firstResolved ?? end ?? null;
  }
  if (!sortedByTime(events)) events.sort(byTime);
  const timeline: TicketTimeline = { createdAt: r.created, priority: initialPriority ?? finalPriority ?? '', events };
  return { timeline, priority: finalPriority, unmapped, reopens, assignees, groups, firstDone };
}

// Module-level, not inline arrows: a closure created per ticket is a cost of its own (more so under tsx, which
// wraps each to keep its name).
function byTime(a: TicketEvent, b: TicketEvent): number {
  return a.at - b.at;
}

function sortedByTime(events: TicketEvent[]): boolean {
  // NaN times fail the test, so they get the sort (and its comparator's treatment of them) as before.
  for (let i = 1; i < events.length; i++) if (!(events[i - 1]!.at <= events[i]!.at)) return false;
  return true;
}

/**
 * How the timeline's ticket stands at `at` when it is resolved, closed or canceled then: since when (the last time
 * it became done) and as what. null when it is not done at `at`.
 */
export function endAt(t: TicketTimeline, at: number): { since: number; status: Status } | null {
  let since = NaN;
  let status: Status | null = null;
  for (const e of t.events) {
    if (e.at > at) break;
    if (e.type === 'status') {
      if (!DONE.has(e.status)) status = null;
      else {
        // A change from resolved to closed is no new resolution: the ticket has been done since the first.
        if (status === null) since = e.at;
        status = e.status;
      }
    } else if (e.type === 'resolved') {
      if (status === null) since = e.at;
      status = 'resolved';
    } else if (e.type === 'reopened') status = null;
  }
  return status === null ? null : { since, status };
}
