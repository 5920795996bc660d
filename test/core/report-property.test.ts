// The report's per-ticket clocks are evaluateSla's: random canonical timelines are written as export records (native
// words of the mapping, status history, first response), run through buildReport, and each ticket's evaluations
// must equal evaluateSla on the ORIGINAL timeline; the KPI counts must be the sum of those clocks' outcomes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Status } from '../../core/engagement/index.ts';
import { buildReport, nearestRank, outcomeOf, type HistoryEntry, type TicketRecord, type TicketResult } from '../../core/report/index.ts';
import { evaluateSla, outcomesOf, type TicketEvent, type TicketTimeline } from '../../core/sla/index.ts';
import { engagement, M, t } from './report-helpers.ts';

const MAPPING = 'acme-servicenow';
const NATIVE_STATUS: Partial<Record<Status, string>> = { new: 'New', open: 'In Progress', pending_customer: 'On Hold', resolved: 'Resolved', closed: 'Closed', canceled: 'Canceled' };
const NATIVE_PRIORITY: Record<string, string> = { P1: '1', P2: '2', P3: '3', P4: '4' };
const START = t('2026-02-01T00:00:00-05:00');
const NOW = t('2026-03-20T12:00:00-04:00');

const priority = fc.constantFrom('P1', 'P2', 'P3', 'P4');
const ticket = fc.record({
  created: fc.integer({ min: 0, max: 40 * 24 * 60 }),
  priority,
  escalation: fc.boolean(),
  // Offsets in minutes after creation; distinct, so the order of simultaneous events never matters.
  steps: fc.uniqueArray(fc.record({ after: fc.integer({ min: 1, max: 14 * 24 * 60 }), kind: fc.constantFrom('status', 'status', 'status', 'priority', 'response', 'assigned'), status: fc.constantFrom<Status>('open', 'pending_customer', 'resolved', 'closed', 'canceled'), priority }), { maxLength: 8, selector: (s) => s.after }),
});

type Spec = typeof ticket extends fc.Arbitrary<infer T> ? T : never;

function toCase(spec: Spec, i: number): { timeline: TicketTimeline; record: TicketRecord } {
  const createdAt = START + spec.created * M;
  const events: TicketEvent[] = [];
  const history: HistoryEntry[] = [{ at: createdAt, field: 'priority', value: NATIVE_PRIORITY[spec.priority]! }];
  let firstResponse: number | undefined;
  let assigned = false;
  let final = spec.priority;
  for (const s of [...spec.steps].sort((a, b) => a.after - b.after)) {
    const at = createdAt + s.after * M;
    if (s.kind === 'status') {
      events.push({ at, type: 'status', status: s.status });
      history.push({ at, field: 'status', value: NATIVE_STATUS[s.status]! });
    } else if (s.kind === 'priority') {
      events.push({ at, type: 'priority', priority: s.priority });
      history.push({ at, field: 'priority', value: NATIVE_PRIORITY[s.priority]! });
      final = s.priority;
    } else if (s.kind === 'response' && firstResponse === undefined) {
      events.push({ at, type: 'agent_response' });
      firstResponse = at;
    } else if (s.kind === 'assigned' && !assigned) {
      assigned = true;
      events.push({ at, type: 'assigned' });
      history.push({ at, field: 'group', value: 'OST Tier 3' });
    }
  }
  const record: TicketRecord = {
    id: `T${i}`, file: 'generated', row: i + 2, created: createdAt, priority: NATIVE_PRIORITY[final], category: spec.escalation ? 'Escalation' : 'Hardware',
    history, ...(firstResponse === undefined ? {} : { firstResponse }),
  };
  return { timeline: { createdAt, priority: spec.priority, events }, record };
}

describe('report per-ticket results', () => {
  it('equal evaluateSla on the same timelines, and the KPIs count exactly those clocks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ticket, { minLength: 1, maxLength: 12 }), async (specs) => {
        const cases = specs.map(toCase);
        const results: TicketResult[] = [];
        const report = await buildReport(engagement, cases.map((c) => c.record), { helpdesk: MAPPING, now: NOW, onTicket: (r) => results.push(r) });
        expect(results.map((r) => r.id)).toEqual(cases.map((c) => c.record.id));
        const tally = new Map<string, number>();
        for (const [k, c] of cases.entries()) {
          const r = results[k]!;
          const expected = r.evaluations.map((ev) => evaluateSla(engagement, ev.policy, c.timeline, NOW));
          expect(r.evaluations).toEqual(expected);
          // The policies are the ones routing and policiesFor give: joint always, handoff for escalations.
          expect(r.evaluations.map((e) => e.policy)).toEqual(c.record.category === 'Escalation' ? ['joint', 'handoff'] : ['joint']);
          for (const ev of expected) for (const m of ev.metrics) {
            // A clock that never started is in no count.
            if (outcomeOf(m) === 'none') continue;
            const key = `${ev.policy}|${m.metric}|${outcomeOf(m)}`;
            tally.set(key, (tally.get(key) ?? 0) + 1);
          }
        }
        const counted = new Map<string, number>();
        for (const row of report.policies.filter((p) => p.month === 'all')) for (const m of row.metrics) {
          for (const outcome of ['met', 'breached', 'open', 'canceled'] as const) {
            if (m[outcome] === 0) continue;
            const key = `${row.policy}|${m.metric}|${outcome}`;
            counted.set(key, (counted.get(key) ?? 0) + m[outcome]);
          }
        }
        expect(Object.fromEntries(counted)).toEqual(Object.fromEntries(tally));
      }),
      { numRuns: 60, seed: 20261127 },
    );
  });
});

