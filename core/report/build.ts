// buildReport: every ticket of the export through the engagement's routing and SLA clocks, folded into KPIs per
// priority × month of creation and per policy. Per ticket only numbers stay (durations in typed arrays, counters,
// the breach and disagreement lists up to listLimit), so memory grows with the buckets, not with the records.
import { calendarOf, evaluateSla, policiesFor } from '../sla/evaluate.ts';
import { outcomesOf, simpleOutcomesWith, simplePlan, simpleTimeline, type SimplePlan, type SimpleTicket } from '../sla/outcomes.ts';
import { ZoneTable } from '../calendar/zone.ts';
import type { Engagement, Metric } from '../engagement/types.ts';
import { Canon, findMapping } from './canon.ts';
import { DEFINITIONS } from './definitions.ts';
import { SeenIds } from './ids.ts';
import { RECORD_BATCHES } from './reader.ts';
import { Values, statsOf } from './stats.ts';
import { buildTimeline, endAt, simpleTicketOf, type Built } from './timeline.ts';
import {
  AGE_BUCKETS, type BacklogKpi, type Breach, type ClockOutcome, type Disagreement, type MetricKpi, type PolicyKpi,
  type Report, type ReportOptions, type ReportProblem, type TicketKpi, type TicketRecord,
} from './types.ts';

const HOUR = 3_600_000;
const METRIC_ORDER: Metric[] = ['first_response', 'next_response', 'periodic_update', 'resolution'];
const BUCKET_LIMITS = [10, 20, 30, 60, 90];

interface MetricAcc {
  met: number;
  breached: number;
  open: number;
  canceled: number;
  business: Values;
  calendar: Values;
}
interface PolicyAcc {
  tickets: number;
  metrics: Map<Metric, MetricAcc>;
}
/** A calendar month of the engagement's zone: its key ('2026-03') and its number in order of first sight. */
interface Month {
  key: string;
  index: number;
}
/** The tickets of one (activity, priority): the policies covering them and their accumulators by month number. */
interface Lane {
  policies: Array<{ id: string; plan: SimplePlan; sla: boolean; months: PolicySlot[] }>;
  tickets: TicketAcc[];
}
interface PolicySlot {
  p: PolicyAcc;
  metrics: Array<{ metric: Metric; acc: MetricAcc }>;
}
interface TicketAcc {
  tickets: number;
  resolved: number;
  reopened: number;
  fcr: number;
  firstResponse: Values;
  resolution: Values;
}
interface BacklogAcc {
  count: number;
  buckets: number[];
  oldest: number | null;
}

