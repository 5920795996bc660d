import { CalendarError } from './errors.ts';
import { DAY_MS, weekdayOf } from './clock.ts';
import { clip, lowerBound, subtract, union, upperBound } from './intervals.ts';
import { normalizeSpec, type CalendarSpec, type NormalSpec } from './spec.ts';
import { MAX_INSTANT, ZoneTable } from './zone.ts';

export interface BusinessCalendar {
  /** Inside hours, not a holiday, not a closure. */
  isOpen(at: number): boolean;
  /** By the local date in the calendar's zone. */
  isHoliday(at: number): boolean;
  /** Instant after consuming ms of business time from at; landing on a close gives the next opening. */
  add(at: number, ms: number): number;
  /** Instant before at, consuming ms backwards; landing on an opening stays there. */
  subtract(at: number, ms: number): number;
  /** Business ms in [from, to); 0 when to <= from. */
  elapsed(from: number, to: number): number;
  /** The nth business date after at's local date, at's wall-clock time, then the first open instant. */
  addBusinessDays(at: number, days: number): number;
  /** Open segments within [from, to). */
  periods(from: number, to: number): Array<[number, number]>;
}

// Local days compiled per extension: a year keeps the Temporal work per step small and the steps rare.
const CHUNK_DAYS = 366;
// Gaps up to this many days are filled chunk by chunk (a ticket open for years); beyond, the horizon restarts.
const FAR_DAYS = 60 * 366;

export function compileCalendar(spec: CalendarSpec): BusinessCalendar {
  return new CompiledCalendar(normalizeSpec(spec));
}

/**
 * Open time as sorted, disjoint instant segments with prefix sums of their lengths, covering local days
 * [dayLo, dayHi) (instants [instLo, instHi)). Queries outside grow the horizon a chunk at a time, in either
 * direction; inside it every query is one or two binary searches.
 */
class CompiledCalendar implements BusinessCalendar {
  private readonly spec: NormalSpec;
  private readonly zone: ZoneTable;
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  /** cum[k] = business ms before segment k; cum[n] = the total. */
  private cum = new Float64Array(1);
  private n = 0;
  private dayLo = 0;
  private dayHi = 0;
  private instLo = 0;
  private instHi = 0;
  private readonly businessDates = new Map<number, number>();
  /** dayFirst[b]: the first segment ending after instLo + b days (UTC days from the horizon start, not local ones). */
  private dayFirst = new Int32Array(0);

  constructor(spec: NormalSpec) {
    this.spec = spec;
    this.zone = new ZoneTable(spec.timeZone);
  }

  isOpen(at: number): boolean {
    instant(at, 'at');
    if (at < this.instLo || at >= this.instHi) this.cover(at);
    const i = upperBound(this.ends, this.n, at);
    return i < this.n && this.starts[i]! <= at;
  }

  isHoliday(at: number): boolean {
    instant(at, 'at');
    return this.spec.holidays.has(this.zone.localDay(at));
  }

  add(at: number, ms: number): number {
    instant(at, 'at');
    amount(ms, 'ms');
    if (at < this.instLo || at >= this.instHi) this.cover(at);
    const i = this.segmentAfter(at);
    // Nothing to count: at itself when open, else the next opening (clocks ask this of every start).
    if (ms === 0 && i < this.n) return at > this.starts[i]! ? at : this.starts[i]!;
    const target = this.position(at, i) + ms;
    // Ending exactly on a segment's end picks the next segment (strict >): the next opening, per 6.3.
    let j = i;
    if (target >= this.cum[this.n]!) {
      while (target >= this.cum[this.n]!) this.extendForward();
      j = upperBound(this.cum, this.n + 1, target) - 1;
    } else {
      // The segment the count ends in is usually at's or one of the next few.
      for (let steps = 0; this.cum[j + 1]! <= target; j++) {
        if (++steps > 8) {
          j = upperBound(this.cum, this.n + 1, target) - 1;
          break;
        }
      }
    }
    return this.starts[j]! + (target - this.cum[j]!);
  }

  subtract(at: number, ms: number): number {
    instant(at, 'at');
    amount(ms, 'ms');
    if (at < this.instLo || at >= this.instHi) this.cover(at);
    if (ms === 0) return this.lastOpenAtOrBefore(at);
    for (;;) {
      const target = this.before(at) - ms;
      if (target >= 0) {
        // The last segment that starts at or before the target: landing exactly on an opening stays there.
        const j = upperBound(this.cum, this.n, target) - 1;
        return this.starts[j]! + (target - this.cum[j]!);
      }
      this.extendBackward();
    }
  }

