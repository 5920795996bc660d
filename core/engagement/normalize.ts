// Expands what a person writes (shorthands, ranges of days, '24x7', phone text, durations) into the stored form.
// Runs only on a file that passed the shape and the cross checks, so parsers here cannot fail.
import { WEEKDAYS, expandWeekdays, parseDuration, parseInterval, parsePercent, parsePhone, parseShift } from './formats.ts';
import type { CalendarInput, ConditionInput, ContactInput, EngagementFile, IntervalInput, StepInput } from './schema.ts';
import type {
  ActivityRule, Calendar, ClockInterval, Condition, ContactMethod, Engagement, EscalationStep, PhoneNumber, Raci,
  Role, SlaTarget, Target, Weekday,
} from './types.ts';

export function normalize(file: EngagementFile): Engagement {
  const zone = file.engagement.timeZone;
  const kindOf = (id: string) => (file.people?.[id] ? 'person' : 'party');
  const step = (s: StepInput): EscalationStep => ({ afterMs: ms(s.after), notify: s.notify.map((t) => target(t, kindOf)), say: s.say });
  const mapValues = <T, U>(record: Record<string, T> | undefined, fn: (value: T, key: string) => U): Record<string, U> =>
    Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k, fn(v, k)]));

  return {
    tandem: 1,
    engagement: {
      ...file.engagement,
      version: file.engagement.version === undefined ? undefined : String(file.engagement.version),
      approvedBy: file.engagement.approvedBy ?? [],
      documents: file.engagement.documents ?? [],
    },
    parties: mapValues(file.parties, (p) => ({
      ...p,
      timeZone: p.timeZone ?? zone,
      hotline: p.hotline === undefined ? undefined : phone(p.hotline),
      helpdeskIds: p.helpdeskIds ?? {},
      support: p.support && { ...p.support, phone: p.support.phone === undefined ? undefined : phone(p.support.phone), circuits: p.support.circuits ?? [] },
    })),
    people: mapValues(file.people, (p) => ({
      ...p,
      roles: p.roles ?? [],
      authority: p.authority ?? [],
      timeZone: p.timeZone ?? file.parties[p.party]?.timeZone ?? zone,
      contact: (p.contact ?? []).map(contactMethod),
    })),
    calendars: mapValues(file.calendars, (c) => calendar(c, zone)),
    priorities: mapValues(file.priorities, (p, key) => ({ ...p, examples: p.examples ?? [], rank: Object.keys(file.priorities).indexOf(key) })),
    priorityMatrix: file.priorityMatrix,
    activities: mapValues(file.activities, (a) => ({
      ...a,
      raci: raci(a.raci, a.owner),
      afterHours: a.afterHours && { calendar: a.afterHours.calendar, raci: raci(a.afterHours.raci) },
      evidence: a.evidence ?? [],
      owner: undefined,
    })),
    sla: mapValues(file.sla, (s) => ({
      ...s,
      appliesTo: s.appliesTo ?? {},
      start: s.start ?? 'created',
      pauseWhen: s.pauseWhen ?? [],
      reopen: s.reopen ?? 'resume',
      warnAt: (s.warnAt ?? []).map(parsePercent).sort((a, b) => a - b),
      goal: s.goal === undefined ? undefined : parsePercent(s.goal),
      targets: mapValues(s.targets, ({ calendar, ...metrics }): SlaTarget => ({
        calendar,
        metrics: mapValues(metrics as Record<string, string | undefined>, (d) => parseDuration(d!)),
      })),
    })),
    oncall: mapValues(file.oncall, (s) => ({
      ...s,
      timeZone: s.timeZone ?? zone,
      layers: s.layers.map((l) => ({
        ...l,
        shift: parseShift(l.shift)!,
        active: l.active?.map((w) => ({ days: expandWeekdays(w.days)!, from: w.from, to: w.to })),
      })),
      overrides: s.overrides ?? [],
    })),
    escalation: mapValues(file.escalation, (e) => ({
      ...e,
      appliesTo: e.appliesTo ?? {},
      clock: e.clock ?? 'wall',
      steps: e.steps.map(step),
      afterHours: e.afterHours?.map(step),
      repeat: e.repeat && { times: e.repeat.times, everyMs: e.repeat.every === undefined ? undefined : ms(e.repeat.every) },
    })),
    helpdesks: (file.helpdesks ?? []).map((h, i) => ({
      ...h,
      id: h.id ?? `${h.type}-${i + 1}`,
      origin: new URL(h.url).origin,
      match: conditions(h.match),
      statuses: h.statuses ?? {},
      activities: h.activities.map((r): ActivityRule => ('default' in r ? { default: r.default } : { ...r, when: conditions(r.when) })),
      fields: h.fields ?? {},
    })),
    runbooks: mapValues(file.runbooks, (r) => ({ ...r, activities: r.activities ?? [], triggers: r.triggers ?? [] })),
  };
}

