import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  DANGER_BELOW_MS,
  WARN_BELOW_MS,
  clockDisplay,
  createTicker,
  disagreement,
  formatCountdown,
  mostUrgent,
  nextBoundary,
} from '../../extension/content/countdown.ts';
import type { ClockView, PanelModel } from '../../extension/shared/panel-model.ts';

const NOW = Date.parse('2026-12-01T15:00:00Z');
const MIN = 60_000;
const HOUR = 3_600_000;

function clock(over: Partial<ClockView> = {}): ClockView {
  return {
    policy: 'joint',
    policyName: 'Joint SLA',
    kind: 'SLA',
    between: 'OST → Acme',
    metric: 'resolution',
    state: 'running',
    paused: false,
    breachAt: NOW + 2 * HOUR + 10 * MIN,
    breachedAt: null,
    remainingMs: 2 * HOUR + 10 * MIN,
    target: '8 h on Business hours',
    ...over,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('formatCountdown', () => {
  test.each([
    [2 * HOUR + 10 * MIN, '2 h 10 min'],
    [2 * HOUR + 10 * MIN + 59_999, '2 h 10 min'],
    [2 * HOUR, '2 h'],
    [45 * MIN, '45 min'],
    [59 * MIN + 59_999, '59 min'],
    [40_000, '40 s'],
    [0, '0 s'],
    [-15 * MIN, '−15 min'],
    [-(15 * MIN + 30_000), '−15 min'],
    [-40_000, '−40 s'],
    [27 * HOUR + 5 * MIN, '1 d 3 h'],
    [48 * HOUR, '2 d'],
    [-(26 * HOUR), '−1 d 2 h'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });

  test('overdue times carry a real minus sign, not a hyphen', () => {
    expect(formatCountdown(-MIN).codePointAt(0)).toBe(0x2212);
  });
});

describe('clockDisplay thresholds', () => {
  const at = (left: number) => clockDisplay(clock({ breachAt: NOW + left }), NOW);

  test('more than an hour left is ok', () => {
    expect(at(WARN_BELOW_MS)).toMatchObject({ label: 'ok', tone: 'ok', time: '1 h' });
    expect(at(2 * HOUR + 10 * MIN)).toMatchObject({ tone: 'ok', time: '2 h 10 min' });
  });

  test('under 1 h warns, under 30 min is danger', () => {
    expect(at(WARN_BELOW_MS - 1)).toMatchObject({ label: 'under 1 h', tone: 'warn', time: '59 min' });
    expect(at(DANGER_BELOW_MS)).toMatchObject({ label: 'under 1 h', tone: 'warn', time: '30 min' });
    expect(at(DANGER_BELOW_MS - 1)).toMatchObject({ label: 'under 30 min', tone: 'danger', time: '29 min' });
  });

  test('a running clock past its breachAt shows breached with negative time', () => {
    expect(at(0)).toMatchObject({ label: 'breached', tone: 'danger' });
    expect(at(-15 * MIN)).toMatchObject({ label: 'breached', tone: 'danger', time: '−15 min', urgency: -15 * MIN });
  });

  test('counts down from breachAt − now, not from the stale remainingMs', () => {
    const c = clock({ breachAt: NOW + HOUR + 5 * MIN, remainingMs: 99 * HOUR });
    expect(clockDisplay(c, NOW).time).toBe('1 h 5 min');
    expect(clockDisplay(c, NOW + 10 * MIN).time).toBe('55 min');
    expect(clockDisplay(c, NOW + 10 * MIN).tone).toBe('warn');
  });

  test('a breached running clock grows its overdue time from breachedAt', () => {
    const c = clock({ state: 'breached', breachedAt: NOW - 15 * MIN, breachAt: NOW - 15 * MIN, remainingMs: -15 * MIN });
    expect(clockDisplay(c, NOW)).toMatchObject({ label: 'breached', time: '−15 min' });
    expect(clockDisplay(c, NOW + 5 * MIN).time).toBe('−20 min');
  });

  test('a breached clock that stopped keeps its overdue time', () => {
    const c = clock({ state: 'breached', breachAt: null, breachedAt: NOW - 3 * HOUR, remainingMs: -40 * MIN });
    expect(clockDisplay(c, NOW).time).toBe('−40 min');
    expect(clockDisplay(c, NOW + HOUR).time).toBe('−40 min');
  });

  test('paused, met, not started and canceled', () => {
    expect(clockDisplay(clock({ state: 'paused', paused: true, breachAt: null, remainingMs: 90 * MIN }), NOW)).toMatchObject({
      label: 'paused',
      tone: 'neutral',
      time: '1 h 30 min',
      urgency: null,
    });
    expect(clockDisplay(clock({ state: 'paused', paused: true, breachAt: null, remainingMs: -5 * MIN }), NOW)).toMatchObject({
      label: 'breached, paused',
      tone: 'danger',
    });
    expect(clockDisplay(clock({ state: 'met', breachAt: null }), NOW)).toMatchObject({ label: 'met', tone: 'ok', time: null });
    expect(clockDisplay(clock({ state: 'pending', breachAt: null }), NOW)).toMatchObject({ label: 'not started', time: null });
    expect(clockDisplay(clock({ state: 'canceled', breachAt: null }), NOW).label).toBe('canceled');
  });
});

describe('mostUrgent', () => {
  test('overdue beats close beats far; paused and met clocks never win', () => {
    const far = clock({ metric: 'resolution', breachAt: NOW + 5 * HOUR });
    const close = clock({ metric: 'first_response', breachAt: NOW + 20 * MIN });
    const paused = clock({ metric: 'next_response', paused: true, state: 'paused', breachAt: null, remainingMs: MIN });
    expect(mostUrgent([far, close, paused], NOW)?.clock).toBe(close);
    const overdue = clock({ policy: 'handoff', state: 'breached', breachAt: NOW - MIN, breachedAt: NOW - MIN });
    expect(mostUrgent([far, close, overdue], NOW)?.clock).toBe(overdue);
    expect(mostUrgent([paused, clock({ state: 'met', breachAt: null })], NOW)).toBeNull();
  });
});

describe('disagreement with the helpdesk', () => {
  const ours = clock({ metric: 'first_response', breachAt: NOW + HOUR });
  const ola = clock({ policy: 'handoff', kind: 'OLA', metric: 'first_response', breachAt: NOW + 20 * MIN });

  test('within a minute is agreement; beyond is flagged with the signed difference', () => {
    expect(disagreement({ metric: 'first_response', label: 'First reply', dueAt: NOW + HOUR + 60_000 }, [ours])).toBeNull();
    expect(disagreement({ metric: 'first_response', label: 'First reply', dueAt: NOW + HOUR + 61_000 }, [ours])).toBe(61_000);
    expect(disagreement({ metric: 'first_response', label: 'First reply', dueAt: NOW + HOUR - 12 * MIN }, [ours])).toBe(-12 * MIN);
  });

  test('compares with the SLA policy, not the OLA, and ignores other metrics and missing due times', () => {
    expect(disagreement({ metric: 'first_response', label: 'x', dueAt: NOW + HOUR }, [ola, ours])).toBeNull();
    expect(disagreement({ metric: 'resolution', label: 'x', dueAt: NOW }, [ours])).toBeNull();
    expect(disagreement({ metric: 'first_response', label: 'x', dueAt: null }, [ours])).toBeNull();
  });
});

describe('nextBoundary: when the background must be asked again', () => {
  const model = (clocks: ClockView[], nextStep: number | null = null): PanelModel => ({
    ok: true,
    ticketId: '1',
    engagement: { id: 'e', title: 'E' },
    matchedBy: '',
    priority: null,
    status: null,
    activity: { id: 'a', name: 'A' },
    rule: 'default',
    owners: [],
    clocks,
    native: [],
    escalation: nextStep === null ? { ok: false, reason: 'none' } : {
      ok: true,
      policy: 'p',
      branch: 'all-hours',
      now: null,
      next: { number: 2, startsAt: nextStep, startsAtText: '', people: [] },
    },
    notes: [],
    health: [],
    computedAt: NOW,
  });

  test('the earliest future breach of a running clock, or the next escalation step', () => {
    const a = clock({ breachAt: NOW + HOUR });
    const b = clock({ breachAt: NOW + 10 * MIN });
    const paused = clock({ paused: true, state: 'paused', breachAt: null });
    expect(nextBoundary(model([a, b, paused]), NOW)).toBe(NOW + 10 * MIN);
    expect(nextBoundary(model([a], NOW + 5 * MIN), NOW)).toBe(NOW + 5 * MIN);
    expect(nextBoundary(model([clock({ state: 'breached', breachAt: NOW - MIN })]), NOW)).toBeNull();
    expect(nextBoundary({ ok: false, reason: 'x' }, NOW)).toBeNull();
  });
});

describe('ticker', () => {
  test('one timer ticks every subscriber each second and stops when nobody listens', () => {
    vi.useFakeTimers({ now: NOW });
    const t = createTicker();
    const seen: number[] = [];
    const off1 = t.subscribe((now) => seen.push(now));
    const off2 = t.subscribe(() => {});
    // Ticks land just after each second boundary, so the displayed seconds change on time.
    vi.advanceTimersByTime(3_010);
    expect(seen.length).toBe(3);
    expect(seen.every((t) => t % 1000 < 50)).toBe(true);
    off1();
    off2();
    expect(t.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
