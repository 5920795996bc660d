// The report as one CSV table: a row per policy × priority × month × metric (month 'all' = the whole period),
// with the ticket KPIs of the same priority and month repeated on each row so that a spreadsheet pivot needs no join.
import Papa from 'papaparse';
import type { Report } from './types.ts';

const HEADER = [
  'policy', 'kind', 'priority', 'month', 'metric', 'tickets', 'met', 'breached', 'open', 'canceled', 'attainment',
  'business_median_min', 'business_p90_min', 'calendar_median_min', 'calendar_p90_min', 'resolved', 'reopen_rate', 'fcr_rate',
];

const minutes = (ms: number | null) => (ms === null ? '' : (ms / 60_000).toFixed(1));
const rate = (r: number | null) => (r === null ? '' : r.toFixed(4));

export function reportToCsv(report: Report): string {
  const ticketRow = new Map(report.tickets.map((t) => [`${t.priority}|${t.month}`, t]));
  const rows: string[][] = [HEADER];
  for (const p of report.policies) {
    const t = ticketRow.get(`${p.priority}|${p.month}`);
    for (const m of p.metrics) {
      rows.push([
        p.policy, p.kind, p.priority, p.month, m.metric, String(p.tickets), String(m.met), String(m.breached), String(m.open),
        String(m.canceled), rate(m.attainment), minutes(m.business.median), minutes(m.business.p90), minutes(m.calendar.median),
        minutes(m.calendar.p90), t ? String(t.resolved) : '', rate(t?.reopenRate ?? null), rate(t?.fcrRate ?? null),
      ]);
    }
  }
  return `${Papa.unparse(rows, { newline: '\n' })}\n`;
}
