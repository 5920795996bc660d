// Ticket facts → the engagement it belongs to, its canonical priority and status, and its activity. Mappings and
// rules are tried in file order and the first match wins (Grafana OnCall routes, Zendesk SLA positions). The
// answer carries the rule that matched, so the panel can say why, and a refusal says why in a technician's words.
import type { Condition, Engagement, HelpdeskMapping, Status } from '../engagement/types.ts';
import { STATUSES } from '../engagement/vocabulary.ts';
import { describeCondition, describeValue, matches } from './conditions.ts';
import type { TicketFacts } from './facts.ts';

export interface MatchedRule {
  /** Index into mapping.activities. */
  index: number;
  /** "rule 4: category matches 'Password*'" or "default". */
  text: string;
  default: boolean;
  note?: string;
}

export interface Routed {
  ok: true;
  engagement: Engagement;
  mapping: HelpdeskMapping;
  /** Why this engagement: the mapping's match conditions in words, or that it takes every ticket at the origin. */
  matchedBy: string;
  /** Canonical priority id; null when the native value is missing or not mapped (see `notes`). */
  priority: string | null;
  status: Status | null;
  activity: string;
  rule: MatchedRule;
  /** Other engagements whose mappings also take this ticket (the first one wins). */
  alsoMatched: string[];
  /** What a technician should know: "priority 'Urgent' is not mapped". */
  notes: string[];
}

export type RouteResult = Routed | { ok: false; reason: string };

export function route(engagements: readonly Engagement[], facts: TicketFacts): RouteResult {
  const origin = originOf(facts.origin);
  if (origin === null) return { ok: false, reason: `'${facts.origin}' is not a web address, so no helpdesk mapping can match it` };
  const host = new URL(origin).host;
  const atOrigin = engagements.flatMap((engagement) => engagement.helpdesks.filter((m) => m.origin === origin).map((mapping) => ({ engagement, mapping })));
  if (atOrigin.length === 0) return { ok: false, reason: `no engagement has a helpdesk at ${host}` };

  const hits = atOrigin.filter(({ mapping }) => mapping.match.every((c) => matches(c, facts)));
  const first = hits[0];
  if (!first) {
    const fields = [...new Set(atOrigin.flatMap(({ mapping }) => mapping.match.map((c) => c.field)))];
    return { ok: false, reason: `no engagement maps ${host} ${fields.map((f) => describeValue(facts, f)).join(', ')}` };
  }
  const { engagement, mapping } = first;
  const notes: string[] = [];
  const rule = pickActivity(mapping, facts);
  return {
    ok: true,
    engagement,
    mapping,
    matchedBy: mapping.match.length === 0 ? `every ticket at ${host}` : mapping.match.map(describeCondition).join(' and '),
    priority: mapPriority(mapping, facts.priority, notes),
    status: mapStatus(mapping, facts.status, notes),
    activity: rule.activity,
    rule: rule.rule,
    alsoMatched: [...new Set(hits.slice(1).map((h) => h.engagement.engagement.id))].filter((id) => id !== engagement.engagement.id),
    notes,
  };
}

/** The first rule whose conditions all hold, else the default. */
export function pickActivity(mapping: HelpdeskMapping, facts: TicketFacts): { activity: string; rule: MatchedRule } {
  let fallback: { activity: string; rule: MatchedRule } | null = null;
  for (const [index, rule] of mapping.activities.entries()) {
    if ('default' in rule) {
      fallback ??= { activity: rule.default, rule: { index, text: 'default', default: true } };
      continue;
    }
    if (fallback === null && rule.when.every((c) => matches(c, facts))) {
      return { activity: rule.activity, rule: { index, text: `rule ${index + 1}: ${whenText(rule.when)}`, default: false, note: rule.note } };
    }
  }
  // The validator requires a default; a mapping without one still answers with its last rule's activity.
  if (fallback) return fallback;
  const last = mapping.activities.at(-1);
  const activity = last ? ('default' in last ? last.default : last.activity) : '';
  return { activity, rule: { index: mapping.activities.length - 1, text: 'no rule matched', default: true } };
}

function whenText(when: Condition[]): string {
  return when.length === 0 ? 'always' : when.map(describeCondition).join(' and ');
}

function lookup<T>(map: Record<string, T>, native: string): T | undefined {
  if (Object.hasOwn(map, native)) return map[native];
  const key = Object.keys(map).find((k) => k.trim().toLowerCase() === native.trim().toLowerCase());
  return key === undefined ? undefined : map[key];
}

function mapPriority(mapping: HelpdeskMapping, native: string | undefined, notes: string[]): string | null {
  if (native === undefined || native === '') {
    notes.push('the ticket shows no priority');
    return null;
  }
  const canonical = lookup(mapping.priorities, native);
  if (canonical === undefined) notes.push(`priority '${native}' is not mapped (${mapping.id} maps ${Object.keys(mapping.priorities).map((k) => `'${k}'`).join(', ')})`);
  return canonical ?? null;
}

function mapStatus(mapping: HelpdeskMapping, native: string | undefined, notes: string[]): Status | null {
  if (native === undefined || native === '') return null;
  const canonical = lookup(mapping.statuses, native);
  if (canonical !== undefined) return canonical;
  // A helpdesk whose words already are canonical ('open', 'resolved') needs no map for them.
  const plain = native.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((STATUSES as readonly string[]).includes(plain)) return plain as Status;
  notes.push(`status '${native}' is not mapped`);
  return null;
}

/** The origin of a URL or origin text, or null. */
export function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
