import { Temporal as Polyfill } from 'temporal-polyfill';
import { DAY_MS } from './clock.ts';

// The native Temporal wins when the runtime has one; the polyfill has the same surface.
const Temporal: typeof Polyfill = (globalThis as { Temporal?: typeof Polyfill }).Temporal ?? Polyfill;

/** The largest instant Temporal (and Date) can represent, minus margin for look-around and chunking. */
export const MAX_INSTANT = 8.64e15 - 4 * 366 * DAY_MS;

/** True for any zone id Temporal accepts (IANA names such as "Europe/London", "UTC", fixed offsets). */
export function isValidTimeZone(id: string): boolean {
  if (typeof id !== 'string' || id === '') return false;
  try {
    new Temporal.ZonedDateTime(0n, id);
    return true;
  } catch {
    return false;
  }
}

// How far the table extends at a time: each extension costs a few Temporal transition searches.
const ZONE_CHUNK_MS = 2 * 366 * DAY_MS;
const FAR_MS = 50 * 366 * DAY_MS;

/**
 * A zone's UTC offsets as sorted transitions, fetched from Temporal lazily in chunks. After that, instant → local
 * and local → instant are binary searches, so compiling a year of hours costs a handful of Temporal calls
 * instead of one per interval boundary (~10 µs each in the polyfill).
 */
export class ZoneTable {
  readonly id: string;
  // transitions[k] is the first instant of regime k+1; offsets[k] is regime k's offset in ms.
  private transitions: number[] = [];
  private offsets: number[] = [];
  private lo = 0;
  private hi = 0;
  private empty = true;

  constructor(id: string) {
    this.id = id;
  }

  /** Offset (ms) in force at instant t. */
  offsetAt(t: number): number {
    this.cover(t - DAY_MS, t + DAY_MS);
    return this.offsets[this.regime(t)]!;
  }

  /** Local epoch-day number of instant t. */
  localDay(t: number): number {
    return Math.floor((t + this.offsetAt(t)) / DAY_MS);
  }

  /**
   * Every instant whose local date is `day`, as flat [start, end) pairs. Usually one range, [start of day, start of
   * next day); but a fall-back just after midnight (St. John's 1988-2011 switched at 00:01) hands part of the next
   * day back to this date, so a holiday must cover that repeated stretch too.
   */
  localDayRanges(day: number): number[] {
    const from = day * DAY_MS - DAY_MS;
    const to = (day + 2) * DAY_MS;
    this.cover(from, to);
    const out: number[] = [];
    for (let k = this.regime(from), last = this.regime(to); k <= last; k++) {
      const o = this.offsets[k]!;
      const start = Math.max(day * DAY_MS - o, k > 0 ? this.transitions[k - 1]! : -Infinity);
      const end = Math.min((day + 1) * DAY_MS - o, k < this.transitions.length ? this.transitions[k]! : Infinity);
      if (start < end) out.push(start, end);
    }
    return out;
  }

  /**
   * The instant of a local wall-clock time given as ms since 1970-01-01T00:00 local, with Temporal's "compatible"
   * disambiguation: a skipped time moves forward by the gap, a repeated one takes the earlier instant. Follows
   * the spec's own steps (offsets one day either side) so results match Temporal exactly.
   */
  resolve(local: number): number {
    this.cover(local - 3 * DAY_MS, local + 3 * DAY_MS);
    const a = this.regime(local - DAY_MS);
    const b = this.regime(local + DAY_MS);
    if (a === b) return local - this.offsets[a]!;
    const first = this.candidate(local, a, b, true);
    if (first !== null) return first;
    const shifted = local + (this.offsets[b]! - this.offsets[a]!);
    const later = this.candidate(shifted, this.regime(shifted - DAY_MS), this.regime(shifted + DAY_MS), false);
    if (later === null) throw new RangeError(`cannot resolve a local time in ${this.id}`);
    return later;
  }

  private candidate(local: number, a: number, b: number, earliest: boolean): number | null {
    let found: number | null = null;
    for (let k = a; k <= b; k++) {
      const t = local - this.offsets[k]!;
      const start = k > 0 ? this.transitions[k - 1]! : -Infinity;
      const end = k < this.transitions.length ? this.transitions[k]! : Infinity;
      if (t >= start && t < end) {
        if (earliest) return t;
        found = t;
      }
    }
    return found;
  }

  private regime(t: number): number {
    const tr = this.transitions;
    let lo = 0;
    let hi = tr.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tr[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private cover(from: number, to: number): void {
    if (!this.empty && from >= this.lo && to < this.hi) return;
    // A query centuries away starts a fresh table there rather than filling the gap chunk by chunk.
    if (this.empty || to < this.lo - FAR_MS || from > this.hi + FAR_MS) {
      this.transitions = [];
      const start = Math.max(Math.floor(from / ZONE_CHUNK_MS) * ZONE_CHUNK_MS, -8.64e15 + 1);
      // The offset just before `start`: the forward search below starts there and picks up a transition at `start`.
      this.offsets = [this.zoned(start - 1).offsetNanoseconds / 1e6];
      this.lo = start;
      this.hi = start;
      this.empty = false;
    }
    while (to >= this.hi) this.extendForward(Math.min(this.hi + ZONE_CHUNK_MS, 8.64e15));
    while (from < this.lo) this.extendBackward(Math.max(this.lo - ZONE_CHUNK_MS, -8.64e15));
  }

  private zoned(t: number): Polyfill.ZonedDateTime {
    return Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(this.id);
  }

  private extendForward(newHi: number): void {
    if (newHi <= this.hi) throw new RangeError('instant outside the supported range');
    // Start one ms early so a transition exactly at the old edge is not skipped.
    let z: Polyfill.ZonedDateTime | null = this.zoned(this.hi - 1);
    for (;;) {
      z = z.getTimeZoneTransition('next');
      if (z === null || z.epochMilliseconds >= newHi) break;
      this.transitions.push(z.epochMilliseconds);
      this.offsets.push(z.offsetNanoseconds / 1e6);
    }
    this.hi = newHi;
  }

  private extendBackward(newLo: number): void {
    if (newLo >= this.lo) throw new RangeError('instant outside the supported range');
    const found: number[] = [];
    const before: number[] = [];
    let z: Polyfill.ZonedDateTime | null = this.zoned(this.lo);
    for (;;) {
      z = z.getTimeZoneTransition('previous');
      if (z === null || z.epochMilliseconds < newLo) break;
      found.push(z.epochMilliseconds);
      before.push(this.zoned(z.epochMilliseconds - 1).offsetNanoseconds / 1e6);
    }
    found.reverse();
    before.reverse();
    this.transitions = found.concat(this.transitions);
    this.offsets = (before.length > 0 ? before : []).concat(this.offsets);
    this.lo = newLo;
  }
}
