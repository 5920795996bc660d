// The final schedule: overrides beat layers, a later layer beats an earlier one, the fallback answers when nobody
// is on. This is what PagerDuty and Opsgenie call the "final schedule" and what the offline handbook prints.
import type { Schedule } from '../engagement/types.ts';
import { layerTurns } from './rotation.ts';
import { DAY_MS, parseInstant } from './time.ts';

export type ShiftSource = 'override' | 'layer' | 'fallback' | 'nobody';

export interface OnCall {
  /** Person ids on call; empty when only the fallback (or nobody) answers. */
  people: string[];
  source: ShiftSource;
  /** Index into schedule.layers, for source 'layer'. */
  layer?: number;
  /** Index into schedule.overrides, for source 'override'. */
  override?: number;
  /** The fallback person or party id, for source 'fallback'. */
  fallback?: string;
}

export interface Shift extends OnCall {
  from: number;
  to: number;
}

/** The final schedule as concrete shifts covering [from, to) without holes; adjacent equal answers are merged. */
export function shifts(schedule: Schedule, from: number, to: number): Shift[] {
  if (!(to > from)) return [];
  const zone = schedule.timeZone;
  const layers = schedule.layers.map((l) => layerTurns(l, zone, from, to));
  const overrides = schedule.overrides.flatMap((o, index) => {
    const a = parseInstant(o.from, zone);
    const b = parseInstant(o.to, zone);
    return a === null || b === null || b <= a || b <= from || a >= to ? [] : [{ from: Math.max(a, from), to: Math.min(b, to), person: o.person, index }];
  });
  const cuts = new Set<number>([from, to]);
  for (const turns of layers) for (const t of turns) cuts.add(t.from).add(t.to);
  for (const o of overrides) cuts.add(o.from).add(o.to);
  const points = [...cuts].sort((a, b) => a - b);

  const cursor = layers.map(() => 0);
  const out: Shift[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const answer = decide(schedule, layers, cursor, overrides, a);
    const last = out.at(-1);
    if (last && last.to === a && same(last, answer)) last.to = b;
    else out.push({ from: a, to: b, ...answer });
  }
  return out;
}

function decide(
  schedule: Schedule,
  layers: ReturnType<typeof layerTurns>[],
  cursor: number[],
  overrides: Array<{ from: number; to: number; person: string; index: number }>,
  at: number,
): OnCall {
  // The last override listed wins where two overlap: it is the most recent decision written down.
  for (let k = overrides.length - 1; k >= 0; k--) {
    const o = overrides[k]!;
    if (o.from <= at && at < o.to) return { people: [o.person], source: 'override', override: o.index };
  }
  let found: OnCall | null = null;
  for (let li = 0; li < layers.length; li++) {
    const turns = layers[li]!;
    let c = cursor[li]!;
    while (c < turns.length && turns[c]!.to <= at) c++;
    cursor[li] = c;
    const t = turns[c];
    if (t && t.from <= at) found = { people: [t.member], source: 'layer', layer: li };
  }
  if (found) return found;
  return schedule.fallback === undefined ? { people: [], source: 'nobody' } : { people: [], source: 'fallback', fallback: schedule.fallback };
}

function same(a: OnCall, b: OnCall): boolean {
  return a.source === b.source && a.layer === b.layer && a.override === b.override && a.fallback === b.fallback && a.people.join() === b.people.join();
}

// onCallAt is asked per ticket and, by the handbook and the tests, per minute: each schedule keeps its final
// shifts for the weeks asked about. The Engagement is immutable plain data, so the object is a safe cache key.
const CHUNK_MS = 7 * DAY_MS;
const cache = new WeakMap<Schedule, Map<number, Shift[]>>();

/** Who is on call at instant `at`. */
export function onCallAt(schedule: Schedule, at: number): OnCall {
  let chunks = cache.get(schedule);
  if (!chunks) cache.set(schedule, (chunks = new Map()));
  const k = Math.floor(at / CHUNK_MS);
  let list = chunks.get(k);
  if (!list) {
    if (chunks.size > 64) chunks.clear();
    chunks.set(k, (list = shifts(schedule, k * CHUNK_MS, (k + 1) * CHUNK_MS)));
  }
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid]!.from <= at) lo = mid;
    else hi = mid - 1;
  }
  const { from: _from, to: _to, ...answer } = list[lo]!;
  return answer;
}
