export { evaluateSla, policiesFor, calendarOf } from './evaluate.ts';
export { outcomeOf, outcomesOf, simpleOutcomes, simpleOutcomesWith, simplePlan, simpleTimeline } from './outcomes.ts';
export type { MetricOutcome, Outcome, SimplePlan, SimpleTicket } from './outcomes.ts';
export type { ClockState, Cycle, MetricClock, SlaEvaluation, TargetChange, TicketEvent, TicketTimeline } from './types.ts';
