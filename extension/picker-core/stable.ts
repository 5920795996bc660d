// Which names on a page are worth a selector. Frameworks and CSS-in-JS tools generate ids and class names that
// change on every build or render (ember123, :r1:, css-1x2y3z, sc-bdfBwQ, Header_title__3xYz1); a recipe built on
// them breaks the next time the helpdesk deploys, so they rank last or not at all.

const FRAMEWORK = [
  /^ember\d+$/i,
  /^:r[0-9a-z]*:$/i, // React useId
  /^react-/i,
  /^(?:css|sc|jss|emotion|styled|svelte|astro|tw|mui|chakra|ext-gen|yui|gwt|j_id|ng-tns|vue|cdk|mat-mdc)[-_]/i,
  /^(?:ext-gen|jss|yui_|j_id)\d/i,
  /^ng-(?:tns|star|untouched|pristine|valid|invalid|dirty|touched)/,
  /__[A-Za-z0-9_-]{4,}$/, // CSS modules: Block_elem__hash
  /^_[A-Za-z0-9]{4,}_?$/, // minified modules: _3xYz_
  /^[0-9a-f]{8}-[0-9a-f]{4}-/i, // UUID
  /[-_]\d{2,}$/, // a render counter: makeStyles-root-12
];

/** A segment whose case changes like a hash ("bdfBwQ"), not like camelCase words ("ticketStatus"). */
function hashyCase(segment: string): boolean {
  if (!/[a-z]/.test(segment) || !/[A-Z]/.test(segment) || segment.length > 12) return false;
  // camelCase humps carry at least two lower-case letters; a hash has capitals one or two letters apart.
  return /[A-Z][a-z]?(?=[A-Z]|$)/.test(segment.slice(1)) && !/^[A-Z]+$/.test(segment);
}

/** Letters and digits alternating twice or more ("1x2y3z", "a9f3k"), or digit runs that name a record. */
function hashyDigits(segment: string): boolean {
  return /\d{3,}/.test(segment) || /\d[a-z]+\d/i.test(segment) || /[a-z]\d[a-z]/i.test(segment) || /[a-z]\d{2,}$/i.test(segment);
}

/** True for an id, class or attribute value that looks machine-made or tied to one record. */
export function looksGenerated(token: string): boolean {
  if (!token || token.length > 60) return true;
  if (FRAMEWORK.some((re) => re.test(token))) return true;
  if (/[:{}()\s]/.test(token)) return true;
  return token.split(/[-_.]+/).some((s) => hashyDigits(s) || hashyCase(s));
}

/** Attributes that name what an element is, in the order a recipe should prefer them. */
export const STABLE_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test', 'data-qa', 'data-cy', 'data-field', 'data-field-name', 'name', 'itemprop', 'aria-label', 'title'] as const;

// Attributes whose values are words a person reads: they may hold the ticket's own data ("Marco Reyes").
const PROSE = new Set(['aria-label', 'title']);

/**
 * Whether `attr="value"` on an element showing `text` would select the same field on another ticket: no
 * generated tokens, and for prose attributes not the shown value itself.
 */
export function stableAttributeValue(attr: string, value: string, text: string): boolean {
  const v = value.trim();
  if (!v || v.length > 60) return false;
  if (PROSE.has(attr)) {
    if (/\d{2,}/.test(v)) return false;
    const t = text.trim().toLowerCase();
    const lv = v.toLowerCase();
    if (t && (lv.includes(t) || t.includes(lv))) return false;
    return true;
  }
  return !looksGenerated(v.replace(/\s+/g, '-'));
}
