// Native → canonical for one helpdesk mapping of the engagement, with the same rules as core/routing's route()
// (exact key, then case- and space-insensitive; a status already in canonical words needs no map), memoised
// because an export repeats a handful of values a million times.
import type { Engagement, HelpdeskMapping, Status } from '../engagement/types.ts';
import { STATUSES } from '../engagement/vocabulary.ts';
import { fieldValues, matches, pickActivity, type TicketFacts } from '../routing/index.ts';
import type { ExportFormat, ReaderOptions, TicketRecord } from './types.ts';

/**
 * The reader options for an export of `mapping`'s helpdesk: the mapping's `export` block (column headers, the zone
 * of zone-less times) under what the user gave for this run (flags, the PWA's choices), which wins.
 */
export function readerOptionsFor(mapping: HelpdeskMapping, given: ReaderOptions = {}): ReaderOptions {
  const columns = { ...mapping.export?.columns, ...given.columns };
  const exportZone = given.exportZone ?? mapping.export?.timeZone;
  return { ...given, ...(Object.keys(columns).length > 0 ? { columns } : {}), ...(exportZone !== undefined ? { exportZone } : {}) };
}

function lookup<T>(map: Record<string, T>, native: string): T | undefined {
  if (Object.hasOwn(map, native)) return map[native];
  const key = Object.keys(map).find((k) => k.trim().toLowerCase() === native.trim().toLowerCase());
  return key === undefined ? undefined : map[key];
}

/**
 * The mapping type an export of `format` is read with by default: its helpdesk's own. A generic CSV can come from any
 * tool, so it takes a generic mapping when the engagement has one; else (undefined) an engagement with a single
 * mapping uses that, and one with several needs the user to choose.
 */
export function mappingTypeFor(engagement: Engagement, format: ExportFormat): string | undefined {
  if (format !== 'generic') return format;
  return engagement.helpdesks.some((h) => h.type === 'generic') ? 'generic' : undefined;
}

export function findMapping(engagement: Engagement, id: string | undefined, type: string | undefined): HelpdeskMapping {
  const all = engagement.helpdesks;
  const found = id !== undefined ? all.find((m) => m.id === id) : type !== undefined ? all.find((m) => m.type === type) : all.length === 1 ? all[0] : undefined;
  // A CSV of any helpdesk may be read as generic with its mapping; a named format needs that helpdesk's own words.
  if (found && type !== undefined && type !== 'generic' && found.type !== type) {
    throw new RangeError(`helpdesk '${found.id}' is a ${found.type} mapping, and this export is read as ${type}: its priorities and statuses would not translate (choose a ${type} mapping, or read it as a generic CSV with its columns named)`);
  }
  if (found) return found;
  const list = all.map((m) => `${m.id} (${m.type})`).join(', ') || 'none';
  if (id !== undefined) throw new RangeError(`no helpdesk mapping '${id}' in the engagement (it has ${list})`);
  throw new RangeError(
    type !== undefined
      ? `no ${type} helpdesk mapping in the engagement to read this export with (it has ${list})`
      : `the engagement has several helpdesk mappings (${list}): say which one this export comes from`,
  );
}

const MEMO_LIMIT = 50_000;

/** Condition fields that are one text field of the record as it is (fieldValues reads them unchanged), by record key. */
const PLAIN_FIELDS: Record<string, keyof TicketRecord> = {
  organization: 'organization', requester: 'requester', requesterEmail: 'requesterEmail', group: 'group', category: 'category',
  type: 'type', subject: 'subject', priority: 'priority', status: 'status', assignee: 'assignee', ticketId: 'id',
};
type RouteHit = { ok: boolean; activity: string };

export class Canon {
  private readonly priorities = new Map<string, string | null>();
  private readonly statuses = new Map<string, Status | null>();
  private readonly routes = new Map<string, RouteHit>();
  /** Fields the mapping's conditions read: only they decide, so only they key the memo. */
  private readonly fields: string[];
  /**
   * When every such field is a plain text field of the record: their record keys, for a memo of nested maps keyed
   * by the record's own values, which needs neither the facts object nor a key string per ticket. null otherwise.
   */
  private readonly plain: Array<keyof TicketRecord> | null;
  private readonly tree = new Map<unknown, unknown>();
  private treeSize = 0;

