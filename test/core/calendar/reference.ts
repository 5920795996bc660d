// A brute-force business calendar for checking the compiled one. It shares no code with core/calendar: it steps
// through time in fixed steps, converts every step with Temporal to a local date and wall time, and applies the
// spec's rules to that step directly. Slow on purpose; only the per-step answers are memoised.
import { Temporal } from 'temporal-polyfill';
import type { CalendarSpec } from '../../../core/calendar/index.ts';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function seconds(text: string): number {
  const [h, m, s] = text.split(':').map(Number);
  return h! * 3600 + m! * 60 + (s ?? 0);
}

export class TooFar extends Error {}

interface Rules {
  holiday: boolean;
  /** 24x7 and no override on this date. */
  always: boolean;
  open: Array<[number, number]>;
  closed: Array<[number, number]>;
}

/** The result of a reference walk, or undefined when it would take more than the step budget. */
export function affordable<T>(walk: () => T): T | undefined {
  try {
    return walk();
  } catch (err) {
    if (err instanceof TooFar) return undefined;
    throw err;
  }
}

export class Reference {
  readonly step: number;
  private readonly zone: string;
  private readonly spec: CalendarSpec;
  private readonly holidays: Set<string>;
  private readonly open = new Map<number, boolean>();
  private readonly resolved = new Map<string, number>();
  private readonly rules = new Map<string, Rules>();

  /** Walks longer than `maxSteps` steps throw TooFar, so a test can skip a case the brute force cannot afford. */
  private readonly maxSteps: number;

  constructor(spec: CalendarSpec, step = 60_000, maxSteps = Infinity) {
    this.maxSteps = maxSteps;
    this.spec = spec;
    this.zone = spec.timeZone;
    this.step = step;
    this.holidays = new Set((spec.holidays ?? []).map((h) => (typeof h === 'string' ? h : h.date)));
  }

  /** Instant of a wall time on a local date, Temporal "compatible"; "24:00" is the next day's midnight. */
  private at(date: Temporal.PlainDate, clock: string): number {
    const key = `${date.toString()} ${clock}`;
    let t = this.resolved.get(key);
    if (t === undefined) {
      const secs = seconds(clock);
      const day = secs === 86_400 ? date.add({ days: 1 }) : date;
      const rest = secs % 86_400;
      const time = new Temporal.PlainTime(Math.floor(rest / 3600), Math.floor(rest / 60) % 60, rest % 60);
      t = day.toPlainDateTime(time).toZonedDateTime(this.zone, { disambiguation: 'compatible' }).epochMilliseconds;
      this.resolved.set(key, t);
    }
    return t;
  }

  private hoursOn(date: Temporal.PlainDate): Array<[string, string]> {
    const key = date.toString();
    if (this.holidays.has(key)) return [];
    const override = this.spec.overrides?.[key];
    if (override) return override;
    // 24x7 is "open at every instant of a date without override", checked in compute(), not an interval.
    if (this.spec.hours === '24x7') return [];
    return this.spec.hours[DAYS[date.dayOfWeek - 1]!] ?? [];
  }

  isHoliday(t: number): boolean {
    return this.holidays.has(Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(this.zone).toPlainDate().toString());
  }

  isOpen(t: number): boolean {
    let v = this.open.get(t);
    if (v === undefined) {
      if (this.open.size >= this.maxSteps) throw new TooFar();
      v = this.compute(t);
      this.open.set(t, v);
    }
    return v;
  }

  private compute(t: number): boolean {
    const zdt = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(this.zone);
    const rules = this.rulesFor(zdt.toPlainDate());
    if (rules.holiday) return false;
    const inside = rules.always || rules.open.some(([s, e]) => s <= t && t < e);
    return inside && !rules.closed.some(([s, e]) => s <= t && t < e);
  }

  /**
   * The rules that can apply to an instant whose local date is `date`, as instants. A wall time resolved through
   * a DST gap can land on the next local date, so the neighbouring dates' intervals are included too.
   */
  private rulesFor(date: Temporal.PlainDate): Rules {
    const key = date.toString();
    let rules = this.rules.get(key);
    if (!rules) {
      const near = [date.subtract({ days: 1 }), date, date.add({ days: 1 })];
      rules = {
        holiday: this.holidays.has(key),
        always: this.spec.hours === '24x7' && this.spec.overrides?.[key] === undefined,
        open: near.flatMap((d) => this.hoursOn(d).map(([s, e]): [number, number] => [this.at(d, s), this.at(d, e)])),
        closed: near.flatMap((d) => (this.spec.closures?.[d.toString()] ?? []).map(([s, e]): [number, number] => [this.at(d, s), this.at(d, e)])),
      };
      this.rules.set(key, rules);
    }
    return rules;
  }

  elapsed(from: number, to: number): number {
    let sum = 0;
    for (let t = from; t < to; t += this.step) if (this.isOpen(t)) sum += this.step;
    return sum;
  }

  nextOpen(t: number): number {
    while (!this.isOpen(t)) t += this.step;
    return t;
  }

  add(from: number, ms: number): number {
    let t = from;
    for (let left = ms; left > 0; t += this.step) if (this.isOpen(t)) left -= this.step;
    return this.nextOpen(t);
  }

  subtract(from: number, ms: number): number {
    let t = from;
    if (ms === 0) {
      // Inside a segment or exactly at its close: stay. Otherwise back to the previous close.
      while (!this.isOpen(t) && !this.isOpen(t - this.step)) t -= this.step;
      return t;
    }
    for (let left = ms; left > 0; ) {
      t -= this.step;
      if (this.isOpen(t)) left -= this.step;
    }
    return t;
  }

  addBusinessDays(from: number, days: number): number {
    if (days === 0) return this.nextOpen(from);
    const zdt = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(this.zone);
    let date = zdt.toPlainDate();
    for (let k = 0; k < days; ) {
      date = date.add({ days: 1 });
      const weekly = this.spec.hours === '24x7' ? [['00:00', '24:00']] : this.spec.hours[DAYS[date.dayOfWeek - 1]!] ?? [];
      if (weekly.length > 0 && !this.holidays.has(date.toString())) k++;
    }
    const target = date.toPlainDateTime(zdt.toPlainTime()).toZonedDateTime(this.zone, { disambiguation: 'compatible' });
    return this.nextOpen(target.epochMilliseconds);
  }
}
