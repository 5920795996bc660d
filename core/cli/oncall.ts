import { parseArgs } from 'node:util';
import type { Engagement, Schedule } from '../engagement/index.ts';
import { type Shift, formatLocal, onCallAt, shifts } from '../escalation/index.ts';
import { DAY_MS } from '../escalation/time.ts';
import { type CliIo, UsageError } from './io.ts';
import { instantArg, loadEngagement } from './load.ts';

export const oncallHelp = `tandem oncall --engagement FILE [--schedule ID] [--at ISO] [--days N] [--json]

Who is on call at an instant (default: now) in each schedule, or one, and the shifts of the next N days
(default 7; the offline handbook uses 30).
  --at     e.g. 2026-12-25T03:00-05:00 (without an offset: the schedule's zone)
  --json   the shifts as JSON (instants in epoch ms)`;

export function oncallCommand(args: string[], io: CliIo, now: number): number {
  const { values } = parseArgs({
    args,
    options: { engagement: { type: 'string' }, schedule: { type: 'string' }, at: { type: 'string' }, days: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (values.engagement === undefined) throw new UsageError('oncall needs --engagement FILE');
  const days = values.days === undefined ? 7 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError(`--days '${values.days}' must be a whole number from 1 to 366`);
  const loaded = loadEngagement(values.engagement, io, now);
  if (!loaded.ok) return loaded.code;
  const e = loaded.engagement;
  const ids = values.schedule === undefined ? Object.keys(e.oncall) : [values.schedule];
  if (values.schedule !== undefined && !e.oncall[values.schedule]) {
    throw new UsageError(`no on-call schedule '${values.schedule}' (known: ${Object.keys(e.oncall).join(', ') || 'none'})`);
  }
  if (ids.length === 0) {
    io.err('tandem oncall: the engagement has no on-call schedules');
    return 1;
  }
  const report = ids.map((id) => {
    const schedule = e.oncall[id]!;
    const at = instantArg('at', values.at, schedule.timeZone, now);
    return { id, name: schedule.name, timeZone: schedule.timeZone, at, now: onCallAt(schedule, at), shifts: shifts(schedule, at, at + days * DAY_MS) };
  });
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  const blocks = report.map((r) => {
    const schedule = e.oncall[r.id]!;
    const t = (ms: number) => formatLocal(ms, r.timeZone);
    const current = r.shifts[0];
    const lines = [`${r.name ?? r.id} (${r.id}) · ${r.timeZone}`];
    lines.push(`  On call at ${t(r.at)}: ${who(e, schedule, r.now)}${current ? ` until ${t(current.to)}` : ''}`);
    lines.push(`  Next ${days} day${days === 1 ? '' : 's'}:`);
    for (const s of r.shifts) lines.push(`    ${t(s.from)} → ${t(s.to)}  ${who(e, schedule, s)}`);
    return lines.join('\n');
  });
  io.out(blocks.join('\n\n'));
  return 0;
}

/** "Ana Smith (layer 'weekly')", "Dana Lee (override: Christmas)", "nobody: fallback Dana Lee". */
export function who(e: Engagement, schedule: Schedule, s: Omit<Shift, 'from' | 'to'>): string {
  const name = (id: string) => e.people[id]?.name ?? e.parties[id]?.name ?? id;
  switch (s.source) {
    case 'override': {
      const reason = schedule.overrides[s.override!]?.reason;
      return `${s.people.map(name).join(', ')} (override${reason ? `: ${reason}` : ''})`;
    }
    case 'layer': {
      const layer = schedule.layers[s.layer!];
      return `${s.people.map(name).join(', ')} (${layer?.name ? `layer '${layer.name}'` : `layer ${s.layer! + 1}`})`;
    }
    case 'fallback':
      return `nobody on the rotation; fallback ${name(s.fallback!)}`;
    case 'nobody':
      return 'NOBODY (no layer, no override, no fallback)';
  }
}