  constructor(readonly mapping: HelpdeskMapping) {
    const used = new Set<string>();
    for (const c of mapping.match) used.add(c.field);
    for (const rule of mapping.activities) if ('when' in rule) for (const c of rule.when) used.add(c.field);
    this.fields = [...used].sort();
    this.plain = this.fields.every((f) => Object.hasOwn(PLAIN_FIELDS, f)) ? this.fields.map((f) => PLAIN_FIELDS[f]!) : null;
  }

  priority(native: string | undefined): string | null {
    if (native === undefined) return null;
    let p = this.priorities.get(native);
    if (p === undefined) this.priorities.set(native, (p = lookup(this.mapping.priorities, native) ?? null));
    return p;
  }

  status(native: string | undefined): Status | null {
    if (native === undefined) return null;
    let s = this.statuses.get(native);
    if (s === undefined) {
      s = lookup(this.mapping.statuses, native) ?? null;
      if (s === null) {
        const plain = native.trim().toLowerCase().replace(/[\s-]+/g, '_');
        if ((STATUSES as readonly string[]).includes(plain)) s = plain as Status;
      }
      this.statuses.set(native, s);
    }
    return s;
  }

  /** Whether the mapping takes the ticket (its match conditions) and the activity its rules give. */
  route(r: TicketRecord): RouteHit {
    if (this.plain !== null) return this.routePlain(r, this.plain);
    const facts = factsOf(r, this.mapping);
    // A loop, not map(): no closure per ticket.
    let key = '';
    for (let i = 0; i < this.fields.length; i++) key += (i > 0 ? '\u0001' : '') + fieldValues(facts, this.fields[i]!).join('\u0002');
    let hit = this.routes.get(key);
    if (!hit) {
      hit = { ok: this.mapping.match.every((c) => matches(c, facts)), activity: pickActivity(this.mapping, facts).activity };
      if (this.routes.size >= MEMO_LIMIT) this.routes.clear();
      this.routes.set(key, hit);
    }
    return hit;
  }

  private routePlain(r: TicketRecord, keys: Array<keyof TicketRecord>): RouteHit {
    let node = this.tree;
    const last = keys.length - 1;
    for (let i = 0; i < last; i++) {
      const v = plainValue(r, keys[i]!);
      let next = node.get(v) as Map<unknown, unknown> | undefined;
      if (!next) node.set(v, (next = new Map()));
      node = next;
    }
    const leaf = last < 0 ? undefined : plainValue(r, keys[last]!);
    let hit = node.get(leaf) as RouteHit | undefined;
    if (!hit) {
      const facts = factsOf(r, this.mapping);
      hit = { ok: this.mapping.match.every((c) => matches(c, facts)), activity: pickActivity(this.mapping, facts).activity };
      if (this.treeSize >= MEMO_LIMIT) {
        this.tree.clear();
        this.treeSize = 0;
        return hit;
      }
      this.treeSize++;
      node.set(leaf, hit);
    }
    return hit;
  }
}

/** r[key] for the plain fields, as named loads: with the key in a variable, each read is a lookup by name. */
function plainValue(r: TicketRecord, key: keyof TicketRecord): unknown {
  switch (key) {
    case 'organization': return r.organization;
    case 'requester': return r.requester;
    case 'requesterEmail': return r.requesterEmail;
    case 'group': return r.group;
    case 'category': return r.category;
    case 'type': return r.type;
    case 'subject': return r.subject;
    case 'priority': return r.priority;
    case 'status': return r.status;
    case 'assignee': return r.assignee;
    case 'id': return r.id;
    default: return r[key];
  }
}

export function factsOf(r: TicketRecord, mapping: HelpdeskMapping): TicketFacts {
  return {
    helpdesk: mapping.type, origin: mapping.origin, ticketId: r.id, organization: r.organization, requester: r.requester,
    requesterEmail: r.requesterEmail, group: r.group, category: r.category, type: r.type, tags: r.tags, subject: r.subject,
    priority: r.priority, status: r.status, created: r.created, assignee: r.assignee,
  };
}
