// An instant as people read it at 2 AM: the wall clock in the zone the engagement or schedule lives in, and how
// far away it is. The <time> element carries the exact instant for machines (and the tests).
import { formatDuration, formatLocal } from '../../../../core/escalation/index.ts';

/** Closer than this reads as "now": the shell re-renders every 30 s, so finer wording would only flicker. */
const NOW_MS = 30_000;

/** "in 2 h 10 min", "15 min ago" or "now". */
export function relative(at: number, now: number): string {
  const diff = at - now;
  if (Math.abs(diff) < NOW_MS) return 'now';
  return diff > 0 ? `in ${formatDuration(diff)}` : `${formatDuration(diff)} ago`;
}

export interface WhenProps {
  at: number;
  zone: string;
  now: number;
  /** Leave out the relative part (lists of many times, where it would only be noise). */
  absoluteOnly?: boolean;
}

export function When({ at, zone, now, absoluteOnly }: WhenProps) {
  return (
    <span class="when">
      <time dateTime={new Date(at).toISOString()}>{formatLocal(at, zone)}</time>
      {!absoluteOnly && <span class="muted"> ({relative(at, now)})</span>}
    </span>
  );
}
