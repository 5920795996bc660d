// Export timestamps to instants. Offsets written in the value win; a zone-less value is wall-clock time in the
// export's zone (ReaderOptions.exportZone), converted with the calendar's ZoneTable (Temporal's transitions,
// "compatible" disambiguation as DESIGN.md 6.2), and never guessed: without a zone it is an error the caller names.
import { daysFromCivil } from '../calendar/clock.ts';
import { ZoneTable, isValidTimeZone } from '../calendar/zone.ts';

/** parse() results that are not instants. */
export const BAD_TIME = NaN;
export const NEEDS_ZONE = -Infinity;
/** parseIsoFast's answer for a text not of its shapes (no instant is infinite). */
export const NOT_ISO = Infinity;
/** The problem text for a zone-less timestamp read without an export zone. */
export const needsZoneMessage = (text: string) =>
  `'${text}' has no time zone or offset: say which zone the export is in (--export-zone in the CLI, the export zone in the PWA)`;

/**
 * The problem text for a value that is no time (BAD_TIME). A numeric date the other reading of day and month would
 * take (13/02/2026 read month first) gets a hint: the export's dates are the other way round, and reading them
 * this way has silently swapped every date whose day is 12 or less.
 */
export function notATimeMessage(text: string, dayFirst: boolean): string {
  const message = `'${text}' is not a date and time`;
  if (!Number.isNaN(readers[dayFirst ? 1 : 0].parseGeneral(text)) || Number.isNaN(readers[dayFirst ? 0 : 1].parseGeneral(text))) return message;
  return dayFirst
    ? `${message} (month first? the export's dates look like mm/dd: leave out --day-first, or turn off the day-first option)`
    : `${message} (day first? the export's dates look like dd/mm: use --day-first, or the day-first option)`;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

// 2026-03-04T10:15:00.123+01:00, 2026-03-04 10:15, 2026-03-04 10:15:00 -0500, 2026-03-04 10:15:00 UTC, 2026-03-04
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// 03/04/2026 10:15[:00] [AM], 3/4/26 10:15 PM, 04/Mar/26 10:15 AM (Jira), 04-Mar-2026 10:15:00 (ServiceNow "dd-MMM-yyyy"),
// 04.03.2026 10:15
const SLASH = /^(\d{1,2})([/.-])([A-Za-z]{3}|\d{1,2})[/.-](\d{2}|\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;
// No zone is further than 14 hours from UTC (Kiribati, +14:00): a wider written offset is a garbled value, not an instant.
const MAX_OFFSET_HOURS = 14;

export class TimeParser {
  private readonly table: ZoneTable | null;
  private readonly dayYears = new Int32Array(13 << 5).fill(-1);
  private readonly dayStarts = new Float64Array(13 << 5);

  constructor(zone: string | undefined, private readonly dayFirst = false) {
    if (zone !== undefined && !isValidTimeZone(zone)) throw new RangeError(`'${zone}' is not a time zone (expected an IANA id such as America/New_York)`);
    this.table = zone === undefined ? null : new ZoneTable(zone);
  }

  /** The problem text for a value parse() found no time in, with this parser's day-first setting. */
  notATime(text: string): string {
    return notATimeMessage(text, this.dayFirst);
  }

  /** Epoch ms; BAD_TIME (NaN) when the text is no timestamp; NEEDS_ZONE when it has no offset and no zone is set. */
  parse(text: string): number {
    const fast = this.parseIsoFast(text);
    return fast === NOT_ISO ? this.parseGeneral(text) : fast;
  }

  /**
   * The shapes exports write by the million (YYYY-MM-DDTHH:MM:SS, optional .mmm, optional Z or ±HH:MM) read
   * without a regex, to the same instant parseGeneral gives (the report reads three per row). NOT_ISO for any
   * other shape.
   */
  parseIsoFast(text: string): number {
    const n = text.length;
    if (n < 19 || n > 29) return NOT_ISO;
    const sep = text.charCodeAt(10);
    if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (sep !== 84 && sep !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NOT_ISO;
    // Digit by digit, unrolled: this runs three times a row, and a loop per field costs twice as much.
    const y0 = text.charCodeAt(0) - 48;
    const y1 = text.charCodeAt(1) - 48;
    const y2 = text.charCodeAt(2) - 48;
    const y3 = text.charCodeAt(3) - 48;
    const mo0 = text.charCodeAt(5) - 48;
    const mo1 = text.charCodeAt(6) - 48;
    const d0 = text.charCodeAt(8) - 48;
    const d1 = text.charCodeAt(9) - 48;
    const h0 = text.charCodeAt(11) - 48;
    const h1 = text.charCodeAt(12) - 48;
    const mi0 = text.charCodeAt(14) - 48;
    const mi1 = text.charCodeAt(15) - 48;
    const s0 = text.charCodeAt(17) - 48;
    const s1 = text.charCodeAt(18) - 48;
    // One test for all fourteen (n >= 19 above, so none is NaN): x is a digit when neither x nor x + 6 has a bit
    // above the low four, which fails for 10 to 15 (x + 6 reaches 16), for more, and for negatives (all high bits).
    const bits = y0 | (y0 + 6) | y1 | (y1 + 6) | y2 | (y2 + 6) | y3 | (y3 + 6) | mo0 | (mo0 + 6) | mo1 | (mo1 + 6) | d0 | (d0 + 6) | d1 | (d1 + 6) |
      h0 | (h0 + 6) | h1 | (h1 + 6) | mi0 | (mi0 + 6) | mi1 | (mi1 + 6) | s0 | (s0 + 6) | s1 | (s1 + 6);
    if ((bits & ~15) !== 0) return NOT_ISO;
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const mo = mo0 * 10 + mo1;
    const d = d0 * 10 + d1;
    const h = h0 * 10 + h1;
    const mi = mi0 * 10 + mi1;
    const s = s0 * 10 + s1;
    let i = 19;
    let ms = 0;
    const dot = text.charCodeAt(19);
    if (dot === 46 || dot === 44) {
      const f0 = text.charCodeAt(20) - 48;
      const f1 = text.charCodeAt(21) - 48;
      const f2 = text.charCodeAt(22) - 48;
      // Past the end of a shorter text a character is NaN, which the bit test reads as 0: such a text (n < 23)
      // is declined below, where the rest must be empty, Z or an offset.
      if (((f0 | (f0 + 6) | f1 | (f1 + 6) | f2 | (f2 + 6)) & ~15) !== 0) return NOT_ISO;
      ms = FRACTION_MS[f0 * 100 + f1 * 10 + f2]!;
      i = 23;
    }
    // NaN: the value has no offset. A number either way, so that this function returns numbers only.
    let offset = NaN;
    if (i !== n) {
      const z = text.charCodeAt(i);
      if (i + 1 === n) {
        if (z !== 90 && z !== 122) return NOT_ISO;
        offset = 0;
      } else {
        if (i + 6 !== n || (z !== 43 && z !== 45) || text.charCodeAt(i + 3) !== 58) return NOT_ISO;
        const oh0 = text.charCodeAt(i + 1) - 48;
        const oh1 = text.charCodeAt(i + 2) - 48;
        const om0 = text.charCodeAt(i + 4) - 48;
        const om1 = text.charCodeAt(i + 5) - 48;
        if (((oh0 | (oh0 + 6) | oh1 | (oh1 + 6) | om0 | (om0 + 6) | om1 | (om1 + 6)) & ~15) !== 0) return NOT_ISO;
        const oh = oh0 * 10 + oh1;
        const om = om0 * 10 + om1;
        if (oh > MAX_OFFSET_HOURS || om > 59) return BAD_TIME;
        offset = (z === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
      }
    }
    // Date.UTC's arithmetic without a Date: proleptic Gregorian days, rolling over as Date.UTC does. Years below
    // 100 go to at(), where Date.UTC reads them as 19xx.
    if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return this.at(y, mo, d, h, mi, s, ms, Number.isNaN(offset) ? undefined : offset);
    const secs = h * 3600 + mi * 60 + s;
    // As at(): 31 February is no time, nor is anything past the end of the day (23:59:60, 24:00:01), but 24:00
    // itself is the end of the day. At hour 24 secs + ms is 86 400 exactly when the rest is zero.
    if (d > daysInMonth(y, mo) || (secs >= 86_400 && (h !== 24 || secs + ms !== 86_400))) return BAD_TIME;
    // The start of each date seen, by month and day, for the year last seen there: an export spans a few hundred
    // dates, in any order, and the civil arithmetic costs more than the rest of the parse.
    const slot = (mo << 5) | d;
    if (this.dayYears[slot] !== y) {
      this.dayYears[slot] = y;
      this.dayStarts[slot] = daysFromCivil(y, mo, d) * 86_400_000;
    }
    const local = this.dayStarts[slot]! + secs * 1000 + ms;
    if (!Number.isNaN(offset)) return local - offset;
    if (this.table === null) return NEEDS_ZONE;
    return this.table.resolve(local);
  }

  /** Every accepted shape, by regex. */
  parseGeneral(text: string): number {
    let m = ISO.exec(text);
    if (m) {
      // A fraction under a millisecond is lost in ms, but 24:00:00.0001 is still past the end of the day.
      if (m[4] !== undefined && +m[4] === 24 && m[7] !== undefined && /[1-9]/.test(m[7])) return BAD_TIME;
      return this.at(+m[1]!, +m[2]!, +m[3]!, m[4] === undefined ? 0 : +m[4], m[5] === undefined ? 0 : +m[5], m[6] === undefined ? 0 : +m[6], m[7] === undefined ? 0 : fractionMs(m[7]), offsetOf(m[8]));
    }
    m = SLASH.exec(text);
    if (!m) return BAD_TIME;
    let day: number;
    let month: number;
    const named = MONTHS[m[3]!.toLowerCase()];
    // Every locale that writes dates with dots (de, fr, nl, ru, …) writes the day first, whatever the setting says.
    if (named !== undefined || m[2] === '.' || this.dayFirst) {
      day = +m[1]!;
      month = named ?? +m[3]!;
    } else {
      month = +m[1]!;
      day = +m[3]!;
    }
    if (/[a-z]/i.test(m[3]!) && named === undefined) return BAD_TIME;
    const year = m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!;
    let hour = m[5] === undefined ? 0 : +m[5];
    if (m[8] !== undefined) {
      if (hour < 1 || hour > 12) return BAD_TIME;
      hour = (hour % 12) + (m[8].toLowerCase() === 'pm' ? 12 : 0);
    }
    return this.at(year, month, day, hour, m[6] === undefined ? 0 : +m[6], m[7] === undefined ? 0 : +m[7], 0, offsetOf(m[9]));
  }

  /** `offset`: the value's own UTC offset in ms; undefined when it has none. */
  private at(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number | undefined): number {
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60 || Number.isNaN(offset)) return BAD_TIME;
    // 24:00 is the end of the day, read as the next day's 00:00; any later time at hour 24 is no time.
    if (h === 24 && (mi !== 0 || s !== 0 || ms !== 0)) return BAD_TIME;
    const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    // Date.UTC rolls 31 February over into March, and 23:59:60 into the next day; a real export never writes
    // either, so each is a bad value. 24:00 rolls over by design: its date is the day before.
    if (new Date(local - ms - (h === 24 ? 86_400_000 : 0)).getUTCDate() !== d) return BAD_TIME;
    if (offset !== undefined) return local - offset;
    if (this.table === null) return NEEDS_ZONE;
    return this.table.resolve(local);
  }
}

// Milliseconds of every three-digit fraction, computed as the general path does (binary rounding included).
const FRACTION_MS = Array.from({ length: 1000 }, (_, k) => fractionMs(String(k).padStart(3, '0')));

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function fractionMs(frac: string): number {
  return Math.floor(+`0.${frac}` * 1000);
}

function offsetOf(zone: string | undefined): number | undefined {
  return zone === undefined ? undefined : offsetMs(zone);
}

/** NaN for an offset out of range, which at() takes as no time. */
function offsetMs(zone: string): number {
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  const hours = +digits.slice(0, 2);
  const minutes = digits.length > 2 ? +digits.slice(2, 4) : 0;
  if (hours > MAX_OFFSET_HOURS || minutes > 59) return NaN;
  return sign * (hours * 60 + minutes) * 60_000;
}

// notATimeMessage's two readings of a value; zone-less values come back NEEDS_ZONE, which is a time all the same.
const readers = [new TimeParser(undefined, false), new TimeParser(undefined, true)] as const;
