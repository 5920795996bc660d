// The contract's clocks: every SLA, OLA and underpinning contract with its targets, a due-time calculator, and the
// business calendars the targets run on (weekly hours and what is coming up: holidays, short days, closures).
import { Temporal } from 'temporal-polyfill';
import type { Calendar, Engagement, Metric, SlaPolicy, Weekday } from '../../../core/index.ts';
import type { ViewProps } from './props.ts';
import { METRIC_NAMES, SlaCalculator, calendarLabel, formatTarget } from './SlaCalculator.tsx';
import './Slas.css';

const KIND_WORDS: Record<SlaPolicy['kind'], string> = {
  SLA: 'client-facing service level agreement',
  OLA: 'operational level agreement between the teams',
  UC: 'underpinning contract with a vendor',
};

const METRIC_ORDER: Metric[] = ['first_response', 'next_response', 'periodic_update', 'resolution'];
const WEEK: Array<[Weekday, string]> = [['mon', 'Mon'], ['tue', 'Tue'], ['wed', 'Wed'], ['thu', 'Thu'], ['fri', 'Fri'], ['sat', 'Sat'], ['sun', 'Sun']];
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** How many upcoming calendar exceptions each calendar lists. */
const UPCOMING = 5;

export function SlasView({ engagement, now }: ViewProps) {
  const policies = Object.entries(engagement.sla);
  const calendars = Object.entries(engagement.calendars);
  return (
    <div class="slas-view" data-testid="view-slas">
      <h1>SLAs and calendars</h1>
      <section aria-labelledby="slas-policies-title">
        <h2 id="slas-policies-title">Policies</h2>
        {policies.length === 0 && <p class="card">This engagement has no SLA policies.</p>}
        {policies.map(([pid, p]) => <PolicyCard key={pid} id={pid} policy={p} engagement={engagement} />)}
      </section>
      <SlaCalculator engagement={engagement} now={now} />
      <section aria-labelledby="slas-calendars-title">
        <h2 id="slas-calendars-title">Calendars</h2>
        {calendars.map(([cid, c]) => <CalendarCard key={cid} id={cid} calendar={c} now={now} />)}
      </section>
    </div>
  );
}

