// evaluateSla against a brute-force simulation: walk the ticket minute by minute, apply each event as it comes,
// and count a minute for a clock when its cycle runs, the status does not pause it and the calendar is open.
// The simulation shares no code with core/sla (it asks the calendar only whether a minute is open; the calendar
// itself is checked against its own brute-force reference in test/core/calendar).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../../../core/calendar/index.ts';
import { parseEngagement, type Calendar, type Engagement, type Metric, type Status } from '../../../core/engagement/index.ts';
import { evaluateSla, type TicketEvent, type TicketTimeline } from '../../../core/sla/index.ts';
import { calendarCase, runs } from '../calendar/arbitraries.ts';
import { NOW, read } from '../engagement/helpers.ts';

const M = 60_000;
const base = (parseEngagement(read('test/fixtures/engagements/sla.yaml'), { now: NOW }) as { ok: true; engagement: Engagement }).engagement;
const METRICS: Metric[] = ['first_response', 'next_response', 'periodic_update', 'resolution'];
const DONE = new Set<Status>(['resolved', 'closed', 'canceled']);

interface SimCycle { elapsed: number; stopped: boolean; canceled: boolean }

function simulate(engagement: Engagement, policyId: string, ticket: TicketTimeline, now: number): Record<string, SimCycle[]> {
  const policy = engagement.sla[policyId]!;
  const events = [...ticket.events].sort((a, b) => a.at - b.at);
  const finalPriority = [ticket.priority, ...events.filter((e) => e.type === 'priority' && e.at <= now).map((e) => (e as { priority: string }).priority)].at(-1)!;
  const calendar = compileCalendar(engagement.calendars[policy.targets[finalPriority]!.calendar]!);
  const cycles: Record<string, SimCycle[]> = Object.fromEntries(METRICS.map((m) => [m, []]));
  const running: Record<string, boolean> = {};
  const open = (m: Metric) => { cycles[m]!.push({ elapsed: 0, stopped: false, canceled: false }); running[m] = true; };
  const stop = (m: Metric, canceled = false) => { if (running[m]) { const c = cycles[m]!.at(-1)!; c.stopped = true; c.canceled = canceled; running[m] = false; } };
  let status: Status = ticket.status ?? 'new';
  let responded = false;
  open('first_response'); open('resolution'); open('periodic_update');
  let i = 0;
  for (let minute = ticket.createdAt; minute <= now; minute += M) {
    for (; i < events.length && events[i]!.at === minute; i++) {
      const e = events[i]!;
      const wasDone = DONE.has(status);
      if (e.type === 'status' || e.type === 'resolved' || e.type === 'reopened') {
        const next: Status = e.type === 'status' ? e.status : e.type === 'resolved' ? (wasDone ? status : 'resolved') : wasDone ? 'open' : status;
        if (DONE.has(next) && !wasDone) for (const m of METRICS) stop(m, next === 'canceled');
        if (!DONE.has(next) && wasDone) {
          const last = cycles.resolution!.at(-1)!;
          if (policy.reopen === 'resume' && !last.canceled) { last.stopped = false; running.resolution = true; } else open('resolution');
          open('periodic_update');
        }
        status = next;
      } else if (e.type === 'agent_response') {
        if (!responded) { responded = true; stop('first_response'); }
        stop('next_response');
        if (running.periodic_update) { stop('periodic_update'); if (!DONE.has(status)) open('periodic_update'); }
      } else if (e.type === 'customer_reply') {
        if (responded && !DONE.has(status) && !running.next_response) open('next_response');
      }
    }
    if (minute === now || policy.pauseWhen.includes(status) || !calendar.isOpen(minute)) continue;
    for (const m of METRICS) if (running[m]) cycles[m]!.at(-1)!.elapsed += M;
  }
  return cycles;
}

const event = (from: number, span: number): fc.Arbitrary<TicketEvent> =>
  fc.record({ minute: fc.integer({ min: 0, max: span }), kind: fc.integer({ min: 0, max: 7 }), status: fc.constantFrom<Status>('open', 'pending_customer', 'pending_vendor', 'on_hold', 'resolved', 'canceled'), priority: fc.constantFrom('P1', 'P2', 'P3') }).map(
    ({ minute, kind, status, priority }): TicketEvent => {
      const at = from + minute * M;
      if (kind <= 1) return { at, type: 'status', status };
      if (kind === 2) return { at, type: 'priority', priority };
      if (kind === 3) return { at, type: 'agent_response' };
      if (kind === 4) return { at, type: 'customer_reply' };
      if (kind === 5) return { at, type: 'resolved' };
      if (kind === 6) return { at, type: 'reopened' };
      return { at, type: 'status', status: 'open' };
    },
  );

describe('evaluateSla equals a minute-by-minute simulation', () => {
  it('over random calendars, targets, pauses, priority changes, replies, resolves and reopens', () => {
    const span = 3 * 24 * 60;
    fc.assert(
      fc.property(
        calendarCase(),
        fc.integer({ min: -24 * 60, max: 0 }),
        fc.array(fc.integer({ min: 1, max: 24 * 60 }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom<'resume' | 'new_cycle'>('resume', 'new_cycle'),
        fc.integer({ min: 0, max: span }),
        fc.constantFrom('P1', 'P2', 'P3'),
        ({ spec, anchor }, offset, minutes, reopen, nowMinute, priority) => {
          const createdAt = anchor + offset * M;
          return fc.assert(
            fc.property(fc.array(event(createdAt, span), { maxLength: 12 }), (events) => {
              const targets = Object.fromEntries(['P1', 'P2', 'P3'].map((p) => [p, {
                calendar: p === 'P1' ? 'always' : 'business',
                metrics: Object.fromEntries(METRICS.map((m, k) => [m, { ms: minutes[k]! * M }])),
              }]));
              const engagement: Engagement = {
                ...base,
                calendars: { business: { holidays: [], overrides: {}, closures: {}, ...spec } as Calendar, always: { ...base.calendars.always!, timeZone: spec.timeZone } },
                sla: { joint: { ...base.sla.joint!, reopen, targets } },
              };
              const ticket: TicketTimeline = { createdAt, priority, events };
              const now = createdAt + nowMinute * M;
              const expected = simulate(engagement, 'joint', ticket, now);
              const actual = evaluateSla(engagement, 'joint', ticket, now);
              for (const clock of actual.metrics) {
                const sim = expected[clock.metric]!;
                expect(clock.cycles.map((c) => c.elapsed)).toEqual(sim.map((c) => c.elapsed));
                const last = sim.at(-1);
                if (!last) { expect(clock.state).toBe('pending'); continue; }
                const over = last.elapsed > clock.targetMs;
                const state = last.canceled ? 'canceled' : over ? 'breached' : last.stopped ? 'met' : null;
                if (state) expect(clock.state).toBe(state);
                else expect(['running', 'paused']).toContain(clock.state);
                expect(clock.remaining).toBe(clock.targetMs - last.elapsed);
              }
            }),
            { numRuns: 4 },
          ) ?? true;
        },
      ),
      { numRuns: runs(150), seed: process.env.TANDEM_DEEP === '1' ? undefined : 27 },
    );
  });
});
