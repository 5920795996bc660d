// "If a P2 comes in at 16:30 on Friday, when is it due?": every clock of every policy that applies, for a ticket
// opened at a chosen time, before anything has happened to it.
import { useState } from 'preact/hooks';
import { Temporal } from 'temporal-polyfill';
import type { Duration, Engagement, Metric } from '../../../core/index.ts';
import { formatDuration, formatLocal, parseInstant } from '../../../core/escalation/index.ts';
import { evaluateSla, policiesFor, type TicketTimeline } from '../../../core/sla/index.ts';

export const METRIC_NAMES: Record<Metric, string> = {
  first_response: 'First response',
  next_response: 'Next response',
  periodic_update: 'Periodic update',
  resolution: 'Resolution',
};

/** "15 min", "2 h 30 min", "3 business days". */
export function formatTarget(d: Duration): string {
  if ('ms' in d) return formatDuration(d.ms);
  return `${d.businessDays} business day${d.businessDays === 1 ? '' : 's'}`;
}

export function calendarLabel(engagement: Engagement, id: string): string {
  return engagement.calendars[id]?.name ?? id;
}

export interface DueRow {
  metric: Metric;
  /** When the clock breaches if nothing happens; null for a clock that only starts later (next response). */
  due: number | null;
  /** The target's calendar and its zone, which the due time is shown in. */
  calendar: string;
  zone: string;
  target: Duration;
}

export interface PolicyDue {
  policyId: string;
  name: string;
  kind: string;
  /** The policy's clocks start at assignment; the calculator takes the ticket as assigned when opened. */
  startsAtAssignment: boolean;
  rows: DueRow[];
}

/**
 * The due time of each metric of a policy for a ticket opened at `openedAt`: evaluateSla on a timeline with no
 * events (only the assignment, for a policy whose clocks start there), evaluated at the opened instant, so no
 * business time is consumed yet and breachAt is the due time.
 */
export function dueTimes(engagement: Engagement, policyId: string, ticket: { openedAt: number; priority: string; activity?: string }): PolicyDue {
  const policy = engagement.sla[policyId];
  const startsAtAssignment = policy?.start === 'assigned';
  const timeline: TicketTimeline = {
    createdAt: ticket.openedAt,
    priority: ticket.priority,
    activity: ticket.activity,
    events: startsAtAssignment ? [{ at: ticket.openedAt, type: 'assigned' }] : [],
  };
  const evaluation = evaluateSla(engagement, policyId, timeline, ticket.openedAt);
  return {
    policyId,
    name: policy?.name ?? policyId,
    kind: evaluation.kind,
    startsAtAssignment,
    rows: evaluation.metrics.map((m) => ({
      metric: m.metric,
      due: m.breachAt,
      calendar: m.calendar,
      zone: engagement.calendars[m.calendar]?.timeZone ?? engagement.engagement.timeZone,
      target: m.target,
    })),
  };
}

