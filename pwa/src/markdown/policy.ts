// The markdown pipeline's rules that both sides need: the worker (render.ts) applies them while rendering, the page
// (sanitize.ts, the Runbooks view) again after. Kept apart from render.ts so the page does not bundle micromark.

/**
 * A runbook heading's id is this prefix plus the slug search links to (`#/<engagement>/runbooks/<runbook>/<slug>`,
 * slugs from search/documents.ts createSlugger). The prefix keeps headings from colliding with (or clobbering) ids
 * of the app.
 */
export const HEADING_ID_PREFIX = 'section-';

const HREF_SCHEMES = /^(?:https?|mailto|tel|sms):/i;

/** An href we let through: an in-page #fragment, or an absolute http(s), mailto, tel or sms URL. */
export function allowHref(url: string): boolean {
  return url.startsWith('#') || HREF_SCHEMES.test(url);
}
