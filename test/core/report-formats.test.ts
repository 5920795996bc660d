// One small hand-computed export per helpdesk format. `now` is Tue 10 Feb 2026 12:00 New York; P1 runs on the 24x7
// calendar (15 min first response, 4 h resolution), P2-P4 on Acme business hours (Mon-Fri 08:00-18:00 New York).
import { describe, expect, it } from 'vitest';
import { readExport, ExportError, type TicketRecord } from '../../core/report/index.ts';
import { chunked, fixture, H, M, policyRow, reportOf, t, ticketRow } from './report-helpers.ts';

const now = t('2026-02-10T12:00:00-05:00');
const NY = { exportZone: 'America/New_York' };

async function records(format: Parameters<typeof readExport>[0], file: string, reader = {}): Promise<TicketRecord[]> {
  const out: TicketRecord[] = [];
  for await (const r of readExport(format, { name: file, text: chunked(fixture(file)) }, reader).records) out.push(r);
  return out;
}

describe('Zendesk CSV export', async () => {
  const report = await reportOf('zendesk', 'zendesk/tickets.csv', { now, helpdesk: 'acme-zendesk' });

  it('reads times with offsets and derives the first reply from its minutes', async () => {
    const [first] = await records('zendesk', 'zendesk/tickets.csv');
    expect(first).toMatchObject({
      id: '101', priority: 'Urgent', status: 'Solved', organization: 'Acme Corp', subject: 'Printer, 2nd floor', tags: ['printer', 'hardware'],
      created: t('2026-02-02T09:00:00-05:00'), firstResponse: t('2026-02-02T09:12:00-05:00'), assigned: t('2026-02-02T09:01:00-05:00'),
      firstResolved: t('2026-02-02T11:00:00-05:00'), resolved: t('2026-02-02T11:00:00-05:00'), reopens: 0, assignees: 1, groups: 1,
    });
  });

  it('computes P1 attainment, FCR and reopen rate', () => {
    // 101: 12 min, 2 h (met, met). 102: 20 min (5 over), 5 h (1 h over), reopened once, two assignees.
    const p1 = policyRow(report, 'joint', 'P1', '2026-02');
    expect(p1.first_response).toMatchObject({ met: 1, breached: 1, business: { median: 12 * M, p90: 20 * M } });
    expect(p1.resolution).toMatchObject({ met: 1, breached: 1, attainment: 0.5 });
    expect(ticketRow(report, 'P1', '2026-02')).toMatchObject({ resolved: 2, reopened: 1, reopenRate: 0.5, fcr: 1, fcrRate: 0.5 });
    // 104 (low → P4): 10 business hours to solve, well inside 10 business days.
    expect(policyRow(report, 'joint', 'P4', '2026-02').resolution).toMatchObject({ met: 1, business: { median: 10 * H } });
  });

  it('counts a ticket whose priority the mapping does not know, and says which value', () => {
    expect(report.counts.noPriority).toBe(1);
    expect(report.problems.listed).toContainEqual(expect.objectContaining({ code: 'unmapped', message: expect.stringContaining("priority 'loud'"), row: 6 }));
  });
});

describe('Zendesk JSON export with ticket metric events', async () => {
  const report = await reportOf('zendesk', 'zendesk/tickets.ndjson', { now, helpdesk: 'acme-zendesk-json', history: ['zendesk/metric-events.json'] });

  it('reads the status history from the metric events and excludes the pending time', () => {
    // 202: open 15:00Z, pending 16:00-20:00Z (agent_work_time paused), solved 23:00Z: 1 h + 3 h = 4 h, not over.
    // 201: 2 h. Calendar: 2 h and 8 h.
    const p1 = policyRow(report, 'joint', 'P1', '2026-02');
    expect(p1.resolution).toMatchObject({ met: 2, breached: 0, business: { median: 2 * H, p90: 4 * H }, calendar: { median: 2 * H, p90: 8 * H } });
    // 202's first reply comes from the reply_time fulfil event: 5 minutes.
    expect(p1.first_response).toMatchObject({ met: 2, business: { median: 5 * M, p90: 10 * M } });
  });

  it("lists where Zendesk's own breach disagrees with Tandem's clock", () => {
    expect(report.disagreements).toEqual({ total: 1, listed: [{ ticket: '202', policy: 'joint', metric: 'resolution', priority: 'P1', ours: 'met', theirs: 'breached' }] });
  });

  it('collects a bad line as a problem and goes on', () => {
    expect(report.counts.records).toBe(2);
    expect(report.problems.listed).toContainEqual(expect.objectContaining({ code: 'bad-json', file: 'zendesk/tickets.ndjson', row: 3 }));
  });
});