export async function buildReport(engagement: Engagement, records: AsyncIterable<TicketRecord> | Iterable<TicketRecord>, options: ReportOptions): Promise<Report> {
  const mapping = findMapping(engagement, options.helpdesk, options.helpdeskType);
  const canon = new Canon(mapping);
  const zone = new ZoneTable(engagement.engagement.timeZone);
  const { now } = options;
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const backlogAt = Math.min(now, to);
  const limit = options.listLimit ?? 5000;
  const allowed = mapping.sla;
  // The reading's problems fill while the records stream, so they are joined at the end.
  const problems: ReportProblem[] = [];
  let problemCount = 0;
  const problem = (p: ReportProblem) => {
    problemCount++;
    if (problems.length < limit) problems.push(p);
  };
  const counts = { records: 0, inPeriod: 0, outOfPeriod: 0, unrouted: 0, noPriority: 0, problems: 0 };
  let afterNow = 0;
  const seen = new SeenIds();
  let repeats = 0;
  const tickets = new Map<string, TicketAcc>();
  const policies = new Map<string, PolicyAcc>();
  const backlog = new Map<string, BacklogAcc>();
  const breaches: Breach[] = [];
  let breachTotal = 0;
  const disagreements: Disagreement[] = [];
  let disagreementTotal = 0;
  // Accumulators are shared by every activity (per priority × month, per policy × priority × month) and live in
  // nested maps of the mapping's own strings. A ticket reaches them through its lane, the (activity, priority) entry,
  // which holds them in arrays by month number, so that a ticket pays no Map lookup per accumulator.
  const lanes = new Map<string | undefined, Map<string, Lane>>();
  const ticketIndex = new Map<string, Map<string, TicketAcc>>();
  const policyIndex = new Map<string, Map<string, Map<string, PolicyAcc>>>();
  const monthsByDay = new Map<number, Month>();
  const monthsByKey = new Map<string, Month>();

  const monthOf = (at: number): Month => {
    const day = zone.localDay(at);
    let m = monthsByDay.get(day);
    if (m === undefined) {
      const d = new Date(day * 86_400_000);
      const key = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      m = monthsByKey.get(key);
      if (!m) monthsByKey.set(key, (m = { key, index: monthsByKey.size }));
      monthsByDay.set(day, m);
    }
    return m;
  };

  const laneOf = (activity: string | undefined, priority: string): Lane => {
    let byPriority = lanes.get(activity);
    if (!byPriority) lanes.set(activity, (byPriority = new Map()));
    let lane = byPriority.get(priority);
    if (!lane) {
      const chosen = policiesFor(engagement, priority, activity).filter((id) => allowed === undefined || allowed.includes(id));
      lane = {
        policies: chosen.map((id) => ({ id, plan: simplePlan(engagement, id, priority), sla: engagement.sla[id]!.kind === 'SLA', months: [] })),
        tickets: [],
      };
      byPriority.set(priority, lane);
    }
    return lane;
  };

  const ticketAcc = (priority: string, month: string): TicketAcc => {
    let byMonth = ticketIndex.get(priority);
    if (!byMonth) ticketIndex.set(priority, (byMonth = new Map()));
    let t = byMonth.get(month);
    if (!t) {
      t = { tickets: 0, resolved: 0, reopened: 0, fcr: 0, firstResponse: new Values(), resolution: new Values() };
      byMonth.set(month, t);
      tickets.set(`${priority}|${month}`, t);
    }
    return t;
  };

  // The simple ticket of the record being taken: read before the next record, so one object serves them all.
  const scratch = simpleTicketOf({ id: '', file: '', row: 0, created: 0 }, canon, '');

  // One ticket into the accumulators; a function so that a reading's whole batches can be looped over synchronously.
  const take = (r: TicketRecord): void => {
    const first = seen.add(r.id, r.row);
    if (first !== 0) {
      repeats++;
      problem({ severity: 'warning', code: 'repeated-id', message: `ticket '${r.id}' was already read at row ${first}: this row is left out`, file: r.file, row: r.row });
      return;
    }
    counts.records++;
    const route = canon.route(r);
    if (!route.ok) {
      counts.unrouted++;
      return;
    }
    // Without history a ticket is a SimpleTicket, timed by simpleOutcomes without building its timeline.
    const plain = r.history === undefined || r.history.length === 0;
    const built = plain ? null : buildTimeline(r, canon, now);
    let priority: string | null;
    if (built) {
      for (const u of built.unmapped) problem({ severity: 'warning', code: 'unmapped', message: `${u} is not mapped by ${mapping.id}`, file: r.file, row: r.row });
      priority = built.priority;
    } else {
      priority = canon.priority(r.priority);
      if (r.priority !== undefined && priority === null) problem({ severity: 'warning', code: 'unmapped', message: `priority '${r.priority}' is not mapped by ${mapping.id}`, file: r.file, row: r.row });
      if (r.status !== undefined) statusProblem(r);
    }
    if (priority === null) {
      counts.noPriority++;
      return;
    }
    const simple = built ? null : simpleTicketOf(r, canon, priority, scratch);
    const lane = laneOf(route.activity, priority);
    const covering = lane.policies;
    // A ticket created after the evaluation instant does not exist yet at it.
    const inPeriod = r.created >= from && r.created < to && r.created <= now;
    if (r.created > now && r.created >= from && r.created < to) afterNow++;

    // The backlog is a snapshot of every ticket open at that instant, whatever its creation date (`to` itself is
    // the first instant after the period).
    if (r.created <= backlogAt && r.created < to && !isDone(simple, built, backlogAt)) {
      for (const id of covering.length > 0 ? covering.map((c) => c.id) : ['']) {
        const target = id === '' ? undefined : engagement.sla[id]!.targets[priority];
        const age = target ? calendarOf(engagement, target.calendar).elapsed(r.created, backlogAt) : backlogAt - r.created;
        const bkey = `${id}|${priority}`;
        let b = backlog.get(bkey);
        if (!b) backlog.set(bkey, (b = { count: 0, buckets: AGE_BUCKETS.map(() => 0), oldest: null }));
        b.count++;
        const hours = age / HOUR;
        let k = 0;
        while (k < BUCKET_LIMITS.length && !(hours < BUCKET_LIMITS[k]! + 1)) k++;
        b.buckets[k]!++;
        b.oldest = b.oldest === null ? age : Math.max(b.oldest, age);
      }
    }
    if (!inPeriod) {
      counts.outOfPeriod++;
      return;
    }
    counts.inPeriod++;
    const monthSlot = monthOf(r.created);
    const month = monthSlot.key;
    const mi = monthSlot.index;

    if (options.onTicket) {
      const timeline = built?.timeline ?? simpleTimeline(simple!);
      const evaluations = covering.map(({ id }) => evaluateSla(engagement, id, timeline, now));
      options.onTicket({ id: r.id, priority, activity: route.activity, timeline, evaluations });
    }

    // Ticket KPIs (policy-independent).
    const t = (lane.tickets[mi] ??= ticketAcc(priority, month));
    t.tickets++;
    const firstDoneAt = built ? built.firstDone : r.firstResolved ?? simple!.end ?? null;
    const firstDone = firstDoneAt !== null && firstDoneAt <= now ? firstDoneAt : null;
    // Since when the ticket has been done at now (its last resolution), and whether it ended canceled.
    let lastDone: number | null = null;
    let canceledNow = false;
    if (built) {
      const end = endAt(built.timeline, now);
      if (end) {
        lastDone = end.since;
        canceledNow = end.status === 'canceled';
      }
    } else if (simple!.end !== undefined && simple!.end <= now) {
      lastDone = simple!.end;
      canceledNow = simple!.endStatus === 'canceled';
    }
    const doneNow = lastDone !== null;
    const reopens = r.reopens ?? built?.reopens ?? 0;
    // A canceled ticket (a duplicate, spam, withdrawn) was not resolved: it counts as a ticket, not in the rates.
    if (firstDone !== null && !canceledNow) {
      t.resolved++;
      if (reopens > 0) t.reopened++;
      const assignees = r.assignees ?? built?.assignees ?? 1;
      const groups = r.groups ?? built?.groups ?? 1;
      if (doneNow && reopens === 0 && assignees <= 1 && groups <= 1) t.fcr++;
    }
    if (r.firstResponse !== undefined && r.firstResponse <= now && r.firstResponse >= r.created) t.firstResponse.push(r.firstResponse - r.created);
    if (lastDone !== null && !canceledNow && lastDone >= r.created) t.resolution.push(lastDone - r.created);

    // Policy KPIs.
    for (const c of covering) {
      const { id, plan, sla } = c;
      const outcomes = (simple && simpleOutcomesWith(plan, simple, now)) || outcomesOf(evaluateSla(engagement, id, (built ?? buildTimeline(r, canon)).timeline, now));
      // The (policy, priority, month) accumulator, found once per month through this (activity, priority, policy)
      // entry; its metric accumulators in the order of the plan's metrics, which is the order of the outcomes.
      const slot = (c.months[mi] ??= policySlot(id, priority, month, plan));
      slot.p.tickets++;
      for (let j = 0; j < outcomes.length; j++) {
        const m = outcomes[j]!;
        const known = slot.metrics[j];
        const acc = known?.metric === m.metric ? known.acc : metricAcc(slot.p, m.metric);
        const outcome = r.excluded ? 'canceled' : m.outcome;
        // A switch, not acc[outcome]++: a property named by a variable is a slow lookup, and this runs per clock.
        switch (outcome) {
          case 'met': acc.met++; break;
          case 'breached': acc.breached++; break;
          case 'open': acc.open++; break;
          case 'canceled': acc.canceled++; break;
          default: // 'none': the clock never started (a next response with no customer reply), so nothing to count.
        }
        if ((outcome === 'met' || outcome === 'breached') && m.stop !== null) {
          acc.business.push(m.business);
          acc.calendar.push(m.stop - r.created);
        }
        if (outcome === 'breached') {
          breachTotal++;
          if (breaches.length < limit) breaches.push({ ticket: r.id, policy: id, metric: m.metric, priority, month, by: m.over, breachedAt: m.breachedAt });
        }
      }
      if (sla && r.helpdeskSla && !r.excluded) {
        for (const h of r.helpdeskSla) {
          const clock = outcomes.find((m) => m.metric === h.metric);
          const ours: ClockOutcome = clock ? clock.outcome : 'none';
          const stop = clock?.stop ?? null;
          const theirs = h.breached ?? (h.dueAt === undefined ? undefined : (stop ?? now) > h.dueAt);
          if (theirs === undefined || ours === 'none' || ours === 'canceled') continue;
          const word = theirs ? 'breached' : 'met';
          // A clock still running within target agrees with a helpdesk that has not (yet) called it breached.
          if (ours !== word && !(ours === 'open' && word === 'met')) {
            disagreementTotal++;
            if (disagreements.length < limit) disagreements.push({ ticket: r.id, policy: id, metric: h.metric, priority, ours, theirs: word });
          }
        }
      }
    }
  };

  // Without history a record's status only decides canceled or not at its end: say when it cannot be read, or when
  // it says done and no end time says when (the clocks then run on).
  function statusProblem(r: TicketRecord): void {
    const status = canon.status(r.status);
    if (status === null) problem({ severity: 'warning', code: 'unmapped', message: `status '${r.status}' is not mapped by ${mapping.id}`, file: r.file, row: r.row });
    else if ((status === 'resolved' || status === 'closed' || status === 'canceled') && r.resolved === undefined && r.closed === undefined) {
      problem({ severity: 'warning', code: 'no-end-time', message: `status '${r.status}' says the ticket is ${status}, but the row gives no resolved or closed time: its clocks are timed as still running`, file: r.file, row: r.row });
    }
  }

  function policySlot(id: string, priority: string, month: string, plan: SimplePlan): PolicySlot {
    let ofPolicy = policyIndex.get(id);
    if (!ofPolicy) policyIndex.set(id, (ofPolicy = new Map()));
    let ofPriority = ofPolicy.get(priority);
    if (!ofPriority) ofPolicy.set(priority, (ofPriority = new Map()));
    let p = ofPriority.get(month);
    if (!p) {
      p = { tickets: 0, metrics: new Map() };
      ofPriority.set(month, p);
      policies.set(`${id}|${priority}|${month}`, p);
    }
    return { p, metrics: plan.metrics.map(({ metric }) => ({ metric, acc: metricAcc(p, metric) })) };
  }

  const batches = (records as { [RECORD_BATCHES]?: () => AsyncIterable<TicketRecord[]> })[RECORD_BATCHES];
  if (typeof batches === 'function') {
    for await (const batch of batches.call(records)) for (let i = 0; i < batch.length; i++) take(batch[i]!);
  } else {
    for await (const r of records) take(r);
  }
  problemCount += options.reading?.stats.problems ?? options.reading?.problems.length ?? 0;
  problems.unshift(...(options.reading?.problems ?? []).slice(0, limit));
  problems.length = Math.min(problems.length, limit);
  counts.problems = problemCount;
  const notes = [...(options.reading?.notes ?? [])];
  if (counts.unrouted > 0) notes.push(`${ticketCount(counts.unrouted)} ${counts.unrouted === 1 ? 'is' : 'are'} not this engagement's (the ${mapping.id} mapping's match conditions leave ${counts.unrouted === 1 ? 'it' : 'them'} out)`);
  if (repeats > 0) notes.push(`${repeats} row${repeats === 1 ? '' : 's'} repeated a ticket id read before and ${repeats === 1 ? 'was' : 'were'} left out (overlapping exports in one file?): the first row of each ticket counts`);
  if (afterNow > 0) notes.push(`${ticketCount(afterNow)} ${afterNow === 1 ? 'was' : 'were'} created after the evaluation instant (${new Date(now).toISOString()}) and ${afterNow === 1 ? 'is' : 'are'} left out`);
  if (counts.noPriority > 0) notes.push(`${ticketCount(counts.noPriority)} ${counts.noPriority === 1 ? 'has' : 'have'} no priority the ${mapping.id} mapping knows, so no SLA applies to ${counts.noPriority === 1 ? 'it' : 'them'}`);
  return {
    engagement: { id: engagement.engagement.id, title: engagement.engagement.title, timeZone: engagement.engagement.timeZone },
    helpdesk: mapping.id,
    period: { from: options.from ?? null, to: options.to ?? null },
    now,
    backlogAt,
    counts,
    tickets: ticketRows(tickets, engagement),
    policies: policyRows(policies, engagement),
    backlog: [...backlog.entries()].map(([k, b]): BacklogKpi => {
      const [policy, priority] = k.split('|') as [string, string];
      return { policy, priority, count: b.count, buckets: b.buckets, oldest: b.oldest };
    }).sort((a, b) => a.policy.localeCompare(b.policy) || rank(engagement, a.priority) - rank(engagement, b.priority)),
    breaches: { total: breachTotal, listed: breaches },
    disagreements: { total: disagreementTotal, listed: disagreements },
    problems: { total: problemCount, listed: problems },
    notes,
    definitions: DEFINITIONS,
  };
}

