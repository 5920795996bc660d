// A finished report: what was counted, the charts, the tables, and the rows the reader could not use.
import type { Engagement } from '../../../core/index.ts';
import { formatLocal } from '../../../core/escalation/index.ts';
import { attainmentCharts, chartOptionsFrom, distributionCharts, durationCharts } from '../../../core/report/charts.ts';
import { reportToCsv } from '../../../core/report/index.ts';
import type { Report, ReportProblem } from '../../../core/report/types.ts';
import { reportFileName } from '../report/period.ts';
import { saveBlob } from '../report/save.ts';
import { NARROW_WIDTH, ReportChart } from './ReportChart.tsx';
import { AttainmentTables, BacklogTable, BreachTable, DisagreementTable, SHOWN, TicketTable } from './ReportTables.tsx';

export function ReportResult({ report, engagement }: { report: Report; engagement: Engagement }) {
  // A phone draws the charts in a box about as wide as the screen's card (310 px at 360), so that the text is not
  // scaled down: a 400-wide box drew it at 7 px.
  const narrow = typeof matchMedia === 'function' && matchMedia('(max-width: 600px)').matches;
  const options = { ...chartOptionsFrom(engagement), ...(narrow ? { width: NARROW_WIDTH } : {}) };
  const charts = [...attainmentCharts(report, options), ...durationCharts(report, 'first_response', options), ...distributionCharts(report, 'first_response', options)];
  const zone = report.engagement.timeZone;
  const c = report.counts;
  return (
    <div class="report-result" data-testid="report-result">
      <section class="card" aria-labelledby="report-summary-title">
        <h2 id="report-summary-title" tabIndex={-1} class="reveal-target">
          Summary
        </h2>
        <p data-testid="report-counts">
          {c.records} tickets read; <strong>{c.inPeriod}</strong> in the period
          {c.outOfPeriod > 0 && <>, {c.outOfPeriod} outside it</>}
          {c.unrouted > 0 && <>, {c.unrouted} not routed to this engagement</>}
          {c.noPriority > 0 && <>, {c.noPriority} without a known priority</>}
          {c.problems > 0 && <>; {c.problems} problem{c.problems === 1 ? '' : 's'} while reading</>}.
        </p>
        <p class="muted">
          Helpdesk mapping {report.helpdesk}. Period {report.period.from === null ? 'from the first ticket' : formatLocal(report.period.from, zone)} to{' '}
          {report.period.to === null ? 'the last ticket' : formatLocal(report.period.to, zone)} (exclusive); clocks evaluated at {formatLocal(report.now, zone)}.
        </p>
        <button type="button" class="primary" data-testid="report-csv" onClick={() => saveBlob(new Blob([reportToCsv(report)], { type: 'text/csv;charset=utf-8' }), reportFileName(report, 'csv'))}>
          Download CSV
        </button>
      </section>
      {report.notes.length > 0 && (
        <ul class="card report-notes" data-testid="report-notes">
          {report.notes.map((n, i) => <li key={i}>{n}</li>)}
        </ul>
      )}
      <section aria-labelledby="report-charts-title">
        <h2 id="report-charts-title">Charts</h2>
        {charts.length === 0 && <p class="muted">Nothing to chart: no SLA clock ran in the period.</p>}
        {charts.map((chart) => <ReportChart key={chart.id} chart={chart} fileName={reportFileName(report, 'png', chart.id)} />)}
      </section>
      <section aria-labelledby="report-att-title">
        <h2 id="report-att-title">SLA attainment</h2>
        <AttainmentTables report={report} engagement={engagement} />
      </section>
      <section aria-labelledby="report-tickets-title">
        <h2 id="report-tickets-title">Tickets</h2>
        <TicketTable report={report} />
      </section>
      <section aria-labelledby="report-backlog-title">
        <h2 id="report-backlog-title">Backlog at {formatLocal(report.backlogAt, zone)}</h2>
        <BacklogTable report={report} />
      </section>
      <section aria-labelledby="report-breaches-title">
        <h2 id="report-breaches-title">Breaches</h2>
        <BreachTable report={report} />
      </section>
      <DisagreementTable report={report} />
      {report.problems.total > 0 && (
        <section aria-labelledby="report-problems-title">
          <h2 id="report-problems-title">Rows with problems ({report.problems.total})</h2>
          {report.problems.total > SHOWN && <p class="muted">The first {SHOWN} are shown.</p>}
          <div class="report-problems-box" tabIndex={0} role="region" aria-label="Problem rows">
            <ReportProblems problems={report.problems.listed.slice(0, SHOWN)} />
          </div>
        </section>
      )}
      <details class="card">
        <summary>How each figure is computed</summary>
        <dl class="report-definitions">
          {Object.entries(report.definitions).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

/** "tickets.csv row 12, column Created at": the place to look in the spreadsheet. */
export function where(p: { file: string; row?: number; column?: string }): string {
  return `${p.file}${p.row !== undefined ? ` row ${p.row}` : ''}${p.column ? `, column ${p.column}` : ''}`;
}

export function ReportProblems({ problems }: { problems: ReportProblem[] }) {
  return (
    <ol class="problems" data-testid="report-problems">
      {problems.map((p, i) => (
        <li key={i}>
          <span class="mono where">{where(p)}</span> <span class={`chip ${p.severity === 'error' ? 'danger' : 'warn'}`}>{p.severity}</span> {p.message}{' '}
          <span class="muted">({p.code})</span>
        </li>
      ))}
    </ol>
  );
}