  elapsed(from: number, to: number): number {
    instant(from, 'from');
    instant(to, 'to');
    if (to <= from) return 0;
    if (from < this.instLo || to >= this.instHi) this.cover(from, to);
    return this.before(to) - this.before(from);
  }

  addBusinessDays(at: number, days: number): number {
    instant(at, 'at');
    amount(days, 'days');
    if (!Number.isInteger(days)) throw new CalendarError(['days'], `days must be a whole number, got ${days}`);
    if (days === 0) return this.add(at, 0);
    const local = at + this.zone.offsetAt(at);
    const from = Math.floor(local / DAY_MS);
    const wall = local - from * DAY_MS;
    return this.add(this.zone.resolve(this.nthBusinessDate(from, days) * DAY_MS + wall), 0);
  }

  /** The `days`-th business date after local date `from`; remembered, as a report asks for the same ones a million times. */
  private nthBusinessDate(from: number, days: number): number {
    const key = days < 1024 && Math.abs(from) < 2 ** 19 ? from * 1024 + days : null;
    const known = key === null ? undefined : this.businessDates.get(key);
    if (known !== undefined) return known;
    let day = from;
    for (let k = 0; k < days; ) {
      day++;
      if (this.isBusinessDate(day)) k++;
    }
    if (key !== null) {
      if (this.businessDates.size >= 65_536) this.businessDates.clear();
      this.businessDates.set(key, day);
    }
    return day;
  }

  periods(from: number, to: number): Array<[number, number]> {
    instant(from, 'from');
    instant(to, 'to');
    if (to <= from) return [];
    this.cover(from, to);
    const out: Array<[number, number]> = [];
    for (let k = upperBound(this.ends, this.n, from); k < this.n && this.starts[k]! < to; k++) {
      out.push([Math.max(this.starts[k]!, from), Math.min(this.ends[k]!, to)]);
    }
    return out;
  }

  /** Business ms from the horizon start to t (t inside the horizon). */
  private before(t: number): number {
    return this.position(t, this.segmentAfter(t));
  }

  /** before(t), given i = segmentAfter(t). */
  private position(t: number, i: number): number {
    if (i >= this.n) return this.cum[this.n]!;
    const s = this.starts[i]!;
    return this.cum[i]! + (t > s ? t - s : 0);
  }

  /**
   * The first segment ending after t (n when none), from the day index: the binary search cost more than the rest
   * of a report's clock. A segment ending at or before the start of t's day cannot be it, so the scan starts there.
   */
  private segmentAfter(t: number): number {
    const b = Math.floor((t - this.instLo) / DAY_MS);
    if (b < 0 || b >= this.dayFirst.length) return upperBound(this.ends, this.n, t);
    let i = this.dayFirst[b]!;
    while (i < this.n && this.ends[i]! <= t) i++;
    return i;
  }

  private lastOpenAtOrBefore(at: number): number {
    for (;;) {
      // A segment [s, e] that holds `at` (its end included: the close is where a backward count stops).
      const j = lowerBound(this.ends, this.n, at);
      if (j < this.n && this.starts[j]! <= at) return at;
      if (j > 0) return this.ends[j - 1]!;
      this.extendBackward();
    }
  }

  private isBusinessDate(day: number): boolean {
    if (this.spec.holidays.has(day)) return false;
    return this.spec.allDay || this.spec.weekly[weekdayOf(day)]!.length > 0;
  }

  /** Grows the horizon to hold [t, t2]; a query far from it (see FAR_DAYS) restarts the horizon there instead. */
  private cover(t: number, t2 = t): void {
    const far = FAR_DAYS * DAY_MS;
    if (this.dayLo === this.dayHi || t2 < this.instLo - far || t > this.instHi + far) {
      this.n = 0;
      this.starts = new Float64Array(0);
      this.ends = new Float64Array(0);
      this.cum = new Float64Array(1);
      const day = Math.floor(t / DAY_MS / CHUNK_DAYS) * CHUNK_DAYS;
      this.dayLo = this.dayHi = day;
      this.instLo = this.instHi = this.startOfDay(day);
      this.extendForward();
    }
    while (t < this.instLo) this.extendBackward();
    while (t2 >= this.instHi) this.extendForward();
  }

