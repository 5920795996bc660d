// Which escalation policy a ticket follows, which branch applies at an instant, and where on its steps the
// ticket is. Steps count from the ticket's opening; the branch is chosen at the moment of the call, because it
// says who can be reached now.
import type { Engagement, EscalationPolicy, EscalationStep } from '../engagement/types.ts';
import { calendarOf } from './calendars.ts';
import { DAY_MS, MINUTE_MS } from './time.ts';

export type Branch = 'business-hours' | 'after-hours' | 'all-hours';

/**
 * The policy for a priority (and activity, when known): a policy naming the activity beats a general one, then
 * file order. Without an activity, policies limited to activities do not apply.
 */
export function pickPolicy(engagement: Engagement, priority: string, activity?: string): { id: string; policy: EscalationPolicy } | null {
  let best: { id: string; policy: EscalationPolicy; score: number } | null = null;
  for (const [id, policy] of Object.entries(engagement.escalation)) {
    const { priorities, activities } = policy.appliesTo;
    if (priorities && !priorities.includes(priority)) continue;
    if (activities && (activity === undefined || !activities.includes(activity))) continue;
    const score = (activities ? 2 : 0) + (priorities ? 1 : 0);
    if (!best || score > best.score) best = { id, policy, score };
  }
  return best && { id: best.id, policy: best.policy };
}

export interface BranchAt {
  branch: Branch;
  steps: EscalationStep[];
  /** When the calendar next opens or closes and the other branch takes over; null if it never does. */
  changesAt: number | null;
}

const HORIZON_MS = 400 * DAY_MS;

export function branchAt(engagement: Engagement, policy: EscalationPolicy, at: number): BranchAt {
  const cal = calendarOf(engagement, policy.calendar);
  if (!cal || !policy.afterHours) return { branch: 'all-hours', steps: policy.steps, changesAt: null };
  if (cal.isOpen(at)) {
    const open = cal.periods(at, at + HORIZON_MS)[0];
    return { branch: 'business-hours', steps: policy.steps, changesAt: open && open[1] < at + HORIZON_MS ? open[1] : null };
  }
  const next = cal.periods(at, at + HORIZON_MS)[0];
  return { branch: 'after-hours', steps: policy.afterHours, changesAt: next ? next[0] : null };
}

export interface StepPosition {
  /** 0 for the first pass through the steps, 1 for the first repeat, … */
  cycle: number;
  /** Index into the branch's steps; -1 before the first step is due. */
  index: number;
}

/**
 * A clock over the policy: time since opening (wall or business, as the policy says) ↔ position on the steps.
 * A repeat starts the steps again `every` after the last step (by default the gap before the last step).
 */
export class StepClock {
  readonly cycleMs: number;
  readonly times: number;

  constructor(
    private readonly engagement: Engagement,
    private readonly policy: EscalationPolicy,
    private readonly steps: EscalationStep[],
    private readonly openedAt: number,
  ) {
    const last = steps.at(-1)?.afterMs ?? 0;
    const gap = steps.length > 1 ? last - steps.at(-2)!.afterMs : 30 * MINUTE_MS;
    this.times = policy.repeat?.times ?? 0;
    this.cycleMs = last + Math.max(MINUTE_MS, policy.repeat?.everyMs ?? gap);
  }

  elapsed(now: number): number {
    if (now <= this.openedAt) return 0;
    const cal = this.policy.clock === 'business' ? calendarOf(this.engagement, this.policy.calendar) : null;
    return cal ? cal.elapsed(this.openedAt, now) : now - this.openedAt;
  }

  position(now: number): StepPosition {
    const elapsed = this.elapsed(now);
    const cycle = Math.min(Math.floor(elapsed / this.cycleMs), this.times);
    const within = elapsed - cycle * this.cycleMs;
    let index = -1;
    this.steps.forEach((s, i) => {
      if (s.afterMs <= within) index = i;
    });
    return { cycle, index };
  }

  /** The instant the step at `pos` starts. */
  startOf(pos: StepPosition): number {
    const offset = pos.cycle * this.cycleMs + (this.steps[pos.index]?.afterMs ?? 0);
    const cal = this.policy.clock === 'business' ? calendarOf(this.engagement, this.policy.calendar) : null;
    // The first step is due when the ticket opens, even on a business clock that is stopped then.
    return cal && offset > 0 ? cal.add(this.openedAt, offset) : this.openedAt + offset;
  }

  next(pos: StepPosition): StepPosition | null {
    if (pos.index + 1 < this.steps.length) return { cycle: pos.cycle, index: pos.index + 1 };
    return pos.cycle < this.times ? { cycle: pos.cycle + 1, index: 0 } : null;
  }
}
