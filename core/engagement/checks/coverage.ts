// The co-managed coverage gap: a priority whose clock runs 24x7 while the party Responsible for the work covers
// business hours only, and no escalation step reaches anyone after hours. This is the phishing-at-2-AM case.
import type { EngagementFile, StepInput } from '../schema.ts';
import { raci } from '../normalize.ts';
import { type CheckContext, entries } from './context.ts';

export function checkCoverage(ctx: CheckContext): void {
  const { file } = ctx;
  const reported = new Set<string>();
  for (const [slaId, s] of entries(file.sla)) {
    for (const [priority, target] of entries(s.targets)) {
      if (!isAlways(file, target.calendar)) continue;
      const scope = s.appliesTo?.activities ?? Object.keys(file.activities);
      const gaps = new Map<string, string[]>();
      for (const activityId of scope) {
        const a = file.activities[activityId];
        if (!a) continue;
        const row = a.afterHours ? raci(a.afterHours.raci) : raci(a.raci, a.owner);
        const responsible = Object.keys(row).filter((k) => row[k]!.includes('R')).map((k) => partyOf(file, k));
        if (responsible.length === 0 || responsible.some((p) => p === null || coversAlways(file, p))) continue;
        if (hasAfterHoursStep(file, priority, activityId)) continue;
        const key = responsible.join(',');
        gaps.set(key, [...(gaps.get(key) ?? []), activityId]);
      }
      for (const [parties, activities] of gaps) {
        const id = `${priority}|${parties}`;
        if (reported.has(id)) continue;
        reported.add(id);
        const names = parties.split(',').map((p) => file.parties[p]?.name ?? p).join(' and ');
        const first = activities[0]!;
        const more = activities.length > 1 ? ` (and ${activities.length - 1} more activit${activities.length === 2 ? 'y' : 'ies'})` : '';
        ctx.problems.error(
          'coverage-gap',
          `${priority} runs 24x7 under '${slaId}', but '${file.activities[first]!.name}'${more} is Responsible by ${names}, which covers business hours only, and no escalation for ${priority} reaches anyone after hours: add an afterHours branch or an on-call step`,
          ['activities', first],
          { key: true },
        );
      }
    }
  }
}

function isAlways(file: EngagementFile, calendarId: string): boolean {
  const c = file.calendars[calendarId];
  return c === '24x7' || (c !== undefined && c.hours === '24x7');
}

function partyOf(file: EngagementFile, who: string): string | null {
  if (file.parties[who]) return who;
  return file.people?.[who]?.party ?? null;
}

function coversAlways(file: EngagementFile, party: string): boolean {
  const coverage = file.parties[party]?.coverage;
  // A party whose hours are not stated is not assumed to leave a gap.
  return coverage === undefined || isAlways(file, coverage);
}

function hasAfterHoursStep(file: EngagementFile, priority: string, activity: string): boolean {
  return entries(file.escalation).some(([, e]) => {
    if (e.appliesTo?.priorities && !e.appliesTo.priorities.includes(priority)) return false;
    if (e.appliesTo?.activities && !e.appliesTo.activities.includes(activity)) return false;
    // An after-hours branch counts when it names someone: a person (named on purpose for the night), an on-call
    // schedule or a party that works around the clock. A business-hours party there is the same gap again.
    if (e.afterHours?.some((s: StepInput) => s.notify.some((t) => file.people?.[t] !== undefined || reachesAfterHours(file, t)))) return true;
    return e.steps.some((s: StepInput) => s.notify.some((t) => reachesAfterHours(file, t)));
  });
}

function reachesAfterHours(file: EngagementFile, target: string): boolean {
  if (target.startsWith('oncall:')) return true;
  const party = partyOf(file, target);
  return party !== null && file.parties[party]?.coverage !== undefined && coversAlways(file, party);
}
