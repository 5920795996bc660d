// Compiled calendars of an engagement, built once per calendar object: branch choice, business-time clocks and
// contact hours all ask the same few calendars many times.
import { type BusinessCalendar, compileCalendar } from '../calendar/index.ts';
import type { Engagement } from '../engagement/types.ts';

const compiled = new WeakMap<object, BusinessCalendar>();

/** The compiled calendar `id` of the engagement, or null when the id names no calendar. */
export function calendarOf(engagement: Pick<Engagement, 'calendars'>, id: string | undefined): BusinessCalendar | null {
  if (id === undefined) return null;
  const spec = engagement.calendars[id];
  if (!spec) return null;
  let cal = compiled.get(spec);
  if (!cal) compiled.set(spec, (cal = compileCalendar(spec)));
  return cal;
}
