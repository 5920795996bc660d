import { describe, expect, it } from 'vitest';
import { whoToCall, type WhoToCall } from '../../../core/escalation/index.ts';
import { read } from '../engagement/helpers.ts';
import { HOUR, MIN, at, engagement, withOncall } from './helpers.ts';

const ONCALL = `  noc: { name: NOC, layers: [ { name: weekly, members: [ana, bo], shift: 1w, handoff: "2026-01-05T09:00" } ], fallback: ost }`;
const POLICY = `  p1:
    name: P1 critical
    appliesTo: { priorities: [P1] }
    calendar: business
    steps:
      - { after: 0m, notify: [ost], say: "Business hours: call the service desk." }
      - { after: 30m, notify: [jane] }
    afterHours:
      - { after: 0m, notify: ["oncall:noc"], say: "After hours: the NOC engineer owns triage." }
      - { after: 15m, notify: [jane] }
      - { after: 1h, notify: [acme-it] }
    repeat: { times: 2, every: 30m }
  containment:
    appliesTo: { priorities: [P1], activities: [intake] }
    steps: [ { after: 0m, notify: [cy] } ]
  p3:
    appliesTo: { priorities: [P3] }
    calendar: business
    clock: business
    steps: [ { after: 0m, notify: [ost] }, { after: 4h, notify: [jane] } ]`;
const e = engagement(withOncall(ONCALL, POLICY));
const ok = (w: WhoToCall) => {
  if (!w.ok) throw new Error(w.reason);
  return w;
};

