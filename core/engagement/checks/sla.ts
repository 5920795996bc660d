// Every priority a ticket can get must have a target in every SLA that covers it, or its clock cannot run.
import { METRICS } from '../schema.ts';
import type { EngagementFile } from '../schema.ts';
import { type CheckContext, entries } from './context.ts';

export function policiesFor(file: EngagementFile, priority: string, only?: string[]): string[] {
  return entries(file.sla)
    .filter(([id, s]) => (only === undefined || only.includes(id)) && (s.appliesTo?.priorities === undefined || s.appliesTo.priorities.includes(priority)))
    .map(([id]) => id);
}

export function checkSla(ctx: CheckContext): void {
  const { file, problems } = ctx;
  const mapped = new Set<string>();
  file.helpdesks?.forEach((h, hi) => {
    for (const [native, priority] of entries(h.priorities)) {
      if (!file.priorities[priority]) continue;
      mapped.add(priority);
      for (const policy of policiesFor(file, priority, h.sla)) {
        if (!file.sla?.[policy]?.targets[priority]) {
          problems.error(
            'sla-target-missing',
            `'${native}' maps to ${priority}, which has no target in ${file.sla?.[policy]?.kind ?? 'SLA'} '${policy}': add targets.${priority} there or narrow its appliesTo.priorities`,
            ['helpdesks', hi, 'priorities', native],
          );
        }
      }
    }
  });
  for (const priority of Object.keys(file.priorities)) {
    if (mapped.has(priority)) continue;
    for (const policy of policiesFor(file, priority)) {
      if (!file.sla?.[policy]?.targets[priority]) {
        problems.warning('sla-target-missing', `${priority} has no target in '${policy}': tickets of that priority would run no clock`, ['sla', policy, 'targets']);
      }
    }
  }
  for (const [id, s] of entries(file.sla)) {
    for (const [priority, t] of entries(s.targets)) {
      if (!METRICS.some((m) => t[m] !== undefined)) {
        problems.error('sla-target-empty', `the ${priority} target sets no metric: give at least one of ${METRICS.join(', ')}`, ['sla', id, 'targets', priority]);
      }
    }
    if (s.provider === s.customer) problems.warning('sla-parties', 'the provider and the customer are the same party', ['sla', id, 'customer']);
  }
}