function PolicyCard({ id, policy, engagement }: { id: string; policy: SlaPolicy; engagement: Engagement }) {
  const name = policy.name ?? id;
  const ranks = (p: string) => engagement.priorities[p]?.rank ?? Number.MAX_SAFE_INTEGER;
  const targets = Object.entries(policy.targets).sort(([a], [b]) => ranks(a) - ranks(b));
  const metrics = METRIC_ORDER.filter((m) => targets.some(([, t]) => t.metrics[m] !== undefined));
  const party = (pid: string) => engagement.parties[pid]?.name ?? engagement.people[pid]?.name ?? pid;
  return (
    <section class="card sla-policy" data-testid={`sla-${id}`} aria-labelledby={`sla-${id}-title`}>
      <h3 id={`sla-${id}-title`}>
        {name} <span class="chip" title={KIND_WORDS[policy.kind]}>{policy.kind}</span>
      </h3>
      <dl class="sla-facts">
        <div>
          <dt>Provider → customer</dt>
          <dd data-testid={`sla-${id}-parties`}>{party(policy.provider)} → {party(policy.customer)}</dd>
        </div>
        <div>
          <dt>Applies to</dt>
          <dd>{appliesTo(engagement, policy)}</dd>
        </div>
        <div>
          <dt>Clocks start</dt>
          <dd>{policy.start === 'assigned' ? 'when the ticket is assigned' : 'when the ticket is created'} (out of hours: at the next opening)</dd>
        </div>
        <div>
          <dt>Paused while</dt>
          <dd>{policy.pauseWhen.length ? policy.pauseWhen.map(statusName).join(', ') : 'never paused'}</dd>
        </div>
        <div>
          <dt>On reopen</dt>
          <dd>{policy.reopen === 'new_cycle' ? 'a new resolution clock starts' : 'the resolution clock resumes where it stopped'}</dd>
        </div>
        <div>
          <dt>Warnings at</dt>
          <dd>{policy.warnAt.length ? `${policy.warnAt.map((w) => `${w} %`).join(', ')} of the target` : 'none'}</dd>
        </div>
        {policy.goal !== undefined && (
          <div>
            <dt>Goal</dt>
            <dd>{policy.goal} % of tickets within target</dd>
          </div>
        )}
      </dl>
      {targets.length === 0 ? (
        <p class="muted">No targets.</p>
      ) : (
        <div class="sla-scroll" tabIndex={0} role="region" aria-label={`Targets of ${name}`}>
          <table class="sla-table" data-testid={`sla-${id}-targets`}>
            <thead>
              <tr>
                <th scope="col">Priority</th>
                {metrics.map((m) => <th key={m} scope="col">{METRIC_NAMES[m]}</th>)}
                <th scope="col">Calendar</th>
              </tr>
            </thead>
            <tbody>
              {targets.map(([pid, t]) => (
                <tr key={pid} data-testid={`sla-${id}-${pid}`}>
                  <th scope="row">
                    {pid} <span class="muted">{engagement.priorities[pid]?.name}</span>
                  </th>
                  {metrics.map((m) => {
                    const d = t.metrics[m];
                    return <td key={m}>{d ? formatTarget(d) : <span class="muted">–</span>}</td>;
                  })}
                  <td>{calendarLabel(engagement, t.calendar)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function appliesTo(engagement: Engagement, policy: SlaPolicy): string {
  const { priorities, activities } = policy.appliesTo;
  const parts: string[] = [];
  if (priorities) parts.push(`priorities ${priorities.join(', ')}`);
  if (activities) parts.push(`activities: ${activities.map((a) => engagement.activities[a]?.name ?? a).join('; ')}`);
  return parts.length ? parts.join(' · ') : 'every ticket';
}

function statusName(status: string): string {
  return status.replace(/_/g, ' ');
}

interface Upcoming {
  date: string;
  what: string;
}

/** Holidays, replaced hours and closures on or after today's date in the calendar's zone, soonest first. */
export function upcomingExceptions(calendar: Calendar, now: number, count = UPCOMING): Upcoming[] {
  const today = localDate(now, calendar.timeZone);
  const all: Upcoming[] = [
    ...calendar.holidays.map((h) => ({ date: h.date, what: h.name ? `${h.name}: closed` : 'Holiday: closed' })),
    ...Object.entries(calendar.overrides).map(([date, hours]) => ({ date, what: hours.length ? `open ${intervals(hours)} only` : 'closed all day' })),
    ...Object.entries(calendar.closures).map(([date, hours]) => ({ date, what: `closed ${intervals(hours)}` })),
  ];
  return all.filter((u) => u.date >= today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).slice(0, count);
}

function CalendarCard({ id, calendar, now }: { id: string; calendar: Calendar; now: number }) {
  const upcoming = upcomingExceptions(calendar, now);
  return (
    <section class="card sla-calendar" data-testid={`calendar-${id}`} aria-labelledby={`calendar-${id}-title`}>
      <h3 id={`calendar-${id}-title`}>{calendar.name ?? id}</h3>
      <p class="muted sla-zone">{calendar.timeZone}</p>
      {calendar.hours === '24x7' ? (
        <p class="sla-week-247">24×7: every day, all day</p>
      ) : (
        <ul class="sla-week" aria-label="Weekly hours">
          {WEEK.map(([day, label]) => {
            const hours = calendar.hours === '24x7' ? [] : (calendar.hours[day] ?? []);
            return (
              <li key={day}>
                <span class="sla-day">{label}</span> {hours.length ? intervals(hours) : <span class="muted">closed</span>}
              </li>
            );
          })}
        </ul>
      )}
      <h4>Coming up</h4>
      {upcoming.length === 0 ? (
        <p class="muted">No holidays or changed hours listed ahead.</p>
      ) : (
        <ul class="sla-upcoming" data-testid={`calendar-${id}-upcoming`}>
          {upcoming.map((u, i) => (
            <li key={i}>
              <time dateTime={u.date}>{dayName(u.date)} {u.date}</time> {u.what}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function intervals(hours: Array<[string, string]>): string {
  return hours.map(([a, b]) => `${a}–${b}`).join(', ');
}

function dayName(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? '' : (DAY_NAMES[d.getUTCDay()] ?? '');
}

/** Today's date ("YYYY-MM-DD") in `zone`. */
export function localDate(at: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate().toString();
}
