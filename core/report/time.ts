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

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

// 2026-03-04T10:15:00.123+01:00, 2026-03-04 10:15, 2026-03-04 10:15:00 -0500, 2026-03-04 10:15:00 UTC, 2026-03-04
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// 03/04/2026 10:15[:00] [AM], 3/4/26 10:15 PM, 04/Mar/26 10:15 AM (Jira), 04-Mar-2026 10:15:00 (ServiceNow "dd-MMM-yyyy")
const SLASH = /^(\d{1,2})[/.-]([A-Za-z]{3}|\d{1,2})[/.-](\d{2}|\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;

export class TimeParser {
  private readonly table: ZoneTable | null;
  private readonly dayYears = new Int32Array(13 << 5).fill(-1);
  private readonly dayStarts = new Float64Array(13 << 5);

  constructor(zone: string | undefined, private readonly dayFirst = false) {
    if (zone !== undefined && !isValidTimeZone(zone)) throw new RangeError(`'${zone}' is not a time zone (expected an IANA id such as America/New_York)`);
    this.table = zone === undefined ? null : new ZoneTable(zone);
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
        offset = (z === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
      }
    }
    // Date.UTC's arithmetic without a Date: proleptic Gregorian days, rolling over as Date.UTC does. Years below
    // 100 go to at(), where Date.UTC reads them as 19xx.
    if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return this.at(y, mo, d, h, mi, s, ms, Number.isNaN(offset) ? undefined : offset);
    const secs = h * 3600 + mi * 60 + s;
    // What at() checks by reading the date back: 31 February, or 23:59:60 rolling into the next day, is no time.
    if (h !== 24 && (d > daysInMonth(y, mo) || secs >= 86_400)) return BAD_TIME;
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
    if (m) return this.at(+m[1]!, +m[2]!, +m[3]!, m[4] === undefined ? 0 : +m[4], m[5] === undefined ? 0 : +m[5], m[6] === undefined ? 0 : +m[6], m[7] === undefined ? 0 : fractionMs(m[7]), offsetOf(m[8]));
    m = SLASH.exec(text);
    if (!m) return BAD_TIME;
    let day: number;
    let month: number;
    const named = MONTHS[m[2]!.toLowerCase()];
    if (named !== undefined) {
      day = +m[1]!;
      month = named;
    } else if (this.dayFirst) {
      day = +m[1]!;
      month = +m[2]!;
    } else {
      month = +m[1]!;
      day = +m[2]!;
    }
    if (/[a-z]/i.test(m[2]!) && named === undefined) return BAD_TIME;
    const year = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    let hour = m[4] === undefined ? 0 : +m[4];
    if (m[7] !== undefined) {
      if (hour < 1 || hour > 12) return BAD_TIME;
      hour = (hour % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
    }
    return this.at(year, month, day, hour, m[5] === undefined ? 0 : +m[5], m[6] === undefined ? 0 : +m[6], 0, offsetOf(m[8]));
  }

  /** `offset`: the value's own UTC offset in ms; undefined when it has none. */
  private at(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number | undefined): number {
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return BAD_TIME;
    const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    // Date.UTC rolls 31 February over into March; a real export never writes it, so it is a bad value.
    if (new Date(local - ms).getUTCDate() !== d && h !== 24) return BAD_TIME;
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

function offsetMs(zone: string): number {
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 60 + (digits.length > 2 ? +digits.slice(2, 4) : 0)) * 60_000;
}
