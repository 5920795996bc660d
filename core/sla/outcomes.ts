// What a report keeps of a ticket's clocks under one policy: per metric its outcome and four numbers. evaluateSla
// builds the whole clock a panel shows (cycles, warnings, breach forecasts), which costs microseconds a ticket; a
// report of a million tickets from an export without status history needs only these numbers, and simpleOutcomes
// computes them for such tickets with no clock, cycle or timeline object. test/core/sla-outcomes-property.test.ts
// holds the two equal.
import type { BusinessCalendar } from '../calendar/index.ts';
import type { Duration, Engagement, Metric } from '../engagement/types.ts';
import { METRICS } from '../engagement/vocabulary.ts';
import { businessTarget, calendarOf } from './evaluate.ts';
import type { MetricClock, SlaEvaluation, TicketEvent, TicketTimeline } from './types.ts';

/** 'none': the clock never started by now (a next response when the customer never replied). */
export type Outcome = 'met' | 'breached' | 'open' | 'canceled' | 'none';

export interface MetricOutcome {
  metric: Metric;
  outcome: Outcome;
  /** Business ms counted over every cycle. */
  business: number;
  /** The last cycle's stop; null while it runs or when the clock never started. */
  stop: number | null;
  /** The largest elapsed − target of a cycle; -Infinity without cycles. */
  over: number;
  /** When the first breached cycle crossed its target. */
  breachedAt: number | null;
}

/** A metric's outcome for attainment: a breach in any cycle is a breach; met when the last cycle was met. */
export function outcomeOf(m: MetricClock): Outcome {
  if (m.cycles.length === 0) return 'none';
  for (const c of m.cycles) if (c.state === 'breached') return 'breached';
  if (m.state === 'met') return 'met';
  if (m.state === 'canceled') return 'canceled';
  return 'open';
}

export function outcomesOf(ev: SlaEvaluation): MetricOutcome[] {
  return ev.metrics.map((m): MetricOutcome => {
    let business = 0;
    let over = -Infinity;
    let breachedAt: number | null = null;
    for (const c of m.cycles) {
      business += c.elapsed;
      over = Math.max(over, c.elapsed - c.target);
      if (breachedAt === null) breachedAt = c.breachedAt;
    }
    return { metric: m.metric, outcome: outcomeOf(m), business, stop: m.cycles.at(-1)?.stop ?? null, over, breachedAt };
  });
}

/**
 * A ticket whose only events are an assignment, a first agent response and its end (resolved, closed or
 * canceled): what an export without status history says of a ticket. Absent times are undefined.
 */
export interface SimpleTicket {
  createdAt: number;
  priority: string;
  assigned: number | undefined;
  response: number | undefined;
  end: number | undefined;
  endStatus: 'resolved' | 'closed' | 'canceled';
}

/** The timeline a simple ticket stands for; simultaneous events keep the order assignment, response, end. */
export function simpleTimeline(t: SimpleTicket): TicketTimeline {
  const events: TicketEvent[] = [];
  if (t.assigned !== undefined) events.push({ at: t.assigned, type: 'assigned' });
  if (t.response !== undefined) events.push({ at: t.response, type: 'agent_response' });
  if (t.end !== undefined) events.push({ at: t.end, type: 'status', status: t.endStatus });
  for (let i = 1; i < events.length; i++) {
    if (!(events[i - 1]!.at <= events[i]!.at)) {
      events.sort((a, b) => a.at - b.at);
      break;
    }
  }
  return { createdAt: t.createdAt, priority: t.priority, events };
}

const FR = 0;
const NR = 1;
const PU = 2;
const RES = 3;
// Scratch for one call: at most two cycles a metric (periodic updates restart once, at the response).
const starts = new Float64Array(8);
const stops = new Float64Array(8);
const canceled = new Uint8Array(8);
const counts = new Uint8Array(4);
const order = [0, 0, 0];
const times = [0, 0, 0];

interface PlanMetric {
  index: number;
  metric: Metric;
  duration: Duration;
  /** The target in ms when it is a fixed duration; -1 when it is counted in business days. */
  fixed: number;
  /**
   * Business-day targets in ms by the opening their count starts from: every ticket opened while the calendar is
   * closed counts from the same next opening, and the target takes two calendar walks to work out. A direct-mapped
   * table of numbers: a Map keyed by instants hashes heap numbers (instants are no small integers), and its lookup
   * was the costliest line of the clocks in a profile of the report.
   */
  openings: Float64Array | null;
  targets: Float64Array | null;
}

const TARGET_BITS = 10;
const TARGET_MEMO = 1 << TARGET_BITS;