const ticketCount = (n: number) => `${n} ticket${n === 1 ? '' : 's'}`;

function metricAcc(p: PolicyAcc, metric: Metric): MetricAcc {
  let acc = p.metrics.get(metric);
  if (!acc) p.metrics.set(metric, (acc = { met: 0, breached: 0, open: 0, canceled: 0, business: new Values(), calendar: new Values() }));
  return acc;
}

/** Whether the ticket is resolved, closed or canceled at `at`: a simple ticket is from its end on. */
function isDone(simple: SimpleTicket | null, built: Built | null, at: number): boolean {
  return simple ? simple.end !== undefined && simple.end <= at : endAt(built!.timeline, at) !== null;
}

function rank(engagement: Engagement, priority: string): number {
  return engagement.priorities[priority]?.rank ?? Number.MAX_SAFE_INTEGER;
}

function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}

function ticketRows(acc: Map<string, TicketAcc>, engagement: Engagement): TicketKpi[] {
  const all = new Map<string, TicketAcc>();
  for (const [k, t] of acc) {
    const priority = k.split('|')[0]!;
    let a = all.get(priority);
    if (!a) all.set(priority, (a = { tickets: 0, resolved: 0, reopened: 0, fcr: 0, firstResponse: new Values(), resolution: new Values() }));
    a.tickets += t.tickets;
    a.resolved += t.resolved;
    a.reopened += t.reopened;
    a.fcr += t.fcr;
    a.firstResponse.append(t.firstResponse);
    a.resolution.append(t.resolution);
  }
  const row = (priority: string, month: string, t: TicketAcc): TicketKpi => ({
    priority, month, tickets: t.tickets, resolved: t.resolved, reopened: t.reopened, reopenRate: ratio(t.reopened, t.resolved),
    fcr: t.fcr, fcrRate: ratio(t.fcr, t.resolved), firstResponse: statsOf(t.firstResponse), resolution: statsOf(t.resolution),
  });
  const rows = [...acc].map(([k, t]) => {
    const [priority, month] = k.split('|') as [string, string];
    return row(priority, month, t);
  });
  for (const [priority, t] of all) rows.push(row(priority, 'all', t));
  return rows.sort((a, b) => rank(engagement, a.priority) - rank(engagement, b.priority) || monthOrder(a.month, b.month));
}

