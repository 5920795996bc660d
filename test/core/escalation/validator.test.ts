// The validator's on-call rules: gaps in the next 30 days of a schedule that a 24x7 priority escalates to, and
// escalation targets that cannot be reached when their step applies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onCallAt } from '../../../core/escalation/index.ts';
import { DAY, MIN, NOW, engagement, problems, withOncall } from './helpers.ts';

const codes = (yaml: string) => problems(yaml).filter((p) => ['oncall-gap', 'contact-unusable', 'contact-none'].includes(p.code));

const WEEKDAYS_ONLY = `  noc:
    layers: [ { members: [ana, bo], shift: 1w, handoff: "2026-01-05T09:00", active: [ { days: mon-fri, from: "00:00", to: "24:00" } ] } ]`;

describe('oncall-gap', () => {
  it('is an error when a 24x7 priority escalates to a schedule with nobody on and no fallback', () => {
    const found = codes(withOncall(WEEKDAYS_ONLY, '  p1: { appliesTo: { priorities: [P1] }, steps: [ { after: 0m, notify: ["oncall:noc"] } ] }'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', code: 'oncall-gap', path: ['oncall', 'noc'] });
    // NOW is Fri 2026-11-27 07:00 EST: the first gap is the weekend after it.
    expect(found[0]!.message).toBe(
      "nobody is on call from Sat 2026-11-28 00:00 EST to Mon 2026-11-30 00:00 EST (and 4 more gaps in the next 30 days), while P1 runs 24x7 under 'joint' and escalation 'p1' calls this schedule; there is no fallback, so nobody would be named: extend a layer, add an override or a fallback",
    );
  });

  it('is a warning when the fallback answers in the gap', () => {
    const found = codes(withOncall(`${WEEKDAYS_ONLY}\n    fallback: jane`, '  p1: { appliesTo: { priorities: [P1] }, steps: [ { after: 0m, notify: ["oncall:noc"] } ] }'));
    expect(found.map((p) => [p.severity, p.code])).toEqual([['warning', 'oncall-gap']]);
    expect(found[0]!.message).toMatch(/only the fallback Jane Doe answers then$/);
  });

  it('counts only the hours in which the branch that calls the schedule applies', () => {
    // The rotation is on nights and weekends; the after-hours branch calls it only while `business` is closed.
    const nights = `  noc:
    layers:
      - members: [ana, bo]
        shift: 1w
        handoff: "2026-01-05T09:00"
        active: [ { days: mon-fri, from: "18:00", to: "24:00" }, { days: mon-fri, from: "00:00", to: "08:00" }, { days: sat-sun, from: "00:00", to: "24:00" } ]
    overrides: [ { person: cy, from: "2026-12-25T00:00", to: "2026-12-26T00:00" } ]`;
    const branch = `  p1:
    appliesTo: { priorities: [P1] }
    calendar: business
    steps: [ { after: 0m, notify: [ost] } ]
    afterHours: [ { after: 0m, notify: ["oncall:noc"] } ]`;
    expect(codes(withOncall(nights, branch))).toEqual([]);
    // Without the Christmas override, the holiday (closed, but a Friday daytime) is a gap.
    const gap = codes(withOncall(nights.replace(/\n {4}overrides.*/, ''), branch));
    expect(gap.map((p) => p.code)).toEqual(['oncall-gap']);
    expect(gap[0]!.message).toMatch(/^nobody is on call from Fri 2026-12-25 08:00 EST to Fri 2026-12-25 18:00 EST, while P1/);
  });

  it('ignores schedules that only priorities without a 24x7 target escalate to', () => {
    expect(codes(withOncall(WEEKDAYS_ONLY, '  p3: { appliesTo: { priorities: [P3] }, steps: [ { after: 0m, notify: ["oncall:noc"] } ] }'))).toEqual([]);
  });

  it('looks 30 days ahead of the `now` the parser is given', () => {
    const yaml = withOncall(
      `  noc: { layers: [ { members: [ana], shift: 1w, handoff: "2026-01-05T09:00", active: [ { days: mon-sat, from: "00:00", to: "24:00" } ] } ] }`,
      '  p1: { appliesTo: { priorities: [P1] }, steps: [ { after: 0m, notify: ["oncall:noc"] } ] }',
    );
    const first = (now: number) => problems(yaml, now).find((p) => p.code === 'oncall-gap')!.message;
    expect(first(NOW)).toMatch(/^nobody is on call from Sun 2026-11-29 00:00 EST to Mon 2026-11-30 00:00 EST \(and 4 more gaps in the next 30 days\)/);
    expect(first(NOW + 10 * DAY)).toMatch(/^nobody is on call from Sun 2026-12-13 00:00 EST to Mon 2026-12-14 00:00 EST \(and 3 more gaps in the next 30 days\)/);
  });
});

describe('escalation targets without a usable contact method', () => {
  it('a person reachable only in business hours, named in the after-hours branch', () => {
    const extra = `  desk: { name: Desk Only, party: acme-it, contact: [ { phone: "+1 973 555 0150", hours: business }, { email: desk@acme.example, hours: business } ] }`;
    const yaml = withOncall(
      `  noc: { layers: [ { members: [ana], shift: 1w, handoff: "2026-01-05T09:00" } ] }`,
      `  p1:
    appliesTo: { priorities: [P1] }
    calendar: business
    steps: [ { after: 0m, notify: [desk] } ]
    afterHours: [ { after: 0m, notify: ["oncall:noc"] }, { after: 15m, notify: [desk] } ]`,
    ).replace('people:\n', `people:\n${extra}\n`);
    const found = codes(yaml);
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error', code: 'contact-unusable', path: ['escalation', 'p1', 'afterHours', 1, 'notify', 0],
        message: "Desk Only can only be reached during 'business' hours, never after hours in the next 30 days: add a contact method without `hours` or notify someone else",
      }),
    ]);
  });

  it('an on-call member with no contact method at all', () => {
    const yaml = withOncall(`  noc: { layers: [ { members: [ana, mute], shift: 1w, handoff: "2026-01-05T09:00" } ] }`, '  p1: { steps: [ { after: 0m, notify: ["oncall:noc"] } ] }')
      .replace('people:\n', 'people:\n  mute: { name: Mute Person, party: ost }\n');
    expect(codes(yaml)).toEqual([expect.objectContaining({ code: 'contact-none', path: ['oncall', 'noc', 'layers', 0, 'members', 1], message: "Mute Person can be on call in 'noc', which escalations call, but has no contact method" })]);
  });
});

