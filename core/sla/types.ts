import type { Duration, Metric, Status } from '../engagement/types.ts';

/** What happened to a ticket, in canonical terms (adapters and export readers translate their helpdesk's). */
export type TicketEvent =
  | { at: number; type: 'status'; status: Status }
  | { at: number; type: 'priority'; priority: string }
  /** A public reply or logged call by an agent: what the contract counts as a response. */
  | { at: number; type: 'agent_response' }
  | { at: number; type: 'customer_reply' }
  | { at: number; type: 'assigned' }
  | { at: number; type: 'resolved' }
  | { at: number; type: 'reopened' };

export interface TicketTimeline {
  createdAt: number;
  /** The canonical priority at creation. */
  priority: string;
  /** The canonical status at creation; `new` when absent. */
  status?: Status;
  activity?: string;
  events: TicketEvent[];
}

export type ClockState = 'pending' | 'running' | 'paused' | 'met' | 'breached' | 'canceled';

export interface Cycle {
  /** When the cycle started (the event), and when its business time started to count. */
  start: number;
  countingFrom: number;
  stop: number | null;
  state: ClockState;
  /** Business ms counted, pauses excluded. */
  elapsed: number;
  target: number;
  breachedAt: number | null;
}

export interface TargetChange {
  at: number;
  priority: string;
  calendar: string;
  target: Duration;
}

export interface MetricClock {
  metric: Metric;
  state: ClockState;
  /** True while the ticket's status is in the policy's pause list, whatever the state. */
  paused: boolean;
  calendar: string;
  target: Duration;
  /** The target in business ms of the current cycle (a business-day target depends on when the cycle started). */
  targetMs: number;
  elapsed: number;
  /** target − elapsed: negative once breached. */
  remaining: number;
  /** When the clock breaches if it keeps running; null while paused, stopped or not started. */
  breachAt: number | null;
  /** When it did breach, for a clock that is over its target. */
  breachedAt: number | null;
  percent: number;
  /** The policy's warning percentages already crossed, ascending. */
  warnings: number[];
  /** The next warning to cross and when, while running. */
  nextWarning: { percent: number; at: number } | null;
  cycles: Cycle[];
  targets: TargetChange[];
}

export interface SlaEvaluation {
  policy: string;
  kind: 'SLA' | 'OLA' | 'UC';
  provider: string;
  customer: string;
  priority: string;
  status: Status;
  metrics: MetricClock[];
}
