// A saved recipe as a complete `helpdesks:` list item for the engagement file. The priority map is keyed by the
// value the page showed and points at a placeholder: only the engagement's authors know which of their priorities
// "2 - High" is, and a file with the placeholder left in fails validation loudly rather than routing wrongly.
import { Document, isMap, type YAMLMap } from 'yaml';
import { STATUSES } from '../../core/engagement/vocabulary.ts';
import { PICK_FIELDS, type LearnedRecipe } from './recipe.ts';

export const PLACEHOLDER = 'CHANGE-ME';

function statusGuess(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return v ? STATUSES.find((s) => s === v || (v === 'cancelled' && s === 'canceled')) : undefined;
}

export function recipeYaml(recipe: LearnedRecipe): string {
  const url = new URL(recipe.origin);
  const fields: Record<string, Record<string, string>> = {};
  for (const f of PICK_FIELDS) {
    const r = recipe.fields[f];
    if (!r) continue;
    fields[f] = { selector: r.selector, ...(r.attribute ? { attribute: r.attribute } : {}), ...(r.regex ? { regex: r.regex } : {}), ...(r.format ? { format: r.format } : {}) };
  }
  const priority = recipe.fields.priority?.sample || 'priority as shown';
  const status = recipe.fields.status?.sample;
  const canonical = statusGuess(status);
  const item: Record<string, unknown> = {
    id: url.host.replace(/:/g, '-'),
    type: 'generic',
    name: url.host,
    url: recipe.origin,
    ...(recipe.ticketUrl ? { ticketUrl: recipe.ticketUrl } : {}),
    priorities: { [priority]: PLACEHOLDER },
    ...(status && canonical ? { statuses: { [status]: canonical } } : {}),
    activities: [{ default: PLACEHOLDER }],
    fields,
  };
  const doc = new Document([item]);
  const map = (doc.contents as unknown as { items: unknown[] }).items[0];
  if (isMap(map)) {
    const m = map as YAMLMap;
    const note = (key: string, text: string) => {
      const node = m.get(key, true) as { commentBefore?: string } | undefined;
      if (node) node.commentBefore = text;
    };
    m.commentBefore = ` Learned on ${recipe.pageUrl} by "Teach Tandem this page".`;
    note('priorities', ` Map each priority value the page shows to one of this engagement's priorities (replace ${PLACEHOLDER}), one line per value.`);
    note('activities', ` Which activity these tickets fall under: replace ${PLACEHOLDER} with one of the engagement's activities.`);
    if (canonical) note('statuses', ' Add the other statuses the tool shows, each mapped to a canonical status.');
  }
  return doc.toString({ lineWidth: 0 });
}
