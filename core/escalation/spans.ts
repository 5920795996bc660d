// Sets of instants as sorted, disjoint, half-open [from, to) spans: what on-call coverage and gaps are made of.

export type Span = [from: number, to: number];

/** Sorted, merged (touching spans join). */
export function union(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Both inputs sorted and disjoint. */
export function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]![0], b[j]![0]);
    const hi = Math.min(a[i]![1], b[j]![1]);
    if (hi > lo) out.push([lo, hi]);
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return out;
}

/** `a` minus `b`; both sorted and disjoint. */
export function subtract(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let j = 0;
  for (const [from, to] of a) {
    let cursor = from;
    while (j < b.length && b[j]![1] <= cursor) j++;
    let k = j;
    while (k < b.length && b[k]![0] < to) {
      if (b[k]![0] > cursor) out.push([cursor, b[k]![0]]);
      cursor = Math.max(cursor, b[k]![1]);
      k++;
    }
    if (cursor < to) out.push([cursor, to]);
  }
  return out;
}
