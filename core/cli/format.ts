import { Temporal } from 'temporal-polyfill';

/** "2h 05m", "-1h 30m", "3d 4h 00m" (calendar days of 24 h), "45s" under a minute. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${sign}${s}s`;
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s - h * 3600) / 60);
  const mm = String(m).padStart(2, '0');
  return `${sign}${d > 0 ? `${d}d ${h}h ${mm}m` : h > 0 ? `${h}h ${mm}m` : `${m}m`}`;
}

/** "Mon 2026-11-30 09:00 -05:00 America/New_York (14:00Z)": the local time a person acts on, and UTC. */
export function formatInstant(at: number, zone: string): string {
  const local = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone);
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][local.dayOfWeek - 1];
  const utc = new Date(at).toISOString();
  return `${day} ${local.toPlainDate().toString()} ${local.toPlainTime().toString({ smallestUnit: 'minute' })} ${local.offset} ${zone} (${utc.slice(0, 10)} ${utc.slice(11, 16)}Z)`;
}
