// The first screen at 2 AM: for each priority, whom to call for a ticket opened now (the step in force, tap to
// call, what to say, and who comes next), then who is on call in every rotation. The most urgent priority leads.
import { useMemo } from 'preact/hooks';
import type { Engagement, Schedule } from '../../../core/index.ts';
import {
  type OnCall, type Recipient, type StepView, type WhoToCall, onCallAt, partyMethods, shifts, whoToCall,
} from '../../../core/escalation/index.ts';
import type { ViewProps } from './props.ts';
import { ContactList, calendarName, methodItems, recipientItems } from './ui/ContactList.tsx';
import { When } from './ui/When.tsx';
import './Now.css';

const DAY_MS = 86_400_000;
/** How far ahead "who is next" looks; the handbook prints the same 30 days. */
const AHEAD_MS = 30 * DAY_MS;

export function NowView({ id, engagement, now }: ViewProps) {
  const zone = engagement.engagement.timeZone;
  const answers = useMemo(
    () => Object.entries(engagement.priorities)
      .sort(([, a], [, b]) => a.rank - b.rank)
      .map(([pid, p]) => ({ pid, name: p.name, means: p.means, answer: whoToCall(engagement, { priority: pid, openedAt: now }, now) })),
    [engagement, now],
  );
  return (
    <div class="now-view" data-testid="view-now">
      <h1>Who to call now</h1>
      <p class="muted now-asof">For a ticket opened now, <When at={now} zone={zone} now={now} absoluteOnly /></p>
      {answers.length === 0 && <p class="card">This engagement lists no priorities.</p>}
      {answers.map((a, i) => (
        <section key={a.pid} class={i === 0 ? 'card now-priority now-top' : 'card now-priority'} data-testid={`now-priority-${a.pid}`}>
          <h2>
            <span class="now-pid">{a.pid}</span> {a.name}
          </h2>
          <Answer answer={a.answer} engagement={engagement} id={id} zone={zone} now={now} />
          {/* After the numbers: at 2 AM the call button comes first, the definition is for when in doubt. */}
          {a.means && <p class="muted now-means">{a.pid} means: {a.means}</p>}
        </section>
      ))}
      <OnCallNow id={id} engagement={engagement} now={now} />
    </div>
  );
}

interface Ctx {
  engagement: Engagement;
  id: string;
  zone: string;
  now: number;
}

function Answer({ answer, ...ctx }: Ctx & { answer: WhoToCall }) {
  if (!answer.ok) return <p class="chip danger now-reason">{answer.reason}</p>;
  const { engagement, zone, now } = ctx;
  const policy = engagement.escalation[answer.policy.id];
  const total = (answer.branch === 'after-hours' ? policy?.afterHours : policy?.steps)?.length;
  // A ticket opened now has usually reached step 1 already; a step not yet due is still who to call first.
  const shown = answer.step ?? answer.next;
  return (
    <>
      <p class="now-branch">
        <BranchLine answer={answer} {...ctx} />
      </p>
      {shown ? (
        <div class="now-step">
          <p class="now-step-title">
            <strong>
              {answer.step ? 'Call now' : 'Call first'} · step {shown.number}{total ? ` of ${total}` : ''}
              {shown.cycle > 0 ? ` (repeat ${shown.cycle})` : ''}
            </strong>
            {!answer.step && <> · due <When at={shown.startsAt} zone={zone} now={now} /></>}
            <span class="muted"> · {answer.policy.name ?? answer.policy.id}</span>
          </p>
          <Recipients step={shown} {...ctx} />
          {shown.say && (
            <p class="now-say">
              <strong>Say:</strong> {shown.say}
            </p>
          )}
        </div>
      ) : (
        <p class="muted">The policy has no steps.</p>
      )}
      {answer.step &&
        (answer.next ? <NextStep step={answer.next} {...ctx} /> : <p class="muted now-next">This is the last step.</p>)}
    </>
  );
}

function BranchLine({ answer, engagement, zone, now }: Ctx & { answer: Extract<WhoToCall, { ok: true }> }) {
  const cal = answer.calendar === undefined ? '' : calendarName(engagement, answer.calendar);
  const at = answer.branchChangesAt;
  switch (answer.branch) {
    case 'business-hours':
      return (
        <>
          <span class="chip ok">Business hours</span> {cal} open
          {at !== null && <>; after-hours steps from <When at={at} zone={zone} now={now} /></>}
        </>
      );
    case 'after-hours':
      return (
        <>
          <span class="chip warn">After hours</span> {cal} closed
          {at !== null ? <>; business-hours steps from <When at={at} zone={zone} now={now} /></> : '; it does not reopen within a year'}
        </>
      );
    case 'all-hours':
      return <span class="chip">Same steps at all hours</span>;
  }
}

function Recipients({ step, ...ctx }: Ctx & { step: StepView }) {
  if (step.recipients.length === 0) return <p class="chip danger">This step names nobody.</p>;
  return (
    <ul class="now-recipients">
      {step.recipients.map((r, i) => (
        <li key={`${r.id}-${i}`} class="now-recipient">
          <RecipientHead r={r} {...ctx} />
          {r.kind === 'nobody' ? (
            <p class="chip danger">{r.reason}</p>
          ) : (
            <ContactList items={recipientItems(r)} engagement={ctx.engagement} zone={ctx.zone} now={ctx.now} name={r.name} />
          )}
        </li>
      ))}
    </ul>
  );
}

