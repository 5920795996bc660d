// One layer of an on-call schedule: whose turn it is (the rotation) and when the layer is on (its active windows).
// Hour shifts advance by elapsed time; day and week shifts advance by local calendar days, so a Monday 09:00
// handoff stays at 09:00 on the wall clock when DST starts or ends (a 167 h or 169 h week).
import type { Layer, Weekday } from '../engagement/types.ts';
import { type Span, intersect, union } from './spans.ts';
import { HOUR_MS, localParts, localToInstant, parseLocal, weekdayOfDay } from './time.ts';

export interface Turn {
  from: number;
  to: number;
  member: string;
}

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The layer's turns within [from, to), clipped to the range and to the layer's active windows. */
export function layerTurns(layer: Layer, zone: string, from: number, to: number): Turn[] {
  if (layer.members.length === 0 || to <= from) return [];
  const turns = rotation(layer, zone, from, to);
  if (!layer.active) return turns;
  const windows = activeSpans(layer.active, zone, from, to);
  const out: Turn[] = [];
  for (const t of turns) for (const [a, b] of intersect([[t.from, t.to]], windows)) out.push({ from: a, to: b, member: t.member });
  return out;
}

function rotation(layer: Layer, zone: string, from: number, to: number): Turn[] {
  const anchor = parseLocal(layer.handoff, zone);
  if (!anchor) return [];
  const n = layer.members.length;
  const member = (k: number) => layer.members[((k % n) + n) % n]!;
  const out: Turn[] = [];
  if ('hours' in layer.shift) {
    const len = layer.shift.hours * HOUR_MS;
    const start = localToInstant(anchor.day, anchor.seconds, zone);
    for (let k = Math.floor((from - start) / len); start + k * len < to; k++) {
      out.push({ from: Math.max(from, start + k * len), to: Math.min(to, start + (k + 1) * len), member: member(k) });
    }
    return out;
  }
  const days = layer.shift.days;
  const boundary = (k: number) => localToInstant(anchor.day + k * days, anchor.seconds, zone);
  // Local days since the anchor give the turn to within one; the boundaries settle the rest.
  let k = Math.floor((localParts(from, zone).day - anchor.day) / days) - 1;
  while (boundary(k + 1) <= from) k++;
  for (let start = boundary(k); start < to; k++) {
    const end = boundary(k + 1);
    out.push({ from: Math.max(from, start), to: Math.min(to, end), member: member(k) });
    start = end;
  }
  return out;
}

/**
 * The instants inside the windows, within [from, to). A window whose end is not after its start runs overnight
 * into the next day (18:00 to 08:00), as on-call restrictions commonly do; `to` may be 24:00.
 */
export function activeSpans(windows: NonNullable<Layer['active']>, zone: string, from: number, to: number): Span[] {
  const first = localParts(from, zone).day - 1;
  const last = localParts(to, zone).day + 1;
  const spans: Span[] = [];
  for (const w of windows) {
    const a = seconds(w.from);
    const b = seconds(w.to);
    for (let day = first; day <= last; day++) {
      if (!w.days.includes(WEEKDAYS[weekdayOfDay(day)]!)) continue;
      const start = localToInstant(day, a, zone);
      const end = b > a ? localToInstant(day, b, zone) : localToInstant(day + 1, b, zone);
      spans.push([Math.max(from, start), Math.min(to, end)]);
    }
  }
  return union(spans);
}

function seconds(clock: string): number {
  const [h = 0, m = 0, s = 0] = clock.split(':').map(Number);
  return h * 3600 + m * 60 + s;
}
