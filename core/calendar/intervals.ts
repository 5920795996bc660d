// Set operations on half-open instant intervals stored flat: [start0, end0, start1, end1, …].

/** Sorted, disjoint, non-adjacent union of any pairs (empty pairs dropped). */
export function union(pairs: number[]): number[] {
  const idx: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i]! < pairs[i + 1]!) idx.push(i);
  idx.sort((a, b) => pairs[a]! - pairs[b]!);
  const out: number[] = [];
  for (const i of idx) {
    const s = pairs[i]!;
    const e = pairs[i + 1]!;
    const n = out.length;
    // Touching segments merge, so a shift written as 22:00–24:00 + 00:00–06:00 runs on without a "close".
    if (n > 0 && s <= out[n - 1]!) out[n - 1] = Math.max(out[n - 1]!, e);
    else out.push(s, e);
  }
  return out;
}

/** `set` minus `remove`; both are normalised by union() first. */
export function subtract(set: number[], remove: number[]): number[] {
  const a = union(set);
  const r = union(remove);
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let s = a[i]!;
    const e = a[i + 1]!;
    while (j < r.length && r[j + 1]! <= s) j += 2;
    let k = j;
    while (k < r.length && r[k]! < e) {
      if (r[k]! > s) out.push(s, r[k]!);
      s = Math.max(s, r[k + 1]!);
      if (s >= e) break;
      k += 2;
    }
    if (s < e) out.push(s, e);
  }
  return out;
}

/** The part of a sorted set inside [lo, hi). */
export function clip(set: number[], lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < set.length; i += 2) {
    const s = Math.max(set[i]!, lo);
    const e = Math.min(set[i + 1]!, hi);
    if (s < e) out.push(s, e);
  }
  return out;
}

/** First index k with values[k] > t (values sorted ascending); n when none. */
export function upperBound(values: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index k with values[k] >= t. */
export function lowerBound(values: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