function policyRows(acc: Map<string, PolicyAcc>, engagement: Engagement): PolicyKpi[] {
  const all = new Map<string, PolicyAcc>();
  for (const [k, p] of acc) {
    const [policy, priority] = k.split('|') as [string, string];
    const akey = `${policy}|${priority}`;
    let a = all.get(akey);
    if (!a) all.set(akey, (a = { tickets: 0, metrics: new Map() }));
    a.tickets += p.tickets;
    for (const [metric, m] of p.metrics) {
      let am = a.metrics.get(metric);
      if (!am) a.metrics.set(metric, (am = { met: 0, breached: 0, open: 0, canceled: 0, business: new Values(), calendar: new Values() }));
      am.met += m.met;
      am.breached += m.breached;
      am.open += m.open;
      am.canceled += m.canceled;
      am.business.append(m.business);
      am.calendar.append(m.calendar);
    }
  }
  const row = (policy: string, priority: string, month: string, p: PolicyAcc): PolicyKpi => ({
    policy, kind: engagement.sla[policy]!.kind, priority, month, tickets: p.tickets,
    metrics: METRIC_ORDER.filter((m) => p.metrics.has(m)).map((metric): MetricKpi => {
      const m = p.metrics.get(metric)!;
      return {
        metric, met: m.met, breached: m.breached, open: m.open, canceled: m.canceled, attainment: ratio(m.met, m.met + m.breached),
        business: statsOf(m.business), calendar: statsOf(m.calendar),
      };
    }),
  });
  const rows = [...acc].map(([k, p]) => {
    const [policy, priority, month] = k.split('|') as [string, string, string];
    return row(policy, priority, month, p);
  });
  for (const [k, p] of all) {
    const [policy, priority] = k.split('|') as [string, string];
    rows.push(row(policy, priority, 'all', p));
  }
  const order = Object.keys(engagement.sla);
  return rows.sort((a, b) => order.indexOf(a.policy) - order.indexOf(b.policy) || rank(engagement, a.priority) - rank(engagement, b.priority) || monthOrder(a.month, b.month));
}

/** Months in order, 'all' last. */
function monthOrder(a: string, b: string): number {
  return a === b ? 0 : a === 'all' ? 1 : b === 'all' ? -1 : a < b ? -1 : 1;
}
