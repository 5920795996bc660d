import { describe, expect, it } from 'vitest';
import { parseEngagement, type Engagement } from '../../../core/engagement/index.ts';
import { evaluateSla, policiesFor, type MetricClock, type TicketEvent, type TicketTimeline } from '../../../core/sla/index.ts';
import { NOW, read } from '../engagement/helpers.ts';

const parsed = parseEngagement(read('test/fixtures/engagements/sla.yaml'), { now: NOW });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const engagement: Engagement = parsed.engagement;

/** New York wall time with its offset, so each expectation reads as the contract would. */
const t = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const M = 60_000;

function metric(policy: string, ticket: TicketTimeline, now: number, name: string): MetricClock {
  const found = evaluateSla(engagement, policy, ticket, now).metrics.find((m) => m.metric === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
}
const ticket = (createdAt: string, priority: string, events: TicketEvent[] = []): TicketTimeline => ({ createdAt: t(createdAt), priority, events });

describe('evaluateSla', () => {
  it('starts a ticket created out of hours at the next opening', () => {
    // Saturday 10:00: the P2 first response (1 business hour) is due Monday 09:00.
    const m = metric('joint', ticket('2026-11-28T10:00:00-05:00', 'P2'), t('2026-11-28T12:00:00-05:00'), 'first_response');
    expect(m).toMatchObject({ state: 'running', elapsed: 0, remaining: H, breachAt: t('2026-11-30T09:00:00-05:00'), percent: 0 });
    expect(m.cycles[0]!.countingFrom).toBe(t('2026-11-30T08:00:00-05:00'));
  });

  it('pauses across closed time and resumes where it stopped', () => {
    // P2 resolution 8 business hours, opened Friday 16:00 (2 h counted), pending the customer from 18:00 Friday
    // to Monday 10:00 (Monday 08:00-10:00 is paused, not counted), then running: 6 h left from 10:00 → 16:00.
    const events: TicketEvent[] = [
      { at: t('2026-12-04T18:00:00-05:00'), type: 'status', status: 'pending_customer' },
      { at: t('2026-12-07T10:00:00-05:00'), type: 'status', status: 'open' },
    ];
    const paused = metric('joint', ticket('2026-12-04T16:00:00-05:00', 'P2', events), t('2026-12-07T09:00:00-05:00'), 'resolution');
    expect(paused).toMatchObject({ state: 'paused', paused: true, elapsed: 2 * H, remaining: 6 * H, breachAt: null });
    const resumed = metric('joint', ticket('2026-12-04T16:00:00-05:00', 'P2', events), t('2026-12-07T11:00:00-05:00'), 'resolution');
    expect(resumed).toMatchObject({ state: 'running', elapsed: 3 * H, breachAt: t('2026-12-07T16:00:00-05:00') });
  });

  it('a pause inside business hours moves the breach by its length', () => {
    const events: TicketEvent[] = [
      { at: t('2026-12-01T10:00:00-05:00'), type: 'status', status: 'pending_vendor' },
      { at: t('2026-12-01T11:30:00-05:00'), type: 'status', status: 'open' },
    ];
    const m = metric('joint', ticket('2026-12-01T09:00:00-05:00', 'P2', events), t('2026-12-01T12:00:00-05:00'), 'resolution');
    expect(m).toMatchObject({ state: 'running', elapsed: 1.5 * H, breachAt: t('2026-12-02T08:30:00-05:00') });
    expect(m.cycles).toHaveLength(1);
  });

  it('a priority change keeps the original start and swaps in the new target', () => {
    // P3 for 3 hours, then raised to P1: P1's 4 h on the 24x7 calendar count from creation, so 1 h is left.
    const events: TicketEvent[] = [{ at: t('2026-12-01T12:00:00-05:00'), type: 'priority', priority: 'P1' }];
    const m = metric('joint', ticket('2026-12-01T09:00:00-05:00', 'P3', events), t('2026-12-01T12:00:00-05:00'), 'resolution');
    expect(m).toMatchObject({ state: 'running', calendar: 'always', elapsed: 3 * H, remaining: H, breachAt: t('2026-12-01T13:00:00-05:00') });
    expect(m.targets.map((x) => [x.priority, x.calendar, x.target])).toEqual([
      ['P3', 'business', { businessDays: 3 }],
      ['P1', 'always', { ms: 4 * H }],
    ]);
    // First response: P1's 15 minutes were long gone when the priority was raised.
    const fr = metric('joint', ticket('2026-12-01T09:00:00-05:00', 'P3', events), t('2026-12-01T12:00:00-05:00'), 'first_response');
    expect(fr).toMatchObject({ state: 'breached', remaining: -(2 * H + 45 * M), breachedAt: t('2026-12-01T09:15:00-05:00') });
  });

  it('reopen resumes the resolution clock under a resume policy, and opens a new cycle under new_cycle', () => {
    const events: TicketEvent[] = [
      { at: t('2026-12-01T10:00:00-05:00'), type: 'agent_response' },
      { at: t('2026-12-01T11:00:00-05:00'), type: 'resolved' },
      { at: t('2026-12-02T09:00:00-05:00'), type: 'reopened' },
    ];
    const tk = ticket('2026-12-01T09:00:00-05:00', 'P2', events);
    const resume = metric('joint', tk, t('2026-12-02T10:00:00-05:00'), 'resolution');
    expect(resume).toMatchObject({ state: 'running', elapsed: 3 * H, remaining: 5 * H, breachAt: t('2026-12-02T15:00:00-05:00') });
    expect(resume.cycles).toHaveLength(1);
    const fresh = metric('handoff', tk, t('2026-12-02T10:00:00-05:00'), 'resolution');
    expect(fresh.cycles.map((c) => [c.state, c.elapsed])).toEqual([['met', 2 * H], ['running', H]]);
    expect(fresh).toMatchObject({ elapsed: H, remaining: 3 * H, breachAt: t('2026-12-02T13:00:00-05:00') });
  });

  it('a response exactly at the deadline is met; a millisecond later is breached', () => {
    const at = (ms: number) => ticket('2026-12-01T09:00:00-05:00', 'P2', [{ at: t('2026-12-01T10:00:00-05:00') + ms, type: 'agent_response' }]);
    expect(metric('joint', at(0), t('2026-12-01T12:00:00-05:00'), 'first_response')).toMatchObject({ state: 'met', elapsed: H, remaining: 0, breachAt: null });
    expect(metric('joint', at(1), t('2026-12-01T12:00:00-05:00'), 'first_response')).toMatchObject({
      state: 'breached', remaining: -1, breachAt: null, breachedAt: t('2026-12-01T10:00:00-05:00'),
    });
  });

  it('a breached clock keeps counting with negative remaining time', () => {
    const m = metric('joint', ticket('2026-12-01T09:00:00-05:00', 'P2'), t('2026-12-01T11:30:00-05:00'), 'first_response');
    expect(m).toMatchObject({ state: 'breached', elapsed: 2.5 * H, remaining: -1.5 * H, percent: 250, warnings: [50, 75], breachedAt: t('2026-12-01T10:00:00-05:00') });
  });

  it('runs a 24x7 P1 beside a business-hours P3', () => {
    const friday = '2026-12-04T17:00:00-05:00';
    const sunday = t('2026-12-06T17:00:00-05:00');
    expect(metric('joint', ticket(friday, 'P1'), sunday, 'resolution')).toMatchObject({ state: 'breached', elapsed: 48 * H, remaining: -44 * H });
    // P3 resolution is 3 business days: Friday 17:00 → Wednesday 17:00, 30 business hours.
    expect(metric('joint', ticket(friday, 'P3'), sunday, 'resolution')).toMatchObject({
      state: 'running', elapsed: H, targetMs: 30 * H, remaining: 29 * H, breachAt: t('2026-12-09T17:00:00-05:00'),
    });
  });

  it('evaluates the client SLA and the OLA side by side for one ticket', () => {
    const tk = ticket('2026-12-01T09:00:00-05:00', 'P2', [{ at: t('2026-12-01T09:20:00-05:00'), type: 'agent_response' }]);
    const now = t('2026-12-01T10:00:00-05:00');
    const sla = evaluateSla(engagement, 'joint', tk, now);
    const ola = evaluateSla(engagement, 'handoff', tk, now);
    expect([sla.kind, ola.kind]).toEqual(['SLA', 'OLA']);
    expect(sla.metrics.map((m) => [m.metric, m.state])).toEqual([['first_response', 'met'], ['next_response', 'pending'], ['resolution', 'running']]);
    expect(ola.metrics.map((m) => [m.metric, m.state, m.remaining])).toEqual([['first_response', 'met', 10 * M], ['resolution', 'running', 3 * H]]);
  });

  it('crosses the warning thresholds and says when the next one comes', () => {
    const m = metric('joint', ticket('2026-12-01T09:00:00-05:00', 'P2'), t('2026-12-01T09:40:00-05:00'), 'first_response');
    expect(m.warnings).toEqual([50]);
    expect(m.nextWarning).toEqual({ percent: 75, at: t('2026-12-01T09:45:00-05:00') });
  });

  it('next response runs from a customer reply to the next agent reply, a cycle each time', () => {
    const events: TicketEvent[] = [
      { at: t('2026-12-01T09:10:00-05:00'), type: 'agent_response' },
      { at: t('2026-12-01T10:00:00-05:00'), type: 'customer_reply' },
      { at: t('2026-12-01T11:00:00-05:00'), type: 'agent_response' },
      { at: t('2026-12-01T13:00:00-05:00'), type: 'customer_reply' },
    ];
    const m = metric('joint', ticket('2026-12-01T09:00:00-05:00', 'P2', events), t('2026-12-01T14:30:00-05:00'), 'next_response');
    expect(m.cycles.map((c) => [c.state, c.elapsed])).toEqual([['met', H], ['running', 1.5 * H]]);
    expect(m).toMatchObject({ state: 'running', remaining: 0.5 * H, breachAt: t('2026-12-01T15:00:00-05:00') });
  });

  it('a canceled ticket stops every clock', () => {
    const tk = ticket('2026-12-01T09:00:00-05:00', 'P2', [{ at: t('2026-12-01T09:30:00-05:00'), type: 'status', status: 'canceled' }]);
    const ev = evaluateSla(engagement, 'joint', tk, t('2026-12-02T09:00:00-05:00'));
    expect(ev.metrics.filter((m) => m.cycles.length > 0).map((m) => [m.metric, m.state, m.elapsed])).toEqual([
      ['first_response', 'canceled', 30 * M], ['resolution', 'canceled', 30 * M],
    ]);
  });

  it('a policy that starts at assignment waits for it', () => {
    const start = { ...engagement, sla: { ...engagement.sla, handoff: { ...engagement.sla.handoff!, start: 'assigned' as const } } };
    const tk = ticket('2026-12-01T09:00:00-05:00', 'P2', [{ at: t('2026-12-01T11:00:00-05:00'), type: 'assigned' }]);
    expect(evaluateSla(start, 'handoff', tk, t('2026-12-01T10:00:00-05:00')).metrics[0]).toMatchObject({ state: 'pending', breachAt: null });
    expect(evaluateSla(start, 'handoff', tk, t('2026-12-01T11:10:00-05:00')).metrics[0]).toMatchObject({ state: 'running', elapsed: 10 * M });
  });
});

describe('policiesFor', () => {
  const example = parseEngagement(read('examples/acme-ost.yaml'), { now: NOW }) as { ok: true; engagement: Engagement };

  it('takes a policy scoped to some activities only for a ticket of one of them', () => {
    expect(policiesFor(example.engagement, 'P1')).not.toContain('metro-uc');
    expect(policiesFor(example.engagement, 'P1', 'isp-liaison')).toContain('metro-uc');
    expect(policiesFor(example.engagement, 'P3', 'isp-liaison')).not.toContain('metro-uc');
    expect(policiesFor(engagement, 'P2')).toEqual(['joint', 'handoff']);
  });
});
