// A first guess at the recipe's `format` for a created date as a page shows it ("Fri Nov 27 04:50:12 2026",
// "11/27/2026 4:50 PM"), in the moment-style tokens extension/background/recipe-values.ts parses. ISO 8601 text
// needs no format (undefined). The guess is only a proposal: the background keeps it only when it parses the text.

const WEEKDAYS = /^(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?$/i;
const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/i;

const width = (token: string, one: string, two: string, bareTwo = two) =>
  token.length === 1 ? one : token.startsWith('0') ? two : bareTwo;

export function guessDateFormat(raw: string): string | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || /^\d{4}-\d\d-\d\dT/.test(text)) return undefined;
  const tokens = text.match(/\d+|[A-Za-z]+|[^\dA-Za-z]+/g) ?? [];
  const twelveHour = tokens.some((t) => /^(?:am|pm)$/i.test(t));
  const monthName = tokens.some((t) => MONTHS.test(t));
  // Numbers joined by ':' are the time; the others are the date.
  const isTime = tokens.map((t, i) => /^\d+$/.test(t) && (tokens[i + 1] === ':' || tokens[i - 1] === ':'));
  const dateNums = tokens.flatMap((t, i) => (/^\d+$/.test(t) && !isTime[i] ? [i] : []));
  const dateRoles = new Map<number, 'Y' | 'M' | 'D'>();
  const [a, b, c] = dateNums;
  if (monthName) {
    for (const i of dateNums) dateRoles.set(i, tokens[i]!.length === 4 ? 'Y' : 'D');
  } else if (a !== undefined && b !== undefined && c !== undefined) {
    if (tokens[a]!.length === 4) [['Y', a], ['M', b], ['D', c]].forEach(([r, i]) => dateRoles.set(i as number, r as 'Y'));
    else {
      const first = Number(tokens[a]);
      const second = Number(tokens[b]);
      // Day first when it must be (27/11); an ambiguous slash date reads as US (11/05), a dotted one as European.
      const dayFirst = first > 12 || (second <= 12 && tokens[a + 1] !== '/');
      dateRoles.set(a, dayFirst ? 'D' : 'M').set(b, dayFirst ? 'M' : 'D').set(c, 'Y');
    }
  } else return undefined;
  let timeIndex = 0;
  let out = '';
  for (const [i, t] of tokens.entries()) {
    if (/^\d+$/.test(t)) {
      if (isTime[i]) {
        const role = timeIndex++;
        out += role === 0 ? (twelveHour ? width(t, 'h', 'hh', 'h') : width(t, 'H', 'HH')) : role === 1 ? 'mm' : role === 2 ? 'ss' : '';
        if (role > 2) return undefined;
        continue;
      }
      const r = dateRoles.get(i);
      if (r === 'Y') out += t.length === 4 ? 'YYYY' : 'YY';
      else if (r === 'M') out += width(t, 'M', 'MM');
      else if (r === 'D') out += monthName ? width(t, 'D', 'DD', 'D') : width(t, 'D', 'DD');
      else return undefined;
    } else if (/^[A-Za-z]+$/.test(t)) {
      if (WEEKDAYS.test(t)) out += t.length <= 4 ? 'ddd' : 'dddd';
      else if (MONTHS.test(t)) out += t.length <= 4 ? 'MMM' : 'MMMM';
      else if (/^(?:am|pm)$/.test(t)) out += 'a';
      else if (/^(?:AM|PM)$/i.test(t)) out += 'A';
      else if (/^(?:Z|UTC|GMT)$/.test(t)) return undefined;
      else out += `[${t}]`;
    } else out += t;
  }
  return out;
}
