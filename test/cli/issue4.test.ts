// `tandem oncall`, `who`, `owner` and `import-raci`, run in-process as `npx tandem` would, with the clock pinned.
import { describe, expect, it } from 'vitest';
import { cli } from '../core/engagement/helpers.ts';

const EX = ['--engagement', 'examples/acme-ost.yaml'];

describe('tandem who', () => {
  it('a P1 opened at 02:00 on a Saturday, 45 minutes later: step 3, the people, their links, and step 4 at 03:00', () => {
    const r = cli(['who', ...EX, '--priority', 'P1', '--opened', '2026-11-28T02:00-05:00', '--now', '2026-11-28T02:45-05:00']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe("P1 (Critical) · escalation 'P1 critical' · after hours ('business' is closed until Mon 2026-11-30 08:00 EST)");
    expect(lines[1]).toBe('Opened Sat 2026-11-28 02:00 EST · now Sat 2026-11-28 02:45 EST · 45 min since opening');
    expect(r.out).toContain('  step 1 (+0 min): Bilal Khan (on call)\n  step 2 (+15 min): Jane Doe (on call)');
    expect(r.out).toContain('NOW: step 3 of 4, since Sat 2026-11-28 02:30 EST\n  Dana Lee, Service Desk Lead, On-Site Technology\n    mobile         +1 973 555 0124                  tel:+19735550124');
    expect(r.out).toContain("    not now: service desk direct +1 973 555 0120 ('msp-extended' hours, from Sat 2026-11-28 09:00 EST)");
    expect(r.out).toContain('  Jane Doe, IT Manager, Acme Internal IT');
    expect(r.out).toContain('https://teams.microsoft.com/l/chat/0/0?users=jane.doe@acme.example');
    expect(r.out).toContain('NEXT: step 4 at Sat 2026-11-28 03:00 EST (in 15 min), if not acknowledged\n  Raj Patel, Chief Financial Officer (executive sponsor), Acme Corp leadership');
  });

  it('--json gives the step, the recipients and the next step with epoch instants', () => {
    const r = cli(['who', ...EX, '--priority', 'P1', '--opened', '2026-11-28T07:00Z', '--now', '2026-11-28T07:05Z', '--json']);
    expect(r.code).toBe(0);
    const w = JSON.parse(r.out);
    expect(w).toMatchObject({ ok: true, policy: { id: 'p1-critical' }, branch: 'after-hours', step: { number: 1 }, next: { number: 2, startsAt: Date.parse('2026-11-28T07:15Z') } });
    expect(w.step.recipients[0]).toMatchObject({ id: 'bkhan', oncall: { schedule: 'ost-noc', source: 'layer' } });
    expect(w.step.recipients[0].contacts.map((c: { href: string }) => c.href)).toEqual(['tel:+19735550122', 'slack://user?team=T02K7QZ4N&id=U04BK2H8Q', 'mailto:bilal.khan@onsite-tech.example']);
    expect(w.step.say).toMatch(/^After-hours P1/);
  });

  it('a local time without an offset is read in the engagement zone; --now defaults to the clock', () => {
    const r = cli(['who', ...EX, '--priority', 'P2', '--opened', '2026-11-27T06:00', '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, policy: { id: 'p2-high' }, elapsedMs: 60 * 60_000 });
  });

  it('usage errors exit 2, an unknown priority exits 1 with the reason', () => {
    expect(cli(['who', ...EX, '--opened', '2026-11-28T02:00Z']).code).toBe(2);
    expect(cli(['who', ...EX, '--priority', 'P1', '--opened', 'yesterday']).err).toContain("--opened 'yesterday' is not a date and time");
    const p9 = cli(['who', ...EX, '--priority', 'P9', '--opened', '2026-11-28T02:00Z']);
    expect([p9.code, p9.err]).toEqual([1, "tandem who: 'P9' is not a priority of this engagement (P1, P2, P3, P4)\n"]);
    expect(cli(['who', '--engagement', 'no/such.yaml', '--priority', 'P1', '--opened', '2026-11-28T02:00Z']).code).toBe(2);
  });
});

describe('tandem oncall', () => {
  it('who is on call now and the shifts ahead, overrides named', () => {
    const r = cli(['oncall', ...EX, '--schedule', 'ost-noc', '--at', '2026-12-24T10:00', '--days', '3']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`OST NOC on-call (ost-noc) · America/New_York
  On call at Thu 2026-12-24 10:00 EST: Chen Li (layer 'weekly') until Thu 2026-12-24 18:00 EST
  Next 3 days:
    Thu 2026-12-24 10:00 EST → Thu 2026-12-24 18:00 EST  Chen Li (layer 'weekly')
    Thu 2026-12-24 18:00 EST → Sat 2026-12-26 09:00 EST  Dana Lee (override: Christmas; Dana covers so the rotation engineer is off)
    Sat 2026-12-26 09:00 EST → Sun 2026-12-27 10:00 EST  Chen Li (layer 'weekly')
`);
  });

  it('every schedule by default, the fallback shown where the rotation is off; --json', () => {
    const r = cli(['oncall', ...EX, '--at', '2026-11-30T10:00-05:00', '--days', '1']);
    expect(r.out).toContain('Acme IT after-hours (P1 only) (acme-afterhours) · America/New_York\n  On call at Mon 2026-11-30 10:00 EST: nobody on the rotation; fallback Jane Doe until Mon 2026-11-30 18:00 EST');
    const j = JSON.parse(cli(['oncall', ...EX, '--schedule', 'acme-afterhours', '--at', '2026-11-30T10:00-05:00', '--days', '1', '--json']).out);
    expect(j[0]).toMatchObject({ id: 'acme-afterhours', now: { source: 'fallback', fallback: 'jdoe', people: [] } });
    expect(j[0].shifts[1]).toMatchObject({ from: Date.parse('2026-11-30T23:00Z'), people: ['tnguyen'], source: 'layer', layer: 0 });
  });

  it('an unknown schedule is a usage error', () => {
    const r = cli(['oncall', ...EX, '--schedule', 'nope']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("no on-call schedule 'nope' (known: ost-noc, acme-afterhours)");
  });
});

describe('tandem owner', () => {
  it('--activity: the roles with their parties and people', () => {
    const r = cli(['owner', ...EX, '--activity', 'firewall-change']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Activity: Firewall rule change (firewall-change) · network
Owner: On-Site Technology (R) · Acme Internal IT (A)
  R Responsible On-Site Technology: Sofia Garcia, Michael Okafor, Dana Lee, Ana Smith, Bilal Khan, Chen Li
  A Accountable Acme Internal IT: Jane Doe, Marco Reyes, Tina Nguyen
  C Consulted   Metro Fiber: Tom Walsh
`);
  });

  it('--ticket: routed first, with the rule that matched, then the after-hours owner at --at', () => {
    const r = cli(['owner', ...EX, '--ticket', 'test/fixtures/tickets/zendesk-phishing-night.json', '--at', '2026-11-28T02:00-05:00']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      "Engagement: Acme Corp × On-Site Technology (acme-ost), by helpdesk 'acme-zendesk': organization is 'Acme Corp'",
      "Activity: Security incident response (containment) (incident-containment), by rule 1: tags is one of 'security', 'phishing', 'ransomware', 'compromised' (The SOC and the phishing button tag tickets; containment beats everything else.)",
      'Priority: P1 · status: pending_vendor',
      "Owner: On-Site Technology (RA) · Sentry Harbor SOC (R) · after hours ('business' is closed at Sat 2026-11-28 02:00 EST)",
    ]);
    expect(r.out).toContain("In business hours ('business' open): On-Site Technology (R) · Sentry Harbor SOC (R) · Acme Internal IT (A)");
  });

  it('--ticket --json, and a ticket no engagement maps', () => {
    const j = JSON.parse(cli(['owner', ...EX, '--ticket', 'test/fixtures/tickets/zendesk-firewall.json', '--json']).out);
    expect(j).toMatchObject({ engagement: 'acme-ost', route: { activity: 'firewall-change', priority: 'P2', status: 'open', rule: { index: 2 } }, ownership: { variant: 'standard' } });
    expect(j.ownership.roles.R[0].id).toBe('ost');
    const globex = cli(['owner', ...EX, '--ticket', 'test/fixtures/tickets/zendesk-globex.json']);
    expect([globex.code, globex.err]).toEqual([1, "tandem owner: no engagement maps acme.zendesk.com organization 'Globex'\n"]);
  });

  it('needs exactly one of --activity and --ticket', () => {
    expect(cli(['owner', ...EX]).code).toBe(2);
    expect(cli(['owner', ...EX, '--activity', 'x', '--ticket', 'y.json']).code).toBe(2);
    expect(cli(['owner', ...EX, '--activity', 'nope']).err).toContain("no activity 'nope' in acme-ost");
  });
});

describe('tandem import-raci', () => {
  it('prints the activities block', () => {
    const r = cli(['import-raci', 'test/fixtures/raci/matrix.csv']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^activities:\n  tier-1-intake-and-password-resets:\n    name: Tier 1 intake and password resets\n    area: service-desk\n    raci: \{ ost: R, acme-it: A \}\n/);
  });

  it('reports bad cells with row and column, prints nothing on stdout, exits 1', () => {
    const r = cli(['import-raci', 'test/fixtures/raci/bad-cells.csv']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toContain("test/fixtures/raci/bad-cells.csv: row 3, column C: 'AX' (acme-it, Firewall rule change) is not a RACI cell: use R, A, C, I or S, or two letters such as RA");
  });

  it('--json, usage and unreadable files', () => {
    expect(JSON.parse(cli(['import-raci', 'test/fixtures/raci/semicolons.csv', '--json']).out).activities).toHaveLength(2);
    expect(cli(['import-raci']).code).toBe(2);
    expect(cli(['import-raci', 'no/such.csv']).code).toBe(2);
  });
});

it('the new commands are listed in --help', () => {
  const help = cli(['--help']).out;
  for (const c of ['tandem oncall --engagement', 'tandem who --engagement', 'tandem owner --engagement', 'tandem import-raci FILE.csv']) expect(help).toContain(c);
});
