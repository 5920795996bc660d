// The QBR report as one HTML file a service delivery lead can mail, open offline and print: inline CSS and SVG only,
// no script and no URL, so nothing is fetched and nothing runs. Every value from the export or the engagement is
// escaped. Print CSS starts each section on a new page and keeps table headers on every page.
import { Temporal } from 'temporal-polyfill';
import type { Engagement, Metric } from '../engagement/types.ts';
import { attainmentCharts, chartOptionsFrom, distributionCharts, durationCharts, durationLabel, REFERENCE_GOAL, type ChartOptions } from './charts.ts';
import { chartSvg, escapeXml as e } from './svg.ts';
import { AGE_BUCKETS, type MetricKpi, type PolicyKpi, type Report, type Stats } from './types.ts';

export interface HtmlOptions extends ChartOptions {
  /** Display names of policies and priorities (the engagement's `name`s); ids are shown where absent. */
  policyNames?: Record<string, string>;
  priorityNames?: Record<string, string>;
}

/** Chart options plus the names the report shows, all from the engagement the report was built with. */
export function htmlOptionsFrom(engagement: Engagement): HtmlOptions {
  const policyNames: Record<string, string> = {};
  for (const [id, p] of Object.entries(engagement.sla)) if (p.name) policyNames[id] = p.name;
  const priorityNames: Record<string, string> = {};
  for (const [id, p] of Object.entries(engagement.priorities)) priorityNames[id] = p.name;
  return { ...chartOptionsFrom(engagement), policyNames, priorityNames };
}

const METRIC_TITLES: Record<Metric, string> = {
  first_response: 'First response', next_response: 'Next response', periodic_update: 'Periodic update', resolution: 'Resolution',
};

