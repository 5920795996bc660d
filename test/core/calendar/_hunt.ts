import fc from 'fast-check';
import { compileCalendar } from '../../../core/calendar/index.ts';
import { amountFor, calendarCase, fraction } from './arbitraries.ts';
import { Reference } from './reference.ts';
const iso = (t: number) => new Date(t).toISOString();
const out = fc.check(fc.property(calendarCase(), fraction, ({ spec, anchor }, frac) => {
  const x = amountFor(spec, frac) * 60000;
  const a = compileCalendar(spec).add(anchor, x), b = new Reference(spec).add(anchor, x);
  if (a !== b) { console.log(JSON.stringify(spec), iso(anchor), x / 60000, 'ours', iso(a), 'ref', iso(b)); return false; }
  return true;
}), { numRuns: 3000 });
console.log(out.failed, out.counterexample && JSON.stringify(out.counterexample));
