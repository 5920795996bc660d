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

export function replay(t: TicketTimeline, pauseWhen: readonly Status[], start: 'created' | 'assigned', reopen: 'resume' | 'new_cycle'): RawTicket {
  const events = [...t.events].filter((e) => e.at >= t.createdAt).sort((a, b) => a.at - b.at);
  const pausing = new Set(pauseWhen);
  let status: Status = t.status ?? 'new';
  let priority = t.priority;
  const priorities = [{ at: t.createdAt, priority }];
  const pauses: Span[] = [];
  let pausedSince: number | null = pausing.has(status) ? t.createdAt : null;
  const cycles: Record<Metric, RawCycle[]> = { first_response: [], next_response: [], periodic_update: [], resolution: [] };
  let resolved = DONE.has(status);
  let responded = false;

  const open = (metric: Metric, at: number) => cycles[metric].push({ start: at, segments: [[at, Infinity]], stop: null, canceled: false });
  const current = (metric: Metric) => {
    const c = cycles[metric].at(-1);
    return c && c.stop === null && c.segments.at(-1)![1] === Infinity ? c : undefined;
  };
  const close = (metric: Metric, at: number, opts: { canceled?: boolean } = {}) => {
    const c = current(metric);
    if (!c) return;
    c.segments.at(-1)![1] = at;
    c.stop = at;
    if (opts.canceled) c.canceled = true;
  };
  const begin = (at: number) => {
    open('first_response', at);
    open('resolution', at);
    open('periodic_update', at);
  };
  if (start === 'created' && !resolved) begin(t.createdAt);
  let started = start === 'created';

  const setStatus = (next: Status, at: number) => {
    if (pausing.has(next) && pausedSince === null) pausedSince = at;
    if (!pausing.has(next) && pausedSince !== null) {
      if (at > pausedSince) pauses.push([pausedSince, at]);
      pausedSince = null;
    }
    if (DONE.has(next) && !resolved) onResolved(at, next === 'canceled');
    else if (!DONE.has(next) && resolved) onReopened(at);
    status = next;
  };
  // Resolving ends every running clock (a first response never given is judged at that moment); a reopen resumes
  // the resolution clock or starts a new cycle, as the policy says.
  const onResolved = (at: number, canceled: boolean) => {
    resolved = true;
    for (const metric of Object.keys(cycles) as Metric[]) close(metric, at, { canceled });
  };
  const onReopened = (at: number) => {
    resolved = false;
    const r = cycles.resolution.at(-1);
    if (!started) return;
    if (reopen === 'resume' && r && !r.canceled) {
      r.segments.push([at, Infinity]);
      r.stop = null;
    } else {
      open('resolution', at);
    }
    open('periodic_update', at);
  };

  for (const e of events) apply(e);
  if (pausedSince !== null) pauses.push([pausedSince, Infinity]);
  return { status, priority, priorities, pauses, cycles };

  function apply(e: TicketEvent): void {
    switch (e.type) {
      case 'status':
        setStatus(e.status, e.at);
        break;
      case 'priority':
        if (e.priority !== priority) {
          priority = e.priority;
          priorities.push({ at: e.at, priority });
        }
        break;
      case 'assigned':
        if (!started && !resolved) {
          started = true;
          begin(e.at);
        }
        break;
      case 'agent_response':
        if (!started) break;
        if (!responded) {
          responded = true;
          close('first_response', e.at);
        }
        close('next_response', e.at);
        if (current('periodic_update')) {
          close('periodic_update', e.at);
          if (!resolved) open('periodic_update', e.at);
        }
        break;
      case 'customer_reply':
        if (started && responded && !resolved && !current('next_response')) open('next_response', e.at);
        break;
      case 'resolved':
        if (!resolved) setStatus('resolved', e.at);
        break;
      case 'reopened':
        if (resolved) setStatus('open', e.at);
        break;
    }
  }
}

/** The parts of `span` outside every pause. */
export function withoutPauses(span: Span, pauses: readonly Span[]): Span[] {
  let parts: Span[] = [span];
  for (const [ps, pe] of pauses) {
    if (pe <= span[0] || ps >= span[1]) continue;
    parts = parts.flatMap(([a, b]): Span[] => {
      if (pe <= a || ps >= b) return [[a, b]];
      const out: Span[] = [];
      if (ps > a) out.push([a, ps]);
      if (pe < b) out.push([pe, b]);
      return out;
    });
  }
  return parts;
}