/** The value a datetime-local field shows for `at` in `zone`, e.g. "2026-11-27T16:30". */
export function localInputValue(at: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

export function SlaCalculator({ engagement, now }: { engagement: Engagement; now: number }) {
  const zone = engagement.engagement.timeZone;
  const priorities = Object.entries(engagement.priorities).sort(([, a], [, b]) => a.rank - b.rank);
  // Taken once, not on every tick of `now`: the results sit in a live region, which would otherwise speak each minute.
  const [text, setText] = useState(() => localInputValue(now, zone));
  const [priority, setPriority] = useState(priorities[0]?.[0] ?? '');
  const [activity, setActivity] = useState('');
  const [policy, setPolicy] = useState('');

  const openedAt = text ? parseInstant(text, zone) : null;
  const policyIds = policy ? [policy] : policiesFor(engagement, priority, activity || undefined);
  let results: PolicyDue[] = [];
  let failure: string | null = null;
  try {
    if (openedAt !== null && priority) results = policyIds.map((pid) => dueTimes(engagement, pid, { openedAt, priority, activity: activity || undefined }));
  } catch (error) {
    // A file with problems (a target on a missing calendar) still shows the rest of the view.
    failure = (error as Error).message;
  }

  return (
    <section class="card sla-calc" data-testid="sla-calculator" aria-labelledby="sla-calc-title">
      <h2 id="sla-calc-title">When is it due?</h2>
      <div class="sla-calc-inputs">
        <div class="sla-calc-opened">
          <label for="sla-calc-opened">Opened at</label>
          <span class="sla-calc-row">
            <input
              id="sla-calc-opened"
              type="datetime-local"
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
              aria-describedby="sla-calc-zone"
              data-testid="calc-opened"
            />
            <button type="button" onClick={() => setText(localInputValue(now, zone))}>Now</button>
          </span>
          <span id="sla-calc-zone" class="muted sla-calc-zone">
            {zone}
            {openedAt !== null && <> · {formatLocal(openedAt, zone)}</>}
          </span>
        </div>
        <label>
          <span>Priority</span>
          <select value={priority} onChange={(e) => setPriority(e.currentTarget.value)} data-testid="calc-priority">
            {priorities.map(([pid, p]) => <option key={pid} value={pid}>{pid} {p.name}</option>)}
          </select>
        </label>
        <label>
          <span>Activity (optional)</span>
          <select value={activity} onChange={(e) => setActivity(e.currentTarget.value)} data-testid="calc-activity">
            <option value="">Not known</option>
            {Object.entries(engagement.activities).map(([aid, a]) => <option key={aid} value={aid}>{a.name}</option>)}
          </select>
        </label>
        <label>
          <span>Policy</span>
          <select value={policy} onChange={(e) => setPolicy(e.currentTarget.value)} data-testid="calc-policy">
            <option value="">All that apply</option>
            {Object.entries(engagement.sla).map(([sid, s]) => <option key={sid} value={sid}>{s.name ?? sid} ({s.kind})</option>)}
          </select>
        </label>
      </div>
      <div class="sla-calc-results" aria-live="polite" data-testid="sla-calc-results">
        {openedAt === null && <p>Enter the date and time the ticket was opened.</p>}
        {openedAt !== null && priorities.length === 0 && <p>This engagement lists no priorities.</p>}
        {failure !== null && <p class="chip danger">Cannot compute: {failure}</p>}
        {openedAt !== null && priority && failure === null && results.length === 0 && <p>No SLA policy covers a {priority} ticket{activity ? ' of this activity' : ''}.</p>}
        {results.map((r) => (
          <div key={r.policyId} class="sla-calc-policy" data-testid={`calc-${r.policyId}`}>
            <h3>
              {r.name} <span class="chip">{r.kind}</span>
            </h3>
            {r.startsAtAssignment && <p class="muted">Its clocks start at assignment: taken here as assigned when opened.</p>}
            {r.rows.length === 0 ? (
              <p class="muted">No {priority} targets in this policy.</p>
            ) : (
              <div class="sla-scroll" tabIndex={0} role="region" aria-label={`Due times under ${r.name}`}>
                <table class="sla-table">
                  <thead>
                    <tr>
                      <th scope="col">Clock</th>
                      <th scope="col">Due</th>
                      <th scope="col">Target</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.rows.map((row) => (
                      <tr key={row.metric} data-testid={`calc-${r.policyId}-${row.metric}`}>
                        <th scope="row">{METRIC_NAMES[row.metric]}</th>
                        <td class="sla-due">
                          {row.due !== null ? formatLocal(row.due, row.zone) : <span class="muted">{row.metric === 'next_response' ? 'counts from each customer reply' : 'not running'}</span>}
                        </td>
                        <td>
                          {formatTarget(row.target)} <span class="muted">· {calendarLabel(engagement, row.calendar)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
