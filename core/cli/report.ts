import { type ReadStream, createReadStream, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { isValidTimeZone } from '../calendar/index.ts';
import type { Engagement, HelpdeskMapping } from '../engagement/index.ts';
import { EXPORT_FIELDS } from '../engagement/vocabulary.ts';
import { durationLabel } from '../report/charts.ts';
import { reportHtml, htmlOptionsFrom } from '../report/html.ts';
import { buildReport, findMapping, mappingTypeFor, readExport, readerOptionsFor, reportToCsv } from '../report/index.ts';
import { ExportError } from '../report/problems.ts';
import type { ExportFormat, ExportInput, RecordField, Report, ReportProblem } from '../report/types.ts';
import { type CliIo, UsageError } from './io.ts';
import { UnreadableFile, instantArg, loadEngagement } from './load.ts';

const FORMATS: Record<string, ExportFormat> = {
  zendesk: 'zendesk', jira: 'jira', servicenow: 'servicenow', freshservice: 'freshservice', halo: 'halopsa', halopsa: 'halopsa',
  connectwise: 'connectwise', csv: 'generic', generic: 'generic',
};

const RECORD_FIELDS = EXPORT_FIELDS;

export const reportHelp = `tandem report --engagement FILE --format FORMAT EXPORT [options]

SLA attainment, first response and resolution times (median, p90), reopen rate, first-contact resolution, backlog
age, breaches and disagreements with the helpdesk's own SLA, from a helpdesk's ticket export, per the engagement's
priorities, policies and calendars. Without an output flag it prints a short summary table.

  --format F        zendesk | jira | servicenow | freshservice | halo | connectwise | csv
                    (csv: any CSV, columns named by --column or by the canonical field names)
  --export-zone Z   IANA zone of the export's timestamps that have no offset (e.g. "2026-03-04 10:15"); required
                    when the file has any, unless the helpdesk mapping's export.timeZone says it; timestamps with
                    an offset or Z are read as written
  --column F=HEADER which column holds canonical field F (repeatable), e.g. --column created="Opened on";
                    over the mapping's export.columns in the engagement file; fields: ${wrap(RECORD_FIELDS.join(', '), 20)}
  --history FILE    a side file joined by ticket id (repeatable): Zendesk ticket metric events, ServiceNow
                    task_sla or sys_audit, or a CSV of ticket,at,field,value for --format csv
  --day-first       read slash dates as day/month/year (default month/day/year)
  --helpdesk ID     the engagement's helpdesk mapping that translates priorities and statuses
                    (default: the first of the export's type)
  --from DATE       first day of the period, YYYY-MM-DD (or YYYY-MM: the month's first day)
  --to DATE         last day of the period, INCLUSIVE, YYYY-MM-DD (or YYYY-MM: the whole month); both dates are
                    days in the engagement's time zone, and the period selects tickets by creation
  --now ISO         the instant clocks are evaluated at and the backlog is taken (default: now), for a
                    reproducible report; with an offset, or local to the engagement's zone
  --json            the whole report as JSON on stdout (instants epoch ms, durations ms)
  --csv             the KPI tables as CSV on stdout
  --html OUT        write the report as one self-contained HTML file (charts, tables, print layout) to OUT

Problems in rows (bad times, unknown priorities) are warnings on stderr; the report counts and skips them.
Exit status: 0 report made, 1 bad input (invalid engagement, unknown format or field, missing --export-zone,
unreadable export content), 2 usage error or unreadable file.`;

export const reportUsage = 'tandem report --engagement FILE --format FORMAT EXPORT [--export-zone ZONE] [--column F=HEADER] [--from DATE --to DATE] [--json | --csv | --html OUT]';

const WARNINGS_SHOWN = 20;

export async function reportCommand(args: string[], io: CliIo, now: number): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      engagement: { type: 'string' }, format: { type: 'string' }, 'export-zone': { type: 'string' },
      column: { type: 'string', multiple: true }, history: { type: 'string', multiple: true }, 'day-first': { type: 'boolean' },
      helpdesk: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, now: { type: 'string' },
      json: { type: 'boolean' }, csv: { type: 'boolean' }, html: { type: 'string' },
    },
  });
  if (values.engagement === undefined) throw new UsageError('report needs --engagement FILE');
  if (values.format === undefined) throw new UsageError(`report needs --format (${Object.keys(FORMATS).join(', ')})`);
  if (positionals.length !== 1) throw new UsageError('report takes one EXPORT file');
  if (values.json && values.csv) throw new UsageError('--json and --csv both write to stdout: pick one');
  const exportFile = positionals[0]!;

  const format = FORMATS[values.format.toLowerCase()];
  if (format === undefined) return fail(io, `unknown --format '${values.format}' (expected zendesk, jira, servicenow, freshservice, halo, connectwise or csv)`);
  const zone = values['export-zone'];
  if (zone !== undefined && !isValidTimeZone(zone)) return fail(io, `--export-zone '${zone}' is not a time zone (expected an IANA id such as Europe/Berlin or UTC)`);
  const columns = parseColumns(values.column ?? []);
  if (typeof columns === 'string') return fail(io, columns);

  const loaded = loadEngagement(values.engagement, io, now);
  if (!loaded.ok) return loaded.code;
  const engagement = loaded.engagement;
  const engagementZone = engagement.engagement.timeZone;
  if (values.helpdesk !== undefined && !engagement.helpdesks.some((h) => h.id === values.helpdesk)) {
    const ids = engagement.helpdesks.map((h) => h.id);
    return fail(io, `no helpdesk '${values.helpdesk}' in ${values.engagement}${ids.length > 0 ? ` (it has ${ids.join(', ')})` : ''}`);
  }
  const from = values.from === undefined ? undefined : dayStart('from', values.from, engagementZone, false);
  const to = values.to === undefined ? undefined : dayStart('to', values.to, engagementZone, true);
  if (from !== undefined && to !== undefined && to <= from) throw new UsageError(`--to ${values.to} is before --from ${values.from}`);
  const at = instantArg('now', values.now, engagementZone, now);

  let mapping: HelpdeskMapping;
  try {
    mapping = findMapping(engagement, values.helpdesk, mappingTypeFor(engagement, format));
  } catch (error) {
    // No mapping of the export's helpdesk type in the engagement (or several and no --helpdesk, or one of another
    // type): the engine's words.
    if (error instanceof RangeError) return fail(io, `${error.message}; choose one with --helpdesk ID`);
    throw error;
  }
  const history = (values.history ?? []).map(openInput);
  const input = openInput(exportFile);
  let report: Report;
  try {
    const options = readerOptionsFor(mapping, { ...(zone ? { exportZone: zone } : {}), ...(Object.keys(columns).length > 0 ? { columns } : {}), history, dayFirst: values['day-first'] });
    const reading = readExport(format, input, options);
    report = await buildReport(engagement, reading.records, { from, to, now: at, helpdesk: mapping.id, reading });
    // The report's list: the reading's problems and those found while timing (unmapped priorities and statuses).
    printProblems(io, report.problems.listed, report.counts.problems);
  } catch (error) {
    if (error instanceof ExportError) return fail(io, missingZoneHint(error, engagementZone));
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) throw new UnreadableFile(`${(error as NodeJS.ErrnoException).path ?? exportFile}: cannot read: ${code}`);
    throw error;
  } finally {
    // A reader that stopped early (or never started) leaves its file open; close them all.
    for (const file of [input, ...history]) (file.text as ReadStream).destroy();
  }

  if (values.html !== undefined) {
    try {
      writeFileSync(values.html, reportHtml(report, htmlOptionsFrom(engagement)));
    } catch (error) {
      throw new UnreadableFile(`${values.html}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    io.err(`wrote ${values.html}`);
  }
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else if (values.csv) io.out(reportToCsv(report));
  else io.out(summaryText(report, engagement));
  return 0;
}

function fail(io: CliIo, message: string): number {
  io.err(`tandem report: ${message}`);
  return 1;
}

/** The reader's error names file, row and column; an example of the flag with the likeliest zone helps further. */
function missingZoneHint(error: ExportError, engagementZone: string): string {
  const text = error.message;
  return /has no time zone/.test(text) ? `${text}\n  e.g. --export-zone ${engagementZone}, if the helpdesk wrote those times in the engagement's zone` : text;
}

/** Streams a named file; a missing or unreadable one is reported before anything is read (exit 2, like other commands). */
function openInput(path: string): ExportInput {
  try {
    if (!statSync(path).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (error) {
    throw new UnreadableFile(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { name: path, text: createReadStream(path, { encoding: 'utf8' }) };
}

function parseColumns(specs: string[]): Partial<Record<RecordField, string>> | string {
  const columns: Partial<Record<RecordField, string>> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const field = spec.slice(0, Math.max(0, eq)).trim();
    const header = spec.slice(eq + 1).trim();
    if (eq < 0 || header === '') throw new UsageError(`--column takes FIELD=HEADER, e.g. --column created="Opened on" (got '${spec}')`);
    const known = RECORD_FIELDS.find((f) => f.toLowerCase() === field.toLowerCase());
    if (known === undefined) return `--column: unknown field '${field}' (fields: ${RECORD_FIELDS.join(', ')})`;
    columns[known] = header;
  }
  return columns;
}

/** Start of a day (or month) in the engagement's zone; for --to, the start of the day after, as the period end is exclusive. */
function dayStart(flag: 'from' | 'to', text: string, zone: string, after: boolean): number {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  let date: Temporal.PlainDate;
  try {
    if (!m) throw new RangeError();
    date = Temporal.PlainDate.from({ year: +m[1]!, month: +m[2]!, day: m[3] === undefined ? 1 : +m[3] }, { overflow: 'reject' });
  } catch {
    throw new UsageError(`--${flag} '${text}' is not a date: write YYYY-MM-DD (or YYYY-MM for a whole month)`);
  }
  if (after) date = m![3] === undefined ? date.add({ months: 1 }) : date.add({ days: 1 });
  return date.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
}

function printProblems(io: CliIo, problems: ReportProblem[], total: number): void {
  for (const p of problems.slice(0, WARNINGS_SHOWN)) {
    io.err(`${p.file} row ${p.row}${p.column === undefined ? '' : ` column '${p.column}'`}: ${p.severity} ${p.message} (${p.code})`);
  }
  const count = Math.max(total, problems.length);
  if (count > WARNINGS_SHOWN) io.err(`… ${count - WARNINGS_SHOWN} more problem${count - WARNINGS_SHOWN === 1 ? '' : 's'} (all of them: --json, or the HTML report's list)`);
}

/** The whole-period figures per policy and priority, aligned for a terminal, and the counts that qualify them. */
function summaryText(report: Report, engagement: Engagement): string {
  const c = report.counts;
  const lines = [
    `${report.engagement.title}: ${c.inPeriod} ticket${c.inPeriod === 1 ? '' : 's'} in the period (${c.records} read, ${c.outOfPeriod} outside the period, ${c.unrouted} not routed, ${c.noPriority} without a priority, ${c.problems} problem${c.problems === 1 ? '' : 's'})`,
  ];
  const rank = (p: string) => engagement.priorities[p]?.rank ?? Number.MAX_SAFE_INTEGER;
  const rows = report.policies.filter((p) => p.month === 'all').sort((a, b) => a.policy.localeCompare(b.policy) || rank(a.priority) - rank(b.priority));
  const header = ['policy', 'priority', 'tickets', 'first response', 'FR median', 'FR p90', 'resolution', 'res median', 'res p90'];
  const table = rows.map((r) => {
    const fr = r.metrics.find((m) => m.metric === 'first_response');
    const res = r.metrics.find((m) => m.metric === 'resolution');
    const pct = (m: typeof fr) => (m === undefined || m.attainment === null ? '–' : `${(m.attainment * 100).toFixed(1)}%`);
    const d = (v: number | null | undefined) => (v === null || v === undefined ? '–' : durationLabel(v));
    return [`${r.kind} ${r.policy}`, r.priority, String(r.tickets), pct(fr), d(fr?.business.median), d(fr?.business.p90), pct(res), d(res?.business.median), d(res?.business.p90)];
  });
  if (table.length === 0) lines.push('No ticket in the period fell under an SLA policy.');
  else {
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    const fmt = (row: string[]) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
    lines.push('', fmt(header), ...table.map(fmt), '', 'Attainment = met ÷ (met + breached); times are business time on the policy calendar.');
  }
  const open = new Map<string, number>();
  for (const b of report.backlog) open.set(b.policy, (open.get(b.policy) ?? 0) + b.count);
  lines.push(`Breaches: ${report.breaches.total} · disagreements with the helpdesk's SLA: ${report.disagreements.total}`);
  if (open.size > 0) lines.push(`Backlog (open at the snapshot): ${[...open].map(([policy, n]) => `${policy} ${n}`).join(', ')}`);
  for (const note of report.notes) lines.push(`Note: ${note}`);
  return lines.join('\n');
}

function wrap(text: string, indent: number): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line.length + w.length + 1 > 96 - indent && line !== '') {
      lines.push(line.trimEnd());
      line = '';
    }
    line += `${w} `;
  }
  lines.push(line.trimEnd());
  return lines.join(`\n${' '.repeat(indent)}`);
}
