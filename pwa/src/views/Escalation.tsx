// The escalation policies as written (who is called after how long, in and out of business hours) and the
// on-call schedules as they will actually play out: layers, overrides, fallback and the final 30-day schedule.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Engagement, EscalationPolicy, EscalationStep, Layer, Schedule, Target, Weekday } from '../../../core/index.ts';
import { type Shift, formatDuration, formatLocal, parseInstant, shifts } from '../../../core/escalation/index.ts';
import type { ViewProps } from './props.ts';
import { calendarName } from './ui/ContactList.tsx';
import './Escalation.css';
import { scrollToAnchor } from './ui/anchor.ts';

const DAY_MS = 86_400_000;
/** The final schedule printed for offline use: long enough to cover a month of nights with no signal. */
const AHEAD_MS = 30 * DAY_MS;

export function EscalationView({ id, engagement, now, rest }: ViewProps) {
  const target = rest[0];
  const policies = Object.entries(engagement.escalation);
  const schedules = Object.entries(engagement.oncall);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => scrollToAnchor(root.current, target), [target]);
  const known = target === undefined || engagement.escalation[target] !== undefined || engagement.oncall[target] !== undefined;
  const ctx: Ctx = { id, engagement, now };

  return (
    <div class="escalation-view" data-testid="view-escalation" ref={root}>
      <h1>Escalation</h1>
      {!known && <p class="chip warn">No escalation policy or on-call schedule '{target}' in this engagement.</p>}
      <nav aria-label="Policies and schedules" class="esc-toc">
        <ul>
          {policies.map(([pid, p]) => <li key={`p-${pid}`}><a href={viewHref(id, pid)}>{p.name ?? pid}</a></li>)}
          {schedules.map(([sid, s]) => <li key={`s-${sid}`}><a href={viewHref(id, sid)}>{s.name ?? sid}</a></li>)}
        </ul>
      </nav>

      <h2>Escalation policies</h2>
      {policies.length === 0 && <p class="muted">This engagement has no escalation policies.</p>}
      {policies.map(([pid, p]) => (
        <PolicyCard key={pid} pid={pid} policy={p} target={target} {...ctx} />
      ))}

      <h2>On-call schedules</h2>
      {schedules.length === 0 && <p class="muted">This engagement has no on-call schedules.</p>}
      {schedules.map(([sid, s]) => (
        <ScheduleCard key={sid} sid={sid} schedule={s} target={target} {...ctx} />
      ))}
    </div>
  );
}

interface Ctx {
  id: string;
  engagement: Engagement;
  now: number;
}

function PolicyCard({ pid, policy, target, ...ctx }: Ctx & { pid: string; policy: EscalationPolicy; target?: string }) {
  const { engagement } = ctx;
  const { priorities, activities } = policy.appliesTo;
  const cal = policy.calendar === undefined ? undefined : calendarName(engagement, policy.calendar);
  const hit = pid === target;
  return (
    <section class={hit ? 'card esc-policy anchor-target' : 'card esc-policy'} data-testid={`policy-${pid}`} data-anchor={pid} tabIndex={hit ? -1 : undefined}>
      <h3>{policy.name ?? pid}</h3>
      <dl class="esc-facts">
        <div>
          <dt>Priorities</dt>
          <dd>{priorities ? priorities.map((p) => `${p} ${engagement.priorities[p]?.name ?? ''}`.trim()).join(', ') : 'all priorities'}</dd>
        </div>
        <div>
          <dt>Activities</dt>
          <dd>{activities ? activities.map((a) => engagement.activities[a]?.name ?? a).join(', ') : 'any activity'}</dd>
        </div>
        <div>
          <dt>Clock</dt>
          <dd>
            {policy.clock === 'business'
              ? `business time: steps count only the hours of ${cal ?? 'the calendar'}`
              : 'wall clock: steps count real time since the ticket opened'}
          </dd>
        </div>
        {cal !== undefined && (
          <div>
            <dt>Calendar</dt>
            <dd>{cal}</dd>
          </div>
        )}
        {policy.repeat && (
          <div>
            <dt>Repeat</dt>
            <dd>
              {policy.repeat.times} more {policy.repeat.times === 1 ? 'time' : 'times'} if nobody acknowledges,{' '}
              {policy.repeat.everyMs !== undefined ? `${formatDuration(policy.repeat.everyMs)} after the last step` : 'at the gap before the last step'}
            </dd>
          </div>
        )}
      </dl>
      <h4>{policy.afterHours ? `During ${cal ?? 'business hours'}` : 'Steps'}</h4>
      <Steps steps={policy.steps} {...ctx} />
      {policy.afterHours && (
        <>
          <h4>Outside {cal ?? 'business hours'}</h4>
          {policy.calendar === undefined && <p class="chip warn">No calendar is named, so these steps are never used.</p>}
          <Steps steps={policy.afterHours} {...ctx} />
        </>
      )}
    </section>
  );
}