function RecipientHead({ r, id, zone, now }: Ctx & { r: Recipient }) {
  return (
    <>
      <p class="now-who">
        {r.kind === 'nobody' ? <strong>Nobody</strong> : <a href={contactsHref(id, r.id)}><strong>{r.name}</strong></a>}
        {r.title && <span>, {r.title}</span>}
        {r.party && <span class="muted"> · {r.party.name}</span>}
      </p>
      {r.oncall && (
        <p class="muted now-via">
          {r.oncall.source === 'fallback' ? 'fallback of' : 'on call in'} {r.oncall.scheduleName ?? r.oncall.schedule}
          {r.oncall.until !== null && <> until <When at={r.oncall.until} zone={zone} now={now} /></>}
        </p>
      )}
    </>
  );
}

function NextStep({ step, id, zone, now }: Ctx & { step: StepView }) {
  return (
    <div class="now-next">
      <p>
        <strong>If nobody acknowledges:</strong> step {step.number}
        {step.cycle > 0 ? ` (repeat ${step.cycle})` : ''} at <When at={step.startsAt} zone={zone} now={now} />
      </p>
      <ul class="now-next-list">
        {step.recipients.map((r, i) => (
          <li key={`${r.id}-${i}`}>
            {r.kind === 'nobody' ? <span class="chip danger">{r.reason}</span> : <a href={contactsHref(id, r.id)}>{r.name}</a>}
            {r.oncall && <span class="muted"> (on call in {r.oncall.scheduleName ?? r.oncall.schedule})</span>}
          </li>
        ))}
      </ul>
      {step.say && <p class="muted">Then say: {step.say}</p>}
    </div>
  );
}

function OnCallNow({ id, engagement, now }: Omit<Ctx, 'zone'>) {
  const schedules = Object.entries(engagement.oncall);
  return (
    <section class="card now-oncall" data-testid="now-oncall">
      <h2>On call now</h2>
      {schedules.length === 0 ? (
        <p class="muted">This engagement has no on-call schedules.</p>
      ) : (
        <ul class="now-schedules">
          {schedules.map(([sid, s]) => (
            <li key={sid} class="now-schedule" data-testid={`now-oncall-${sid}`}>
              <ScheduleNow sid={sid} schedule={s} id={id} engagement={engagement} zone={s.timeZone} now={now} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Who answers a shift: its people, else the fallback; '' when nobody does. */
function answerer(s: OnCall): string[] {
  if (s.source === 'nobody') return [];
  return s.people.length > 0 ? s.people : s.fallback === undefined ? [] : [s.fallback];
}

/**
 * The current answer, and the first later shift answered by someone else. A shift that only changes how the same
 * person is on call (an override ending into their fallback hours) is not a handover, so it is skipped.
 */
function onCallSummary(schedule: Schedule, now: number): { current: OnCall; next: (OnCall & { from: number }) | null } {
  const current = onCallAt(schedule, now);
  const key = answerer(current).join('\n');
  const next = shifts(schedule, now, now + AHEAD_MS).find((s) => s.from > now && answerer(s).join('\n') !== key) ?? null;
  return { current, next };
}

function ScheduleNow({ sid, schedule, ...ctx }: Ctx & { sid: string; schedule: Schedule }) {
  const { engagement, id, zone, now } = ctx;
  const { current, next } = useMemo(() => onCallSummary(schedule, now), [schedule, now]);
  const people = answerer(current);
  const override = current.source === 'override' ? schedule.overrides[current.override ?? -1] : undefined;
  const layer = current.source === 'layer' ? schedule.layers[current.layer ?? -1] : undefined;
  return (
    <>
      <h3>
        <a href={`#/${encodeURIComponent(id)}/escalation/${encodeURIComponent(sid)}`}>{schedule.name ?? sid}</a>
      </h3>
      {current.source === 'nobody' && <p class="chip danger">Nobody is on call and the schedule has no fallback.</p>}
      {current.source === 'fallback' && <p class="chip warn">Nobody on the rotation now: the fallback answers.</p>}
      {people.map((pid) => (
        <div key={pid} class="now-oncall-person">
          <p class="now-who">
            <a href={contactsHref(id, pid)}><strong>{nameOf(engagement, pid)}</strong></a>
            {override && <span class="muted"> · override{override.reason ? `: ${override.reason}` : ''}</span>}
            {layer && <span class="muted"> · {layer.name ?? `layer ${(current.layer ?? 0) + 1}`}</span>}
          </p>
          <ContactList items={methodItems(engagement, methodsOf(engagement, pid), now)} engagement={engagement} zone={zone} now={now} name={nameOf(engagement, pid)} />
        </div>
      ))}
      <p class="now-until">
        {next ? (
          <>
            Until <When at={next.from} zone={zone} now={now} />. Next:{' '}
            <strong>{answerer(next).map((p) => nameOf(engagement, p)).join(', ') || 'nobody'}</strong>
            {next.source === 'fallback' && ' (fallback)'}
          </>
        ) : (
          <span class="muted">No change in the next 30 days.</span>
        )}
      </p>
    </>
  );
}

function nameOf(engagement: Engagement, pid: string): string {
  return engagement.people[pid]?.name ?? engagement.parties[pid]?.name ?? pid;
}

function methodsOf(engagement: Engagement, pid: string) {
  const person = engagement.people[pid];
  if (person) return person.contact;
  const party = engagement.parties[pid];
  return party ? partyMethods(party) : [];
}

function contactsHref(id: string, target: string): string {
  return `#/${encodeURIComponent(id)}/contacts/${encodeURIComponent(target)}`;
}
