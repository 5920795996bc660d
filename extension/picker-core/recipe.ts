// What "Teach Tandem this page" produces: the picker's draft (every field's ranked proposals, as the page showed
// them) and the recipe saved for the origin once the user accepts it. Pure data and functions, shared by the
// picker, the background and the popup.
import { guessDateFormat } from './date-format.ts';
import type { Proposal } from './selector.ts';

/** The fields the picker asks for, in the order it asks. */
export const PICK_FIELDS = ['id', 'priority', 'status', 'created', 'organization'] as const;
export type PickField = (typeof PICK_FIELDS)[number];

export const PICK_LABELS: Record<PickField, string> = {
  id: 'Ticket id',
  priority: 'Priority',
  status: 'Status',
  created: 'Created time',
  organization: 'Organisation',
};

export interface Pick {
  proposals: Proposal[];
  /** Index into proposals the user settled on (0, the best, unless they chose another). */
  chosen: number;
  /** Text of the label next to the value ("Priority"), for the user's orientation. */
  label?: string;
}

export interface PickerDraft {
  /** The page address when the last pick was made. */
  url: string;
  picks: Partial<Record<PickField, Pick>>;
  /** The field the next click fills; absent when all are done. */
  current?: PickField;
}

export interface LearnedField {
  selector: string;
  attribute?: string;
  /** One capture group, when the page decorates the value ("#4711"). */
  regex?: string;
  /** Date format of `created`, when not ISO 8601. */
  format?: string;
  /** What the page showed when the recipe was taught. */
  sample: string;
}

export interface LearnedRecipe {
  origin: string;
  ticketUrl?: string;
  fields: Partial<Record<PickField, LearnedField>>;
  /** The page it was taught on. */
  pageUrl: string;
  savedAt: number;
}

export const chosenOf = (pick: Pick | undefined): Proposal | undefined => pick?.proposals[pick.chosen] ?? pick?.proposals[0];

/** The recipe a draft describes; `ticketUrl` from proposeTicketUrl. Needs at least the priority. */
export function recipeFromDraft(draft: PickerDraft, origin: string, ticketUrl: string | null, now: number): LearnedRecipe | null {
  const fields: LearnedRecipe['fields'] = {};
  for (const f of PICK_FIELDS) {
    const p = chosenOf(draft.picks[f]);
    if (!p) continue;
    const field: LearnedField = { selector: p.selector, sample: p.value };
    if (p.attribute) field.attribute = p.attribute;
    if (f === 'id' && /^\D+\d+\D*$/.test(p.value) && !ticketUrl) field.regex = '(\\d+)';
    if (f === 'created' && !p.attribute) {
      const format = guessDateFormat(p.value);
      if (format) field.format = format;
    }
    fields[f] = field;
  }
  if (!fields.priority) return null;
  return { origin, ...(ticketUrl ? { ticketUrl } : {}), fields, pageUrl: draft.url, savedAt: now };
}
