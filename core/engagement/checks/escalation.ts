// Escalation steps in time order, branches that can be chosen, and targets that can actually be reached.
import { parseDuration } from '../formats.ts';
import type { StepInput } from '../schema.ts';
import { type CheckContext, entries } from './context.ts';

export function checkEscalation(ctx: CheckContext): void {
  const { file, problems } = ctx;
  for (const [id, e] of entries(file.escalation)) {
    const base = ['escalation', id];
    if (e.afterHours && e.calendar === undefined) {
      problems.error('branch-calendar', 'afterHours needs `calendar`: the calendar whose closed hours select the after-hours steps', [...base, 'afterHours']);
    }
    if (e.clock === 'business' && e.calendar === undefined) {
      problems.error('branch-calendar', 'a business-time clock needs `calendar`: the calendar its delays are counted on', [...base, 'clock']);
    }
    for (const branch of ['steps', 'afterHours'] as const) {
      const steps = e[branch];
      if (!steps) continue;
      checkDelays(ctx, steps, [...base, branch]);
      steps.forEach((s, si) => s.notify.forEach((t, ti) => checkReachable(ctx, t, [...base, branch, si, 'notify', ti])));
    }
  }
}

function checkDelays(ctx: CheckContext, steps: StepInput[], base: Array<string | number>): void {
  const delay = (s: StepInput) => {
    const d = parseDuration(s.after);
    return d && 'ms' in d ? d.ms : NaN;
  };
  for (let i = 1; i < steps.length; i++) {
    const prev = delay(steps[i - 1]!);
    const cur = delay(steps[i]!);
    if (cur <= prev) {
      ctx.problems.error(
        'delay-order',
        `step ${i + 1} starts after ${steps[i]!.after}, no later than step ${i} (${steps[i - 1]!.after}): each step's delay must be longer than the one before`,
        [...base, i, 'after'],
      );
    }
  }
}

function checkReachable(ctx: CheckContext, target: string, path: Array<string | number>): void {
  const { file } = ctx;
  if (target.startsWith('oncall:')) return;
  const person = file.people?.[target];
  if (person) {
    if (!person.contact || person.contact.length === 0) {
      ctx.problems.error('contact-none', `${person.name} is an escalation target but has no contact method`, path);
    }
    return;
  }
  const party = file.parties[target];
  if (!party) return;
  const staffed = Object.values(file.people ?? {}).some((p) => p.party === target && (p.contact?.length ?? 0) > 0);
  if (!party.hotline && !party.email && !party.support?.phone && !party.support?.email && !staffed) {
    ctx.problems.error('contact-none', `${party.name} is an escalation target but has no hotline, email or people with a contact method`, path);
  }
}
