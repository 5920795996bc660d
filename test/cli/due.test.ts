import { describe, expect, it } from 'vitest';
import { cli } from '../core/engagement/helpers.ts';

describe('tandem due', () => {
  it('counts a P2 opened on a holiday afternoon from the next opening, in the calendar zone and UTC', () => {
    const r = cli(['due', '--engagement', 'test/fixtures/engagements/sla.yaml', '--priority', 'P2', '--opened', '2026-11-26T16:30:00-05:00', '--now', '2026-11-27T08:30:00-05:00']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 4)).toEqual([
      'SLA joint: On-Site Technology → Acme IT, P2',
      '  first_response   running  30m left       target 1h 00m on business; due Fri 2026-11-27 09:00 -05:00 America/New_York (2026-11-27 14:00Z)',
      '  next_response    pending  not started    target 2h 00m on business',
      '  resolution       running  7h 30m left    target 8h 00m on business; due Fri 2026-11-27 16:00 -05:00 America/New_York (2026-11-27 21:00Z)',
    ]);
  });

  it('shows a breached 24x7 clock with the time over and when it breached', () => {
    const r = cli(['due', '--engagement', 'test/fixtures/engagements/sla.yaml', '--priority', 'P1', '--opened', '2026-11-28T02:00:00-05:00', '--now', '2026-11-28T02:45:00-05:00', '--policy', 'joint']);
    expect(r.out).toContain('  first_response   breached 30m over       target 15m on always; breached Sat 2026-11-28 02:15 -05:00 America/New_York (2026-11-28 07:15Z)');
    expect(r.out).toContain('  resolution       running  3h 15m left    target 4h 00m on always; due Sat 2026-11-28 06:00 -05:00 America/New_York (2026-11-28 11:00Z)');
  });

  it('prints evaluateSla results with --json', () => {
    const r = cli(['due', '--engagement', 'test/fixtures/engagements/sla.yaml', '--priority', 'P3', '--opened', '2026-12-01T09:00:00-05:00', '--now', '2026-12-01T10:00:00-05:00', '--json']);
    const results = JSON.parse(r.out) as Array<{ policy: string; metrics: Array<{ metric: string; remaining: number }> }>;
    expect(results.map((x) => x.policy)).toEqual(['joint', 'handoff']);
    expect(results[1]!.metrics.find((m) => m.metric === 'first_response')!.remaining).toBe(3_600_000);
  });

  it('reads a local time in the engagement zone, and refuses bad instants and unknown priorities as usage errors', () => {
    const base = ['due', '--engagement', 'test/fixtures/engagements/sla.yaml'];
    const local = cli([...base, '--priority', 'P2', '--opened', '2026-12-01T09:00', '--now', '2026-12-01T09:30', '--policy', 'joint']);
    expect(local.out).toContain('first_response   running  30m left');
    expect(cli([...base, '--priority', 'P2', '--opened', 'yesterday']).code).toBe(2);
    expect(cli([...base, '--priority', 'P7', '--opened', '2026-12-01T09:00:00Z']).err).toContain("no priority 'P7'");
    expect(cli([...base, '--opened', '2026-12-01T09:00:00Z']).code).toBe(2);
    expect(cli(['due', '--engagement', 'nope.yaml', '--priority', 'P1', '--opened', '2026-12-01T09:00:00Z']).code).toBe(2);
  });

  it('fails with the engagement file problems when it does not validate', () => {
    const r = cli(['due', '--engagement', 'test/fixtures/broken/references.yaml', '--priority', 'P1', '--opened', '2026-12-01T09:00:00Z']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("test/fixtures/broken/references.yaml:5:55 error no calendar 'buisness'");
  });
});

describe('tandem import-holidays', () => {
  it('prints the holidays of an .ics file as YAML for the calendar section', () => {
    const r = cli(['import-holidays', 'test/core/calendar/fixtures/us-holidays.ics', '--from', '2026-07-01', '--to', '2026-09-30']);
    expect(r.code).toBe(0);
    expect(r.out).toBe([
      '# 3 holidays from test/core/calendar/fixtures/us-holidays.ics, 2026-07-01 to 2026-09-30',
      'holidays:',
      '  - { date: 2026-07-03, name: "Independence Day (observed)" }',
      '  - { date: 2026-07-04, name: "Independence Day" }',
      '  - { date: 2026-09-07, name: "Labor Day" }',
      '',
    ].join('\n'));
  });

  it('reports a file that is not iCalendar, and bad ranges as usage errors', () => {
    expect(cli(['import-holidays', 'test/fixtures/engagements/sla.yaml']).code).toBe(1);
    expect(cli(['import-holidays', 'test/core/calendar/fixtures/us-holidays.ics', '--from', 'soon']).code).toBe(2);
    expect(cli(['import-holidays']).code).toBe(2);
  });
});
