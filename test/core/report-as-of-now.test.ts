// The report counts what had happened by its evaluation instant, and what the export says of a ticket's state:
// reopened tickets, history after now, tickets created after now, clocks that never started, canceled tickets,
// and the helpdesk's verdicts on clocks still running. Generic CSVs under the example's acme-portal mapping (joint
// SLA; P1 24×7: first response 15 min, resolution 4 h).
import { describe, expect, it } from 'vitest';
import { buildReport, readExport, type ReportOptions } from '../../core/report/index.ts';
import { H, chunked, engagement, policyRow, t, ticketRow } from './report-helpers.ts';

function report(csv: string, options: Omit<ReportOptions, 'helpdesk'>, history?: string) {
  const reading = readExport('generic', { name: 'tickets.csv', text: chunked(csv) }, {
    history: history === undefined ? undefined : [{ name: 'history.csv', text: chunked(history) }],
  });
  return buildReport(engagement, reading.records, { helpdesk: 'acme-portal', ...options, reading });
}

const P1 = 'id,organization,priority,status,created,firstResponse,firstResolved,resolved,reopens,resolutionBreached,resolutionDue';

describe('the report as of its evaluation instant', () => {
  it('a ticket solved once and reopened, with no last resolution, is open: backlog, running clock, no resolution time', async () => {
    const r = await report(`${P1}\nD1,Acme Corp,1,Open,2026-03-02T10:00:00Z,2026-03-02T10:05:00Z,2026-03-02T11:00:00Z,,1,,\n`, { now: t('2026-04-01T00:00:00Z') });
    const res = policyRow(r, 'joint', 'P1', '2026-03').resolution!;
    expect(res).toMatchObject({ met: 0, breached: 1 });
    expect(r.breaches.listed).toEqual([expect.objectContaining({ ticket: 'D1', metric: 'resolution', by: t('2026-04-01T00:00:00Z') - t('2026-03-02T10:00:00Z') - 4 * H })]);
    expect(r.backlog).toEqual([expect.objectContaining({ policy: 'joint', priority: 'P1', count: 1 })]);
    // Resolved once (the first resolution), reopened once: no FCR; not resolved now, so no resolution time.
    expect(ticketRow(r, 'P1', '2026-03')).toMatchObject({ resolved: 1, reopened: 1, fcr: 0, resolution: { count: 0 } });
  });

  it('an export without a last-resolution column still takes the first resolution as the end', async () => {
    const csv = 'id,organization,priority,status,created,firstResponse,firstResolved\nE1,Acme Corp,1,Resolved,2026-03-02T10:00:00Z,2026-03-02T10:05:00Z,2026-03-02T11:00:00Z\n';
    const r = await report(csv, { now: t('2026-04-01T00:00:00Z') });
    expect(policyRow(r, 'joint', 'P1', '2026-03').resolution).toMatchObject({ met: 1, breached: 0 });
    expect(ticketRow(r, 'P1', '2026-03')).toMatchObject({ resolved: 1, fcr: 1, resolution: { count: 1, median: H } });
    expect(r.backlog).toEqual([]);
  });

  it('history after now has not happened: no reopen yet, FCR, and the resolution the history shows by now', async () => {
    const history = [
      'ticket,at,field,value',
      'D3,2026-03-04T10:00:00Z,status,New',
      'D3,2026-03-04T11:00:00Z,status,Resolved',
      'D3,2026-03-04T12:00:00Z,status,Open',
      'D3,2026-03-04T12:00:00Z,assignee,Second tech',
      'D3,2026-03-04T15:30:00Z,status,Resolved',
    ].join('\n');
    const csv = 'id,organization,priority,status,created,firstResponse,resolved\nD3,Acme Corp,1,Resolved,2026-03-04T10:00:00Z,2026-03-04T10:05:00Z,2026-03-04T15:30:00Z\n';
    const before = await report(csv, { now: t('2026-03-04T11:30:00Z') }, history);
    expect(ticketRow(before, 'P1', '2026-03')).toMatchObject({ resolved: 1, reopened: 0, fcr: 1, fcrRate: 1, resolution: { count: 1, median: H } });
    // Once the reopen has happened it counts, and the resolution time runs to the last resolution.
    const after = await report(csv, { now: t('2026-03-05T00:00:00Z') }, history);
    expect(ticketRow(after, 'P1', '2026-03')).toMatchObject({ resolved: 1, reopened: 1, fcr: 0, resolution: { count: 1, median: 5.5 * H } });
  });

  it('a resolution known only from the history gives the ticket its resolution time', async () => {
    const history = 'ticket,at,field,value\nD4,2026-03-04T10:00:00Z,status,New\nD4,2026-03-04T11:00:00Z,status,Resolved\nD4,2026-03-04T13:00:00Z,status,Closed\n';
    const csv = 'id,organization,priority,status,created,firstResponse\nD4,Acme Corp,1,Closed,2026-03-04T10:00:00Z,2026-03-04T10:05:00Z\n';
    const r = await report(csv, { now: t('2026-03-05T00:00:00Z') }, history);
    // Closing a resolved ticket is no new resolution: the last resolution is 11:00.
    expect(ticketRow(r, 'P1', '2026-03')).toMatchObject({ resolved: 1, fcr: 1, resolution: { count: 1, median: H } });
  });

  it('a ticket created after now is not in the period, and a note says so', async () => {
    const csv = [
      'id,organization,priority,status,created,firstResponse,resolved',
      '81,Acme Corp,1,Resolved,2026-03-04T10:00:00Z,2026-03-04T10:05:00Z,2026-03-04T11:00:00Z',
      '82,Acme Corp,1,Resolved,2026-03-20T10:00:00Z,2026-03-20T10:05:00Z,2026-03-20T11:00:00Z',
    ].join('\n');
    const r = await report(csv, { now: t('2026-03-10T00:00:00Z'), from: t('2026-03-01T00:00:00-05:00'), to: t('2026-04-01T00:00:00-04:00') });
    expect(r.counts).toMatchObject({ records: 2, inPeriod: 1, outOfPeriod: 1 });
    expect(ticketRow(r, 'P1', '2026-03')).toMatchObject({ tickets: 1 });
    expect(r.notes).toContainEqual(expect.stringMatching(/^1 ticket was created after the evaluation instant/));
  });

  it('the backlog at the period end leaves out a ticket created at the first instant after it', async () => {
    const csv = [
      'id,organization,priority,status,created',
      'B1,Acme Corp,1,Open,2026-03-31T23:59:00-04:00',
      'B2,Acme Corp,1,Open,2026-04-01T00:00:00-04:00',
    ].join('\n');
    const r = await report(csv, { now: t('2026-04-10T00:00:00Z'), from: t('2026-03-01T00:00:00-05:00'), to: t('2026-04-01T00:00:00-04:00') });
    expect(r.backlog).toEqual([expect.objectContaining({ priority: 'P1', count: 1 })]);
  });

  it('a clock that never started is not counted as open', async () => {
    const csv = 'id,organization,priority,status,created,firstResponse,resolved\nN1,Acme Corp,1,Resolved,2026-03-04T10:00:00Z,2026-03-04T10:05:00Z,2026-03-04T11:00:00Z\nN2,Acme Corp,1,Open,2026-03-04T10:00:00Z,,\n';
    const r = await report(csv, { now: t('2026-03-04T10:10:00Z') });
    const p1 = policyRow(r, 'joint', 'P1', '2026-03');
    // No customer replied, so no next-response clock ever ran; N2's first response is running within target.
    expect(p1.next_response).toMatchObject({ met: 0, breached: 0, open: 0, canceled: 0 });
    expect(p1.first_response).toMatchObject({ met: 1, open: 1 });
  });

  it('a canceled ticket counts as a ticket but not as resolved, first-contact resolved or in resolution times', async () => {
    const csv = [
      'id,organization,priority,status,created,firstResponse,resolved',
      'J1,Acme Corp,1,Resolved,2026-03-04T10:00:00Z,2026-03-04T10:05:00Z,2026-03-04T13:00:00Z',
      'J2,Acme Corp,1,Cancelled,2026-03-04T10:00:00Z,,2026-03-04T10:02:00Z',
    ].join('\n');
    const r = await report(csv, { now: t('2026-04-01T00:00:00Z') });
    expect(ticketRow(r, 'P1', '2026-03')).toMatchObject({ tickets: 2, resolved: 1, fcr: 1, fcrRate: 1, resolution: { count: 1, median: 3 * H } });
    expect(policyRow(r, 'joint', 'P1', '2026-03').resolution).toMatchObject({ met: 1, canceled: 1 });
    expect(r.backlog).toEqual([]);
  });

  it('the helpdesk agrees with a clock still running within target unless it says breached', async () => {
    const csv = [
      P1,
      'A1,Acme Corp,1,Open,2026-03-04T10:00:00Z,2026-03-04T10:05:00Z,,,,no,',
      'A2,Acme Corp,1,Open,2026-03-04T10:00:00Z,2026-03-04T10:05:00Z,,,,,2026-03-04T14:00:00Z',
      'A3,Acme Corp,1,Open,2026-03-04T10:00:00Z,2026-03-04T10:05:00Z,,,,yes,',
    ].join('\n');
    const r = await report(csv, { now: t('2026-03-04T12:00:00Z') });
    expect(r.disagreements.listed).toEqual([{ ticket: 'A3', policy: 'joint', metric: 'resolution', priority: 'P1', ours: 'open', theirs: 'breached' }]);
    expect(r.disagreements.total).toBe(1);
  });
});
