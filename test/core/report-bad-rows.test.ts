// Rows and files the readers cannot take as they are: a quoted field never closed, an empty file, times before the
// ticket's creation, statuses the mapping does not know or that say done without an end time.
import { describe, expect, it } from 'vitest';
import { buildReport, readExport, type TicketRecord } from '../../core/report/index.ts';
import { chunked, engagement, t } from './report-helpers.ts';

async function records(text: string | AsyncIterable<string>) {
  const reading = readExport('generic', { name: 'tickets.csv', text: typeof text === 'string' ? chunked(text) : text });
  const out: TicketRecord[] = [];
  for await (const r of reading.records) out.push(r);
  return { records: out, problems: reading.problems };
}

describe('reading a CSV export', () => {
  it('stops at a quoted field that is never closed, naming its row', async () => {
    const text = 'id,created,subject\n1,2026-02-02T09:00:00Z,ok\n2,2026-02-02T09:00:00Z,"Printer, 2nd floor\n3,2026-02-02T09:00:00Z,ok\n';
    await expect(records(text)).rejects.toThrow("tickets.csv row 3: a quoted field is never closed");
  });

  it('stops early when a quote stays open for megabytes, rather than carrying the rest of the file as one value', async () => {
    let fed = 0;
    const endless = async function* () {
      yield 'id,created,subject\n1,2026-02-02T09:00:00Z,ok\n2,2026-02-02T09:00:00Z,"stray\n';
      // Rows without quotes, 1 MB at a time: inside the open quote none of them ends a row.
      const mb = '9,2026-02-02T09:00:00Z,ok\n'.repeat(Math.ceil(2 ** 20 / 26));
      for (let i = 0; i < 64; i++) {
        fed++;
        yield mb;
      }
    };
    await expect(records(endless())).rejects.toThrow('tickets.csv row 3: a quoted field is never closed');
    expect(fed).toBeLessThan(20);
  });

  it('calls an empty or blank file empty instead of reading no tickets from it', async () => {
    await expect(records('')).rejects.toThrow('tickets.csv: the file is empty');
    await expect(records('\n\n\n')).rejects.toThrow('tickets.csv: the file is empty');
    await expect(records('\r\n\r\n')).rejects.toThrow('tickets.csv: the file is empty');
  });

  it('leaves out, with a warning naming row and column, a time before the creation', async () => {
    const text = 'id,created,firstResponse,resolved\nb1,2026-02-02T09:00:00Z,2026-02-02T08:50:00Z,2026-02-02T12:00:00Z\nb2,2026-02-02T09:00:00Z,2026-02-02T09:05:00Z,2026-02-01T12:00:00Z\n';
    const { records: rs, problems } = await records(text);
    expect(rs.map((r) => [r.firstResponse, r.resolved])).toEqual([[undefined, t('2026-02-02T12:00:00Z')], [t('2026-02-02T09:05:00Z'), undefined]]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'before-created', row: 2, column: 'firstResponse', message: expect.stringContaining('2026-02-02T08:50:00.000Z is before the ticket was created') }),
      expect.objectContaining({ severity: 'warning', code: 'before-created', row: 3, column: 'resolved' }),
    ]);
  });
});

describe('statuses of records without history', () => {
  it('warn when the mapping does not know a status, or when it says done and no time says when', async () => {
    const text = [
      'id,organization,priority,status,created,firstResponse,resolved',
      'c1,Acme Corp,3,Cancelled,2026-02-02T09:00:00-05:00,,',
      'c2,Acme Corp,3,Closed,2026-02-02T09:00:00-05:00,2026-02-02T09:30:00-05:00,',
      'c3,Acme Corp,3,Bogus,2026-02-02T09:00:00-05:00,2026-02-02T09:30:00-05:00,',
      'c4,Acme Corp,3,Resolved,2026-02-02T09:00:00-05:00,2026-02-02T09:30:00-05:00,2026-02-02T10:30:00-05:00',
    ].join('\n');
    const reading = readExport('generic', { name: 'tickets.csv', text: chunked(text) });
    const report = await buildReport(engagement, reading.records, { helpdesk: 'acme-portal', now: t('2026-02-10T12:00:00Z'), reading });
    expect(report.problems.listed.map((p) => [p.row, p.code, p.message])).toEqual([
      [2, 'no-end-time', "status 'Cancelled' says the ticket is canceled, but the row gives no resolved or closed time: its clocks are timed as still running"],
      [3, 'no-end-time', expect.stringContaining("status 'Closed' says the ticket is closed")],
      [4, 'unmapped', "status 'Bogus' is not mapped by acme-portal"],
    ]);
    expect(report.counts.problems).toBe(3);
  });
});

describe('a ticket id read twice', () => {
  it('keeps the first row of the ticket, warns at the repeat with the first row, and notes how many were left out', async () => {
    const text = [
      'id,organization,priority,status,created,firstResponse,resolved',
      'T1,Acme Corp,1,Resolved,2026-02-02T09:00:00Z,2026-02-02T09:05:00Z,2026-02-02T10:00:00Z',
      'T2,Acme Corp,1,Resolved,2026-02-02T09:00:00Z,2026-02-02T09:05:00Z,2026-02-02T10:00:00Z',
      'T1,Acme Corp,1,Open,2026-02-02T09:00:00Z,,',
    ].join('\n');
    const reading = readExport('generic', { name: 'tickets.csv', text: chunked(text) });
    const report = await buildReport(engagement, reading.records, { helpdesk: 'acme-portal', now: t('2026-02-10T12:00:00Z'), reading });
    expect(report.counts).toMatchObject({ records: 2, inPeriod: 2 });
    expect(report.problems.listed).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'repeated-id', row: 4, message: "ticket 'T1' was already read at row 2: this row is left out" }),
    ]);
    expect(report.notes).toContainEqual(expect.stringMatching(/^1 row repeated a ticket id read before and was left out/));
    expect(report.backlog).toEqual([]);
  });
});
