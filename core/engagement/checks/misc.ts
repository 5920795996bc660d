// Smaller rules: the priority matrix is complete, on-call windows run forwards, runbooks are tested.
import { Temporal } from 'temporal-polyfill';
import { parseInstant } from '../../escalation/time.ts';
import { localToday } from './calendars.ts';
import { type CheckContext, entries } from './context.ts';

export function checkPriorityMatrix(ctx: CheckContext): void {
  const m = ctx.file.priorityMatrix;
  if (!m) return;
  for (const [impact, row] of entries(m.levels)) {
    if (!m.impact.includes(impact)) ctx.problems.error('matrix', `'${impact}' is not one of the impact levels (${m.impact.join(', ')})`, ['priorityMatrix', 'levels', impact], { key: true });
    for (const urgency of Object.keys(row)) {
      if (!m.urgency.includes(urgency)) ctx.problems.error('matrix', `'${urgency}' is not one of the urgency levels (${m.urgency.join(', ')})`, ['priorityMatrix', 'levels', impact, urgency], { key: true });
    }
  }
  for (const impact of m.impact) {
    const row = m.levels[impact];
    const missing = m.urgency.filter((u) => row?.[u] === undefined);
    if (missing.length > 0) ctx.problems.error('matrix', `impact '${impact}' has no priority for urgency ${missing.join(', ')}`, row ? ['priorityMatrix', 'levels', impact] : ['priorityMatrix', 'levels']);
  }
}

export function checkOncall(ctx: CheckContext): void {
  for (const [id, s] of entries(ctx.file.oncall)) {
    const zone = s.timeZone ?? ctx.file.engagement.timeZone;
    s.overrides?.forEach((o, i) => {
      const from = parseInstant(o.from, zone);
      const to = parseInstant(o.to, zone);
      if (from !== null && to !== null && to <= from) {
        ctx.problems.error('override-order', `the override ends (${o.to}) before it starts (${o.from})`, ['oncall', id, 'overrides', i, 'to']);
      }
    });
    if (s.fallback === undefined) {
      ctx.problems.warning('oncall-fallback', 'no fallback: when nobody is on call, nobody will be named', ['oncall', id], { key: true });
    }
  }
}

export function checkRunbooks(ctx: CheckContext): void {
  const today = localToday(ctx);
  for (const [id, r] of entries(ctx.file.runbooks)) {
    if (r.lastTested === undefined) continue;
    const tested = Temporal.PlainDate.from(r.lastTested);
    if (Temporal.PlainDate.compare(tested, today) > 0) {
      ctx.problems.warning('runbook-tested', `lastTested ${r.lastTested} is in the future`, ['runbooks', id, 'lastTested']);
    } else if (Temporal.PlainDate.compare(tested.add({ months: 12 }), today) < 0) {
      ctx.problems.warning('runbook-tested', `'${r.title}' was last tested on ${r.lastTested}, over a year ago`, ['runbooks', id, 'lastTested']);
    }
  }
}
