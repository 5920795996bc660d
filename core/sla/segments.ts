// Wall-clock bookkeeping of one ticket, independent of any calendar: when the status pauses the clocks, and for each
// metric the cycles with the wall intervals during which they ran. The calendar is applied afterwards, so that a
// priority change can retarget a clock onto another calendar from its original start.
import type { Metric, Status } from '../engagement/types.ts';
import type { TicketEvent, TicketTimeline } from './types.ts';

export type Span = [start: number, end: number];

export interface RawCycle {
  start: number;
  /** Wall intervals the cycle ran (reopen with `resume` adds a segment); the last may end at Infinity. */
  segments: Span[];
  stop: number | null;
  canceled: boolean;
}

export interface RawTicket {
  status: Status;
  priority: string;
  priorities: Array<{ at: number; priority: string }>;
  /** Where the status was in the pause list; the last may end at Infinity. */
  pauses: Span[];
  cycles: Record<Metric, RawCycle[]>;
}

const DONE: ReadonlySet<Status> = new Set(['resolved', 'closed', 'canceled']);
// The order of the `cycles` record's keys below, which is the order clocks are closed in.
const METRIC_KEYS: readonly Metric[] = ['first_response', 'next_response', 'periodic_update', 'resolution'];

/** Replays the events in [createdAt, now]; later ones have not happened yet at `now`. */
export function replay(t: TicketTimeline, pauseWhen: readonly Status[], start: 'created' | 'assigned', reopen: 'resume' | 'new_cycle', now = Infinity): RawTicket {
  // No closures in here: the report replays a million tickets, and a closure per helper per ticket (each wrapped
  // by the dev loader's name keeping) costs more than the replay itself.
  const events: TicketEvent[] = [];
  for (const e of t.events) if (e.at >= t.createdAt && e.at <= now) events.push(e);
  if (!sortedByTime(events)) events.sort(byTime);
  const s: ReplayState = {
    pauseWhen,
    reopen,
    status: t.status ?? 'new',
    priority: t.priority,
    priorities: [{ at: t.createdAt, priority: t.priority }],
    pauses: [],
    pausedSince: null,
    cycles: { first_response: [], next_response: [], periodic_update: [], resolution: [] },
    resolved: false,
    responded: false,
    started: start === 'created',
  };
  s.pausedSince = pauseWhen.includes(s.status) ? t.createdAt : null;
  s.resolved = DONE.has(s.status);
  if (start === 'created' && !s.resolved) begin(s, t.createdAt);

  for (const e of events) apply(s, e);
  if (s.pausedSince !== null) s.pauses.push([s.pausedSince, Infinity]);
  return { status: s.status, priority: s.priority, priorities: s.priorities, pauses: s.pauses, cycles: s.cycles };
}

interface ReplayState {
  pauseWhen: readonly Status[];
  reopen: 'resume' | 'new_cycle';
  status: Status;
  priority: string;
  priorities: Array<{ at: number; priority: string }>;
  pauses: Span[];
  pausedSince: number | null;
  cycles: Record<Metric, RawCycle[]>;
  resolved: boolean;
  responded: boolean;
  started: boolean;
}

function byTime(a: TicketEvent, b: TicketEvent): number {
  return a.at - b.at;
}

function sortedByTime(events: TicketEvent[]): boolean {
  // NaN times fail the test, so they get the sort (and its comparator's treatment of them) as before.
  for (let i = 1; i < events.length; i++) if (!(events[i - 1]!.at <= events[i]!.at)) return false;
  return true;
}

function open(s: ReplayState, metric: Metric, at: number): void {
  s.cycles[metric].push({ start: at, segments: [[at, Infinity]], stop: null, canceled: false });
}

function current(s: ReplayState, metric: Metric): RawCycle | undefined {
  const c = s.cycles[metric].at(-1);
  return c && c.stop === null && c.segments.at(-1)![1] === Infinity ? c : undefined;
}

function close(s: ReplayState, metric: Metric, at: number, canceled = false): void {
  const c = current(s, metric);
  if (!c) return;
  c.segments.at(-1)![1] = at;
  c.stop = at;
  if (canceled) c.canceled = true;
}

function begin(s: ReplayState, at: number): void {
  open(s, 'first_response', at);
  open(s, 'resolution', at);
  open(s, 'periodic_update', at);
}

function setStatus(s: ReplayState, next: Status, at: number): void {
  const pausing = s.pauseWhen.includes(next);
  if (pausing && s.pausedSince === null) s.pausedSince = at;
  if (!pausing && s.pausedSince !== null) {
    if (at > s.pausedSince) s.pauses.push([s.pausedSince, at]);
    s.pausedSince = null;
  }
  if (DONE.has(next) && !s.resolved) onResolved(s, at, next === 'canceled');
  else if (!DONE.has(next) && s.resolved) onReopened(s, at);
  s.status = next;
}

// Resolving ends every running clock (a first response never given is judged at that moment); a reopen resumes
// the resolution clock or starts a new cycle, as the policy says.
function onResolved(s: ReplayState, at: number, canceled: boolean): void {
  s.resolved = true;
  for (const metric of METRIC_KEYS) close(s, metric, at, canceled);
}

function onReopened(s: ReplayState, at: number): void {
  s.resolved = false;
  const r = s.cycles.resolution.at(-1);
  if (!s.started) return;
  if (s.reopen === 'resume' && r && !r.canceled) {
    r.segments.push([at, Infinity]);
    r.stop = null;
  } else {
    open(s, 'resolution', at);
  }
  open(s, 'periodic_update', at);
}

function apply(s: ReplayState, e: TicketEvent): void {
  switch (e.type) {
    case 'status':
      setStatus(s, e.status, e.at);
      break;
    case 'priority':
      if (e.priority !== s.priority) {
        s.priority = e.priority;
        s.priorities.push({ at: e.at, priority: s.priority });
      }
      break;
    case 'assigned':
      if (!s.started && !s.resolved) {
        s.started = true;
        begin(s, e.at);
      }
      break;
    case 'agent_response':
      if (!s.started) break;
      if (!s.responded) {
        s.responded = true;
        close(s, 'first_response', e.at);
      }
      close(s, 'next_response', e.at);
      if (current(s, 'periodic_update')) {
        close(s, 'periodic_update', e.at);
        if (!s.resolved) open(s, 'periodic_update', e.at);
      }
      break;
    case 'customer_reply':
      if (s.started && s.responded && !s.resolved && !current(s, 'next_response')) open(s, 'next_response', e.at);
      break;
    case 'resolved':
      if (!s.resolved) setStatus(s, 'resolved', e.at);
      break;
    case 'reopened':
      if (s.resolved) setStatus(s, 'open', e.at);
      break;
  }
}

/** The parts of `span` outside every pause. */
export function withoutPauses(span: Span, pauses: readonly Span[]): Span[] {
  let parts: Span[] = [span];
  for (const [ps, pe] of pauses) {
    if (pe <= span[0] || ps >= span[1]) continue;
    const next: Span[] = [];
    for (const [a, b] of parts) {
      if (pe <= a || ps >= b) {
        next.push([a, b]);
        continue;
      }
      if (ps > a) next.push([a, ps]);
      if (pe < b) next.push([pe, b]);
    }
    parts = next;
  }
  return parts;
}