  private extendForward(): void {
    const next = this.dayHi + CHUNK_DAYS;
    if (next * DAY_MS > MAX_INSTANT) throw new CalendarError([], 'result outside the supported range of instants');
    const hi = this.startOfDay(next);
    this.install(this.segments(this.dayHi, next, this.instHi, hi), false);
    this.dayHi = next;
    this.instHi = hi;
    this.indexDays();
  }

  private extendBackward(): void {
    const prev = this.dayLo - CHUNK_DAYS;
    if ((prev - 1) * DAY_MS < -MAX_INSTANT) throw new CalendarError([], 'result outside the supported range of instants');
    const lo = this.startOfDay(prev);
    this.install(this.segments(prev, this.dayLo, lo, this.instLo), true);
    this.dayLo = prev;
    this.instLo = lo;
    this.indexDays();
  }

  private indexDays(): void {
    const count = Math.ceil((this.instHi - this.instLo) / DAY_MS) + 1;
    const first = new Int32Array(count);
    let k = 0;
    for (let b = 0; b < count; b++) {
      const at = this.instLo + b * DAY_MS;
      while (k < this.n && this.ends[k]! <= at) k++;
      first[b] = k;
    }
    this.dayFirst = first;
  }

  private install(flat: number[], front: boolean): void {
    const oldN = this.n;
    const old: number[] = [];
    for (let k = 0; k < oldN; k++) old.push(this.starts[k]!, this.ends[k]!);
    // union() merges the segments that meet at the chunk edge into one.
    const all = union(front ? flat.concat(old) : old.concat(flat));
    const n = all.length / 2;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.cum = new Float64Array(n + 1);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      this.starts[k] = all[2 * k]!;
      this.ends[k] = all[2 * k + 1]!;
      this.cum[k] = sum;
      sum += all[2 * k + 1]! - all[2 * k]!;
    }
    this.cum[n] = sum;
    this.n = n;
  }

  /** Open segments of local days [d0, d1), clipped to their instants [lo, hi). */
  private segments(d0: number, d1: number, lo: number, hi: number): number[] {
    const { allDay, weekly, holidays, overrides, closures } = this.spec;
    const open: number[] = [];
    const removed: number[] = [];
    // A resolved end can spill past midnight (a 24:00 in a midnight gap), never before it: so the day before the
    // chunk contributes, the day after cannot.
    if (allDay) {
      // 24x7 needs no per-day work: one segment for the chunk, with override dates cut out and their hours added.
      // "The date" is every instant with that local date, as for holidays: 24x7 means open whatever the wall clock.
      const cleared: number[] = [];
      for (const [day, secs] of overrides) {
        if (day < d0 - 1 || day > d1) continue;
        cleared.push(...this.zone.localDayRanges(day));
        if (!holidays.has(day)) this.resolvePairs(day, secs, open);
      }
      open.push(...subtract([this.startOfDay(d0 - 1), hi], cleared));
    } else {
      for (let day = d0 - 1; day < d1; day++) {
        if (holidays.has(day)) continue;
        this.resolvePairs(day, overrides.get(day) ?? weekly[weekdayOf(day)]!, open);
      }
    }
    for (const [day, secs] of closures) if (day >= d0 - 1 && day < d1) this.resolvePairs(day, secs, removed);
    for (const day of holidays) if (day >= d0 - 1 && day <= d1) removed.push(...this.zone.localDayRanges(day));
    return clip(subtract(open, removed), lo, hi);
  }

  private resolvePairs(day: number, secs: number[], out: number[]): void {
    const base = day * DAY_MS;
    for (let i = 0; i < secs.length; i += 2) {
      // A pair that DST turns empty or negative (02:30–03:15 on a spring-forward day) is dropped by union().
      out.push(this.zone.resolve(base + secs[i]! * 1000), this.zone.resolve(base + secs[i + 1]! * 1000));
    }
  }

  private startOfDay(day: number): number {
    return this.zone.resolve(day * DAY_MS);
  }
}

function instant(value: number, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CalendarError([field], `${field} must be a finite epoch-ms number, got ${String(value)}`);
  }
  if (Math.abs(value) > MAX_INSTANT) throw new CalendarError([field], `${field} is outside the supported range`);
}

function amount(value: number, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new CalendarError([field], `${field} must be a finite number, got ${String(value)}`);
  }
  if (value < 0) throw new CalendarError([field], `${field} must not be negative, got ${value}`);
}
