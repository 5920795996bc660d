// What an adapter reads from a helpdesk ticket: the facts routing decides on. Every field but the origin is
// optional, because pages and APIs differ in what they show.

export interface TicketFacts {
  /** The helpdesk product, e.g. 'zendesk' (HelpdeskType); informative, the origin decides. */
  helpdesk?: string;
  /** The page's origin or URL, e.g. https://acme.zendesk.com. */
  origin: string;
  ticketId?: string;
  /** Organization or company the requester belongs to. */
  organization?: string;
  requester?: string;
  requesterEmail?: string;
  /** Defaults to the domain of requesterEmail. */
  requesterDomain?: string;
  /** Group, queue or board. */
  group?: string;
  category?: string;
  type?: string;
  tags?: string[];
  subject?: string;
  /** The helpdesk's own priority value, e.g. 'urgent' or '1'. */
  priority?: string;
  /** The helpdesk's own status value, e.g. 'pending'. */
  status?: string;
  /** Epoch ms. */
  created?: number;
  assignee?: string;
  /** Custom fields by name; conditions reach them as custom.<name>. */
  custom?: Record<string, string | number | boolean | string[] | null | undefined>;
}

/** The field's values on the ticket as text (tags and multi-value custom fields give several); [] when absent. */
// At module level: the report calls fieldValues for every ticket, and a closure per call is a cost of its own.
const list = (v: unknown): string[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined).map(String) : [String(v)];

export function fieldValues(facts: TicketFacts, field: string): string[] {
  if (field.startsWith('custom.')) return list(facts.custom?.[field.slice(7)]);
  switch (field) {
    case 'requesterDomain':
      return list(facts.requesterDomain ?? domainOf(facts.requesterEmail));
    case 'organization': case 'requester': case 'requesterEmail': case 'group': case 'category': case 'type':
    case 'tags': case 'subject': case 'priority': case 'status': case 'assignee': case 'ticketId':
      return list(facts[field]);
    default:
      return [];
  }
}

/** The part after the @ of an address, lower case; undefined when there is none. */
export function domainOf(email: string | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  return at >= 0 ? email!.slice(at + 1).trim().toLowerCase() || undefined : undefined;
}
