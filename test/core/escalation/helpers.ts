import { parseEngagement, type Engagement, type Problem, type Schedule } from '../../../core/engagement/index.ts';
import { parseInstant } from '../../../core/escalation/time.ts';
import { NOW } from '../engagement/helpers.ts';

export { NOW };
export const NY = 'America/New_York';
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** An instant from local text in New York (or with an offset). */
export const at = (text: string, zone = NY): number => {
  const t = parseInstant(text, zone);
  if (t === null) throw new Error(`bad instant ${text}`);
  return t;
};

export function engagement(yaml: string, now = NOW): Engagement {
  const r = parseEngagement(yaml, { now });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`).join('\n'));
  return r.engagement;
}

export function problems(yaml: string, now = NOW): Problem[] {
  const r = parseEngagement(yaml, { now });
  return r.ok ? r.warnings : r.problems;
}

export function schedule(partial: Partial<Schedule> & Pick<Schedule, 'layers'>): Schedule {
  return { timeZone: NY, overrides: [], ...partial };
}

/** A small valid engagement around a schedule and policy, for the validator and whoToCall. */
export function withOncall(oncall: string, escalation: string, extra = ''): string {
  return `tandem: 1
engagement: { id: t, title: Test, timeZone: America/New_York }
parties:
  acme-it: { kind: internal, name: Acme IT, coverage: business, hotline: "+1 973 555 0110" }
  ost: { kind: msp, name: On-Site Technology, coverage: always, hotline: "+1 973 555 0100" }
people:
  ana: { name: Ana Smith, party: ost, contact: [ { phone: "+1 973 555 0121" } ] }
  bo: { name: Bo Khan, party: ost, contact: [ { phone: "+1 973 555 0122" } ] }
  cy: { name: Cy Li, party: ost, contact: [ { phone: "+1 973 555 0123" } ] }
  jane: { name: Jane Doe, party: acme-it, contact: [ { phone: "+1 973 555 0111" }, { phone: "+1 973 555 0110 ext 201", label: desk, hours: business } ] }
calendars:
  business: { hours: { mon-fri: ["08:00-18:00"] }, holidays: [2026-11-26, 2026-12-25, 2027-01-01, 2027-11-25] }
  always: 24x7
priorities:
  P1: { name: Critical }
  P3: { name: Normal }
activities:
  intake: { name: Intake, raci: { ost: R, acme-it: A } }
sla:
  joint:
    kind: SLA
    provider: ost
    customer: acme-it
    targets:
      P1: { calendar: always, first_response: 15m }
      P3: { calendar: business, first_response: 4h }
oncall:
${oncall}
escalation:
${escalation}
${extra}`;
}
