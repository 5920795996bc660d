// Exact order statistics over growing arrays of durations. Percentiles use the nearest-rank method: the p-th
// percentile of n sorted values is the value at rank ceil(p/100 × n) (1-based), so it is always an observed value;
// the median is the 50th percentile, i.e. the lower middle value when n is even.
import { DURATION_EDGES, type Stats } from './types.ts';

/** A Float64Array that doubles as it fills: 8 bytes a value, no per-value object. */
export class Values {
  private data = new Float64Array(16);
  length = 0;
  /** Counts per DURATION_EDGES bucket, kept as values arrive: an 'all' row adds its months' counts up. */
  private readonly histogram: number[] = new Array<number>(DURATION_EDGES.length + 1).fill(0);
  /** No value so far is NaN: then selection gives what sorting gives (-0 and 0 are equal durations). */
  private plain = true;
  push(v: number): void {
    if (this.length === this.data.length) this.grow(this.length * 2);
    this.data[this.length++] = v;
    if (v !== v) {
      this.plain = false;
      return;
    }
    let b = 0;
    while (b < EDGES && v >= DURATION_EDGES[b]!) b++;
    this.histogram[b]!++;
  }
  append(other: Values): void {
    if (this.length + other.length > this.data.length) this.grow(Math.max(this.data.length * 2, this.length + other.length));
    this.data.set(other.data.subarray(0, other.length), this.length);
    this.length += other.length;
    this.plain &&= other.plain;
    for (let b = 0; b <= EDGES; b++) this.histogram[b]! += other.histogram[b]!;
  }
  /** The values in ascending order (NaN last), as Float64Array.prototype.sort orders them. */
  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
  stats(): Stats {
    const n = this.length;
    const histogram = [...this.histogram];
    if (n === 0) return { count: 0, median: null, p90: null, histogram };
    if (!this.plain) {
      const s = this.sorted();
      return { count: n, median: nearestRank(s, 50), p90: nearestRank(s, 90), histogram };
    }
    // Two selections instead of a sort: the report takes order statistics of every duration twice (its month and
    // 'all'), and a sort of a million costs several times the rest of the report's work on them. In place: the
    // order of the values is nobody's business (append and the statistics do not depend on it), and a copy of
    // every duration set would double the report's largest allocations.
    const a = this.data;
    const k90 = rankIndex(n, 90);
    const k50 = rankIndex(n, 50);
    select(a, 0, n - 1, k90);
    // Everything left of k90 is now at most a[k90], so the median is selected within it.
    if (k50 < k90) select(a, 0, k90 - 1, k50);
    return { count: n, median: a[k50]!, p90: a[k90]!, histogram };
  }
  private grow(size: number): void {
    const next = new Float64Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

const EDGES = DURATION_EDGES.length;

/** The 0-based index of the nearest-rank p-th percentile among n values. */
function rankIndex(n: number, p: number): number {
  return Math.max(1, Math.ceil((p / 100) * n)) - 1;
}

export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  return sorted[rankIndex(n, p)]!;
}

/**
 * Rearranges a[lo..hi] so that a[k] holds the value a sort would put there, smaller-or-equal values before it and
 * greater-or-equal after: Hoare's FIND (as Wirth writes it) with a median-of-three pivot. Equal values stop both
 * scans and are swapped, so the many equal durations of an export split evenly instead of going quadratic.
 */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (lo < hi) {
    const x0 = a[lo]!;
    const x1 = a[k]!;
    const x2 = a[hi]!;
    const pivot = x0 < x1 ? (x1 < x2 ? x1 : x0 < x2 ? x2 : x0) : x0 < x2 ? x0 : x1 < x2 ? x2 : x1;
    let i = lo;
    let j = hi;
    do {
      while (a[i]! < pivot) i++;
      while (pivot < a[j]!) j--;
      if (i <= j) {
        const v = a[i]!;
        a[i++] = a[j]!;
        a[j--] = v;
      }
    } while (i <= j);
    if (j < k) lo = i;
    if (k < i) hi = j;
  }
}

export function statsOf(values: Values): Stats {
  return values.stats();
}

/** Counts per DURATION_EDGES bucket of some durations (NaN in none: it is no duration). */
export function histogramOf(values: ArrayLike<number>): number[] {
  const v = new Values();
  for (let i = 0; i < values.length; i++) v.push(values[i]!);
  return v.stats().histogram;
}
