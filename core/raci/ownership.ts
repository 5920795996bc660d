// Who owns an activity: the parties and people holding each role, with the after-hours variant where the
// activity has one. The variant in force is chosen by an instant and the variant's calendar: closed means after hours.
import type { Engagement, Raci, Role } from '../engagement/types.ts';
import { calendarOf } from '../escalation/calendars.ts';

/** R first: the panel's "Owner:" line reads in this order. */
export const ROLE_ORDER: readonly Role[] = ['R', 'A', 'S', 'C', 'I'];

export const ROLE_WORDS: Record<Role, string> = { R: 'Responsible', A: 'Accountable', S: 'Support', C: 'Consulted', I: 'Informed' };

export interface PersonRef {
  id: string;
  name: string;
  title?: string;
}

export interface Holder {
  kind: 'party' | 'person';
  /** The party or person id the matrix names. */
  id: string;
  name: string;
  /** The party itself, or the person's party. */
  party: { id: string; name: string };
  /** The named person, or every person of the named party. */
  people: PersonRef[];
  /** All of this holder's roles in the row, e.g. ['R', 'A'] for "RA". */
  roles: Role[];
}

export type Variant = 'standard' | 'after-hours';

export interface Ownership {
  activity: string;
  name: string;
  area?: string;
  variant: Variant;
  /** For an activity with an after-hours variant: the calendar whose closed hours select it. */
  calendar?: string;
  roles: Record<Role, Holder[]>;
  /** The variant not in force, so a panel can show both ("after hours: OST RA"). */
  other?: { variant: Variant; roles: Record<Role, Holder[]> };
}

/**
 * Ownership of `activityId` at instant `at` (without `at`, the standard variant); null for an unknown activity.
 * An after-hours variant whose calendar is missing never applies.
 */
export function ownership(engagement: Engagement, activityId: string, at?: number): Ownership | null {
  const activity = engagement.activities[activityId];
  if (!activity) return null;
  const base = { activity: activityId, name: activity.name, area: activity.area };
  const standard = holders(engagement, activity.raci);
  const after = activity.afterHours;
  if (!after) return { ...base, variant: 'standard', roles: standard };
  const cal = calendarOf(engagement, after.calendar);
  const afterRoles = holders(engagement, after.raci);
  const isAfter = at !== undefined && cal !== null && !cal.isOpen(at);
  return isAfter
    ? { ...base, variant: 'after-hours', calendar: after.calendar, roles: afterRoles, other: { variant: 'standard', roles: standard } }
    : { ...base, variant: 'standard', calendar: after.calendar, roles: standard, other: { variant: 'after-hours', roles: afterRoles } };
}

export function holders(engagement: Engagement, raci: Raci): Record<Role, Holder[]> {
  const out: Record<Role, Holder[]> = { R: [], A: [], S: [], C: [], I: [] };
  for (const [id, roles] of Object.entries(raci)) {
    const holder = resolve(engagement, id, ROLE_ORDER.filter((r) => roles.includes(r)));
    for (const role of holder.roles) out[role].push(holder);
  }
  return out;
}

function resolve(engagement: Engagement, id: string, roles: Role[]): Holder {
  const person = engagement.people[id];
  if (person) {
    return {
      kind: 'person', id, name: person.name, roles,
      party: { id: person.party, name: engagement.parties[person.party]?.name ?? person.party },
      people: [{ id, name: person.name, title: person.title }],
    };
  }
  const people = Object.entries(engagement.people)
    .filter(([, p]) => p.party === id)
    .map(([pid, p]) => ({ id: pid, name: p.name, title: p.title }));
  const name = engagement.parties[id]?.name ?? id;
  return { kind: 'party', id, name, roles, party: { id, name }, people };
}

/** "On-Site Technology (R) · Acme Internal IT (A)": the R and A holders, each once, with all their letters. */
export function ownerLine(roles: Record<Role, Holder[]>): string {
  const seen = new Map<string, Holder>();
  for (const role of ['R', 'A'] as const) for (const h of roles[role]) if (!seen.has(h.id)) seen.set(h.id, h);
  return [...seen.values()].map((h) => `${h.name} (${h.roles.filter((r) => r === 'R' || r === 'A').join('')})`).join(' · ');
}
