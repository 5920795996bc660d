// On-call schedules that escalations rely on: nobody on call in the next 30 days while a 24x7 priority would
// escalate to the schedule (Grafana OnCall's has_gaps, measured only where the escalation branch can apply), and
// escalation targets that cannot be reached by any method when their step applies.
import type { BusinessCalendar } from '../../calendar/index.ts';
import { calendarOf } from '../../escalation/calendars.ts';
import { shifts } from '../../escalation/schedule.ts';
import { type Span, intersect, subtract, union } from '../../escalation/spans.ts';
import { DAY_MS, formatLocal } from '../../escalation/time.ts';
import { normalize } from '../normalize.ts';
import type { Engagement, EscalationPolicy, EscalationStep } from '../types.ts';
import type { CheckContext } from './context.ts';

const WINDOW_MS = 30 * DAY_MS;

interface Use {
  policy: string;
  branch: 'steps' | 'afterHours';
  step: number;
  /** The first 24x7 priority (by rank) that follows the policy, if any. */
  priority?: string;
  /** When the step's branch can be the one in force, within the window. */
  need: Span[];
}

export function checkOncallCoverage(ctx: CheckContext): void {
  // Expanding schedules needs resolved references, known zones and calendars that compile; on a file with errors
  // the other checks already say what is wrong, and a gap computed from a guess would only add noise.
  if (ctx.problems.hasErrors) return;
  let e: Engagement;
  try {
    e = normalize(ctx.file);
  } catch {
    return;
  }
  const from = ctx.now;
  const to = ctx.now + WINDOW_MS;
  const uses = stepUses(e, from, to);
  checkGaps(ctx, e, uses, from, to);
  checkMembersReachable(ctx, e, uses);
  checkTargetsUsable(ctx, e, uses);
}

/** Every escalation step, with the spans in which its branch can apply and the 24x7 priority that follows it. */
function stepUses(e: Engagement, from: number, to: number): Use[] {
  const always = Object.keys(e.priorities).filter((p) =>
    Object.values(e.sla).some((s) => {
      const t = s.targets[p];
      return t !== undefined && e.calendars[t.calendar]?.hours === '24x7';
    }),
  );
  const out: Use[] = [];
  for (const [id, policy] of Object.entries(e.escalation)) {
    const priority = always.find((p) => !policy.appliesTo.priorities || policy.appliesTo.priorities.includes(p));
    for (const branch of ['steps', 'afterHours'] as const) {
      const need = branchSpans(e, policy, branch, from, to);
      if (need === null) continue;
      (policy[branch] ?? []).forEach((_s: EscalationStep, step) => out.push({ policy: id, branch, step, priority, need }));
    }
  }
  return out;
}

function branchSpans(e: Engagement, policy: EscalationPolicy, branch: 'steps' | 'afterHours', from: number, to: number): Span[] | null {
  let cal: BusinessCalendar | null = null;
  try {
    cal = calendarOf(e, policy.calendar);
  } catch {
    return null; // The calendar checks report a calendar that does not compile.
  }
  if (!policy.afterHours || !cal) return branch === 'steps' ? [[from, to]] : null;
  const open = cal.periods(from, to);
  return branch === 'steps' ? open : subtract([[from, to]], open);
}

