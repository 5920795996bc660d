// Export timestamps to instants. Offsets written in the value win; a zone-less value is wall-clock time in the
// export's zone (ReaderOptions.exportZone), converted with the calendar's ZoneTable (Temporal's transitions,
// "compatible" disambiguation as DESIGN.md 6.2), and never guessed: without a zone it is an error the caller names.
import { ZoneTable, isValidTimeZone } from '../calendar/zone.ts';

/** parse() results that are not instants. */
export const BAD_TIME = NaN;
export const NEEDS_ZONE = -Infinity;
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

  constructor(zone: string | undefined, private readonly dayFirst = false) {
    if (zone !== undefined && !isValidTimeZone(zone)) throw new RangeError(`'${zone}' is not a time zone (expected an IANA id such as America/New_York)`);
    this.table = zone === undefined ? null : new ZoneTable(zone);
  }

  /** Epoch ms; BAD_TIME (NaN) when the text is no timestamp; NEEDS_ZONE when it has no offset and no zone is set. */
  parse(text: string): number {
    let m = ISO.exec(text);
    if (m) return this.at(+m[1]!, +m[2]!, +m[3]!, m[4] === undefined ? 0 : +m[4], m[5] === undefined ? 0 : +m[5], m[6] === undefined ? 0 : +m[6], m[7], m[8]);
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
    return this.at(year, month, day, hour, m[5] === undefined ? 0 : +m[5], m[6] === undefined ? 0 : +m[6], undefined, m[8]);
  }

  private at(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string | undefined, zone: string | undefined): number {
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return BAD_TIME;
    const ms = frac === undefined ? 0 : Math.floor(+`0.${frac}` * 1000);
    const local = Date.UTC(y, mo - 1, d, h, mi, s, ms);
    // Date.UTC rolls 31 February over into March; a real export never writes it, so it is a bad value.
    if (new Date(local - ms).getUTCDate() !== d && h !== 24) return BAD_TIME;
    if (zone !== undefined) return local - offsetMs(zone);
    if (this.table === null) return NEEDS_ZONE;
    return this.table.resolve(local);
  }
}

function offsetMs(zone: string): number {
  const z = zone.toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 60 + (digits.length > 2 ? +digits.slice(2, 4) : 0)) * 60_000;
}