function Steps({ steps, ...ctx }: Ctx & { steps: EscalationStep[] }) {
  return (
    <ol class="esc-steps">
      {steps.map((s, i) => (
        <li key={i}>
          <p class="esc-step-head">
            <span class="chip">{s.afterMs === 0 ? 'at once' : `after ${formatDuration(s.afterMs)}`}</span>{' '}
            {s.notify.map((t, k) => (
              <span key={k}>
                {k > 0 && ', '}
                <TargetName target={t} {...ctx} />
              </span>
            ))}
          </p>
          {s.say && <p class="esc-say">Say: {s.say}</p>}
        </li>
      ))}
    </ol>
  );
}

function TargetName({ target, id, engagement }: Ctx & { target: Target }) {
  if (target.kind === 'oncall') {
    const s = engagement.oncall[target.id];
    return s ? <a href={viewHref(id, target.id)}>on call: {s.name ?? target.id}</a> : <span class="chip warn">unknown schedule {target.id}</span>;
  }
  const person = engagement.people[target.id];
  const party = person ? engagement.parties[person.party] : engagement.parties[target.id];
  if (!person && !party) return <span class="chip warn">unknown {target.id}</span>;
  return (
    <>
      <a href={`#/${encodeURIComponent(id)}/contacts/${encodeURIComponent(target.id)}`}>{person ? person.name : party!.name}</a>
      {person && party && <span class="muted"> ({party.name})</span>}
    </>
  );
}

function ScheduleCard({ sid, schedule, target, ...ctx }: Ctx & { sid: string; schedule: Schedule; target?: string }) {
  const { engagement, now } = ctx;
  const zone = schedule.timeZone;
  const name = (pid: string) => engagement.people[pid]?.name ?? engagement.parties[pid]?.name ?? pid;
  const list = useMemo(() => shifts(schedule, now, now + AHEAD_MS), [schedule, now]);
  const hit = sid === target;
  return (
    <section class={hit ? 'card esc-schedule anchor-target' : 'card esc-schedule'} data-testid={`schedule-${sid}`} data-anchor={sid} tabIndex={hit ? -1 : undefined}>
      <h3>{schedule.name ?? sid}</h3>
      <p class="muted esc-meta">
        Times in {zone}
        {schedule.party !== undefined && <> · {engagement.parties[schedule.party]?.name ?? schedule.party}</>}
      </p>

      <h4>Layers</h4>
      {schedule.layers.length === 0 ? (
        <p class="muted">No rotation layers.</p>
      ) : (
        <ol class="esc-layers">
          {schedule.layers.map((l, i) => <LayerItem key={i} layer={l} index={i} zone={zone} name={name} />)}
        </ol>
      )}
      {schedule.layers.length > 1 && <p class="muted">A later layer wins where layers overlap.</p>}

      <h4>Overrides</h4>
      {schedule.overrides.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="esc-overrides">
          {schedule.overrides.map((o, i) => {
            const from = parseInstant(o.from, zone);
            const to = parseInstant(o.to, zone);
            const state = to !== null && to <= now ? 'past' : from !== null && from <= now ? 'now' : null;
            return (
              <li key={i} class={state === 'past' ? 'muted' : undefined}>
                <strong>{name(o.person)}</strong> {from !== null ? formatLocal(from, zone) : o.from} → {to !== null ? formatLocal(to, zone) : o.to}
                {o.reason && <> · {o.reason}</>}
                {state === 'now' && <> <span class="chip ok">in force</span></>}
                {state === 'past' && ' (past)'}
              </li>
            );
          })}
        </ul>
      )}

      <h4>Fallback</h4>
      {schedule.fallback === undefined ? (
        <p class="chip warn">No fallback: when no layer is on, nobody is on call.</p>
      ) : (
        <p>
          <a href={`#/${encodeURIComponent(ctx.id)}/contacts/${encodeURIComponent(schedule.fallback)}`}>{name(schedule.fallback)}</a>, when no layer or override is on
        </p>
      )}

      <h4>Final schedule, next 30 days</h4>
      <ShiftList sid={sid} schedule={schedule} list={list} now={now} name={name} />
    </section>
  );
}

