// Live clock display in the content script. The background computes every clock once (breachAt, remainingMs at
// computedAt); from then on the panel counts down locally from breachAt − Date.now(), so a ticking panel costs no
// messages. The background is asked again only when something changes the answer: navigation, a status change seen
// on a re-read, or a clock crossing its breach (see nextBoundary).
import type { ClockView, PanelModel } from '../shared/panel-model.ts';
import type { NativeSla } from '../shared/ticket.ts';

const SECOND = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Under these, a running clock turns amber, then red (issue 6: "under 1 h, under 30 min"). */
export const WARN_BELOW_MS = HOUR;
export const DANGER_BELOW_MS = 30 * MINUTE;
/** A helpdesk due time further than this from ours is flagged as a disagreement. */
export const DISAGREE_ABOVE_MS = MINUTE;

export type Tone = 'ok' | 'warn' | 'danger' | 'neutral';

export interface ClockDisplay {
  /** The chip's words: ok, under 1 h, under 30 min, breached, paused, met, not started, canceled. */
  label: string;
  tone: Tone;
  /** "2 h 10 min", "−15 min"; null when no time is worth showing (met, not started). */
  time: string | null;
  /** Signed ms used to rank urgency (negative = overdue); null when the clock is not counting down. */
  urgency: number | null;
}

/**
 * "2 h 10 min", "45 min", "40 s", "1 d 3 h"; overdue times get a minus sign (U+2212, which reads as one in every
 * font). Each unit is truncated, not rounded, so the text never claims more time than is left.
 */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${sign}${Math.floor(abs / SECOND)} s`;
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  const m = Math.floor((abs % HOUR) / MINUTE);
  if (d > 0) return `${sign}${d} d${h > 0 ? ` ${h} h` : ''}`;
  if (h > 0) return `${sign}${h} h${m > 0 ? ` ${m} min` : ''}`;
  return `${sign}${m} min`;
}

/** What one clock shows at `now`. */
export function clockDisplay(c: ClockView, now: number): ClockDisplay {
  if (c.state === 'met') return { label: 'met', tone: 'ok', time: null, urgency: null };
  if (c.state === 'canceled') return { label: 'canceled', tone: 'neutral', time: null, urgency: null };
  if (c.state === 'pending') return { label: 'not started', tone: 'neutral', time: null, urgency: null };
  if (c.paused || c.state === 'paused') {
    // A paused clock does not move, so its business time left at computedAt is still true now.
    return c.remainingMs < 0
      ? { label: 'breached, paused', tone: 'danger', time: formatCountdown(c.remainingMs), urgency: null }
      : { label: 'paused', tone: 'neutral', time: formatCountdown(c.remainingMs), urgency: null };
  }
  if (c.state === 'breached') {
    // breachAt is null once the clock stopped (resolved late): the overdue time is fixed then. While it still
    // runs, the overdue time grows from the breach instant.
    if (c.breachAt === null) return { label: 'breached', tone: 'danger', time: formatCountdown(Math.min(c.remainingMs, 0)), urgency: null };
    const overdue = Math.min((c.breachedAt ?? c.breachAt) - now, 0);
    return { label: 'breached', tone: 'danger', time: formatCountdown(overdue), urgency: overdue };
  }
  // running
  const left = c.breachAt !== null ? c.breachAt - now : c.remainingMs;
  if (left <= 0) return { label: 'breached', tone: 'danger', time: formatCountdown(left), urgency: left };
  if (left < DANGER_BELOW_MS) return { label: 'under 30 min', tone: 'danger', time: formatCountdown(left), urgency: left };
  if (left < WARN_BELOW_MS) return { label: 'under 1 h', tone: 'warn', time: formatCountdown(left), urgency: left };
  return { label: 'ok', tone: 'ok', time: formatCountdown(left), urgency: left };
}

/** The clock that needs attention first (most overdue, else closest to breach), for the collapsed pill. */
export function mostUrgent(clocks: readonly ClockView[], now: number): { clock: ClockView; display: ClockDisplay } | null {
  let best: { clock: ClockView; display: ClockDisplay } | null = null;
  for (const clock of clocks) {
    const display = clockDisplay(clock, now);
    if (display.urgency === null) continue;
    if (!best || display.urgency < (best.display.urgency ?? Infinity)) best = { clock, display };
  }
  return best;
}

/**
 * The helpdesk's due time against ours for the same metric: the difference in ms when no clock of ours agrees
 * within DISAGREE_ABOVE_MS (compared with the closest one, preferring SLA policies, which are what a helpdesk
 * usually mirrors); null when they agree or there is nothing to compare.
 */
export function disagreement(native: NativeSla, clocks: readonly ClockView[]): number | null {
  if (native.dueAt === null || native.metric === 'other') return null;
  const same = clocks.filter((c) => c.metric === native.metric && c.breachAt !== null);
  const sla = same.filter((c) => c.kind === 'SLA');
  const candidates = sla.length > 0 ? sla : same;
  let closest: number | null = null;
  for (const c of candidates) {
    const diff = native.dueAt - (c.breachAt as number);
    if (closest === null || Math.abs(diff) < Math.abs(closest)) closest = diff;
  }
  return closest !== null && Math.abs(closest) > DISAGREE_ABOVE_MS ? closest : null;
}

/**
 * The next instant at which the background's answer goes stale by itself: a running clock reaching its breach, or
 * the next escalation step starting. null when nothing is scheduled.
 */
export function nextBoundary(model: PanelModel, now: number): number | null {
  if (!model.ok) return null;
  let next: number | null = null;
  const consider = (at: number | null | undefined) => {
    if (at != null && at > now && (next === null || at < next)) next = at;
  };
  for (const c of model.clocks) if (c.state === 'running' && !c.paused) consider(c.breachAt);
  if (model.escalation.ok) consider(model.escalation.next?.startsAt);
  return next;
}

/** "14:05" today, "Sat 14:05" within a week, else "2026-12-03 14:05", in the technician's own zone. */
export function formatDue(at: number, now: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) return hm;
  if (Math.abs(at - now) < 6 * DAY) return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()]} ${hm}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`;
}

type Listener = (now: number) => void;

/**
 * One timer for every countdown on the page, firing just after each second boundary so the displayed seconds and
 * minutes change on time; it stops when nothing listens.
 */
export function createTicker(now: () => number = () => Date.now()) {
  const listeners = new Set<Listener>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    timer = setTimeout(tick, SECOND - (now() % SECOND) + 5);
  };
  const tick = () => {
    const t = now();
    for (const l of listeners) l(t);
    if (listeners.size > 0) schedule();
    else timer = null;
  };
  return {
    subscribe(l: Listener): () => void {
      listeners.add(l);
      if (timer === null) schedule();
      return () => {
        listeners.delete(l);
        if (listeners.size === 0 && timer !== null) {
          clearTimeout(timer);
          timer = null;
        }
      };
    },
    get size() {
      return listeners.size;
    },
  };
}

export const ticker = createTicker();
