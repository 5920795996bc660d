// RawTicket (text as the page or its API gave it) → core's TicketFacts. The origin comes from the message
// sender, never from the ticket's own url field. Adapters with an API hand over ISO dates; the generic recipe's
// values are the page's text, cut and parsed with the recipe's regex, map, format and zone (recipe-values.ts).
import type { Engagement, HelpdeskMapping, TicketFacts } from '../../core/index.ts';
import type { RawField, RawTicket } from '../shared/ticket.ts';
import { recipeValue } from './recipe-values.ts';

export interface FactsResult {
  facts: TicketFacts;
  /** What a technician should know about the values: "created time '…' could not be read". */
  notes: string[];
}

const TEXT_FIELDS = ['organization', 'requesterEmail', 'group', 'category', 'type', 'subject', 'priority', 'status', 'assignee'] as const;

/** The first generic mapping at the origin (the recipe hello handed to the content script) and its engagement. */
export function recipeMappingAt(engagements: readonly Engagement[], origin: string): { engagement: Engagement; mapping: HelpdeskMapping } | undefined {
  for (const engagement of engagements) {
    for (const mapping of engagement.helpdesks) if (mapping.origin === origin && mapping.type === 'generic') return { engagement, mapping };
  }
  return undefined;
}

export function ticketFacts(raw: RawTicket, origin: string, engagements: readonly Engagement[]): FactsResult {
  const recipe = raw.adapter === 'generic' ? recipeMappingAt(engagements, origin) : undefined;
  if (recipe) return recipeFacts(raw, origin, recipe.mapping, recipe.engagement.engagement.timeZone);
  const notes: string[] = [];
  const facts: TicketFacts = { helpdesk: raw.adapter, origin };
  const id = raw.id?.trim();
  if (id) facts.ticketId = id;
  for (const f of TEXT_FIELDS) {
    const v = single(raw.fields[f]);
    if (v !== undefined) facts[f] = v;
  }
  const tags = list(raw.fields.tags);
  if (tags.length > 0) facts.tags = tags;
  const created = single(raw.fields.created);
  if (created !== undefined) {
    const at = /(?:Z|[+-]\d\d:?\d\d)$/i.test(created) ? Date.parse(created) : pageDate(raw, created, origin, engagements);
    if (typeof at === 'number' && Number.isFinite(at)) facts.created = at;
    else notes.push(typeof at === 'string' ? at : `created time '${created}' could not be read`);
  }
  return { facts, notes };
}

/**
 * A page's local date text (DOM-read adapters): the mapping's own created format first, then the formats the
 * adapter knows its helpdesk shows, read in the mapping's or the engagement's zone. A problem text when none fits.
 */
function pageDate(raw: RawTicket, text: string, origin: string, engagements: readonly Engagement[]): number | string {
  let rules: HelpdeskMapping['fields']['created'];
  let zone: string | undefined;
  for (const e of engagements) {
    const m = e.helpdesks.find((h) => h.origin === origin && h.type === raw.adapter);
    if (m) {
      rules = m.fields.created;
      zone = e.engagement.timeZone;
      break;
    }
  }
  if (!zone) return `created time '${text}' has no zone to be read in`;
  const formats = rules?.format ? [rules.format] : (raw.createdFormats ?? []);
  let problem = `created time '${text}' could not be read`;
  for (const format of formats.length ? formats : [undefined]) {
    const got = recipeValue('created', text, { format, timeZone: rules?.timeZone, regex: rules?.regex }, zone);
    if (typeof got.value === 'number') return got.value;
    if (got.problem) problem = got.problem;
  }
  return problem;
}

/** Page text cut and parsed with the recipe's rules; a value the rules cannot read is left out, with a note. */
function recipeFacts(raw: RawTicket, origin: string, mapping: HelpdeskMapping, zone: string): FactsResult {
  const notes: string[] = [];
  const facts: TicketFacts = { helpdesk: raw.adapter, origin };
  const rules = mapping.fields;
  const read = (field: RawField | 'id', text: string | undefined): string | number | undefined => {
    if (text === undefined) return undefined;
    const got = recipeValue(field, text, field === 'type' ? undefined : rules[field], zone);
    if (got.problem) notes.push(got.problem);
    return got.value;
  };
  // With a ticketUrl the id came from the address (the pattern's id group); fields.id's rules apply to page text.
  const id = mapping.ticketUrl ? raw.id?.trim() : read('id', raw.id ?? undefined);
  if (typeof id === 'string' && id) facts.ticketId = id;
  for (const f of TEXT_FIELDS) {
    const v = read(f, single(raw.fields[f]));
    if (typeof v === 'string' && v) facts[f] = v;
  }
  const tags = list(raw.fields.tags).flatMap((t) => {
    const v = read('tags', t);
    return typeof v === 'string' ? list(v) : [];
  });
  if (tags.length > 0) facts.tags = tags;
  const created = read('created', single(raw.fields.created));
  if (typeof created === 'number') facts.created = created;
  return { facts, notes };
}

function single(v: string | string[] | undefined): string | undefined {
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  return s ? s : undefined;
}

function list(v: string | string[] | undefined): string[] {
  const items = Array.isArray(v) ? v : v === undefined ? [] : v.split(',');
  return items.map((s) => s.trim()).filter(Boolean);
}