function shiftLength(shift: Layer['shift']): string {
  if ('hours' in shift) return `${shift.hours} h`;
  if (shift.days % 7 === 0) return shift.days === 7 ? '1 week' : `${shift.days / 7} weeks`;
  return shift.days === 1 ? '1 day' : `${shift.days} days`;
}

const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "mon–fri, sun": runs of three or more days read as a range. */
function dayRuns(days: Weekday[]): string {
  const idx = [...new Set(days.map((d) => WEEK.indexOf(d)))].filter((i) => i >= 0).sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j]! + 1) j++;
    const run = idx.slice(i, j + 1).map((k) => WEEK[k]!);
    out.push(run.length >= 3 ? `${run[0]}–${run.at(-1)}` : run.join(', '));
    i = j + 1;
  }
  return out.join(', ');
}

function LayerItem({ layer, index, zone, name }: { layer: Layer; index: number; zone: string; name: (id: string) => string }) {
  const handoff = parseInstant(layer.handoff, zone);
  return (
    <li>
      <strong>{layer.name ?? `Layer ${index + 1}`}</strong>: {layer.members.map(name).join(' → ')}
      <br />
      <span class="muted">
        {shiftLength(layer.shift)} shifts, handoff from {handoff !== null ? formatLocal(handoff, zone) : layer.handoff}
      </span>
      {layer.active && (
        <ul class="esc-active" aria-label={`When ${layer.name ?? `layer ${index + 1}`} is on`}>
          {layer.active.map((w, k) => (
            <li key={k}>{dayRuns(w.days)} {w.from}–{w.to}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ShiftList({ sid, schedule, list, now, name }: { sid: string; schedule: Schedule; list: Shift[]; now: number; name: (id: string) => string }) {
  const horizon = now + AHEAD_MS;
  const zone = schedule.timeZone;
  const days = groupByDay(list, zone);
  return (
    <ol class="esc-days" data-testid={`shifts-${sid}`}>
      {days.map(({ day, items }) => (
        <li key={day} class="esc-day">
          <p class="esc-day-name">{day}</p>
          <ul class="esc-shifts">
            {items.map((s) => (
              <li key={s.from} data-from={s.from} data-to={s.to} class={s.source === 'nobody' ? 'esc-shift nobody' : 'esc-shift'}>
                <span class="esc-shift-who">{describe(schedule, s, name)}</span>
                <span class="esc-shift-time">
                  <time dateTime={new Date(s.from).toISOString()}>{s.from === now ? 'now' : clockOf(s.from, zone)}</time>
                  {' → '}
                  <time dateTime={new Date(s.to).toISOString()}>{dayOf(s.to, zone) === day ? clockOf(s.to, zone) : formatLocal(s.to, zone)}</time>
                  {s.to >= horizon && ' and later'}
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** "Sat 2026-11-28" and "02:00 EST" out of formatLocal's "Sat 2026-11-28 02:00 EST". */
function dayOf(at: number, zone: string): string {
  return formatLocal(at, zone).split(' ').slice(0, 2).join(' ');
}

function clockOf(at: number, zone: string): string {
  return formatLocal(at, zone).split(' ').slice(2).join(' ');
}

function groupByDay(list: Shift[], zone: string): Array<{ day: string; items: Shift[] }> {
  const out: Array<{ day: string; items: Shift[] }> = [];
  for (const s of list) {
    const day = dayOf(s.from, zone);
    const last = out.at(-1);
    if (last && last.day === day) last.items.push(s);
    else out.push({ day, items: [s] });
  }
  return out;
}

function describe(schedule: Schedule, s: Shift, name: (id: string) => string): string {
  switch (s.source) {
    case 'override': {
      const reason = schedule.overrides[s.override ?? -1]?.reason;
      return `${s.people.map(name).join(', ')} (override${reason ? `: ${reason}` : ''})`;
    }
    case 'layer': {
      const layer = schedule.layers[s.layer ?? -1];
      return `${s.people.map(name).join(', ')} (${layer?.name ?? `layer ${(s.layer ?? 0) + 1}`})`;
    }
    case 'fallback':
      return `${name(s.fallback ?? '')} (fallback)`;
    case 'nobody':
      return 'NOBODY on call';
  }
}

function viewHref(id: string, anchor: string): string {
  return `#/${encodeURIComponent(id)}/escalation/${encodeURIComponent(anchor)}`;
}

