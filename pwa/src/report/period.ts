// The report period as people pick it (local dates, the last one included) and as the engine takes it ([from, to)
// in epoch ms). Dates are read in the engagement's zone, where the report's months are cut too.
import { Temporal } from 'temporal-polyfill';
import type { Report } from '../../../core/report/types.ts';

export interface PeriodInput {
  /** "YYYY-MM-DD" or '' for no bound. */
  from: string;
  /** Last day included, "YYYY-MM-DD" or ''. */
  to: string;
}

export type Period = { ok: true; from?: number; to?: number } | { ok: false; message: string };

export function periodFrom(input: PeriodInput, zone: string): Period {
  try {
    const start = input.from ? Temporal.PlainDate.from(input.from).toZonedDateTime({ timeZone: zone }).epochMilliseconds : undefined;
    const end = input.to ? Temporal.PlainDate.from(input.to).add({ days: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds : undefined;
    if (start !== undefined && end !== undefined && end <= start) return { ok: false, message: 'the period ends before it starts' };
    return { ok: true, from: start, to: end };
  } catch {
    return { ok: false, message: 'dates are written YYYY-MM-DD' };
  }
}

/** The previous calendar quarter before `now` in `zone`: what a QBR looks back on. */
export function lastQuarter(now: number, zone: string): PeriodInput {
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(zone).toPlainDate();
  const thisQuarter = Temporal.PlainDate.from({ year: today.year, month: Math.floor((today.month - 1) / 3) * 3 + 1, day: 1 });
  const start = thisQuarter.subtract({ months: 3 });
  return { from: start.toString(), to: thisQuarter.subtract({ days: 1 }).toString() };
}

/** "acme-ost-report-2026-01-01-2026-03-31.csv"; an open bound is named by the first or last month with tickets. */
export function reportFileName(report: Report, ext: string, chart?: string): string {
  const zone = report.engagement.timeZone;
  const months = report.tickets.map((t) => t.month).filter((m) => m !== 'all').sort();
  const date = (at: number) => Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate().toString();
  const from = report.period.from !== null ? date(report.period.from) : (months[0] ?? 'start');
  // The engine's `to` is exclusive: the file is named by the last day it covers.
  const to = report.period.to !== null ? date(report.period.to - 1) : (months.at(-1) ?? 'end');
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe(report.engagement.id)}-report-${from}-${to}${chart ? `-${safe(chart)}` : ''}.${ext}`;
}