// Random schedules, each one used by a 24x7 P1 at every hour: when the validator finds no gap, onCallAt names
// at least one person at every minute of the next 30 days.
describe('property: a schedule the validator finds gap-free names someone at every minute', () => {
  const clock = fc.constantFrom('00:00', '06:00', '08:00', '09:30', '12:00', '18:00', '22:00', '24:00');
  const window = fc.record({ days: fc.constantFrom('mon-fri', 'sat-sun', 'daily', 'mon,wed,fri', 'fri-mon', 'tue'), from: clock, to: clock });
  const layer = fc.record({
    members: fc.subarray(['ana', 'bo', 'cy'], { minLength: 0 }),
    shift: fc.constantFrom('8h', '12h', '1d', '2d', '1w', '2w'),
    handoff: fc.constantFrom('2026-01-05T09:00', '2026-03-08T02:30', '2026-11-01T01:30', '2025-12-31T23:00', '2027-01-01T00:00'),
    active: fc.option(fc.array(window, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  });
  const override = fc.record({ person: fc.constantFrom('ana', 'bo', 'cy'), day: fc.integer({ min: -2, max: 32 }), hours: fc.integer({ min: 1, max: 96 }) });
  const zone = fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu');

  it('holds', () => {
    let gapFree = 0;
    fc.assert(
      fc.property(zone, fc.array(layer, { minLength: 1, maxLength: 3 }), fc.array(override, { maxLength: 3 }), (tz, layers, overrides) => {
        const iso = (t: number) => new Date(t).toISOString().slice(0, 16) + 'Z';
        const text = `  noc:
    timeZone: ${tz}
    layers:
${layers.map((l) => `      - { members: [${l.members.join(', ')}], shift: ${l.shift}, handoff: "${l.handoff}"${l.active ? `, active: [${l.active.map((w) => `{ days: "${w.days}", from: "${w.from}", to: "${w.to}" }`).join(', ')}]` : ''} }`).join('\n')}
    overrides: [${overrides.map((o) => `{ person: ${o.person}, from: "${iso(NOW + o.day * DAY)}", to: "${iso(NOW + o.day * DAY + o.hours * 3_600_000)}" }`).join(', ')}]`;
        const yaml = withOncall(text, '  p1: { appliesTo: { priorities: [P1] }, steps: [ { after: 0m, notify: ["oncall:noc"] } ] }');
        const found = problems(yaml).filter((p) => p.code === 'oncall-gap');
        if (found.length > 0) return;
        gapFree++;
        const schedule = engagement(yaml).oncall.noc!;
        for (let t = NOW; t < NOW + 30 * DAY; t += MIN) {
          if (onCallAt(schedule, t).people.length === 0) throw new Error(`nobody at ${new Date(t).toISOString()} in\n${text}`);
        }
      }),
      { numRuns: 60, seed: 4 },
    );
    // The generator must produce gap-free schedules often enough for the property to say something.
    expect(gapFree).toBeGreaterThan(10);
  });
});
