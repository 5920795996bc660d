// Any web ticketing tool, described by the engagement's recipe (helpdesks[].ticketUrl and .fields). The content
// script only reads raw text here; the recipe's regex, map, date format and zone are applied in the background
// (extension/background/recipe-values.ts), so the engagement's parsing rules never ship to the page.
//
// Ticket pages: recipe.ticketUrl is a regular expression tested against pathname + search + hash, so a pattern
// anchored at "^/ticket/" still works and hash-routed tools ("#/tickets/42") can be described too. The ref is its
// named group `id` (else its first group, else the whole match). The ticket's id is then that ref (health 'url').
// Without a ticketUrl, a page is a ticket page when the recipe's id selector finds text; the id is that raw text
// (health 'dom'), and the background applies fields.id.regex to it.
import type { RecipeForPage } from '../shared/ticket.ts';
import { collect, domSource, queryDeep, textOf, urlSource, type Field, type Sel, type Source } from './dom.ts';
import type { Adapter } from './types.ts';

const patterns = new Map<string, RegExp | null>();

function pattern(source: string): RegExp | null {
  if (!patterns.has(source)) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(source);
    } catch {
      // An invalid pattern was already reported when the engagement was imported; here it matches nothing.
    }
    patterns.set(source, re);
  }
  return patterns.get(source)!;
}

const selectors = (recipe: RecipeForPage): Partial<Record<Field, Sel>> =>
  Object.fromEntries(Object.entries(recipe.fields).flatMap(([f, s]) => (s?.selector ? [[f, { css: s.selector, attr: s.attribute }]] : [])));

export const generic: Adapter = {
  id: 'generic',
  // With the example engagement's acme-portal recipe (ticketUrl "/ticket/(?<id>\d+)"); see EXAMPLE_RECIPE.
  examples: {
    ticket: ['https://tickets.acme.example/ticket/4711', 'https://tickets.acme.example/ticket/4712?tab=history#notes', 'http://127.0.0.1:8123/ticket/4711'],
    notTicket: ['https://tickets.acme.example/tickets', 'https://tickets.acme.example/ticket/new', 'https://tickets.acme.example/'],
  },
  ticketRef(url, doc, recipe) {
    if (!recipe) return null;
    if (recipe.ticketUrl) {
      const m = pattern(recipe.ticketUrl)?.exec(url.pathname + url.search + url.hash);
      return (m && (m.groups?.id ?? m[1] ?? m[0])) || null;
    }
    const id = recipe.fields.id;
    if (!id?.selector) return null;
    try {
      const el = queryDeep(doc, id.selector);
      return (el && textOf(el, id.attribute)) || null;
    } catch {
      return null;
    }
  },
  async read(ref, ctx) {
    ctx.signal.throwIfAborted();
    const recipe = ctx.recipe ?? { fields: {} };
    const sel = selectors(recipe);
    const fields = Object.keys(sel).filter((f) => f !== 'id') as Field[];
    const sources: Source[] = [];
    if (recipe.ticketUrl) sources.push(urlSource(`ticketUrl ${recipe.ticketUrl}`, { id: ref }));
    sources.push(domSource(ctx.document, sel));
    return collect('generic', ctx.url, ['id', ...fields], sources);
  },
};

/** The example engagement's acme-portal recipe (examples/acme-ost.yaml), for the URL examples and tests. */
export const EXAMPLE_RECIPE: RecipeForPage = {
  ticketUrl: '/ticket/(?<id>\\d+)',
  fields: {
    id: { selector: '.ticket-header .ticket-number' },
    priority: { selector: '.ticket-meta .priority' },
    status: { selector: '.ticket-meta .status' },
    created: { selector: '.ticket-meta .created' },
    organization: { selector: '.ticket-meta .organization' },
    category: { selector: '.ticket-meta .category' },
    assignee: { selector: '.ticket-meta .assignee a', attribute: 'title' },
  },
};