export function reportHtml(report: Report, options: HtmlOptions = {}): string {
  const zone = report.engagement.timeZone;
  const title = `Service report: ${report.engagement.title}`;
  const body = [
    header(report, zone),
    summary(report, options),
    charts(report, options),
    policyTables(report, options),
    ticketTable(report, options),
    backlog(report, options, zone),
    breaches(report, zone),
    disagreements(report),
    problems(report),
    notesAndDefinitions(report),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #0072b2; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
p, dl, ul { margin: .4rem 0; }
.meta { color: #444; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: .85rem; margin: .4rem 0 1rem; min-width: 100%; }
th, td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #f2f4f7; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 600; background: #fafafa; }
.below { color: #b00020; font-weight: 600; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; padding: 0; list-style: none; }
.counts b { font-size: 1.2rem; display: block; }
figure { margin: 1rem 0; }
figure svg { width: 100%; min-width: 34rem; height: auto; display: block; }
figcaption { font-size: .85rem; color: #444; }
dt { font-weight: 600; margin-top: .5rem; }
dd { margin: 0 0 0 1rem; }
.empty { color: #555; font-style: italic; }
@media (max-width: 480px) { body { padding: .6rem; font-size: 14px; } table { font-size: .8rem; } }
@page { margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; color: #000; background: #fff; }
  section { break-before: page; page-break-before: always; }
  section.first { break-before: auto; page-break-before: auto; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll { overflow: visible; }
  figure svg { min-width: 0; }
  th, tr.total td { background: #fff; }
  table { font-size: 8.5pt; }
}`;

function header(report: Report, zone: string): string {
  const { from, to } = report.period;
  const period = from === null && to === null ? 'any time (the whole export)' : `${from === null ? 'from the start of the export' : localDate(from, zone)} – ${to === null ? 'the end of the export' : lastDay(to, zone)}`;
  return `<header>
<h1>${e(report.engagement.title)}</h1>
<p class="meta">Service report · tickets created ${e(period)} (${e(zone)}) · helpdesk ${e(report.helpdesk)}</p>
<p class="meta">Clocks evaluated at ${e(localDateTime(report.now, zone))}; backlog as of ${e(localDateTime(report.backlogAt, zone))}.</p>
</header>`;
}

function summary(report: Report, options: HtmlOptions): string {
  const c = report.counts;
  const counts: Array<[number, string]> = [
    [c.records, 'tickets in the export'], [c.inPeriod, 'in the period'], [c.outOfPeriod, 'outside the period'],
    [c.unrouted, 'not routed to this engagement'], [c.noPriority, 'without a priority'], [c.problems, 'problems while reading'],
    [report.breaches.total, 'SLA breaches'], [report.disagreements.total, "disagreements with the helpdesk's SLA"],
  ];
  const rows = report.policies.filter((p) => p.month === 'all');
  const metrics = metricsIn(rows, true);
  const table = rows.length === 0 ? '<p class="empty">No ticket fell under an SLA policy.</p>' : `<div class="scroll"><table>
<thead><tr><th>Policy</th><th>Priority</th><th class="n">Tickets</th>${metrics.map((m) => `<th class="n">${e(METRIC_TITLES[m])} attainment</th>`).join('')}</tr></thead>
<tbody>
${sortRows(rows, options).map((r) => `<tr><td>${e(policyLabel(r, options))}</td><td>${e(priorityLabel(r.priority, options))}</td><td class="n">${r.tickets}</td>${metrics.map((m) => attainmentCell(r.metrics.find((k) => k.metric === m), goalOf(r.policy, options))).join('')}</tr>`).join('\n')}
</tbody></table></div>`;
  return `<section class="first" id="summary">
<h2>Summary</h2>
<ul class="counts">${counts.map(([n, label]) => `<li><b>${n}</b>${e(label)}</li>`).join('')}</ul>
<h3>Attainment over the period</h3>
${table}
</section>`;
}

function charts(report: Report, options: HtmlOptions): string {
  const figures = [
    ...attainmentCharts(report, options), ...durationCharts(report, 'first_response', options), ...distributionCharts(report, 'first_response', options),
    ...durationCharts(report, 'resolution', options),
  ];
  if (figures.length === 0) return '';
  return `<section id="charts">
<h2>Charts</h2>
${figures.map((c) => `<figure id="${e(c.id)}">\n<h3>${e(c.title)}</h3>\n<div class="scroll">${chartSvg(c)}</div>\n<figcaption>${e(c.description)}</figcaption>\n</figure>`).join('\n')}
</section>`;
}

function policyTables(report: Report, options: HtmlOptions): string {
  const policies = [...new Set(report.policies.map((p) => p.policy))];
  if (policies.length === 0) return '';
  const parts = ['<section id="policies">', '<h2>Attainment by priority and month</h2>',
    '<p class="meta">Attainment = met ÷ (met + breached); open clocks are not yet due. Times are medians and 90th percentiles of fulfilled clocks: business time on the policy calendar with pauses excluded, and calendar (wall) time from creation.</p>'];
  for (const policy of policies) {
    const rows = sortRows(report.policies.filter((p) => p.policy === policy), options);
    for (const metric of metricsIn(rows)) {
      parts.push(`<h3>${e(policyLabel(rows[0]!, options))}: ${e(METRIC_TITLES[metric])}</h3>`, `<div class="scroll"><table>
<thead><tr><th>Priority</th><th>Month</th><th class="n">Tickets</th><th class="n">Attainment</th><th class="n">Met</th><th class="n">Breached</th><th class="n">Open</th><th class="n">Median business</th><th class="n">p90 business</th><th class="n">Median calendar</th><th class="n">p90 calendar</th></tr></thead>
<tbody>`);
      for (const r of rows) {
        const m = r.metrics.find((k) => k.metric === metric);
        if (!m) continue;
        parts.push(`<tr${r.month === 'all' ? ' class="total"' : ''}><td>${e(priorityLabel(r.priority, options))}</td><td>${e(r.month === 'all' ? 'whole period' : r.month)}</td><td class="n">${r.tickets}</td>${attainmentCell(m, goalOf(policy, options))}<td class="n">${m.met}</td><td class="n">${m.breached}</td><td class="n">${m.open}</td>${statCells(m.business)}${statCells(m.calendar)}</tr>`);
      }
      parts.push('</tbody></table></div>');
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

function ticketTable(report: Report, options: HtmlOptions): string {
  if (report.tickets.length === 0) return '';
  const order = priorityIndex(options);
  const rows = [...report.tickets].sort((a, b) => order(a.priority) - order(b.priority) || a.priority.localeCompare(b.priority) || monthOrder(a.month, b.month));
  return `<section id="tickets">
<h2>Ticket KPIs</h2>
<p class="meta">Reopen rate = tickets reopened ÷ tickets resolved. First-contact resolution: ${e(report.definitions.fcr ?? 'see the definitions')}. Times are calendar (wall) time.</p>
<div class="scroll"><table>
<thead><tr><th>Priority</th><th>Month</th><th class="n">Tickets</th><th class="n">Resolved</th><th class="n">Reopened</th><th class="n">Reopen rate</th><th class="n">FCR</th><th class="n">FCR rate</th><th class="n">First response median</th><th class="n">First response p90</th><th class="n">Resolution median</th><th class="n">Resolution p90</th></tr></thead>
<tbody>
${rows.map((t) => `<tr${t.month === 'all' ? ' class="total"' : ''}><td>${e(priorityLabel(t.priority, options))}</td><td>${e(t.month === 'all' ? 'whole period' : t.month)}</td><td class="n">${t.tickets}</td><td class="n">${t.resolved}</td><td class="n">${t.reopened}</td><td class="n">${rate(t.reopenRate)}</td><td class="n">${t.fcr}</td><td class="n">${rate(t.fcrRate)}</td>${statCells(t.firstResponse)}${statCells(t.resolution)}</tr>`).join('\n')}
</tbody></table></div>
</section>`;
}

function backlog(report: Report, options: HtmlOptions, zone: string): string {
  const rows = [...report.backlog].sort((a, b) => a.policy.localeCompare(b.policy) || priorityIndex(options)(a.priority) - priorityIndex(options)(b.priority));
  const table = rows.length === 0 ? '<p class="empty">No open ticket at the snapshot.</p>' : `<div class="scroll"><table>
<thead><tr><th>Policy</th><th>Priority</th><th class="n">Open</th>${AGE_BUCKETS.map((b) => `<th class="n">${e(b)} h</th>`).join('')}<th class="n">Oldest</th></tr></thead>
<tbody>
${rows.map((b) => `<tr><td>${e(policyLabel(b, options))}</td><td>${e(priorityLabel(b.priority, options))}</td><td class="n">${b.count}</td>${AGE_BUCKETS.map((_, i) => `<td class="n">${b.buckets[i] ?? 0}</td>`).join('')}<td class="n">${b.oldest === null ? '–' : e(durationLabel(b.oldest))}</td></tr>`).join('\n')}
</tbody></table></div>`;
  return `<section id="backlog">
<h2>Backlog</h2>
<p class="meta">Tickets not resolved or closed on ${e(localDateTime(report.backlogAt, zone))}, whatever their creation date, by age in business hours of the policy's calendar.</p>
${table}
</section>`;
}

function breaches(report: Report, zone: string): string {
  const { total, listed } = report.breaches;
  const table = listed.length === 0 ? '<p class="empty">No breach.</p>' : `<div class="scroll"><table>
<thead><tr><th>Ticket</th><th>Policy</th><th>Metric</th><th>Priority</th><th>Month</th><th class="n">Over by (business)</th><th>Breached at</th></tr></thead>
<tbody>
${listed.map((b) => `<tr><td>${e(b.ticket)}</td><td>${e(b.policy)}</td><td>${e(METRIC_TITLES[b.metric] ?? b.metric)}</td><td>${e(b.priority)}</td><td>${e(b.month)}</td><td class="n">${e(durationLabel(b.by))}</td><td>${b.breachedAt === null ? '–' : e(localDateTime(b.breachedAt, zone))}</td></tr>`).join('\n')}
</tbody></table></div>`;
  return `<section id="breaches">
<h2>Breaches</h2>
<p class="meta">${shown(listed.length, total, 'breach', 'breaches')}</p>
${table}
</section>`;
}

function disagreements(report: Report): string {
  const { total, listed } = report.disagreements;
  const table = listed.length === 0 ? '' : `<div class="scroll"><table>
<thead><tr><th>Ticket</th><th>Policy</th><th>Metric</th><th>Priority</th><th>Tandem</th><th>Helpdesk</th></tr></thead>
<tbody>
${listed.map((d) => `<tr><td>${e(d.ticket)}</td><td>${e(d.policy)}</td><td>${e(METRIC_TITLES[d.metric])}</td><td>${e(d.priority)}</td><td>${e(d.ours)}</td><td>${e(d.theirs)}</td></tr>`).join('\n')}
</tbody></table></div>`;
  return `<section id="disagreements">
<h2>Disagreements with the helpdesk's SLA</h2>
<p class="meta">Tickets where the helpdesk's own SLA result differs from Tandem's clock. ${shown(listed.length, total, 'disagreement', 'disagreements')}</p>
${table}
</section>`;
}

function problems(report: Report): string {
  const { total, listed } = report.problems;
  const table = listed.length === 0 ? '' : `<div class="scroll"><table>
<thead><tr><th>Severity</th><th>File</th><th class="n">Row</th><th>Column</th><th>Code</th><th>Problem</th></tr></thead>
<tbody>
${listed.map((p) => `<tr><td>${e(p.severity)}</td><td>${e(p.file)}</td><td class="n">${p.row}</td><td>${e(p.column ?? '')}</td><td>${e(p.code)}</td><td>${e(p.message)}</td></tr>`).join('\n')}
</tbody></table></div>`;
  return `<section id="problems">
<h2>Problems in the export</h2>
<p class="meta">${shown(listed.length, total, 'problem', 'problems')} Rows with problems are counted or left out as the problem says.</p>
${table}
</section>`;
}

function notesAndDefinitions(report: Report): string {
  const notes = report.notes.length === 0 ? '<p class="empty">None.</p>' : `<ul>${report.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`;
  const defs = Object.entries(report.definitions);
  return `<section id="notes">
<h2>Notes</h2>
${notes}
<h2>Definitions</h2>
${defs.length === 0 ? '' : `<dl>${defs.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`}
</section>`;
}

function shown(listed: number, total: number, one: string, many: string): string {
  if (total === 0) return `No ${many}.`;
  return listed < total ? `${total} ${total === 1 ? one : many}; the first ${listed} are listed.` : `${total} ${total === 1 ? one : many}.`;
}

function attainmentCell(m: MetricKpi | undefined, goal: number): string {
  if (!m || m.attainment === null) return '<td class="n">–</td>';
  const text = `${(m.attainment * 100).toFixed(1)}%`;
  // Below goal is marked in words too, so it survives black-and-white print.
  return m.attainment * 100 < goal ? `<td class="n below" title="below the ${goal}% goal">${text} ▼</td>` : `<td class="n">${text}</td>`;
}

function statCells(s: Stats): string {
  const d = (v: number | null) => (v === null ? '–' : e(durationLabel(v)));
  return `<td class="n">${d(s.median)}</td><td class="n">${d(s.p90)}</td>`;
}

const rate = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)}%`);
const goalOf = (policy: string, options: HtmlOptions) => options.goals?.[policy] ?? REFERENCE_GOAL;

function policyLabel(r: { policy: string; kind?: string }, options: HtmlOptions): string {
  const name = options.policyNames?.[r.policy];
  return `${r.kind ? `${r.kind} ` : ''}${r.policy}${name ? ` (${name})` : ''}`;
}

function priorityLabel(id: string, options: HtmlOptions): string {
  const name = options.priorityNames?.[id];
  return name && name !== id ? `${id} ${name}` : id;
}

function priorityIndex(options: HtmlOptions): (p: string) => number {
  const list = options.priorities ?? [];
  return (p) => (list.includes(p) ? list.indexOf(p) : list.length);
}

/** Months in order, the whole-period row last. */
function monthOrder(a: string, b: string): number {
  return a === b ? 0 : a === 'all' ? 1 : b === 'all' ? -1 : a < b ? -1 : 1;
}

function sortRows(rows: PolicyKpi[], options: HtmlOptions): PolicyKpi[] {
  const order = priorityIndex(options);
  const policies = [...new Set(rows.map((r) => r.policy))];
  return [...rows].sort((a, b) => policies.indexOf(a.policy) - policies.indexOf(b.policy) || order(a.priority) - order(b.priority) || a.priority.localeCompare(b.priority) || monthOrder(a.month, b.month));
}

/** Metrics that had clocks; `decided`: only those with something met or breached (an attainment to show). */
function metricsIn(rows: PolicyKpi[], decided = false): Metric[] {
  const seen = new Set<Metric>();
  for (const r of rows) for (const m of r.metrics) if (m.met + m.breached + (decided ? 0 : m.open + m.canceled) > 0) seen.add(m.metric);
  return [...seen];
}

function localDateTime(at: number, zone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  return `${z.toPlainDate().toString()} ${z.toPlainTime().toString({ smallestUnit: 'minute' })} ${z.offset}`;
}

function localDate(at: number, zone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  return z.hour === 0 && z.minute === 0 && z.second === 0 ? z.toPlainDate().toString() : localDateTime(at, zone);
}

/** The period end is exclusive: a midnight end shows as the day before, the last day counted. */
function lastDay(to: number, zone: string): string {
  const z = Temporal.Instant.fromEpochMilliseconds(to).toZonedDateTimeISO(zone);
  if (z.hour === 0 && z.minute === 0 && z.second === 0 && z.millisecond === 0) return z.toPlainDate().subtract({ days: 1 }).toString();
  return `before ${localDateTime(to, zone)}`;
}
