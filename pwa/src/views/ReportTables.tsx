// The report's figures as tables: what the charts draw, exact, for reading aloud in a QBR and for screen readers.
import type { ComponentChildren } from 'preact';
import type { Engagement, Metric } from '../../../core/index.ts';
import { formatDuration } from '../../../core/escalation/index.ts';
import { AGE_BUCKETS, type Report, type Stats } from '../../../core/report/types.ts';
import { METRIC_NAMES } from './SlaCalculator.tsx';

export function percent(ratio: number | null): string {
  return ratio === null ? '–' : `${(ratio * 100).toFixed(1)} %`;
}

export function duration(ms: number | null): string {
  return ms === null ? '–' : formatDuration(ms);
}

function stats(s: Stats): string {
  return s.count === 0 ? '–' : `${duration(s.median)} / ${duration(s.p90)}`;
}

function Table({ label, testId, head, children }: { label: string; testId: string; head: string[]; children: ComponentChildren }) {
  return (
    <div class="sla-scroll" tabIndex={0} role="region" aria-label={label}>
      <table class="sla-table report-table" data-testid={testId}>
        <thead>
          <tr>
            {head.map((h) => <th key={h} scope="col">{h}</th>)}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Attainment per policy, priority and metric over the whole period. */
export function AttainmentTables({ report, engagement }: { report: Report; engagement: Engagement }) {
  const rows = report.policies.filter((p) => p.month === 'all');
  const policies = [...new Set(rows.map((r) => r.policy))];
  if (!policies.length) return <p class="muted">No ticket in the period falls under an SLA policy.</p>;
  return (
    <>
      {policies.map((policy) => {
        const name = engagement.sla[policy]?.name ?? policy;
        const mine = rows.filter((r) => r.policy === policy);
        return (
          <section key={policy} aria-labelledby={`att-${policy}-title`}>
            <h3 id={`att-${policy}-title`}>
              {name} <span class="chip">{mine[0]?.kind}</span>
            </h3>
            <Table label={`Attainment under ${name}`} testId={`att-${policy}`} head={['Priority', 'Clock', 'Met', 'Breached', 'Open', 'Attainment', 'Median / p90 (business)']}>
              {mine.flatMap((r) =>
                r.metrics.map((m) => (
                  <tr key={`${r.priority}/${m.metric}`} data-testid={`att-${policy}-${r.priority}-${m.metric}`}>
                    <th scope="row">{r.priority}</th>
                    <td>{METRIC_NAMES[m.metric as Metric] ?? m.metric}</td>
                    <td>{m.met}</td>
                    <td>{m.breached}</td>
                    <td>{m.open}</td>
                    <td class="report-figure">{percent(m.attainment)}</td>
                    <td>{stats(m.business)}</td>
                  </tr>
                )),
              )}
            </Table>
          </section>
        );
      })}
    </>
  );
}

/** Policy-independent KPIs per priority: volume, reopen rate, first contact resolution, times. */
export function TicketTable({ report }: { report: Report }) {
  const rows = report.tickets.filter((t) => t.month === 'all');
  if (!rows.length) return <p class="muted">No ticket was created in the period.</p>;
  return (
    <Table label="Tickets per priority" testId="tickets" head={['Priority', 'Tickets', 'Resolved', 'Reopen rate', 'First contact resolution', 'First response median / p90', 'Resolution median / p90']}>
      {rows.map((t) => (
        <tr key={t.priority} data-testid={`tickets-${t.priority}`}>
          <th scope="row">{t.priority}</th>
          <td>{t.tickets}</td>
          <td>{t.resolved}</td>
          <td>{percent(t.reopenRate)}</td>
          <td>{percent(t.fcrRate)}</td>
          <td>{stats(t.firstResponse)}</td>
          <td>{stats(t.resolution)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function BacklogTable({ report }: { report: Report }) {
  if (!report.backlog.length) return <p class="muted">Nothing was open at the snapshot.</p>;
  return (
    <Table label="Backlog by age" testId="backlog" head={['Policy', 'Priority', 'Open', ...AGE_BUCKETS.map((b) => `${b} h`), 'Oldest']}>
      {report.backlog.map((b) => (
        <tr key={`${b.policy}/${b.priority}`}>
          <th scope="row">{b.policy}</th>
          <td>{b.priority}</td>
          <td>{b.count}</td>
          {b.buckets.map((n, i) => <td key={i}>{n}</td>)}
          <td>{duration(b.oldest)}</td>
        </tr>
      ))}
    </Table>
  );
}

/** Rows a list shows: thousands of table rows would slow every re-render of the page for no reader. */
export const SHOWN = 100;

export function BreachTable({ report }: { report: Report }) {
  const total = report.breaches.total;
  const listed = report.breaches.listed.slice(0, SHOWN);
  if (!total) return <p class="muted">No clock was breached.</p>;
  return (
    <>
      <p>
        {total} breach{total === 1 ? '' : 'es'}
        {listed.length < total ? `; the first ${listed.length} are listed` : ''}.
      </p>
      <Table label="Breached clocks" testId="breaches" head={['Ticket', 'Policy', 'Clock', 'Priority', 'Month', 'Over by']}>
        {listed.map((b, i) => (
          <tr key={i}>
            <th scope="row" class="mono">{b.ticket}</th>
            <td>{b.policy}</td>
            <td>{METRIC_NAMES[b.metric]}</td>
            <td>{b.priority}</td>
            <td>{b.month}</td>
            <td>{duration(b.by)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

export function DisagreementTable({ report }: { report: Report }) {
  const total = report.disagreements.total;
  const listed = report.disagreements.listed.slice(0, SHOWN);
  if (!total) return null;
  return (
    <section aria-labelledby="report-disagree-title">
      <h2 id="report-disagree-title">Where the helpdesk disagrees ({total})</h2>
      <Table label="Disagreements with the helpdesk" testId="disagreements" head={['Ticket', 'Policy', 'Clock', 'Priority', 'Tandem', 'Helpdesk']}>
        {listed.map((d, i) => (
          <tr key={i}>
            <th scope="row" class="mono">{d.ticket}</th>
            <td>{d.policy}</td>
            <td>{METRIC_NAMES[d.metric]}</td>
            <td>{d.priority}</td>
            <td>{d.ours}</td>
            <td>{d.theirs}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}
