// The recipe's ticketUrl: the page's address with the ticket's id replaced by a named group, so every ticket of
// the tool matches and the adapter takes the id from the address (health 'url') rather than from the page.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The id's core as people see it: "#4711" → "4711", "Ticket INC0010023" → "INC0010023". */
export function idCore(text: string): string | null {
  const tokens = text.match(/[A-Za-z]*[-_]?\d[\w-]*/g);
  return tokens?.sort((a, b) => b.length - a.length)[0] ?? null;
}

function groupFor(id: string): string {
  if (/^\d+$/.test(id)) return '(?<id>\\d+)';
  if (/^[A-Z][A-Z0-9]*-\d+$/.test(id)) return '(?<id>[A-Z][A-Z0-9]*-\\d+)';
  if (/^[A-Za-z]+\d+$/.test(id)) return `(?<id>${escape(id.replace(/\d+$/, ''))}\\d+)`;
  return '(?<id>[\\w-]+)';
}

/** Path segments that name another record (numbers, hashes) match any value, not this ticket's. */
const literal = (segment: string) => (/\d{3,}|^[0-9a-f]{16,}$/i.test(segment) ? '[^/]+' : escape(segment));

/**
 * A pattern over pathname + search + hash (as generic.ts tests it) with the id as group `id`, or null when the
 * address does not contain the id.
 */
export function proposeTicketUrl(url: URL, idText: string): string | null {
  const id = idCore(idText);
  if (!id) return null;
  const segments = url.pathname.split('/');
  const at = segments.lastIndexOf(id);
  if (at > 0) {
    const before = segments.slice(0, at).map(literal).join('/');
    return `^${before}/${groupFor(id)}(?:[/?#]|$)`;
  }
  const inQuery = [...url.searchParams].find(([, v]) => v === id);
  if (inQuery) return `^${segments.map(literal).join('/')}\\?(?:.*&)?${escape(inQuery[0])}=${groupFor(id)}(?:[&#]|$)`;
  const hash = url.hash.split('/');
  const h = hash.lastIndexOf(id);
  if (h > 0) return `${hash.slice(0, h).map(literal).join('/')}/${groupFor(id)}(?:[/?]|$)`;
  return null;
}
