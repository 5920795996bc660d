import type { ProblemList } from '../problems.ts';
import type { EngagementFile } from '../schema.ts';
import { didYouMean } from '../suggest.ts';
import type { Path } from '../types.ts';

export type Kind = 'party' | 'person' | 'calendar' | 'priority' | 'activity' | 'sla' | 'schedule' | 'escalation' | 'runbook';

export interface CheckContext {
  file: EngagementFile;
  problems: ProblemList;
  /** The instant that "the next 12 months" and "stale" are measured from. */
  now: number;
  ids: Record<Kind, Set<string>>;
}

const KIND_WORDS: Record<Kind, string> = {
  party: 'party', person: 'person', calendar: 'calendar', priority: 'priority', activity: 'activity', sla: 'SLA policy',
  schedule: 'on-call schedule', escalation: 'escalation policy', runbook: 'runbook',
};

export function makeContext(file: EngagementFile, problems: ProblemList, now: number): CheckContext {
  const keys = (r: object | undefined) => new Set(Object.keys(r ?? {}));
  return {
    file,
    problems,
    now,
    ids: {
      party: keys(file.parties), person: keys(file.people), calendar: keys(file.calendars), priority: keys(file.priorities),
      activity: keys(file.activities), sla: keys(file.sla), schedule: keys(file.oncall), escalation: keys(file.escalation),
      runbook: keys(file.runbooks),
    },
  };
}

/** Reports `value` unless it names one of `kinds`; returns the kind it names. */
export function resolve(ctx: CheckContext, value: string, kinds: Kind[], path: Path, opts: { key?: boolean } = {}): Kind | null {
  for (const kind of kinds) if (ctx.ids[kind].has(value)) return kind;
  const candidates = kinds.flatMap((k) => [...ctx.ids[k]]);
  const hint = didYouMean(value, candidates);
  const what = kinds.map((k) => KIND_WORDS[k]).join(' or ');
  const known = candidates.length > 0 && candidates.length <= 8 ? ` (known: ${candidates.join(', ')})` : '';
  ctx.problems.error('ref-unknown', `no ${what} '${value}'${hint ? `: did you mean '${hint}'?` : known}`, path, opts);
  return null;
}

export function entries<T>(record: Record<string, T> | undefined): Array<[string, T]> {
  return Object.entries(record ?? {});
}