describe('whoToCall', () => {
  it('a P1 at 2 AM on a holiday takes the after-hours branch', () => {
    // Thu 2026-11-26 is Thanksgiving, a holiday of the business calendar.
    const opened = at('2026-11-26T02:00');
    const w = ok(whoToCall(e, { priority: 'P1', openedAt: opened }, opened + 5 * MIN));
    expect(w.branch).toBe('after-hours');
    expect(w.branchChangesAt).toBe(at('2026-11-27T08:00'));
    expect(w.step).toMatchObject({ number: 1, startsAt: opened, say: 'After hours: the NOC engineer owns triage.' });
    // Week of Mon 2026-11-23 is week 46 after the anchor: ana.
    expect(w.step!.recipients.map((r) => [r.kind, r.id, r.oncall?.source])).toEqual([['person', 'ana', 'layer']]);
    expect(w.step!.recipients[0]!.oncall!.until).toBe(at('2026-11-30T09:00'));
    expect(w.next).toMatchObject({ number: 2, startsAt: opened + 15 * MIN });
    expect(w.next!.recipients[0]).toMatchObject({ id: 'jane', name: 'Jane Doe' });
  });

  it('the holiday decides even at 10 AM on a weekday; the same hour a day later is business hours', () => {
    expect(ok(whoToCall(e, { priority: 'P1', openedAt: at('2026-11-26T10:00') }, at('2026-11-26T10:01'))).branch).toBe('after-hours');
    const w = ok(whoToCall(e, { priority: 'P1', openedAt: at('2026-11-27T10:00') }, at('2026-11-27T10:01')));
    expect(w.branch).toBe('business-hours');
    expect(w.branchChangesAt).toBe(at('2026-11-27T18:00'));
    expect(w.step).toMatchObject({ number: 1, say: 'Business hours: call the service desk.' });
    expect(w.step!.recipients[0]).toMatchObject({ kind: 'party', id: 'ost', contacts: [{ type: 'phone', href: 'tel:+19735550100', label: 'hotline' }] });
  });

  it('picks the step by wall time since opening and gives the next step with its instant', () => {
    const opened = at('2026-11-28T02:00');
    const w = ok(whoToCall(e, { priority: 'P1', openedAt: opened }, opened + 45 * MIN));
    expect(w.elapsedMs).toBe(45 * MIN);
    expect(w.step).toMatchObject({ number: 2, cycle: 0, startsAt: opened + 15 * MIN });
    expect(w.next).toMatchObject({ number: 3, cycle: 0, startsAt: opened + HOUR });
    expect(w.next!.recipients[0]).toMatchObject({ kind: 'party', id: 'acme-it' });
  });

  it('contact methods limited to closed hours are listed as unavailable, with when they open', () => {
    const opened = at('2026-11-28T02:00');
    const jane = ok(whoToCall(e, { priority: 'P1', openedAt: opened }, opened + 20 * MIN)).step!.recipients[0]!;
    expect(jane.contacts.map((c) => c.href)).toEqual(['tel:+19735550111']);
    expect(jane.unavailable).toEqual([expect.objectContaining({ label: 'desk', hours: 'business', href: 'tel:+19735550110;ext=201', usableFrom: at('2026-11-30T08:00') })]);
  });

  it('repeats the steps `times` times, `every` after the last step, then stays on the last', () => {
    const opened = at('2026-11-28T02:00');
    // Cycle length: last step 1 h + every 30 m = 1 h 30 m.
    const w = ok(whoToCall(e, { priority: 'P1', openedAt: opened }, opened + 80 * MIN));
    expect(w.step).toMatchObject({ number: 3, cycle: 0 });
    expect(w.next).toMatchObject({ number: 1, cycle: 1, startsAt: opened + 90 * MIN });
    const late = ok(whoToCall(e, { priority: 'P1', openedAt: opened }, opened + 10 * HOUR));
    expect(late.step).toMatchObject({ number: 3, cycle: 2, startsAt: opened + 3 * HOUR + HOUR });
    expect(late.next).toBeNull();
  });

  it('a business-time clock counts only open hours', () => {
    // Opened Fri 16:00; 2 business hours by 18:00, the next 2 on Monday from 08:00: step 2 at Mon 10:00.
    const opened = at('2026-11-27T16:00');
    const w = ok(whoToCall(e, { priority: 'P3', openedAt: opened }, at('2026-11-28T12:00')));
    expect(w.clock).toBe('business');
    expect(w.elapsedMs).toBe(2 * HOUR);
    expect(w.branch).toBe('all-hours');
    expect(w.next).toMatchObject({ number: 2, startsAt: at('2026-11-30T10:00') });
  });

  it('a policy for the activity beats the general one for the priority', () => {
    const w = ok(whoToCall(e, { priority: 'P1', activity: 'intake', openedAt: at('2026-11-28T02:00') }, at('2026-11-28T02:01')));
    expect(w.policy.id).toBe('containment');
    expect(w.step!.recipients[0]!.id).toBe('cy');
  });

  it('says why when nothing applies', () => {
    expect(whoToCall(e, { priority: 'P9', openedAt: 0 }, 0)).toEqual({ ok: false, reason: "'P9' is not a priority of this engagement (P1, P3)" });
    const none = engagement(withOncall(ONCALL, '  p1: { appliesTo: { priorities: [P1] }, steps: [ { after: 0m, notify: [ost] } ] }'));
    expect(whoToCall(none, { priority: 'P3', openedAt: 0 }, 0)).toEqual({ ok: false, reason: 'no escalation policy applies to P3' });
  });

  it('the example engagement: a P1 opened at 02:00 on a Saturday, 45 minutes later', () => {
    const acme = engagement(read('examples/acme-ost.yaml'));
    const opened = at('2026-11-28T02:00-05:00');
    const w = ok(whoToCall(acme, { priority: 'P1', openedAt: opened }, opened + 45 * MIN));
    expect(w.policy.id).toBe('p1-critical');
    expect(w.branch).toBe('after-hours');
    expect(w.step).toMatchObject({ number: 3, startsAt: opened + 30 * MIN });
    expect(w.step!.recipients.map((r) => r.id)).toEqual(['dlee', 'jdoe']);
    expect(w.next).toMatchObject({ number: 4, startsAt: opened + HOUR });
    expect(w.next!.recipients.map((r) => r.id)).toEqual(['rpatel']);
  });
});

describe('whoToCall when a schedule names nobody', () => {
  it('says so instead of naming anyone', () => {
    const empty = engagement(withOncall(
      '  noc: { layers: [ { members: [], shift: 1w, handoff: "2026-01-05T09:00" } ] }',
      '  p3: { appliesTo: { priorities: [P3] }, steps: [ { after: 0m, notify: ["oncall:noc"] } ] }',
    ));
    const w = whoToCall(empty, { priority: 'P3', openedAt: at('2026-11-28T02:00') }, at('2026-11-28T02:00'));
    expect(w.ok && w.step!.recipients).toEqual([
      expect.objectContaining({ kind: 'nobody', id: 'noc', reason: 'nobody is on call in noc and it has no fallback', contacts: [], oncall: expect.objectContaining({ source: 'nobody' }) }),
    ]);
  });
});
