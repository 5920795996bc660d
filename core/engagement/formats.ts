// The small textual formats of the engagement file. Each has a pattern (used by the zod schema, so that the
// JSON Schema carries it to editors) and a parser that turns the text into the value the core computes with.

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const CLOCK_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$|^24:00(?::00)?$/;
export const INTERVAL_PATTERN = /^\s*(\d{1,2}:\d{2}(?::\d{2})?)\s*-\s*(\d{1,2}:\d{2}(?::\d{2})?)\s*$/;
export const LOCAL_DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?$/;
export const PERCENT_PATTERN = /^(?:100|\d{1,2})(?:\.\d+)?%$/;
export const SHIFT_PATTERN = /^[1-9]\d*(?:h|d|w)$/;
/** SLA and escalation durations: `15m`, `4h`, `2h30m`, `90s`, or whole business days `3bd`. */
export const DURATION_PATTERN = /^(?:[1-9]\d*bd|0bd|(?=\d)(?:\d+h)?(?:\d+m)?(?:\d+s)?)$/;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_KEY_PATTERN =
  /^(?:daily|(?:mon|tue|wed|thu|fri|sat|sun)(?:-(?:mon|tue|wed|thu|fri|sat|sun))?(?:\s*,\s*(?:mon|tue|wed|thu|fri|sat|sun)(?:-(?:mon|tue|wed|thu|fri|sat|sun))?)*)$/;

export function isValidDate(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Seconds since local midnight for "HH:MM[:SS]" (24:00 allowed), or null. */
export function clockSeconds(text: string): number | null {
  if (!CLOCK_PATTERN.test(text)) return null;
  const [h, m, s = 0] = text.split(':').map(Number) as [number, number, number?];
  return h * 3600 + m * 60 + s;
}

export type Duration = { ms: number } | { businessDays: number };

export function durationMessage(text: unknown): string {
  if (typeof text === 'number') return `write a duration with its unit, such as '${text}m' or '${text}h'`;
  if (typeof text !== 'string') return `expected a duration such as '15m', '4h', '2h30m' or '3bd'`;
  const bareDays = /^(\d+)d$/.exec(text.trim());
  if (bareDays) {
    const n = Number(bareDays[1]);
    return `'${text}' is ambiguous: write '${n}bd' for ${n} business day${n === 1 ? '' : 's'} or '${n * 24}h' for ${n * 24} hours on the calendar`;
  }
  if (/^\d+(?:\.\d+)?\s*(?:h|m|s|bd)$/.test(text.trim()) && /\./.test(text)) {
    return `'${text}' has a fraction: write whole units such as '1h30m'`;
  }
  if (/^\d+\s*w$/.test(text.trim())) return `'${text}': weeks are not an SLA unit; write business days such as '5bd'`;
  return `'${text}' is not a duration: write e.g. '15m', '4h', '2h30m', '90s' or '3bd' (business days)`;
}

export function parseDuration(text: string): Duration | null {
  if (!DURATION_PATTERN.test(text)) return null;
  if (text.endsWith('bd')) return { businessDays: Number(text.slice(0, -2)) };
  const part = (unit: string) => Number(new RegExp(`(\\d+)${unit}`).exec(text)?.[1] ?? 0);
  return { ms: ((part('h') * 60 + part('m')) * 60 + part('s')) * 1000 };
}

/** Wall-clock length of an on-call shift: hours, days or weeks (days and weeks keep the local handoff time). */
export type ShiftLength = { hours: number } | { days: number };

export function parseShift(text: string): ShiftLength | null {
  if (!SHIFT_PATTERN.test(text)) return null;
  const n = Number(text.slice(0, -1));
  const unit = text.slice(-1);
  return unit === 'h' ? { hours: n } : { days: unit === 'w' ? n * 7 : n };
}

export function parsePercent(text: string): number {
  return Number(text.slice(0, -1));
}

/** `mon-fri`, `sat,sun`, `fri-mon` (wraps), `daily` → the weekdays in order of the week. */
export function expandWeekdays(key: string): Weekday[] | null {
  const text = key.trim().toLowerCase();
  if (!WEEKDAY_KEY_PATTERN.test(text)) return null;
  if (text === 'daily') return [...WEEKDAYS];
  const days = new Set<Weekday>();
  for (const part of text.split(',')) {
    const [from, to] = part.trim().split('-') as [Weekday, Weekday?];
    const a = WEEKDAYS.indexOf(from);
    const b = to ? WEEKDAYS.indexOf(to) : a;
    for (let i = a; ; i = (i + 1) % 7) {
      days.add(WEEKDAYS[i]!);
      if (i === b) break;
    }
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

export interface ParsedInterval {
  start: string;
  end: string;
  startSeconds: number;
  endSeconds: number;
}

export function parseInterval(value: string | readonly string[]): ParsedInterval | string {
  let start: string;
  let end: string;
  if (typeof value === 'string') {
    const m = INTERVAL_PATTERN.exec(value);
    if (!m) return `'${value}' is not a time range: write it as 'HH:MM-HH:MM', e.g. '08:00-18:00'`;
    [start, end] = [m[1]!, m[2]!];
  } else {
    [start = '', end = ''] = value;
  }
  const pad = (t: string) => (/^\d:/.test(t) ? `0${t}` : t);
  start = pad(start);
  end = pad(end);
  const startSeconds = clockSeconds(start);
  const endSeconds = clockSeconds(end);
  if (startSeconds === null) return `'${start}' is not a time of day (00:00 to 23:59)`;
  if (endSeconds === null) return `'${end}' is not a time of day (00:01 to 24:00)`;
  if (startSeconds === 86400) return `a range cannot start at 24:00`;
  if (endSeconds <= startSeconds) {
    return `'${start}-${end}' ends before it starts: a range cannot cross midnight; write an overnight shift as two ranges, e.g. '22:00-24:00' on one day and '00:00-06:00' on the next`;
  }
  return { start, end, startSeconds, endSeconds };
}

export interface ParsedPhone {
  e164: string;
  extension?: string;
}

/** Accepts spaces, dots, dashes and parentheses for readability; the digits must be E.164 (+, country code). */
export function parsePhone(text: string): ParsedPhone | null {
  const ext = /\s*(?:;ext=|ext\.?\s*|x\s*)(\d{1,6})\s*$/i.exec(text);
  const main = ext ? text.slice(0, ext.index) : text;
  const compact = main.replace(/[\s().-]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(compact)) return null;
  return ext ? { e164: compact, extension: ext[1]! } : { e164: compact };
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