function checkGaps(ctx: CheckContext, e: Engagement, uses: Use[], from: number, to: number): void {
  const bySchedule = new Map<string, Use[]>();
  for (const u of uses) {
    if (u.priority === undefined) continue;
    const step = e.escalation[u.policy]![u.branch]![u.step]!;
    for (const t of step.notify) if (t.kind === 'oncall' && e.oncall[t.id]) bySchedule.set(t.id, [...(bySchedule.get(t.id) ?? []), u]);
  }
  for (const [id, list] of bySchedule) {
    const schedule = e.oncall[id]!;
    const zone = schedule.timeZone;
    const covered = union(shifts(schedule, from, to).filter((s) => s.people.length > 0).map((s): Span => [s.from, s.to]));
    // Which use is hurt first decides the words; all uses count towards the gaps.
    const gaps = subtract(union(list.flatMap((u) => u.need)), covered);
    if (gaps.length === 0) continue;
    const [a, b] = gaps[0]!;
    const first = list.find((u) => intersect(u.need, [[a, b]]).length > 0) ?? list[0]!;
    const priority = first.priority!;
    const sla = Object.entries(e.sla).find(([, s]) => e.calendars[s.targets[priority]?.calendar ?? '']?.hours === '24x7')?.[0];
    const more = gaps.length > 1 ? ` (and ${gaps.length - 1} more gap${gaps.length === 2 ? '' : 's'} in the next 30 days)` : '';
    const never = subtract(union(list.flatMap((u) => u.need)), gaps).length === 0;
    const span = never ? 'nobody is ever on call in the next 30 days' : `nobody is on call from ${formatLocal(a, zone)} to ${formatLocal(b, zone)}${more}`;
    const when = `${span}, while ${priority} runs 24x7 under '${sla}' and escalation '${first.policy}' calls this schedule`;
    const fallback = schedule.fallback;
    if (fallback === undefined) {
      ctx.problems.error('oncall-gap', `${when}; there is no fallback, so nobody would be named: extend a layer, add an override or a fallback`, ['oncall', id], { key: true });
    } else {
      const name = e.people[fallback]?.name ?? e.parties[fallback]?.name ?? fallback;
      ctx.problems.warning('oncall-gap', `${when}; only the fallback ${name} answers then`, ['oncall', id], { key: true });
    }
  }
}

/** People who can be put on call by an escalation must have some way to be reached. */
function checkMembersReachable(ctx: CheckContext, e: Engagement, uses: Use[]): void {
  const used = new Set(uses.flatMap((u) => e.escalation[u.policy]![u.branch]![u.step]!.notify.filter((t) => t.kind === 'oncall').map((t) => t.id)));
  for (const id of used) {
    const s = e.oncall[id];
    if (!s) continue;
    const reported = new Set<string>();
    const check = (person: string, path: Array<string | number>) => {
      const p = e.people[person];
      if (!p || p.contact.length > 0 || reported.has(person)) return;
      reported.add(person);
      ctx.problems.error('contact-none', `${p.name} can be on call in '${id}', which escalations call, but has no contact method`, path);
    };
    s.layers.forEach((l, li) => l.members.forEach((m, mi) => check(m, ['oncall', id, 'layers', li, 'members', mi])));
    s.overrides.forEach((o, oi) => check(o.person, ['oncall', id, 'overrides', oi, 'person']));
    if (s.fallback !== undefined) check(s.fallback, ['oncall', id, 'fallback']);
  }
}

/**
 * A person named by a step whose every contact method is limited to hours that never overlap the times the step's
 * branch applies (a business-hours desk phone in the after-hours branch) cannot be reached when it matters.
 */
function checkTargetsUsable(ctx: CheckContext, e: Engagement, uses: Use[]): void {
  for (const u of uses) {
    const step = e.escalation[u.policy]![u.branch]![u.step]!;
    step.notify.forEach((t, ti) => {
      const p = e.people[t.id];
      if (t.kind !== 'person' || !p || p.contact.length === 0 || p.contact.some((m) => m.hours === undefined)) return;
      const usable = union(p.contact.flatMap((m) => {
        try {
          return calendarOf(e, m.hours)?.periods(u.need[0]?.[0] ?? 0, u.need.at(-1)?.[1] ?? 0) ?? [];
        } catch {
          return [];
        }
      }));
      if (u.need.length === 0 || intersect(u.need, usable).length > 0) return;
      const hours = [...new Set(p.contact.map((m) => m.hours))].join(', ');
      const when = u.branch === 'afterHours' ? 'after hours' : 'when this step applies';
      ctx.problems.error(
        'contact-unusable',
        `${p.name} can only be reached during '${hours}' hours, never ${when} in the next 30 days: add a contact method without \`hours\` or notify someone else`,
        ['escalation', u.policy, u.branch, u.step, 'notify', ti],
      );
    });
  }
}
