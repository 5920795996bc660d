// Turns the raw text a generic recipe read from a page into a field value, with the recipe's own rules: regex (one
// capture group), map, and for `created` a date format and time zone. Runs in the background, so the engagement's
// rules never reach the page. Never throws: a value that cannot be read comes back undefined with a problem.
//
// Formats are moment-style tokens, parsed by dayjs's customParseFormat in strict mode (so "31/02" and trailing
// text are rejected). dayjs reads weekday names nowhere, so a weekday token (ddd, dddd) is matched here as a word
// and otherwise ignored. The wall-clock fields are then placed in the zone with Temporal: a time skipped by a DST
// change moves forward by the gap and a repeated one takes the earlier instant ('compatible', as core does).
// A format with an offset token (Z, ZZ) gives the instant directly. Without a format the text must be ISO 8601;
// without an offset it is local to the zone.
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import utc from 'dayjs/plugin/utc.js';
import { Temporal } from 'temporal-polyfill';
import type { RecipeField, RecipeSelector } from '../../core/engagement/types.ts';
import { parseInstant } from '../../core/escalation/time.ts';
import type { RawField } from '../shared/ticket.ts';

dayjs.extend(customParseFormat);
dayjs.extend(utc);

export interface RecipeValue {
  /** Text for most fields; epoch ms for `created`. */
  value: string | number | undefined;
  problem?: string;
}

type Rules = Pick<RecipeSelector, 'regex' | 'map' | 'format' | 'timeZone'>;

// Page text is untrusted and the engagement's regex runs on it: bound the work a hostile page can cause.
const MAX_TEXT = 2000;
const regexes = new Map<string, RegExp | string>();

function compile(source: string): RegExp | string {
  let re = regexes.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source);
    } catch (e) {
      re = `regex /${source}/ is invalid: ${(e as Error).message}`;
    }
    regexes.set(source, re);
  }
  return re;
}

/**
 * The value of `field` from the page text `raw` under the recipe's `rules`; `zone` is the engagement's time zone,
 * used for `created` when the recipe names none.
 */
export function recipeValue(field: RecipeField | RawField, raw: string | null | undefined, rules: Rules | undefined, zone: string): RecipeValue {
  let text = (raw ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
  if (!text) return { value: undefined, problem: `${field}: no text on the page` };
  if (rules?.regex) {
    const re = compile(rules.regex);
    if (typeof re === 'string') return { value: undefined, problem: `${field}: ${re}` };
    const m = re.exec(text);
    if (!m) return { value: undefined, problem: `${field}: "${short(text)}" does not match /${rules.regex}/` };
    text = (m[1] ?? m[0]).trim();
  }
  if (rules?.map) {
    const hit = rules.map[text] ?? Object.entries(rules.map).find(([k]) => k.toLowerCase() === text.toLowerCase())?.[1];
    if (hit !== undefined) text = hit;
  }
  if (field !== 'created') return { value: text };
  const tz = rules?.timeZone ?? zone;
  const at = rules?.format ? parseWithFormat(text, rules.format, tz) : parseIso(text, tz);
  return typeof at === 'number' ? { value: at } : { value: undefined, problem: `created: ${at}` };
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

function parseIso(text: string, zone: string): number | string {
  if (!validZone(zone)) return `unknown time zone '${zone}'`;
  return parseInstant(text, zone) ?? `"${short(text)}" is not an ISO 8601 date-time (give the recipe a format)`;
}

// Format tokens are runs of one letter ("ddd", "YYYY", "Z"); [literal] escapes and other characters pass through.
const TOKENS = /\[[^\]]*\]|([A-Za-z])\1*|[^A-Za-z[]+/g;
const WEEKDAY = /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?/i;
const MARK = '\u0001';

function parseWithFormat(text: string, format: string, zone: string): number | string {
  if (!validZone(zone)) return `unknown time zone '${zone}'`;
  const fail = `"${short(text)}" does not fit the format '${format}'`;
  let input = text;
  let fmt = '';
  let offset = false;
  for (const token of format.replace(/\s+/g, ' ').trim().match(TOKENS) ?? []) {
    if (token === 'ddd' || token === 'dddd') {
      // The weekday word becomes a marker on both sides, so the rest still lines up.
      const w = WEEKDAY.exec(input);
      if (!w) return fail;
      input = input.slice(0, w.index) + MARK + input.slice(w.index + w[0].length);
      fmt += `[${MARK}]`;
      continue;
    }
    if (token === 'Z' || token === 'ZZ') offset = true;
    fmt += token;
  }
  // Strict parsing compares the text with the parsed date formatted back, which an offset token defeats.
  const d = dayjs.utc(input, fmt, !offset);
  if (!d.isValid()) return fail;
  if (offset) return d.valueOf();
  try {
    return Temporal.PlainDateTime.from({
      year: d.year(), month: d.month() + 1, day: d.date(), hour: d.hour(), minute: d.minute(), second: d.second(), millisecond: d.millisecond(),
    }).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
  } catch {
    return fail;
  }
}

function validZone(zone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}