// Without status history the report times tickets through simpleOutcomes, not evaluateSla: the KPIs must still be
// what evaluateSla gives on the timeline such a record stands for (created → assigned → first response → end).
const plain = fc.record({
  created: fc.integer({ min: 0, max: 40 * 24 * 60 }),
  priority,
  escalation: fc.boolean(),
  assigned: fc.option(fc.integer({ min: -60, max: 3 * 24 * 60 }), { nil: undefined }),
  response: fc.option(fc.integer({ min: -60, max: 5 * 24 * 60 }), { nil: undefined }),
  end: fc.option(fc.integer({ min: 1, max: 20 * 24 * 60 }), { nil: undefined }),
  closedOnly: fc.boolean(),
  status: fc.constantFrom('In Progress', 'Resolved', 'Closed', 'Canceled'),
});

function plainCase(spec: typeof plain extends fc.Arbitrary<infer T> ? T : never, i: number): { timeline: TicketTimeline; record: TicketRecord } {
  const createdAt = START + spec.created * M;
  const at = (o: number | undefined) => (o === undefined ? undefined : createdAt + o * M);
  const [assigned, response, end] = [at(spec.assigned), at(spec.response), at(spec.end)];
  const events: TicketEvent[] = [];
  if (assigned !== undefined) events.push({ at: assigned, type: 'assigned' });
  if (response !== undefined) events.push({ at: response, type: 'agent_response' });
  if (end !== undefined) events.push({ at: end, type: 'status', status: spec.status === 'Canceled' ? 'canceled' : spec.closedOnly ? 'closed' : 'resolved' });
  events.sort((a, b) => a.at - b.at);
  const record: TicketRecord = {
    id: `P${i}`, file: 'generated', row: i + 2, created: createdAt, priority: NATIVE_PRIORITY[spec.priority], status: spec.status,
    category: spec.escalation ? 'Escalation' : 'Hardware',
    ...(assigned === undefined ? {} : { assigned }), ...(response === undefined ? {} : { firstResponse: response }),
    ...(end === undefined ? {} : spec.closedOnly ? { closed: end } : { resolved: end }),
  };
  return { timeline: { createdAt, priority: spec.priority, events }, record };
}

describe('report per-ticket results without status history', () => {
  it("count, median and p90 evaluateSla's clocks on the timelines the records stand for", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(plain, { minLength: 1, maxLength: 40 }), async (specs) => {
        const cases = specs.map(plainCase);
        const report = await buildReport(engagement, cases.map((c) => c.record), { helpdesk: MAPPING, now: NOW });
        const expected = new Map<string, { outcomes: Record<string, number>; business: number[]; calendar: number[] }>();
        for (const c of cases) {
          for (const policy of c.record.category === 'Escalation' ? ['joint', 'handoff'] : ['joint']) {
            for (const o of outcomesOf(evaluateSla(engagement, policy, c.timeline, NOW))) {
              const key = `${policy}|${o.metric}`;
              let e = expected.get(key);
              if (!e) expected.set(key, (e = { outcomes: { met: 0, breached: 0, open: 0, canceled: 0 }, business: [], calendar: [] }));
              if (o.outcome !== 'none') e.outcomes[o.outcome]!++;
              if ((o.outcome === 'met' || o.outcome === 'breached') && o.stop !== null) {
                e.business.push(o.business);
                e.calendar.push(o.stop - c.timeline.createdAt);
              }
            }
          }
        }
        const got = new Map<string, { outcomes: Record<string, number>; business: number[]; calendar: number[] }>();
        for (const row of report.policies.filter((p) => p.month === 'all')) for (const m of row.metrics) {
          const key = `${row.policy}|${m.metric}`;
          let g = got.get(key);
          if (!g) got.set(key, (g = { outcomes: { met: 0, breached: 0, open: 0, canceled: 0 }, business: [], calendar: [] }));
          for (const outcome of ['met', 'breached', 'open', 'canceled'] as const) g.outcomes[outcome]! += m[outcome];
        }
        expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [key, e] of expected) expect(got.get(key)!.outcomes).toEqual(e.outcomes);
        // Per policy and metric over all priorities: the report's rows are per priority, so compare one priority's.
        for (const row of report.policies.filter((p) => p.month === 'all')) for (const m of row.metrics) {
          const business: number[] = [];
          const calendar: number[] = [];
          for (const c of cases) {
            if (c.timeline.priority !== row.priority) continue;
            if (row.policy === 'handoff' && c.record.category !== 'Escalation') continue;
            const o = outcomesOf(evaluateSla(engagement, row.policy, c.timeline, NOW)).find((x) => x.metric === m.metric)!;
            if ((o.outcome === 'met' || o.outcome === 'breached') && o.stop !== null) {
              business.push(o.business);
              calendar.push(o.stop - c.timeline.createdAt);
            }
          }
          const sorted = (xs: number[]) => Float64Array.from(xs).sort();
          expect([m.business.count, m.business.median, m.business.p90]).toEqual([business.length, nearestRank(sorted(business), 50), nearestRank(sorted(business), 90)]);
          expect([m.calendar.count, m.calendar.median, m.calendar.p90]).toEqual([calendar.length, nearestRank(sorted(calendar), 50), nearestRank(sorted(calendar), 90)]);
        }
      }),
      { numRuns: 80, seed: 20261127 },
    );
  });
});
