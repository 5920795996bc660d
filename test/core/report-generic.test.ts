import { describe, expect, it } from 'vitest';
import { readExport, type TicketRecord } from '../../core/report/index.ts';
import { H, M, policyRow, reportOf, t, ticketRow } from './report-helpers.ts';

const period = { from: t('2026-02-01T00:00:00-05:00'), to: t('2026-04-01T00:00:00-04:00'), now: t('2026-03-15T12:00:00-04:00'), helpdesk: 'acme-portal' };

describe('report over a generic CSV (acme-portal mapping, joint SLA)', async () => {
  const report = await reportOf('generic', 'generic/tickets.csv', { ...period, history: ['generic/history.csv'] });

  it('counts what it read, kept and left out', () => {
    // T8's creation time is not a time (an error, row 9); T9 is Globex's (the mapping matches Acme only);
    // T6 was created before the period (backlog only).
    expect(report.counts).toMatchObject({ records: 8, inPeriod: 6, outOfPeriod: 1, unrouted: 1 });
    expect(report.problems.listed).toEqual([
      expect.objectContaining({ code: 'bad-time', severity: 'error', file: 'generic/tickets.csv', row: 9, column: 'created' }),
    ]);
  });

  it('P1 in February: 24x7 targets, one ticket in time and one late', () => {
    // T1 answered in 10 min (≤ 15), resolved in 3 h (≤ 4); T2 answered in 30 min and resolved in 5 h: breached.
    // Nearest rank over two values: the median is the 1st (ceil(0.5 × 2)), p90 the 2nd (ceil(0.9 × 2)).
    const p1 = policyRow(report, 'joint', 'P1', '2026-02');
    expect(p1.first_response).toMatchObject({ met: 1, breached: 1, open: 0, attainment: 0.5, business: { count: 2, median: 10 * M, p90: 30 * M } });
    expect(p1.resolution).toMatchObject({ met: 1, breached: 1, attainment: 0.5, business: { median: 3 * H, p90: 5 * H }, calendar: { median: 3 * H, p90: 5 * H } });
    // Nobody replied as a customer, so no next-response clock ever started: not due, not counted, not open.
    expect(p1.next_response).toMatchObject({ met: 0, breached: 0, open: 0, canceled: 0, attainment: null });
  });

  it('P2 in February: business hours, and a pause from the status history', () => {
    // T3: created Mon 17:00, answered Tue 08:30 = 1 h + 30 min of business time > 1 h: breached by 30 min;
    // resolved Tue 12:00 = 1 h + 4 h = 5 h ≤ 8 h: met (calendar 19 h).
    // T4: created Wed 10:00, waiting on the requester 12:00 → Thu 09:00, resolved Thu 10:00: 2 h + 1 h counted
    // = 3 h (the 7 business hours of the pause excluded), calendar 24 h. Without the history it would be 10 h.
    const p2 = policyRow(report, 'joint', 'P2', '2026-02');
    expect(p2.first_response).toMatchObject({ met: 1, breached: 1, attainment: 0.5, business: { median: 20 * M, p90: 90 * M } });
    expect(p2.resolution).toMatchObject({ met: 2, breached: 0, attainment: 1, business: { median: 3 * H, p90: 5 * H }, calendar: { median: 19 * H, p90: 24 * H } });
  });

  it('P3 in March: a ticket never answered is breached on both clocks while still open', () => {
    const p3 = policyRow(report, 'joint', 'P3', '2026-03');
    expect(p3.first_response).toMatchObject({ met: 0, breached: 1, business: { count: 0 } });
    expect(p3.resolution).toMatchObject({ breached: 1, attainment: 0 });
  });

  it('ticket KPIs: reopen rate and first-contact resolution', () => {
    expect(ticketRow(report, 'P1', '2026-02')).toMatchObject({ tickets: 2, resolved: 2, reopened: 0, fcr: 2, fcrRate: 1, firstResponse: { median: 10 * M, p90: 30 * M } });
    // T7 was reopened once (the export's count): reopen rate 1/1, no FCR.
    expect(ticketRow(report, 'P4', '2026-02')).toMatchObject({ tickets: 1, resolved: 1, reopened: 1, reopenRate: 1, fcr: 0, fcrRate: 0 });
    expect(ticketRow(report, 'P2', 'all')).toMatchObject({ tickets: 2, resolution: { median: 19 * H, p90: 24 * H } });
  });

  it('lists the breaches with how far over they went', () => {
    const list = report.breaches.listed.map((b) => [b.ticket, b.metric, b.by]);
    expect(list).toEqual(expect.arrayContaining([
      ['T2', 'first_response', 15 * M],
      ['T2', 'resolution', H],
      ['T3', 'first_response', 30 * M],
    ]));
    expect(report.breaches.total).toBe(5);
  });

  it('takes the backlog at the snapshot, whatever the creation date, aged in business hours', () => {
    // T5: Mon 2 March 09:00 → Sun 15 March: 9 + 4 × 10 + 5 × 10 = 99 business hours (91+). T6 (January) too.
    const joint = report.backlog.filter((b) => b.policy === 'joint');
    expect(joint.map((b) => [b.priority, b.count, b.buckets])).toEqual([
      ['P2', 1, [0, 0, 0, 0, 0, 1]],
      ['P3', 1, [0, 0, 0, 0, 0, 1]],
    ]);
    expect(joint.find((b) => b.priority === 'P3')!.oldest).toBe(99 * H);
    expect(report.backlogAt).toBe(period.now);
  });

  it('says when it could not see pauses', async () => {
    const plain = await reportOf('generic', 'generic/tickets.csv', period);
    expect(plain.notes.join('\n')).toMatch(/no status history/);
    // Without T4's history its 7 paused hours count: 10 h > 8 h.
    expect(policyRow(plain, 'joint', 'P2', '2026-02').resolution).toMatchObject({ met: 1, breached: 1 });
  });
});