/** What simpleOutcomes needs of a policy's target for one priority, worked out once per report. */
export interface SimplePlan {
  /** null when the policy has no target for the priority (then no clocks). */
  cal: BusinessCalendar | null;
  startCreated: boolean;
  /** The policy times periodic updates (which restart at the response): then the events are replayed. */
  periodic: boolean;
  /** The policy pauses on new, or on these end statuses: then simpleOutcomes declines. */
  pausesOnNew: boolean;
  pausesOnEnd: { resolved: boolean; closed: boolean; canceled: boolean };
  /** The metrics with a target, in METRICS order: their index there and duration. */
  metrics: PlanMetric[];
  /** Reused for each result: a caller reads it before the next call with the same plan. */
  out: MetricOutcome[];
}

export function simplePlan(engagement: Engagement, policyId: string, priority: string): SimplePlan {
  const policy = engagement.sla[policyId];
  if (!policy) throw new Error(`no SLA policy '${policyId}' in engagement '${engagement.engagement.id}'`);
  const target = policy.targets[priority];
  const metrics: SimplePlan['metrics'] = [];
  if (target) METRICS.forEach((metric, index) => {
    const duration = target.metrics[metric];
    if (duration) {
      const fixed = 'ms' in duration ? duration.ms : -1;
      metrics.push({ index, metric, duration, fixed, openings: null, targets: null });
    }
  });
  return {
    cal: target ? calendarOf(engagement, target.calendar) : null,
    startCreated: policy.start === 'created',
    periodic: metrics.some((m) => m.metric === 'periodic_update'),
    pausesOnNew: policy.pauseWhen.includes('new'),
    pausesOnEnd: { resolved: policy.pauseWhen.includes('resolved'), closed: policy.pauseWhen.includes('closed'), canceled: policy.pauseWhen.includes('canceled') },
    metrics,
    out: metrics.map(({ metric }) => ({ metric, outcome: 'none', business: 0, stop: null, over: -Infinity, breachedAt: null })),
  };
}

/**
 * evaluateSla's outcomes for a simple ticket, in the order of its metrics; null when the policy pauses on the
 * ticket's first or last status (then only a replay tells), or a time is not a number.
 */
export function simpleOutcomes(engagement: Engagement, policyId: string, t: SimpleTicket, now: number): MetricOutcome[] | null {
  return simpleOutcomesWith(simplePlan(engagement, policyId, t.priority), t, now)?.map((o) => ({ ...o })) ?? null;
}

/** simpleOutcomes with the plan for the ticket's policy and priority; the result is the plan's reused array. */
export function simpleOutcomesWith(plan: SimplePlan, t: SimpleTicket, now: number): MetricOutcome[] | null {
  const { cal } = plan;
  if (cal === null) return plan.out;
  const { createdAt, assigned, response, end } = t;
  if (plan.pausesOnNew || (end !== undefined && pausesAtEnd(plan, t.endStatus))) return null;
  if (Number.isNaN(createdAt) || Number.isNaN(assigned) || Number.isNaN(response) || Number.isNaN(end)) return null;

  counts[0] = counts[1] = counts[2] = counts[3] = 0;
  if (plan.periodic) replaySimple(plan, t, now);
  else {
    // Without periodic updates the replay has a closed form (the property test holds it to the replay): both
    // clocks start at creation or at the assignment, unless the ticket ended first; the first response stops at
    // the response, or at the end when that comes first (then canceled with it); the resolution at the end.
    const a = within(assigned, createdAt, now);
    const r = within(response, createdAt, now);
    const d = within(end, createdAt, now);
    const start = plan.startCreated ? createdAt : !(d < a) ? a : NaN;
    if (!Number.isNaN(start)) {
      const cancel = !Number.isNaN(d) && t.endStatus === 'canceled';
      const byResponse = r >= start && !(d < r);
      counts[FR] = 1;
      starts[FR * 2] = start;
      stops[FR * 2] = byResponse ? r : d;
      canceled[FR * 2] = !byResponse && cancel ? 1 : 0;
      counts[RES] = 1;
      starts[RES * 2] = start;
      stops[RES * 2] = d;
      canceled[RES * 2] = cancel ? 1 : 0;
    }
  }

  const { metrics, out } = plan;
  for (let j = 0; j < metrics.length; j++) {
    const pm = metrics[j]!;
    const m = pm.index;
    let business = 0;
    let over = -Infinity;
    let breachedAt: number | null = null;
    let breached = false;
    let last: Outcome = 'none';
    let stop: number | null = null;
    for (let k = 0; k < counts[m]!; k++) {
      const start = starts[m * 2 + k]!;
      if (start > now) continue;
      const s = stops[m * 2 + k]!;
      const stopped = !Number.isNaN(s) && s <= now;
      const ms = pm.fixed >= 0 ? pm.fixed : dayTarget(pm, cal, start);
      const until = stopped ? s : now;
      const elapsed = until > start ? cal.elapsed(start, until) : 0;
      const isOver = elapsed > ms;
      business += elapsed;
      if (elapsed - ms > over) over = elapsed - ms;
      if (isOver) breachedAt ??= cal.add(start, ms);
      // A canceled cycle is canceled even past its target, as evaluateSla's cycle state says.
      last = canceled[m * 2 + k] && stopped ? 'canceled' : isOver ? 'breached' : stopped ? 'met' : 'open';
      if (last === 'breached') breached = true;
      stop = stopped ? s : null;
    }
    const o = out[j]!;
    o.outcome = breached ? 'breached' : last;
    o.business = business;
    o.stop = stop;
    o.over = over;
    o.breachedAt = breachedAt;
  }
  return out;
}

