// Helpdesk mappings: rule lists that end in a default, patterns that compile, and recipes that can find a ticket.
import type { ConditionInput } from '../schema.ts';
import type { Path } from '../types.ts';
import { type CheckContext, entries } from './context.ts';

export function checkHelpdesks(ctx: CheckContext): void {
  const { problems } = ctx;
  const seenUrls = new Map<string, number>();
  ctx.file.helpdesks?.forEach((h, hi) => {
    const base: Path = ['helpdesks', hi];
    const key = `${h.type} ${h.url}`;
    if (seenUrls.has(key) && !h.match) problems.warning('helpdesk-duplicate', `a second ${h.type} mapping for ${h.url} without \`match\`: the first one takes every ticket`, [...base, 'url']);
    seenUrls.set(key, hi);
    const defaults = h.activities.flatMap((r, i) => ('default' in r ? [i] : []));
    if (defaults.length === 0) {
      problems.error('rules-default', 'the activity rules end without a default: add `- default: <activity>` as the last rule, so every ticket gets an owner', [...base, 'activities']);
    } else {
      const first = defaults[0]!;
      if (first < h.activities.length - 1) {
        problems.error('rules-unreachable', `rule ${first + 2} can never match: the default (rule ${first + 1}) must be the last rule`, [...base, 'activities', first + 1]);
      }
    }
    for (const [field, value] of entries(h.match)) checkCondition(ctx, value, [...base, 'match', field]);
    h.activities.forEach((r, ri) => {
      if (!('default' in r)) for (const [field, value] of entries(r.when)) checkCondition(ctx, value, [...base, 'activities', ri, 'when', field]);
    });
    if (h.type === 'generic') {
      if (h.ticketUrl === undefined) problems.error('recipe', 'a generic mapping needs `ticketUrl`: a pattern over the URL with a named group (?<id>…)', base);
      if (!h.fields || !h.fields.priority) problems.error('recipe', 'a generic mapping needs `fields` with at least `priority` (a selector for the ticket priority)', base);
    }
    if (h.ticketUrl !== undefined) {
      const re = compile(ctx, h.ticketUrl, [...base, 'ticketUrl']);
      if (re && !/\(\?<id>/.test(h.ticketUrl) && !h.fields?.id) {
        problems.error('recipe', 'ticketUrl needs a named group (?<id>…) for the ticket id, or give `fields.id`', [...base, 'ticketUrl']);
      }
    }
    for (const [field, sel] of entries(h.fields)) {
      if (sel?.regex !== undefined) {
        const re = compile(ctx, sel.regex, [...base, 'fields', field, 'regex']);
        if (re && new RegExp(`${re.source}|`).exec('')!.length - 1 !== 1) {
          problems.error('recipe', `the regex of ${field} needs exactly one capturing group: the part of the text to keep`, [...base, 'fields', field, 'regex']);
        }
      }
      if (field === 'created' && sel && sel.attribute === undefined && sel.format === undefined) {
        problems.warning('recipe', 'created has neither `attribute` (e.g. datetime) nor `format`: only ISO 8601 text will be understood', [...base, 'fields', field]);
      }
    }
  });
}

function checkCondition(ctx: CheckContext, value: ConditionInput, path: Path): void {
  if (typeof value === 'string' || Array.isArray(value)) return;
  const ops = Object.keys(value);
  if (ops.length === 0) ctx.problems.error('condition', 'a condition needs one of eq, in, glob, regex or domain', path);
  if (value.regex !== undefined) compile(ctx, value.regex, [...path, 'regex']);
}

function compile(ctx: CheckContext, source: string, path: Path): RegExp | null {
  try {
    return new RegExp(source);
  } catch (error) {
    ctx.problems.error('regex', `not a valid regular expression: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`, path);
    return null;
  }
}
