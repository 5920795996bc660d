// Exact order statistics over growing arrays of durations. Percentiles use the nearest-rank method: the p-th
// percentile of n sorted values is the value at rank ceil(p/100 × n) (1-based), so it is always an observed value;
// the median is the 50th percentile, i.e. the lower middle value when n is even.
import { DURATION_EDGES, type Stats } from './types.ts';

/** A Float64Array that doubles as it fills: 8 bytes a value, no per-value object. */
export class Values {
  private data = new Float64Array(16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  append(other: Values): void {
    for (let i = 0; i < other.length; i++) this.push(other.data[i]!);
  }
  sorted(): Float64Array {
    return this.data.slice(0, this.length).sort();
  }
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