describe('ServiceNow incidents with task_sla and audit history', async () => {
  const report = await reportOf('servicenow', 'servicenow/incidents.csv', { now, helpdesk: 'acme-servicenow', reader: NY, history: ['servicenow/task_sla.csv', 'servicenow/audit.csv'] });

  it('needs the export zone for its zone-less times, and says where', async () => {
    await expect(records('servicenow', 'servicenow/incidents.csv')).rejects.toThrow(ExportError);
    await expect(records('servicenow', 'servicenow/incidents.csv')).rejects.toThrow(/servicenow\/incidents\.csv row 2 column 'opened_at': '2026-02-02 09:00:00' has no time zone/);
  });

  it('pauses on hold from the audit history and compares with made_sla', () => {
    // INC2: 10:00-11:00 in progress, on hold 11:00-13:00, resolved 16:00: 1 h + 3 h = 4 h, met; ServiceNow says
    // made_sla false. INC1 and INC4: 3 h. No first response in the export: that clock stops at resolution.
    const p1 = policyRow(report, 'joint', 'P1', '2026-02');
    expect(p1.resolution).toMatchObject({ met: 3, breached: 0, business: { median: 3 * H, p90: 4 * H } });
    expect(p1.first_response).toMatchObject({ met: 0, breached: 3 });
    expect(report.disagreements.listed).toEqual([{ ticket: 'INC0010002', policy: 'joint', metric: 'resolution', priority: 'P1', ours: 'met', theirs: 'breached' }]);
    expect(report.notes.join('\n')).toMatch(/no first response time/);
  });

  it('leaves canceled incidents out of attainment, and counts reassignment against FCR', () => {
    expect(policyRow(report, 'joint', 'P2', '2026-02').resolution).toMatchObject({ canceled: 1, met: 0, breached: 0, attainment: null });
    // INC2 changed group once (reassignment_count 1).
    expect(ticketRow(report, 'P1', '2026-02')).toMatchObject({ resolved: 3, fcr: 2 });
  });
});

describe('Freshservice CSV export', async () => {
  const report = await reportOf('freshservice', 'freshservice/tickets.csv', { now, helpdesk: 'acme-freshservice', reader: NY });

  it('agrees with Freshservice on both verdicts and counts the open ticket as breached', () => {
    const p1 = policyRow(report, 'joint', 'P1', '2026-02');
    expect(p1.first_response).toMatchObject({ breached: 1 });
    expect(p1.resolution).toMatchObject({ met: 1 });
    expect(report.disagreements.total).toBe(0);
    // 3003 (Medium → P3) opened Mon 09:00 and never answered: 4 business hours ran out at 13:00.
    expect(report.breaches.listed).toContainEqual(expect.objectContaining({ ticket: '3003', metric: 'first_response', breachedAt: t('2026-02-02T13:00:00-05:00') }));
  });
});

describe('Jira Service Management CSV', async () => {
  const report = await reportOf('jira', 'jira/issues.csv', { now, helpdesk: 'acme-jira', reader: NY });

  it("reads Jira's dd/MMM/yy h:mm a times and times P2 in business hours", () => {
    // ITS-2: Mon 16:00 → Tue 08:10 = 2 h + 10 min: 1 h 10 min over the 1 h target; resolved Tue 10:00 = 4 h.
    const p2 = policyRow(report, 'joint', 'P2', '2026-02');
    expect(p2.first_response).toMatchObject({ breached: 1, business: { median: 130 * M } });
    expect(p2.resolution).toMatchObject({ met: 1, business: { median: 4 * H }, calendar: { median: 18 * H } });
    expect(report.breaches.listed).toContainEqual(expect.objectContaining({ ticket: 'ITS-2', metric: 'first_response', by: 70 * M }));
  });
});

describe('HaloPSA CSV', async () => {
  const report = await reportOf('halopsa', 'halopsa/tickets.csv', { now, helpdesk: 'acme-halopsa' });

  it('applies the OLA to escalations and leaves excluded tickets out', () => {
    // 5001 is an escalation: handoff (2 h 30 min) breached by 30 min at 3 h, joint (4 h) met.
    expect(policyRow(report, 'handoff', 'P1', '2026-02').resolution).toMatchObject({ breached: 1 });
    expect(report.breaches.listed).toContainEqual(expect.objectContaining({ ticket: '5001', policy: 'handoff', metric: 'resolution', by: 30 * M }));
    // 5003 has excludefromsla: counted as canceled.
    expect(policyRow(report, 'joint', 'P1', '2026-02').first_response).toMatchObject({ met: 1, breached: 1, canceled: 1 });
    // 5002: answered in 30 min while Halo's response state says in.
    expect(report.disagreements.listed).toEqual([{ ticket: '5002', policy: 'joint', metric: 'first_response', priority: 'P1', ours: 'breached', theirs: 'met' }]);
  });
});

describe('ConnectWise CSV', async () => {
  const report = await reportOf('connectwise', 'connectwise/tickets.csv', { now, helpdesk: 'acme-connectwise' });

  it('takes exactly 4 hours as met and 4 h 1 min as breached, against isInSla', () => {
    expect(policyRow(report, 'joint', 'P1', '2026-02').resolution).toMatchObject({ met: 1, breached: 1 });
    expect(report.disagreements.listed).toEqual([{ ticket: '7002', policy: 'joint', metric: 'resolution', priority: 'P1', ours: 'breached', theirs: 'met' }]);
  });

  it('ages the open ticket in business hours', () => {
    // 7003: Mon 2 Feb 05:00 New York → Tue 10 Feb 12:00: 10 + 4 × 10 + 10 + 4 = 64 business hours (61-90).
    expect(report.backlog).toContainEqual({ policy: 'joint', priority: 'P4', count: 1, buckets: [0, 0, 0, 0, 1, 0], oldest: 64 * H });
  });
});
