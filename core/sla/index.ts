export { evaluateSla, policiesFor, calendarOf } from './evaluate.ts';
export type { ClockState, Cycle, MetricClock, SlaEvaluation, TargetChange, TicketEvent, TicketTimeline } from './types.ts';
