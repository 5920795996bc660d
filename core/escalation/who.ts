// "Who do I call now for this P1?": the step the ticket has reached, the people behind each target with the
// contact methods usable now and their links, what to say, and the next step with the instant it starts.
import type { Engagement, EscalationStep, Target } from '../engagement/types.ts';
import { calendarOf } from './calendars.ts';
import { type ContactLink, type LinkOptions, contactLink, partyMethods, usableAt } from './contact.ts';
import { type Branch, StepClock, type StepPosition, branchAt, pickPolicy } from './policy.ts';
import { type ShiftSource, onCallAt, shifts } from './schedule.ts';
import { DAY_MS } from './time.ts';

export interface CallRequest {
  priority: string;
  activity?: string;
  openedAt: number;
}

export interface Recipient {
  /** The target as the step names it. */
  target: Target;
  kind: 'person' | 'party' | 'nobody';
  /** Person or party id; for 'nobody', the target's id. */
  id: string;
  name: string;
  /** For 'nobody': why nobody can be named, in words. */
  reason?: string;
  title?: string;
  party?: { id: string; name: string };
  /** Usable at the step's instant, in the order the file lists them. */
  contacts: ContactLink[];
  /** Listed but limited to hours that are closed at the step's instant. */
  unavailable: Array<ContactLink & { usableFrom: number | null }>;
  /** How an on-call target resolved. */
  oncall?: { schedule: string; scheduleName?: string; source: ShiftSource; until: number | null };
}

export interface StepView {
  /** 1-based, as people count steps. */
  number: number;
  cycle: number;
  startsAt: number;
  say?: string;
  recipients: Recipient[];
}

export type WhoToCall =
  | {
      ok: true;
      policy: { id: string; name?: string };
      branch: Branch;
      calendar?: string;
      /** When the calendar opens or closes and the other branch's steps apply; null if never. */
      branchChangesAt: number | null;
      clock: 'wall' | 'business';
      /** Time since opening on the policy's clock. */
      elapsedMs: number;
      /** The step in force now; null before the first step is due. */
      step: StepView | null;
      next: StepView | null;
    }
  | { ok: false; reason: string };

export function whoToCall(engagement: Engagement, request: CallRequest, now: number, links: LinkOptions = {}): WhoToCall {
  const { priority, activity, openedAt } = request;
  if (!engagement.priorities[priority]) {
    const known = Object.keys(engagement.priorities).join(', ');
    return { ok: false, reason: `'${priority}' is not a priority of this engagement (${known})` };
  }
  const picked = pickPolicy(engagement, priority, activity);
  if (!picked) {
    return { ok: false, reason: `no escalation policy applies to ${priority}${activity ? ` for activity '${activity}'` : ''}` };
  }
  const { id, policy } = picked;
  const branch = branchAt(engagement, policy, now);
  const clock = new StepClock(engagement, policy, branch.steps, openedAt);
  const pos = clock.position(now);
  const view = (p: StepPosition, at: number): StepView => {
    const step = branch.steps[p.index]!;
    return { number: p.index + 1, cycle: p.cycle, startsAt: clock.startOf(p), say: step.say, recipients: recipients(engagement, step, at, links) };
  };
  const nextPos = pos.index < 0 ? { cycle: 0, index: 0 } : clock.next(pos);
  const nextAt = nextPos && clock.startOf(nextPos);
  return {
    ok: true,
    policy: { id, name: policy.name },
    branch: branch.branch,
    calendar: policy.calendar,
    branchChangesAt: branch.changesAt,
    clock: policy.clock,
    elapsedMs: clock.elapsed(now),
    step: pos.index < 0 ? null : view(pos, now),
    next: nextPos && nextAt !== null ? view(nextPos, Math.max(now, nextAt)) : null,
  };
}

/** The people and parties a step reaches at instant `at`. */
export function recipients(engagement: Engagement, step: EscalationStep, at: number, links: LinkOptions = {}): Recipient[] {
  return step.notify.flatMap((t) => resolveTarget(engagement, t, at, links));
}

function resolveTarget(engagement: Engagement, target: Target, at: number, links: LinkOptions): Recipient[] {
  if (target.kind !== 'oncall') return [reach(engagement, target, target.id, at, links)];
  const schedule = engagement.oncall[target.id];
  if (!schedule) return [nobody(target, `no on-call schedule '${target.id}'`)];
  const answer = onCallAt(schedule, at);
  const until = shifts(schedule, at, at + 35 * DAY_MS)[0];
  const oncall = { schedule: target.id, scheduleName: schedule.name, source: answer.source, until: until && until.to < at + 35 * DAY_MS ? until.to : null };
  const ids = answer.source === 'fallback' ? [answer.fallback!] : answer.people;
  if (ids.length === 0) return [nobody(target, `nobody is on call in ${schedule.name ?? target.id} and it has no fallback`, oncall)];
  return ids.map((id) => ({ ...reach(engagement, target, id, at, links), oncall }));
}

function reach(engagement: Engagement, target: Target, id: string, at: number, links: LinkOptions): Recipient {
  const person = engagement.people[id];
  if (person) {
    const party = engagement.parties[person.party];
    return {
      target, kind: 'person', id, name: person.name, title: person.title,
      party: party && { id: person.party, name: party.name },
      ...sortMethods(engagement, person.contact, at, links),
    };
  }
  const party = engagement.parties[id];
  if (party) return { target, kind: 'party', id, name: party.name, ...sortMethods(engagement, partyMethods(party), at, links) };
  return nobody(target, `'${id}' is neither a person nor a party`);
}

function sortMethods(engagement: Engagement, methods: Engagement['people'][string]['contact'], at: number, links: LinkOptions): Pick<Recipient, 'contacts' | 'unavailable'> {
  const contacts: ContactLink[] = [];
  const unavailable: Recipient['unavailable'] = [];
  for (const m of methods) {
    const link = contactLink(m, links);
    if (usableAt(engagement, m, at)) {
      contacts.push(link);
      continue;
    }
    unavailable.push({ ...link, usableFrom: nextOpening(engagement, m.hours!, at) });
  }
  return { contacts, unavailable };
}

/** The first instant at or after `at` when the calendar is open; null when it stays closed for over a year. */
function nextOpening(engagement: Engagement, calendar: string, at: number): number | null {
  return calendarOf(engagement, calendar)?.periods(at, at + 400 * DAY_MS)[0]?.[0] ?? null;
}

function nobody(target: Target, reason: string, oncall?: Recipient['oncall']): Recipient {
  return { target, kind: 'nobody', id: target.id, name: 'nobody', reason, contacts: [], unavailable: [], oncall };
}
