export { onCallAt, shifts, type OnCall, type Shift, type ShiftSource } from './schedule.ts';
export { layerTurns, activeSpans, type Turn } from './rotation.ts';
export { whoToCall, recipients, type CallRequest, type Recipient, type StepView, type WhoToCall } from './who.ts';
export { pickPolicy, branchAt, StepClock, type Branch, type BranchAt, type StepPosition } from './policy.ts';
export {
  contactLink, safeHref, phoneHref, teamsChatHref, slackHref, mailtoHref, usableAt, partyMethods,
  type ContactLink, type LinkOptions,
} from './contact.ts';
export { calendarOf } from './calendars.ts';
export { parseInstant, formatLocal, formatDuration } from './time.ts';
export { union, intersect, subtract, type Span } from './spans.ts';
