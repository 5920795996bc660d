// simpleOutcomes is evaluateSla for the tickets an export without status history describes: random tickets (events
// before creation, after now, at the same instant, responses before the assignment, DST weeks, business-day
// targets) under every policy of the example plus ones that time periodic updates and pause on the ticket's end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Engagement, SlaPolicy } from '../../core/engagement/index.ts';
import { evaluateSla, outcomesOf, simpleOutcomes, simpleOutcomesWith, simplePlan, simpleTimeline, type SimplePlan, type SimpleTicket } from '../../core/sla/index.ts';
import { engagement as example, H, M, t } from './report-helpers.ts';

const updates: SlaPolicy = {
  kind: 'SLA', provider: 'ost', customer: 'acme-it', appliesTo: {}, start: 'assigned', pauseWhen: ['pending_customer'], reopen: 'resume', warnAt: [],
  targets: {
    P1: { calendar: 'always', metrics: { first_response: { ms: 10 * M }, periodic_update: { ms: 30 * M }, resolution: { ms: 3 * H } } },
    P2: { calendar: 'business', metrics: { periodic_update: { ms: 2 * H }, resolution: { businessDays: 2 } } },
    P3: { calendar: 'business', metrics: { first_response: { businessDays: 1 }, periodic_update: { businessDays: 1 } } },
  },
};
const pausesOnEnd: SlaPolicy = { ...updates, start: 'created', pauseWhen: ['closed', 'canceled'] };
// Business days of different lengths (weekdays 13 h, Saturdays 4 h): a business-day target then depends on the
// opening it counts from.
const extended: SlaPolicy = {
  ...updates, start: 'created', pauseWhen: [],
  targets: {
    P2: { calendar: 'msp-extended', metrics: { first_response: { ms: 3 * H }, resolution: { businessDays: 1 } } },
    P3: { calendar: 'msp-extended', metrics: { first_response: { businessDays: 1 }, resolution: { businessDays: 3 } } },
    P4: { calendar: 'msp-extended', metrics: { first_response: { businessDays: 2 }, resolution: { businessDays: 6 } } },
  },
};
const engagement: Engagement = { ...example, sla: { ...example.sla, updates, 'pauses-on-end': pausesOnEnd, extended } };
const POLICIES = Object.keys(engagement.sla);

// Around the March DST change in New York, where a business day and a wall-clock day differ.
const BASE = t('2026-03-02T00:00:00-05:00');
const offset = fc.oneof(fc.integer({ min: -2 * 24 * 60, max: 12 * 24 * 60 }), fc.constantFrom(0, 60, 8 * 60));
const ticket = fc.record({
  created: fc.integer({ min: 0, max: 14 * 24 * 60 }),
  priority: fc.constantFrom('P1', 'P2', 'P3', 'P4', 'P9'),
  assigned: fc.option(offset, { nil: undefined }),
  response: fc.option(offset, { nil: undefined }),
  end: fc.option(offset, { nil: undefined }),
  endStatus: fc.constantFrom('resolved', 'closed', 'canceled') as fc.Arbitrary<SimpleTicket['endStatus']>,
  now: fc.integer({ min: 0, max: 20 * 24 * 60 }),
});

describe('simpleOutcomes', () => {
  it("equals evaluateSla's clocks on the same timeline, or declines when only a replay can tell", () => {
    let declined = 0;
    let compared = 0;
    fc.assert(
      fc.property(ticket, fc.constantFrom(...POLICIES), (s, policy) => {
        const createdAt = BASE + s.created * M;
        const at = (o: number | undefined) => (o === undefined ? undefined : createdAt + o * M);
        const simple: SimpleTicket = { createdAt, priority: s.priority, assigned: at(s.assigned), response: at(s.response), end: at(s.end), endStatus: s.endStatus };
        const now = BASE + s.now * M;
        const got = simpleOutcomes(engagement, policy, simple, now);
        if (got === null) {
          declined++;
          expect(engagement.sla[policy]!.pauseWhen).toContain(s.endStatus);
          return;
        }
        compared++;
        expect(got).toEqual(outcomesOf(evaluateSla(engagement, policy, simpleTimeline(simple), now)));
      }),
      { numRuns: 3000, seed: 20261127 },
    );
    expect(compared).toBeGreaterThan(2000);
    expect(declined).toBeGreaterThan(50);
  });

  it('gives the same with one plan per policy and priority for thousands of tickets over years (its memo of targets)', () => {
    // Most tickets open while the calendar is closed, so their business-day targets count from openings the plan
    // remembers; 1,500 business days of openings are more than its slots hold, so slots are shared and replaced.
    const day = fc.integer({ min: 0, max: 6 * 365 });
    const minute = fc.oneof(fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.integer({ min: 18 * 60, max: 24 * 60 + 8 * 60 - 1 }));
    const policies = POLICIES.filter((p) => Object.values(engagement.sla[p]!.targets).some((tg) => Object.values(tg.metrics).some((d) => 'businessDays' in d)));
    fc.assert(
      fc.property(fc.array(fc.record({ day, minute, priority: fc.constantFrom('P2', 'P3', 'P4'), policy: fc.constantFrom(...policies), response: fc.integer({ min: 0, max: 30 * 24 * 60 }) }), { minLength: 2000, maxLength: 2000 }), (tickets) => {
        const plans = new Map<string, SimplePlan>();
        for (const s of tickets) {
          const createdAt = BASE + (s.day * 24 * 60 + s.minute) * M;
          const simple: SimpleTicket = { createdAt, priority: s.priority, assigned: createdAt, response: createdAt + s.response * M, end: undefined, endStatus: 'resolved' };
          const now = createdAt + 40 * 24 * H;
          const key = `${s.policy}|${s.priority}`;
          let plan = plans.get(key);
          if (!plan) plans.set(key, (plan = simplePlan(engagement, s.policy, s.priority)));
          const got = simpleOutcomesWith(plan, simple, now);
          expect(got).not.toBeNull();
          expect(got).toEqual(outcomesOf(evaluateSla(engagement, s.policy, simpleTimeline(simple), now)));
        }
      }),
      { numRuns: 3, seed: 20261128, endOnFailure: true },
    );
  });

  it('builds the timeline an export without history stands for, ties in the order assignment, response, end', () => {
    const timeline = simpleTimeline({ createdAt: 0, priority: 'P2', assigned: 5, response: 5, end: 3, endStatus: 'closed' });
    expect(timeline.events).toEqual([{ at: 3, type: 'status', status: 'closed' }, { at: 5, type: 'assigned' }, { at: 5, type: 'agent_response' }]);
  });
});
