// Exact order statistics over growing arrays of durations. Percentiles use the nearest-rank method: the p-th
// percentile of n sorted values is the value at rank ceil(p/100 × n) (1-based), so it is always an observed value;
// the median is the 50th percentile, i.e. the lower middle value when n is even.
import { DURATION_EDGES, type Stats } from './types.ts';

const EDGES = DURATION_EDGES.length;

/**
 * Float64Arrays (8 bytes a value, no per-value object): one that doubles as it fills up to BLOCK values, then
 * full blocks kept as they are (a set of a million values is not copied twenty times over as it grows); plus the
 * sets appended to it, which are linked, not copied: an 'all' row over its months would otherwise double the
 * memory of every duration.
 */
export class Values {
  private data = new Float64Array(16);
  /** Values in data; `length` counts the full blocks' and the appended sets' too. */
  private own = 0;
  private readonly full: Float64Array[] = [];
  private readonly parts: Values[] = [];
  length = 0;
  // The summary of the own values (their histogram, range and whether one is NaN), worked out when the statistics
  // are asked for, in one pass over the array: kept as values arrive, it was most of the cost of a push.
  private summarized = -1;
  private readonly histogram: number[] = new Array<number>(EDGES + 1).fill(0);
  private plain = true;
  private min = Infinity;
  private max = -Infinity;
  push(v: number): void {
    if (this.own === this.data.length) this.grow();
    this.data[this.own++] = v;
    this.length++;
  }
  append(other: Values): void {
    this.parts.push(other);
    this.length += other.length;
  }
  /** The values in ascending order (NaN last), as Float64Array.prototype.sort orders them. */
  sorted(): Float64Array {
    return this.flat().sort();
  }
  stats(): Stats {
    const n = this.length;
    const histogram = new Array<number>(EDGES + 1).fill(0);
    const range = { plain: true, min: Infinity, max: -Infinity };
    this.summary(histogram, range);
    const { plain, min, max } = range;
    if (n === 0) return { count: 0, median: null, p90: null, histogram };
    // No value is NaN: then selection gives what sorting gives (-0 and 0 are equal durations).
    if (!plain) {
      const s = this.sorted();
      return { count: n, median: nearestRank(s, 50), p90: nearestRank(s, 90), histogram };
    }
    const k90 = rankIndex(n, 90);
    const k50 = rankIndex(n, 50);
    if (min === max) return { count: n, median: min, p90: min, histogram };
    const scale = (BUCKETS - 1) / (max - min);
    if (n >= BUCKETS && Number.isFinite(scale)) {
      const [median, p90] = bucketSelect(this.chunks([]), min, scale, k50, k90);
      return { count: n, median, p90, histogram };
    }
    // Two selections instead of a sort, in place when the set is one array (the order of the values is nobody's
    // business: append and the statistics do not depend on it).
    const a = this.parts.length === 0 && this.full.length === 0 ? this.data : this.flat();
    select(a, 0, n - 1, k90);
    // Everything left of k90 is now at most a[k90], so the median is selected within it.
    if (k50 < k90) select(a, 0, k90 - 1, k50);
    return { count: n, median: a[k50]!, p90: a[k90]!, histogram };
  }
  /** Adds the histogram, range and NaN-freedom of this set, own values and appended sets', to `into` and `range`. */
  private summary(into: number[], range: { plain: boolean; min: number; max: number }): void {
    if (this.summarized !== this.ownCount()) this.summarize();
    for (let b = 0; b <= EDGES; b++) into[b]! += this.histogram[b]!;
    range.plain &&= this.plain;
    range.min = Math.min(range.min, this.min);
    range.max = Math.max(range.max, this.max);
    for (const p of this.parts) p.summary(into, range);
  }
  private summarize(): void {
    const h = this.histogram.fill(0);
    let plain = true;
    let min = Infinity;
    let max = -Infinity;
    for (const [a, n] of this.ownChunks([])) {
      for (let i = 0; i < n; i++) {
        const v = a[i]!;
        if (v !== v) {
          plain = false;
          continue;
        }
        if (v < min) min = v;
        if (v > max) max = v;
        let b = 0;
        while (b < EDGES && v >= DURATION_EDGES[b]!) b++;
        h[b]!++;
      }
    }
    this.plain = plain;
    this.min = min;
    this.max = max;
    this.summarized = this.ownCount();
  }
  /** Every value, own and appended, as arrays with their counts. */
  private chunks(out: Array<[Float64Array, number]>): Array<[Float64Array, number]> {
    this.ownChunks(out);
    for (const p of this.parts) p.chunks(out);
    return out;
  }
  private ownCount(): number {
    return this.own + this.full.length * BLOCK;
  }
  private ownChunks(out: Array<[Float64Array, number]>): Array<[Float64Array, number]> {
    for (const block of this.full) out.push([block, BLOCK]);
    out.push([this.data, this.own]);
    return out;
  }
  private flat(): Float64Array {
    const all = new Float64Array(this.length);
    let at = 0;
    for (const [a, n] of this.chunks([])) {
      all.set(a.subarray(0, n), at);
      at += n;
    }
    return all;
  }
  private grow(): void {
    if (this.own === BLOCK) {
      this.full.push(this.data);
      this.data = new Float64Array(BLOCK);
      this.own = 0;
      return;
    }
    const next = new Float64Array(this.own * 2);
    next.set(this.data);
    this.data = next;
  }
}

const BUCKETS = 4096;
/** Values a block holds when full (128 KB). */
const BLOCK = 16_384;

/**
 * The k1-th and k2-th smallest of the chunks' values (k1 <= k2), in two passes: count the values per bucket of their range,
 * then select each rank among its bucket's values only. The bucket of v, floor((v - min) × scale), never
 * decreases as v grows (each step rounds monotonically), so every value of a lower bucket is at most every value
 * of a higher one, whatever the rounding.
 */
function bucketSelect(chunks: Array<[Float64Array, number]>, min: number, scale: number, k1: number, k2: number): [number, number] {
  const counts = new Int32Array(BUCKETS);
  for (const [a, n] of chunks) for (let i = 0; i < n; i++) counts[Math.floor((a[i]! - min) * scale)]!++;
  let b1 = -1;
  let b2 = -1;
  let r1 = 0;
  let r2 = 0;
  for (let b = 0, before = 0; b < BUCKETS; b++) {
    const after = before + counts[b]!;
    if (b1 < 0 && k1 < after) {
      b1 = b;
      r1 = k1 - before;
    }
    if (k2 < after) {
      b2 = b;
      r2 = k2 - before;
      break;
    }
    before = after;
  }
  const in1 = new Float64Array(counts[b1]!);
  const in2 = b2 === b1 ? in1 : new Float64Array(counts[b2]!);
  let j1 = 0;
  let j2 = 0;
  for (const [a, n] of chunks) {
    for (let i = 0; i < n; i++) {
      const v = a[i]!;
      const b = Math.floor((v - min) * scale);
      if (b === b1) in1[j1++] = v;
      else if (b === b2) in2[j2++] = v;
    }
  }
  select(in2, 0, in2.length - 1, r2);
  if (in1 !== in2) select(in1, 0, in1.length - 1, r1);
  else if (r1 < r2) select(in1, 0, r2 - 1, r1);
  return [in1[r1]!, in2[r2]!];
}

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
