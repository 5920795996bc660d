// One condition of a helpdesk mapping or activity rule, tested against a ticket and put into words.
// Text compares without regard to case or surrounding spaces (helpdesks disagree on both: "Urgent" in the page,
// "urgent" in the API); a regex is taken as written, since its author can say [Ff] where case matters.
import type { Condition } from '../engagement/types.ts';
import { type TicketFacts, domainOf, fieldValues } from './facts.ts';

const fold = (s: string) => s.trim().toLowerCase();

const regexes = new Map<string, RegExp | null>();
function regex(source: string): RegExp | null {
  if (!regexes.has(source)) {
    let re: RegExp | null = null;
    try {
      // Without flags, as the validator compiles it.
      re = new RegExp(source);
    } catch {
      // The validator reports bad expressions ('regex'); here one simply matches nothing.
    }
    if (regexes.size > 500) regexes.clear();
    regexes.set(source, re);
  }
  return regexes.get(source)!;
}

/** `*` is any run of characters, `?` one character; the whole value must match. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'isu');
}

/** True when the ticket's value (any of them, for tags) satisfies the condition. */
export function matches(condition: Condition, facts: TicketFacts): boolean {
  const values = fieldValues(facts, condition.field);
  return values.some((v) => matchesValue(condition, v));
}

function matchesValue(c: Condition, value: string): boolean {
  switch (c.op) {
    case 'eq':
    case 'in':
      return c.values.some((w) => fold(w) === fold(value));
    case 'glob':
      return c.values.some((g) => globToRegExp(g.trim()).test(value.trim()));
    case 'regex':
      return c.values.some((r) => regex(r)?.test(value) ?? false);
    case 'domain': {
      // An address gives its domain; a bare domain stands for itself. Subdomains belong to their parent.
      const domain = value.includes('@') ? domainOf(value) : fold(value);
      return domain !== undefined && c.values.some((d) => {
        const want = fold(d).replace(/^@/, '');
        return domain === want || domain.endsWith(`.${want}`);
      });
    }
  }
}

const FIELD_WORDS: Record<string, string> = {
  requesterEmail: 'requester email', requesterDomain: 'requester domain', ticketId: 'ticket id',
};

export function fieldWords(field: string): string {
  return field.startsWith('custom.') ? `custom field '${field.slice(7)}'` : (FIELD_WORDS[field] ?? field);
}

/** "category is 'Password*'"-style words for a condition, for the panel's "why". */
export function describeCondition(c: Condition): string {
  const field = fieldWords(c.field);
  const list = c.values.map((v) => `'${v}'`);
  switch (c.op) {
    case 'eq':
      return `${field} is ${list[0]}`;
    case 'in':
      return `${field} is one of ${list.join(', ')}`;
    case 'glob':
      return `${field} matches ${list[0]}`;
    case 'regex':
      return `${field} matches /${c.values[0]}/`;
    case 'domain':
      return `${field} is at ${c.values.join(' or ')}`;
  }
}

/** The ticket's value of the field in words: "organization 'Globex'", or "(no organization on the ticket)". */
export function describeValue(facts: TicketFacts, field: string): string {
  const values = fieldValues(facts, field);
  if (values.length === 0) return `(no ${fieldWords(field)} on the ticket)`;
  return `${fieldWords(field)} ${values.map((v) => `'${v}'`).join(', ')}`;
}
