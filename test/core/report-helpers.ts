// Shared by the report tests: the example engagement with a mapping per export format added (examples/ is left
// alone), fixture files as chunked text, and a report built from a fixture export.
import { readFileSync } from 'node:fs';
import { parseEngagement, type Engagement, type HelpdeskMapping } from '../../core/engagement/index.ts';
import { buildReport, readExport, type ExportFormat, type ReaderOptions, type Report, type ReportOptions } from '../../core/report/index.ts';
import { repo } from './engagement/helpers.ts';

export const H = 3_600_000;
export const M = 60_000;
export const t = (iso: string) => Date.parse(iso);

const parsed = parseEngagement(readFileSync(repo('examples/acme-ost.yaml'), 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const base = parsed.engagement;

function mapping(type: HelpdeskMapping['type'], priorities: Record<string, string>, statuses: HelpdeskMapping['statuses'], id = `acme-${type}`): HelpdeskMapping {
  return {
    id, type, url: `https://${type}.acme.example`, origin: `https://${type}.acme.example`, match: [], priorities, statuses,
    activities: [{ when: [{ field: 'category', op: 'in', values: ['Escalation'] }], activity: 't3-escalation' }, { default: 'helpdesk-t1' }],
    sla: ['joint', 'handoff'], fields: {},
  };
}

export const engagement: Engagement = {
  ...base,
  helpdesks: [
    ...base.helpdesks,
    // The example's acme-zendesk matches organization names; the JSON export carries organization ids only.
    mapping('zendesk', { urgent: 'P1', high: 'P2', normal: 'P3', low: 'P4' }, { new: 'new', open: 'open', pending: 'pending_customer', hold: 'pending_vendor', solved: 'resolved', closed: 'closed' }, 'acme-zendesk-json'),
    mapping('servicenow', { '1': 'P1', '2': 'P2', '3': 'P3', '4': 'P4', '5': 'P4' }, { New: 'new', 'In Progress': 'open', 'On Hold': 'pending_customer', Resolved: 'resolved', Closed: 'closed', Canceled: 'canceled' }),
    mapping('freshservice', { Urgent: 'P1', High: 'P2', Medium: 'P3', Low: 'P4' }, { Open: 'open', Pending: 'pending_customer', Resolved: 'resolved', Closed: 'closed' }),
    mapping('jira', { Highest: 'P1', High: 'P2', Medium: 'P3', Low: 'P4' }, { 'Waiting for customer': 'pending_customer', 'In Progress': 'open', Resolved: 'resolved', Done: 'closed' }),
    mapping('halopsa', { '1': 'P1', '2': 'P2', '3': 'P3', '4': 'P4' }, { Open: 'open', 'Waiting on user': 'pending_customer', Resolved: 'resolved', Closed: 'closed' }),
    mapping('connectwise', { 'Priority 1 - Critical': 'P1', 'Priority 2 - High': 'P2', 'Priority 3 - Normal': 'P3', 'Priority 4 - Low': 'P4' }, { New: 'new', 'In Progress': 'open', 'Waiting Customer': 'pending_customer', Resolved: 'resolved', Closed: 'closed' }),
  ],
};

/** A fixture file in small chunks that split rows (and quoted fields) anywhere, as a file stream would. */
export async function* chunked(text: string, size = 37): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export const fixture = (path: string) => readFileSync(repo(`test/fixtures/exports/${path}`), 'utf8');

export async function reportOf(
  format: ExportFormat, file: string, options: ReportOptions & { reader?: ReaderOptions; history?: string[] },
): Promise<Report> {
  const reading = readExport(format, { name: file, text: chunked(fixture(file)) }, {
    ...options.reader,
    history: options.history?.map((h) => ({ name: h, text: chunked(fixture(h)) })),
  });
  return buildReport(engagement, reading.records, { ...options, reading });
}

export function policyRow(report: Report, policy: string, priority: string, month: string) {
  const row = report.policies.find((p) => p.policy === policy && p.priority === priority && p.month === month);
  if (!row) throw new Error(`no ${policy} ${priority} ${month} row`);
  return Object.fromEntries(row.metrics.map((m) => [m.metric, m]));
}

export function ticketRow(report: Report, priority: string, month: string) {
  const row = report.tickets.find((p) => p.priority === priority && p.month === month);
  if (!row) throw new Error(`no ticket row ${priority} ${month}`);
  return row;
}
