// Exact order statistics over growing arrays of durations. Percentiles use the nearest-rank method: the p-th
// percentile of n sorted values is the value at rank ceil(p/100 × n) (1-based), so it is always an observed value;
// the median is the 50th percentile, i.e. the lower middle value when n is even.
import { DURATION_EDGES, type Stats } from './types.ts';

/** A Float64Array that doubles as it fills: 8 bytes a value, no per-value object. */
export class Values {
  private data = new Float64Array(16);
  length = 0;
  /** Every value so far a whole number of ms in [0, RADIX_LIMIT), not -0: such values can be radix-sorted. */
  private whole = true;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
    if (this.whole && !(v >= 0 && v < RADIX_LIMIT && Math.floor(v) === v && (v !== 0 || 1 / v > 0))) this.whole = false;
  }
  append(other: Values): void {
    for (let i = 0; i < other.length; i++) this.push(other.data[i]!);
  }
  sorted(): Float64Array {
    const values = this.data.slice(0, this.length);
    return this.whole && values.length >= RADIX_MIN ? radixSort(values) : values.sort();
  }
}

// Float64Array.prototype.sort costs a few hundred ns a value in V8 (it has to order NaN and -0), and the report
// sorts every duration twice (its month and 'all'); durations are whole ms, which a radix sort orders in linear
// time to the same array (equal values are indistinguishable, and -0 and NaN never take this path).
const RADIX_LIMIT = 2 ** 48;
const RADIX_MIN = 256;
const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/** Sorts non-negative whole numbers below RADIX_LIMIT ascending: LSD radix, 11 bits a pass, as few passes as the largest needs. */
function radixSort(values: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const n = values.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (values[i]! > max) max = values[i]!;
  let src = values;
  let dst = new Float64Array(n);
  const counts = new Uint32Array(DIGIT_MASK + 1);
  for (let shift = 0; shift === 0 || max >= 2 ** shift; shift += DIGIT_BITS) {
    // Division by a power of two is exact, and ToInt32 of a whole number below 2^53 keeps its low bits.
    const div = 2 ** shift;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[Math.floor(src[i]! / div) & DIGIT_MASK]!++;
    let sum = 0;
    for (let d = 0; d <= DIGIT_MASK; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = src[i]!;
      dst[counts[Math.floor(v / div) & DIGIT_MASK]!++] = v;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[rank - 1]!;
}

export function statsOf(values: Values): Stats {
  const s = values.sorted();
  return { count: s.length, median: nearestRank(s, 50), p90: nearestRank(s, 90), histogram: histogramOf(s) };
}

/** Counts per DURATION_EDGES bucket of an ascending array, in one walk. */
export function histogramOf(sorted: ArrayLike<number>): number[] {
  const counts = new Array<number>(DURATION_EDGES.length + 1).fill(0);
  let bucket = 0;
  for (let i = 0; i < sorted.length; i++) {
    while (bucket < DURATION_EDGES.length && sorted[i]! >= DURATION_EDGES[bucket]!) bucket++;
    counts[bucket]!++;
  }
  return counts;
}