export function phone(text: string): PhoneNumber {
  return { ...parsePhone(text)!, display: text };
}

function contactMethod(c: ContactInput): ContactMethod {
  const common = { label: c.label, hours: c.hours, note: c.note };
  if (c.phone !== undefined) return { type: 'phone', ...phone(c.phone), ...common };
  if (c.sms !== undefined) return { type: 'sms', ...phone(c.sms), ...common };
  if (c.email !== undefined) return { type: 'email', address: c.email, ...common };
  if (c.teams !== undefined) return { type: 'teams', address: c.teams, ...common };
  if (c.slack !== undefined) return { type: 'slack', ...c.slack, ...common };
  return { type: 'url', url: c.url!, ...common };
}

function interval(value: IntervalInput): ClockInterval {
  const parsed = parseInterval(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return [parsed.start, parsed.end];
}

export function weeklyHours(hours: Record<string, IntervalInput[]>): Partial<Record<Weekday, ClockInterval[]>> {
  const out: Partial<Record<Weekday, ClockInterval[]>> = {};
  for (const [key, list] of Object.entries(hours)) {
    for (const day of expandWeekdays(key)!) (out[day] ??= []).push(...list.map(interval));
  }
  for (const day of WEEKDAYS) out[day]?.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return out;
}

function calendar(c: CalendarInput, zone: string): Calendar {
  if (c === '24x7') return { timeZone: zone, hours: '24x7', holidays: [], overrides: {}, closures: {} };
  const dates = (r: Record<string, IntervalInput[]> | undefined) =>
    Object.fromEntries(Object.entries(r ?? {}).map(([d, list]) => [d, list.map(interval)]));
  return {
    name: c.name,
    timeZone: c.timeZone ?? zone,
    hours: c.hours === '24x7' ? '24x7' : weeklyHours(c.hours),
    holidays: (c.holidays ?? []).map((h) => (typeof h === 'string' ? { date: h } : h)),
    overrides: dates(c.overrides),
    closures: dates(c.closures),
  };
}

export function raci(cells: Record<string, string> | undefined, owner?: string): Raci {
  const out: Raci = {};
  const add = (party: string, role: Role) => {
    const roles = (out[party] ??= []);
    if (!roles.includes(role)) roles.push(role);
  };
  if (owner !== undefined) {
    add(owner, 'R');
    add(owner, 'A');
  }
  for (const [party, cell] of Object.entries(cells ?? {})) {
    for (const letter of cell.toUpperCase()) add(party, letter as Role);
  }
  return out;
}

export function conditions(input: Record<string, ConditionInput> | undefined): Condition[] {
  const out: Condition[] = [];
  for (const [field, value] of Object.entries(input ?? {})) {
    if (typeof value === 'string') out.push({ field, op: /[*?]/.test(value) ? 'glob' : 'eq', values: [value] });
    else if (Array.isArray(value)) out.push({ field, op: 'in', values: value });
    else {
      if (value.eq !== undefined) out.push({ field, op: 'eq', values: [value.eq] });
      if (value.in !== undefined) out.push({ field, op: 'in', values: value.in });
      if (value.glob !== undefined) out.push({ field, op: 'glob', values: [value.glob] });
      if (value.regex !== undefined) out.push({ field, op: 'regex', values: [value.regex] });
      if (value.domain !== undefined) out.push({ field, op: 'domain', values: ([] as string[]).concat(value.domain) });
    }
  }
  return out;
}

function ms(text: string): number {
  const d = parseDuration(text);
  return d && 'ms' in d ? d.ms : 0;
}

export function target(text: string, kindOf: (id: string) => 'person' | 'party'): Target {
  return text.startsWith('oncall:') ? { kind: 'oncall', id: text.slice(7) } : { kind: kindOf(text), id: text };
}
