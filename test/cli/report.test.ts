// `tandem report` in-process on a tiny generic CSV of the example engagement's portal: the command streams the
// files itself, so the run is awaited. Seven tickets, Jan–Mar 2026, times written without a zone (portal.csv) and
// the same instants in UTC (portal-utc.csv).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../core/cli/io.ts';
import { run } from '../../core/cli/run.ts';
import type { Report } from '../../core/report/types.ts';
import { NOW, repo } from '../core/engagement/helpers.ts';

async function tandem(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
    readFile: (p) => readFileSync(isAbsolute(p) ? p : repo(p), 'utf8'),
  };
  const code = await run(argv, io, NOW);
  return { code, out, err };
}

const EXPORT = repo('test/fixtures/exports/cli/portal.csv');
const COLUMNS = [
  '--column', 'id=Ticket', '--column', 'created=Opened', '--column', 'priority=Priority', '--column', 'status=Status',
  '--column', 'organization=Company', '--column', 'category=Category', '--column', 'firstResponse=First reply', '--column', 'resolved=Resolved at',
];
const BASE = ['report', '--engagement', 'examples/acme-ost.yaml', '--format', 'csv', '--helpdesk', 'acme-portal', ...COLUMNS, '--now', '2026-03-31T12:00'];
const tmp = mkdtempSync(join(tmpdir(), 'tandem-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const kpi = (report: Report, priority: string, month: string, metric: string) =>
  report.policies.find((p) => p.policy === 'joint' && p.priority === priority && p.month === month)?.metrics.find((m) => m.metric === metric);

describe('tandem report', () => {
  it('prints the report as JSON for an inclusive --from/--to period in the engagement zone', async () => {
    const r = await tandem([...BASE, '--export-zone', 'America/New_York', '--from', '2026-01-01', '--to', '2026-02-28', '--json', EXPORT]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Report;
    expect(report.engagement.id).toBe('acme-ost');
    expect(report.helpdesk).toBe('acme-portal');
    expect(report.period).toEqual({ from: Date.parse('2026-01-01T05:00:00Z'), to: Date.parse('2026-03-01T05:00:00Z') });
    expect(report.now).toBe(Date.parse('2026-03-31T16:00:00Z'));
    expect(report.counts).toMatchObject({ records: 7, inPeriod: 6, outOfPeriod: 1 });
    // P2 in Jan–Feb: 1001 answered in 20 min (met); 1002 after 2 h, 1005 never, 1006 unreadable reply time (breached).
    expect(kpi(report, 'P2', 'all', 'first_response')).toMatchObject({ met: 1, breached: 3, attainment: 0.25 });
    expect(kpi(report, 'P2', '2026-01', 'first_response')).toMatchObject({ met: 1, breached: 1, attainment: 0.5 });
    // The unreadable reply time is a warning with its place in the file; the report still runs.
    expect(r.err).toContain("portal.csv row 7 column 'First reply': warning");
    expect(r.err).toContain('(bad-time)');
  });

  it("takes the columns and the export zone from the mapping's export block; flags still win over it", async () => {
    const withFlags = JSON.parse((await tandem([...BASE, '--export-zone', 'America/New_York', '--json', EXPORT])).out) as Report;
    // The example with acme-portal's export layout written into the file instead of given as flags.
    const text = readFileSync(repo('examples/acme-ost.yaml'), 'utf8');
    const layout = [
      '    export:', '      timeZone: America/New_York', '      columns:', '        id: Ticket', '        created: Opened', '        priority: Priority',
      '        status: Status', '        organization: Company', '        category: Category', '        firstResponse: First reply', '        resolved: Resolved at',
    ].join('\n');
    const withLayout = text.replace(/^(  - id: acme-portal\n)/m, `$1${layout}\n`);
    expect(withLayout).not.toBe(text);
    const file = join(tmp, 'with-export-layout.yaml');
    writeFileSync(file, withLayout);
    const fromFile = await tandem(['report', '--engagement', file, '--format', 'csv', '--helpdesk', 'acme-portal', '--now', '2026-03-31T12:00', '--json', EXPORT]);
    expect(fromFile.err).not.toContain('has no time zone');
    expect(fromFile.code).toBe(0);
    const report = JSON.parse(fromFile.out) as Report;
    expect(report.policies).toEqual(withFlags.policies);
    expect(report.counts).toEqual(withFlags.counts);
    // A flag overrides the file: read in UTC, the same rows give other clocks.
    const utc = JSON.parse((await tandem(['report', '--engagement', file, '--format', 'csv', '--helpdesk', 'acme-portal', '--now', '2026-03-31T12:00', '--export-zone', 'UTC', '--json', EXPORT])).out) as Report;
    expect(utc.policies).not.toEqual(withFlags.policies);
  });

  it('reads times written in UTC without --export-zone, to the same clocks as the zone-less file with the zone', async () => {
    const local = JSON.parse((await tandem([...BASE, '--export-zone', 'America/New_York', '--json', EXPORT])).out) as Report;
    const utc = await tandem([...BASE, '--json', repo('test/fixtures/exports/cli/portal-utc.csv')]);
    expect(utc.code).toBe(0);
    const report = JSON.parse(utc.out) as Report;
    expect(report.policies).toEqual(local.policies);
    expect(report.breaches).toEqual(local.breaches);
    expect(report.backlog).toEqual(local.backlog);
  });

  it('stops with exit 1 naming file, row and column when zone-less times come without --export-zone', async () => {
    const r = await tandem([...BASE, '--json', EXPORT]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain("portal.csv row 2 column 'Opened'");
    expect(r.err).toContain('--export-zone America/New_York');
  });

  it('takes --to as the last day included, and a month for a whole month', async () => {
    const day = JSON.parse((await tandem([...BASE, '--export-zone', 'America/New_York', '--from', '2026-02-01', '--to', '2026-02-11', '--json', EXPORT])).out) as Report;
    expect(day.period).toEqual({ from: Date.parse('2026-02-01T05:00:00Z'), to: Date.parse('2026-02-12T05:00:00Z') });
    expect(day.counts.inPeriod).toBe(3);
    const month = JSON.parse((await tandem([...BASE, '--export-zone', 'America/New_York', '--from', '2026-02', '--to', '2026-02', '--json', EXPORT])).out) as Report;
    expect(month.period).toEqual({ from: Date.parse('2026-02-01T05:00:00Z'), to: Date.parse('2026-03-01T05:00:00Z') });
    expect(month.counts.inPeriod).toBe(3);
  });

  it('prints the KPI tables as CSV', async () => {
    const r = await tandem([...BASE, '--export-zone', 'America/New_York', '--csv', EXPORT]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^policy,kind,priority,month,metric,tickets,met,breached,/);
    expect(lines).toContain('joint,SLA,P1,2026-02,first_response,1,1,0,0,0,1.0000,10.0,10.0,10.0,10.0,1,0.0000,1.0000');
  });

  it('prints a summary table by default', async () => {
    const r = await tandem([...BASE, '--export-zone', 'America/New_York', '--to', '2026-02-28', EXPORT]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toContain('6 tickets in the period (7 read, 1 outside the period');
    expect(lines.find((l) => l.startsWith('policy'))).toMatch(/^policy\s+priority\s+tickets\s+first response\s+FR median/);
    expect(lines.find((l) => /^SLA joint\s+P2 /.test(l))).toMatch(/\s4\s+25\.0%\s/);
  });

  it('writes one self-contained HTML file with SVG charts', async () => {
    const out = join(tmp, 'report.html');
    const r = await tandem([...BASE, '--export-zone', 'America/New_York', '--html', out, EXPORT]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`wrote ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('<svg');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html).not.toMatch(/<link\b/);
    expect(html).toContain('<h1>Acme Corp × On-Site Technology</h1>');
  });

  it('refuses an unknown --format, an unknown --column field and an unknown zone with exit 1', async () => {
    const format = await tandem(['report', '--engagement', 'examples/acme-ost.yaml', '--format', 'remedy', EXPORT]);
    expect(format.code).toBe(1);
    expect(format.err).toContain("unknown --format 'remedy' (expected zendesk, jira, servicenow, freshservice, halo, connectwise or csv)");
    const field = await tandem([...BASE, '--column', 'opened=Opened', EXPORT]);
    expect(field.code).toBe(1);
    expect(field.err).toContain("--column: unknown field 'opened'");
    const zone = await tandem([...BASE, '--export-zone', 'Mars/Olympus', EXPORT]);
    expect(zone.code).toBe(1);
    expect(zone.err).toContain("--export-zone 'Mars/Olympus' is not a time zone");
  });

  it('reports an invalid engagement as file:line:col problems, exit 1; usage errors and missing files exit 2', async () => {
    const bad = await tandem(['report', '--engagement', 'test/fixtures/broken/references.yaml', '--format', 'csv', EXPORT]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/test\/fixtures\/broken\/references\.yaml:5:55 error/);
    expect((await tandem(['report', '--format', 'csv', EXPORT])).code).toBe(2);
    expect((await tandem([...BASE, '--json', '--csv', EXPORT])).code).toBe(2);
    const missing = await tandem([...BASE, 'no/such/export.csv']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no/such/export.csv: cannot read: ENOENT');
  });

  it('names the engagement helpdesk mappings when the export type has none', async () => {
    const r = await tandem(['report', '--engagement', 'examples/acme-ost.yaml', '--format', 'jira', '--export-zone', 'UTC', EXPORT]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('acme-zendesk (zendesk)');
    expect(r.err).toContain('--helpdesk ID');
  });
});

describe('tandem report on rows it cannot use as they are', () => {
  const csv = (name: string, text: string) => {
    const path = join(tmp, name);
    writeFileSync(path, text);
    return path;
  };
  const PLAIN = ['report', '--engagement', 'examples/acme-ost.yaml', '--format', 'csv', '--helpdesk', 'acme-portal', '--now', '2026-02-10T12:00'];

  it('prints every listed problem on stderr, the unmapped priorities and statuses found while timing too', async () => {
    const file = csv('unmapped.csv', 'id,created,priority,status,organization\nu1,2026-02-02T09:00:00-05:00,9,Open,Acme Corp\nu2,2026-02-02T09:00:00-05:00,1,Parked,Acme Corp\n');
    const r = await tandem([...PLAIN, file]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${file} row 2: warning priority '9' is not mapped by acme-portal (unmapped)`);
    expect(r.err).toContain(`${file} row 3: warning status 'Parked' is not mapped by acme-portal (unmapped)`);
    expect(r.out).toContain('(2 read, 0 outside the period, 0 not routed, 1 without a priority, 2 problems)');
  });

  it('stops with exit 1 naming the row of a quoted field that is never closed, instead of reading the rest as one value', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `q${i},2026-02-02T09:00:00-05:00,3,Open,Acme Corp,${i === 9 ? '"Printer, 2nd floor' : 'ok'}`);
    const file = csv('quote.csv', `id,created,priority,status,organization,subject\n${rows.join('\n')}\n`);
    const r = await tandem([...PLAIN, file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file} row 11: a quoted field is never closed`);
  });

  it('stops with exit 1 on an empty file, and on a malformed --column with exit 2', async () => {
    const empty = await tandem([...PLAIN, csv('empty.csv', '')]);
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('empty.csv: the file is empty');
    const malformed = await tandem([...PLAIN, '--column', 'created', csv('one.csv', 'id,created\n1,2026-02-02T09:00:00Z\n')]);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('--column takes FIELD=HEADER');
  });

  it("reads --format csv with the engagement's generic mapping when no --helpdesk is given", async () => {
    const file = csv('plain.csv', 'id,created,priority,status,organization\np1,2026-02-02T09:00:00-05:00,1,Open,Acme Corp\n');
    const r = await tandem(['report', '--engagement', 'examples/acme-ost.yaml', '--format', 'csv', '--now', '2026-02-10T12:00', '--json', file]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as Report).helpdesk).toBe('acme-portal');
  });

  it('refuses a mapping of another helpdesk type than the export format', async () => {
    const r = await tandem(['report', '--engagement', 'examples/acme-ost.yaml', '--format', 'jira', '--helpdesk', 'acme-zendesk', '--export-zone', 'UTC', EXPORT]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("helpdesk 'acme-zendesk' is a zendesk mapping, and this export is read as jira");
  });
});