describe('a generic CSV with every canonical column', () => {
  it('puts each column in its field', async () => {
    const header = 'id,priority,status,organization,requester,requesterEmail,group,assignee,category,type,subject,tags,created,assigned,firstResponse,firstResolved,resolved,closed,reopens,assignees,groups,excluded,firstResponseBreached,resolutionBreached,firstResponseDue,resolutionDue';
    const row = 'T1,2,Open,Acme Corp,Ann,ann@acme.example,Desk,Bob,Network,incident,VPN down,vpn;remote,2026-03-02T09:00:00Z,2026-03-02T09:05:00Z,2026-03-02T09:10:00Z,2026-03-02T10:00:00Z,2026-03-02T11:00:00Z,2026-03-02T12:00:00Z,1,2,3,no,yes,no,2026-03-02T09:30:00Z,2026-03-02T17:00:00Z';
    const reading = readExport('generic', { name: 'all.csv', text: `${header}\n${row}\n` });
    const records: TicketRecord[] = [];
    for await (const r of reading.records) records.push(r);
    expect(reading.problems).toEqual([]);
    expect(records).toEqual([expect.objectContaining({
      id: 'T1', priority: '2', status: 'Open', organization: 'Acme Corp', requester: 'Ann', requesterEmail: 'ann@acme.example', group: 'Desk',
      assignee: 'Bob', category: 'Network', type: 'incident', subject: 'VPN down', tags: ['vpn', 'remote'],
      created: t('2026-03-02T09:00:00Z'), assigned: t('2026-03-02T09:05:00Z'), firstResponse: t('2026-03-02T09:10:00Z'),
      firstResolved: t('2026-03-02T10:00:00Z'), resolved: t('2026-03-02T11:00:00Z'), closed: t('2026-03-02T12:00:00Z'),
      reopens: 1, assignees: 2, groups: 3, excluded: false,
      helpdeskSla: [
        { metric: 'first_response', breached: true, dueAt: t('2026-03-02T09:30:00Z') },
        { metric: 'resolution', breached: false, dueAt: t('2026-03-02T17:00:00Z') },
      ],
    })]);
  });
});

describe('cells padded with white space', () => {
  it('are trimmed, no-break spaces and tabs included', async () => {
    // The second row repeats the first's words and times padded, the third unpadded after padded ones.
    const text = 'id,priority,status,created,resolved\n' +
      '\u00a0T1\u00a0,\t2 ,Open\u2003,2026-03-02T09:00:00Z,2026-03-02 10:00:00Z\n' +
      'T2, 2,\u00a0Open, 2026-03-02T09:00:00Z\t,\u20032026-03-02 10:00:00Z\n' +
      'T3,2,Open,2026-03-02T09:00:00Z,2026-03-02 10:00:00Z\n';
    const reading = readExport('generic', { name: 'pad.csv', text });
    const records: TicketRecord[] = [];
    for await (const r of reading.records) records.push(r);
    expect(reading.problems).toEqual([]);
    const cells = { priority: '2', status: 'Open', created: t('2026-03-02T09:00:00Z'), resolved: t('2026-03-02T10:00:00Z') };
    expect(records).toEqual(['T1', 'T2', 'T3'].map((id) => expect.objectContaining({ id, ...cells })));
  });
});
