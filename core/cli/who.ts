import { parseArgs } from 'node:util';
import { type Recipient, type StepView, formatDuration, formatLocal, recipients, whoToCall } from '../escalation/index.ts';
import { type CliIo, UsageError } from './io.ts';
import { instantArg, loadEngagement } from './load.ts';

export const whoHelp = `tandem who --engagement FILE --priority P1 --opened ISO [--now ISO] [--activity ID] [--json]

Whom to call now for a ticket: the escalation step it has reached, the people with the contact methods usable
now and their links, what to say, and the next step with the time it starts.
  --opened   when the ticket was opened, e.g. 2026-11-28T02:00-05:00 (without an offset: the engagement's zone)
  --now      the moment to answer for (default: now)
  --activity the ticket's activity, for policies limited to activities
  --json     the answer as JSON (instants in epoch ms)`;

export function whoCommand(args: string[], io: CliIo, now: number): number {
  const { values } = parseArgs({
    args,
    options: { engagement: { type: 'string' }, priority: { type: 'string' }, opened: { type: 'string' }, now: { type: 'string' }, activity: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (values.engagement === undefined) throw new UsageError('who needs --engagement FILE');
  if (values.priority === undefined) throw new UsageError('who needs --priority, e.g. --priority P1');
  if (values.opened === undefined) throw new UsageError('who needs --opened, the time the ticket was opened');
  const loaded = loadEngagement(values.engagement, io, now);
  if (!loaded.ok) return loaded.code;
  const e = loaded.engagement;
  const zone = e.engagement.timeZone;
  const opened = instantArg('opened', values.opened, zone);
  const at = instantArg('now', values.now, zone, now);
  const answer = whoToCall(e, { priority: values.priority, activity: values.activity, openedAt: opened }, at);
  if (values.json) {
    io.out(JSON.stringify(answer, null, 2));
    return answer.ok ? 0 : 1;
  }
  if (!answer.ok) {
    io.err(`tandem who: ${answer.reason}`);
    return 1;
  }
  const t = (ms: number) => formatLocal(ms, zone);
  const policy = e.escalation[answer.policy.id]!;
  const branchSteps = answer.branch === 'after-hours' ? policy.afterHours! : policy.steps;
  const lines: string[] = [];
  const branchWords = answer.branch === 'after-hours' ? `after hours ('${answer.calendar}' is closed` : answer.branch === 'business-hours' ? `business hours ('${answer.calendar}' is open` : '';
  const change = answer.branchChangesAt === null ? ')' : ` until ${t(answer.branchChangesAt)})`;
  lines.push(`${values.priority} (${e.priorities[values.priority]!.name}) · escalation '${answer.policy.name ?? answer.policy.id}'${branchWords ? ` · ${branchWords}${change}` : ''}`);
  lines.push(`Opened ${t(opened)} · now ${t(at)} · ${formatDuration(answer.elapsedMs)} since opening${answer.clock === 'business' ? ' in business time' : ''}`);
  if (answer.step) {
    const earlier = branchSteps.slice(0, answer.step.number - 1);
    if (earlier.length > 0 || answer.step.cycle > 0) {
      lines.push('', `Already due${answer.step.cycle > 0 ? ` (repeat ${answer.step.cycle} of ${policy.repeat?.times})` : ''}:`);
      earlier.forEach((s, i) => lines.push(`  step ${i + 1} (+${formatDuration(s.afterMs)}): ${recipients(e, s, at).map(shortName).join(', ')}`));
    }
    lines.push('', `NOW: step ${answer.step.number} of ${branchSteps.length}, since ${t(answer.step.startsAt)}`, ...stepLines(answer.step, t));
  } else {
    lines.push('', 'No step is due yet.');
  }
  if (answer.next) {
    const inMs = answer.next.startsAt - at;
    const label = answer.next.cycle > (answer.step?.cycle ?? 0) ? `step ${answer.next.number} again (repeat ${answer.next.cycle})` : `step ${answer.next.number}`;
    lines.push('', `NEXT: ${label} at ${t(answer.next.startsAt)} (in ${formatDuration(inMs)}), if not acknowledged`, ...stepLines(answer.next, t));
  } else {
    lines.push('', 'This is the last step.');
  }
  io.out(lines.join('\n'));
  return 0;
}

function shortName(r: Recipient): string {
  return r.kind === 'nobody' ? `(${r.reason})` : r.oncall ? `${r.name} (on call)` : r.name;
}

function stepLines(step: StepView, t: (ms: number) => string): string[] {
  const out: string[] = [];
  for (const r of step.recipients) {
    if (r.kind === 'nobody') {
      out.push(`  ! ${r.reason}`);
      continue;
    }
    const who = [r.name, r.title, r.kind === 'person' ? r.party?.name : undefined].filter(Boolean).join(', ');
    const via = r.oncall
      ? ` — ${r.oncall.source === 'fallback' ? 'fallback of' : 'on call in'} ${r.oncall.scheduleName ?? r.oncall.schedule}${r.oncall.until ? ` until ${t(r.oncall.until)}` : ''}`
      : '';
    out.push(`  ${who}${via}`);
    if (r.contacts.length === 0) out.push('    (no contact method usable now)');
    for (const c of r.contacts) out.push(`    ${(c.label ?? c.type).padEnd(14)} ${c.text.padEnd(32)} ${c.href ?? ''}`.trimEnd());
    for (const c of r.unavailable) {
      out.push(`    not now: ${c.label ?? c.type} ${c.text} ('${c.hours}' hours${c.usableFrom ? `, from ${t(c.usableFrom)}` : ''})`);
    }
  }
  if (step.say) out.push(`  Say: ${step.say}`);
  return out;
}