// A switch of named loads, not a Set of strings: this runs for every clock of the report.
function pausesAtEnd(plan: SimplePlan, status: SimpleTicket['endStatus']): boolean {
  switch (status) {
    case 'resolved': return plan.pausesOnEnd.resolved;
    case 'closed': return plan.pausesOnEnd.closed;
    default: return plan.pausesOnEnd.canceled;
  }
}

function dayTarget(pm: PlanMetric, cal: BusinessCalendar, start: number): number {
  const from = cal.add(start, 0);
  // Only openings are remembered: a ticket opened inside business hours counts from its own instant, one no other
  // ticket is likely to share, and remembering those would only evict the openings.
  if (from === start) return businessTarget(cal, pm.duration, from);
  // Openings are whole minutes apart; the multiplier spreads a day's same opening over the slots.
  const slot = Math.imul(Math.floor(from / 60_000), 0x9e3779b1) >>> (32 - TARGET_BITS);
  const openings = (pm.openings ??= new Float64Array(TARGET_MEMO).fill(NaN));
  const targets = (pm.targets ??= new Float64Array(TARGET_MEMO));
  if (openings[slot] === from) return targets[slot]!;
  const ms = businessTarget(cal, pm.duration, from);
  openings[slot] = from;
  targets[slot] = ms;
  return ms;
}

/** An event's time when the replay keeps it (from creation to now), else NaN. */
function within(at: number | undefined, from: number, to: number): number {
  return at !== undefined && at >= from && at <= to ? at : NaN;
}

/** The replay of a simple ticket's events into the scratch cycles, for a policy that times periodic updates. */
function replaySimple(plan: SimplePlan, t: SimpleTicket, now: number): void {
  const { createdAt, assigned, response, end } = t;
  // The events replay drops (before creation, after now) are left out; the rest in time order, ties as listed.
  let n = 0;
  if (assigned !== undefined && assigned >= createdAt && assigned <= now) push(n++, 0, assigned);
  if (response !== undefined && response >= createdAt && response <= now) push(n++, 1, response);
  if (end !== undefined && end >= createdAt && end <= now) push(n++, 2, end);
  let started = plan.startCreated;
  let resolved = false;
  let responded = false;
  if (started) begin(createdAt);
  for (let i = 0; i < n; i++) {
    const at = times[i]!;
    const kind = order[i]!;
    if (kind === 0) {
      if (!started && !resolved) {
        started = true;
        begin(at);
      }
    } else if (kind === 1) {
      if (!started) continue;
      if (!responded) {
        responded = true;
        close(FR, at, false);
      }
      if (running(PU)) {
        close(PU, at, false);
        if (!resolved) open(PU, at);
      }
    } else if (!resolved) {
      resolved = true;
      const cancel = t.endStatus === 'canceled';
      close(FR, at, cancel);
      close(NR, at, cancel);
      close(PU, at, cancel);
      close(RES, at, cancel);
    }
  }
}

/** Inserts event i by time, after the events at the same time (their kinds come earlier). */
function push(i: number, kind: number, at: number): void {
  let j = i;
  while (j > 0 && times[j - 1]! > at) {
    times[j] = times[j - 1]!;
    order[j] = order[j - 1]!;
    j--;
  }
  times[j] = at;
  order[j] = kind;
}

function begin(at: number): void {
  open(FR, at);
  open(RES, at);
  open(PU, at);
}

function open(m: number, at: number): void {
  const k = m * 2 + counts[m]!++;
  starts[k] = at;
  stops[k] = NaN;
  canceled[k] = 0;
}

function running(m: number): boolean {
  return counts[m]! > 0 && Number.isNaN(stops[m * 2 + counts[m]! - 1]!);
}

function close(m: number, at: number, cancel: boolean): void {
  if (!running(m)) return;
  const k = m * 2 + counts[m]! - 1;
  stops[k] = at;
  if (cancel) canceled[k] = 1;
}
