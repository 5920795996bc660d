import { parseArgs } from 'node:util';
import type { Engagement, Role } from '../engagement/index.ts';
import { formatLocal } from '../escalation/index.ts';
import { type Holder, ROLE_ORDER, ROLE_WORDS, ownerLine, ownership } from '../raci/index.ts';
import { type RouteResult, type TicketFacts, route } from '../routing/index.ts';
import { type CliIo, UsageError } from './io.ts';
import { instantArg, loadEngagement } from './load.ts';

export const ownerHelp = `tandem owner --engagement FILE... (--activity ID | --ticket FACTS.json) [--at ISO] [--json]

Who owns the work: the Responsible, Accountable, Support, Consulted and Informed parties and their people.
  --activity  an activity id of the engagement
  --ticket    a JSON file of ticket facts (origin, organization, category, tags, priority, status, …): routed
              to its engagement and activity first, with the rule that matched (repeat --engagement to route
              across several engagements)
  --at        the instant that picks an after-hours variant (default: now)
  --json      the answer as JSON`;

export function ownerCommand(args: string[], io: CliIo, now: number): number {
  const { values } = parseArgs({
    args,
    options: { engagement: { type: 'string', multiple: true }, activity: { type: 'string' }, ticket: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' } },
  });
  const files = values.engagement ?? [];
  if (files.length === 0) throw new UsageError('owner needs --engagement FILE');
  if ((values.activity === undefined) === (values.ticket === undefined)) throw new UsageError('owner needs either --activity ID or --ticket FACTS.json');
  if (values.activity !== undefined && files.length > 1) throw new UsageError('--activity names an activity of one engagement; give one --engagement');
  const engagements: Engagement[] = [];
  for (const file of files) {
    const loaded = loadEngagement(file, io, now);
    if (!loaded.ok) return loaded.code;
    engagements.push(loaded.engagement);
  }

  let engagement = engagements[0]!;
  let activity = values.activity;
  let routed: RouteResult | undefined;
  if (values.ticket !== undefined) {
    const facts = readFacts(values.ticket, io);
    if (facts === null) return 2;
    routed = route(engagements, facts);
    if (!routed.ok) {
      if (values.json) io.out(JSON.stringify({ route: routed }, null, 2));
      else io.err(`tandem owner: ${routed.reason}`);
      return 1;
    }
    engagement = routed.engagement;
    activity = routed.activity;
  }
  const at = instantArg('at', values.at, engagement.engagement.timeZone, now);
  const own = ownership(engagement, activity!, at);
  if (!own) throw new UsageError(`no activity '${activity}' in ${engagement.engagement.id} (known: ${Object.keys(engagement.activities).join(', ')})`);
  if (values.json) {
    const { engagement: _e, ...route } = routed?.ok ? routed : ({ engagement: undefined } as Record<string, unknown>);
    io.out(JSON.stringify({ engagement: engagement.engagement.id, ...(routed ? { route } : {}), at, ownership: own }, null, 2));
    return 0;
  }
  const lines: string[] = [];
  if (routed?.ok) {
    lines.push(`Engagement: ${engagement.engagement.title} (${engagement.engagement.id}), by helpdesk '${routed.mapping.id}': ${routed.matchedBy}`);
    lines.push(`Activity: ${own.name} (${own.activity}), by ${routed.rule.text}${routed.rule.note ? ` (${routed.rule.note})` : ''}`);
    lines.push(`Priority: ${routed.priority ?? 'unknown'} · status: ${routed.status ?? 'unknown'}`);
    for (const n of routed.notes) lines.push(`  ! ${n}`);
  } else {
    lines.push(`Activity: ${own.name} (${own.activity})${own.area ? ` · ${own.area}` : ''}`);
  }
  const variant = own.variant === 'after-hours' ? `after hours ('${own.calendar}' is closed at ${formatLocal(at, engagement.engagement.timeZone)})` : own.calendar ? `business hours ('${own.calendar}' is open at ${formatLocal(at, engagement.engagement.timeZone)})` : '';
  lines.push(`Owner: ${ownerLine(own.roles)}${variant ? ` · ${variant}` : ''}`, ...roleLines(own.roles));
  if (own.other) {
    lines.push('', `${own.other.variant === 'after-hours' ? 'After hours' : 'In business hours'} ('${own.calendar}' ${own.other.variant === 'after-hours' ? 'closed' : 'open'}): ${ownerLine(own.other.roles)}`, ...roleLines(own.other.roles));
  }
  io.out(lines.join('\n'));
  return 0;
}

function roleLines(roles: Record<Role, Holder[]>): string[] {
  return ROLE_ORDER.filter((r) => roles[r].length > 0).map((r) => {
    const holders = roles[r].map((h) => (h.kind === 'person' ? `${h.name} (${h.party.name})` : h.people.length > 0 ? `${h.name}: ${h.people.map((p) => p.name).join(', ')}` : h.name));
    return `  ${r} ${ROLE_WORDS[r].padEnd(11)} ${holders.join('; ')}`;
  });
}

function readFacts(file: string, io: CliIo): TicketFacts | null {
  let value: unknown;
  try {
    value = JSON.parse(io.readFile(file));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.err(`${file}: ${e.code ? `cannot read: ${e.code}` : `not JSON: ${e.message}`}`);
    return null;
  }
  if (!value || typeof value !== 'object' || typeof (value as { origin?: unknown }).origin !== 'string') {
    io.err(`${file}: ticket facts need at least "origin", the helpdesk's address, e.g. "https://acme.zendesk.com"`);
    return null;
  }
  const facts = value as TicketFacts & { created?: unknown };
  if (typeof facts.created === 'string') facts.created = Date.parse(facts.created);
  return facts;
}
