import { parseArgs } from 'node:util';
import { evaluateSla, policiesFor, type SlaEvaluation } from '../sla/index.ts';
import { formatDuration, formatInstant } from './format.ts';
import { type CliIo, UsageError } from './io.ts';
import { instantArg, loadEngagement } from './load.ts';

export const dueHelp = `tandem due --engagement FILE --priority P --opened ISO [--now ISO] [--activity ID] [--policy ID] [--json]

Each SLA metric's state, remaining time and breach instant for a ticket opened at --opened (no response yet),
under every SLA, OLA and UC of the engagement that covers the priority (or only --policy), as of --now
(default: the current time). Instants are ISO 8601, with an offset or local to the engagement's zone; results show the calendar's zone and UTC.`;

export function dueCommand(args: string[], io: CliIo, now: number): number {
  const { values } = parseArgs({
    args,
    options: {
      engagement: { type: 'string' }, priority: { type: 'string' }, opened: { type: 'string' }, now: { type: 'string' },
      activity: { type: 'string' }, policy: { type: 'string' }, json: { type: 'boolean' },
    },
  });
  if (values.engagement === undefined) throw new UsageError('due needs --engagement FILE');
  if (values.priority === undefined) throw new UsageError('--priority is required');
  if (values.opened === undefined) throw new UsageError('--opened is required');
  const loaded = loadEngagement(values.engagement, io, now);
  if (!loaded.ok) return loaded.code;
  const engagement = loaded.engagement;
  const zone = engagement.engagement.timeZone;
  const opened = instantArg('opened', values.opened, zone);
  const at = instantArg('now', values.now, zone, now);
  if (!engagement.priorities[values.priority]) {
    throw new UsageError(`no priority '${values.priority}' in ${values.engagement} (it has ${Object.keys(engagement.priorities).join(', ')})`);
  }
  const ids = values.policy !== undefined ? [values.policy] : policiesFor(engagement, values.priority, values.activity);
  for (const id of ids) if (!engagement.sla[id]) throw new UsageError(`no SLA policy '${id}' in ${values.engagement}`);
  const results = ids.map((id) => evaluateSla(engagement, id, { createdAt: opened, priority: values.priority!, activity: values.activity, events: [] }, at));
  if (values.json) {
    io.out(JSON.stringify(results, null, 2));
    return 0;
  }
  if (results.length === 0) io.out(`no SLA of ${engagement.engagement.title} covers ${values.priority}`);
  for (const r of results) io.out(describe(r, (cal) => engagement.calendars[cal]!.timeZone, (p) => engagement.parties[p]?.name ?? p));
  return 0;
}

function describe(r: SlaEvaluation, zoneOf: (calendar: string) => string, party: (id: string) => string): string {
  const lines = [`${r.kind} ${r.policy}: ${party(r.provider)} → ${party(r.customer)}, ${r.priority}`];
  for (const m of r.metrics) {
    const target = 'ms' in m.target ? formatDuration(m.target.ms) : `${m.target.businessDays} business day${m.target.businessDays === 1 ? '' : 's'}`;
    const when = m.breachedAt !== null ? `breached ${formatInstant(m.breachedAt, zoneOf(m.calendar))}` : m.breachAt !== null ? `due ${formatInstant(m.breachAt, zoneOf(m.calendar))}` : '';
    const left = m.state === 'pending' ? 'not started' : m.remaining < 0 ? `${formatDuration(-m.remaining)} over` : `${formatDuration(m.remaining)} left`;
    lines.push(`  ${m.metric.padEnd(16)} ${m.state.padEnd(8)} ${left.padEnd(14)} target ${target} on ${m.calendar}${when ? `; ${when}` : ''}`);
  }
  return lines.join('\n');
}
