// Business-calendar throughput: ours against moment-business-time (the most used JS peer) and against the floor,
// a bare binary search over the same precomputed intervals. Same hours, holidays and zone for all three.
import { createRequire } from 'node:module';
import { compileCalendar, type CalendarSpec } from '../../core/calendar/index.ts';
import { prng } from './prng.ts';

const ZONE = 'America/New_York';
const HOURS: [string, string][] = [['08:00', '18:00']];
// US federal holidays (observed dates) for 2025 and 2026.
const HOLIDAYS = [
  '2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13',
  '2025-11-11', '2025-11-27', '2025-12-25', '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19',
  '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
];
const SPEC: CalendarSpec = {
  timeZone: ZONE,
  hours: { mon: HOURS, tue: HOURS, wed: HOURS, thu: HOURS, fri: HOURS },
  holidays: HOLIDAYS,
  closures: {
    '2025-03-14': [['12:00', '18:00']],
    '2025-08-22': [['08:00', '10:30']],
    '2025-12-24': [['13:00', '18:00']],
    '2026-04-03': [['09:00', '11:00'], ['14:00', '15:00']],
    '2026-12-24': [['13:00', '18:00']],
  },
};
const FROM = Date.parse('2025-01-01T00:00:00-05:00');
const TO = Date.parse('2027-01-01T00:00:00-05:00');
const N = 1_000_000;
const MINUTE = 60_000;

function inputs(n: number, seed: number) {
  const rnd = prng(seed);
  const at = new Float64Array(n);
  const ms = new Float64Array(n);
  const to = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    at[i] = FROM + Math.floor(rnd() * ((TO - FROM) / MINUTE)) * MINUTE;
    ms[i] = Math.floor(rnd() * 40 * 60) * MINUTE; // up to 40 business hours, a typical resolution target
    to[i] = at[i]! + Math.floor(rnd() * 30 * 24 * 60) * MINUTE; // up to 30 days later
  }
  return { at, ms, to };
}

/** The floor: the same arithmetic as a plain function over typed arrays, no checks, no horizon. */
function floorOf(periods: Array<[number, number]>) {
  const n = periods.length;
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  const cum = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) {
    starts[k] = periods[k]![0];
    ends[k] = periods[k]![1];
    cum[k + 1] = cum[k]! + ends[k]! - starts[k]!;
  }
  const before = (t: number): number => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && t > starts[lo]! ? cum[lo]! + t - starts[lo]! : cum[lo]!;
  };
  return {
    add(at: number, ms: number): number {
      const target = before(at) + ms;
      let lo = 0;
      let hi = n + 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cum[mid]! <= target) lo = mid + 1;
        else hi = mid;
      }
      return starts[lo - 1]! + target - cum[lo - 1]!;
    },
    elapsed(from: number, to: number): number {
      return to <= from ? 0 : before(to) - before(from);
    },
  };
}

function time(label: string, n: number, body: () => number): number {
  const t0 = performance.now();
  const check = body();
  const ms = performance.now() - t0;
  const ops = (n / ms) * 1000;
  console.log(`${label.padEnd(34)} ${fmt(ops).padStart(14)} ops/s  (${n.toLocaleString('en-US')} calls, ${ms.toFixed(0)} ms, check ${check})`);
  return ops;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

export default async function calendarBench(): Promise<void> {
  const { at, ms, to } = inputs(N, 42);
  console.log(`node ${process.versions.node}, tz ${process.versions.tz ?? '?'}; ${ZONE} mon-fri 08:00-18:00, ${HOLIDAYS.length} holidays, 5 closures; instants over 2025-2026`);

  const cal = compileCalendar(SPEC);
  // Warm the horizon so compile cost is measured separately below, not inside the query loops.
  cal.elapsed(FROM - 60 * 86_400_000, TO + 90 * 86_400_000);
  const floor = floorOf(cal.periods(FROM - 60 * 86_400_000, TO + 90 * 86_400_000));

  const results: Record<string, number> = {};
  for (let round = 0; round < 2; round++) {
    // Round 0 warms the JIT for every contender; round 1 is reported.
    const say = round === 1;
    const log = say ? time : (_l: string, _n: number, body: () => number) => (body(), 0);
    results.oursAdd = log('ours      add', N, () => { let s = 0; for (let i = 0; i < N; i++) s = (s + cal.add(at[i]!, ms[i]!) / MINUTE) % 1e9; return s; });
    results.floorAdd = log('floor     add', N, () => { let s = 0; for (let i = 0; i < N; i++) s = (s + floor.add(at[i]!, ms[i]!) / MINUTE) % 1e9; return s; });
    results.oursElapsed = log('ours      elapsed', N, () => { let s = 0; for (let i = 0; i < N; i++) s = (s + cal.elapsed(at[i]!, to[i]!) / MINUTE) % 1e9; return s; });
    results.floorElapsed = log('floor     elapsed', N, () => { let s = 0; for (let i = 0; i < N; i++) s = (s + floor.elapsed(at[i]!, to[i]!) / MINUTE) % 1e9; return s; });
  }

  // Same answers from ours and the floor, or the comparison means nothing.
  for (let i = 0; i < 10_000; i++) {
    if (cal.add(at[i]!, ms[i]!) !== floor.add(at[i]!, ms[i]!) || cal.elapsed(at[i]!, to[i]!) !== floor.elapsed(at[i]!, to[i]!)) {
      throw new Error(`ours and floor disagree at input ${i}`);
    }
  }

  const peer = peerCalendar();
  // The peer is too slow for a million calls in a bench run: time a sample and scale to ops/s.
  const PEER_N = 5_000;
  peer.add(at[0]!, ms[0]!);
  results.peerAdd = time('moment-business-time add', PEER_N, () => { let s = 0; for (let i = 0; i < PEER_N; i++) s = (s + peer.add(at[i]!, ms[i]!) / MINUTE) % 1e9; return s; });
  const PEER_DIFF_N = 2_000;
  results.peerElapsed = time('moment-business-time workingDiff', PEER_DIFF_N, () => { let s = 0; for (let i = 0; i < PEER_DIFF_N; i++) s = (s + peer.elapsed(at[i]!, to[i]!) / MINUTE) % 1e9; return s; });
  let agree = 0;
  for (let i = 0; i < 2000; i++) if (peer.add(at[i]!, ms[i]!) === cal.add(at[i]!, ms[i]!)) agree++;

  const r = results as Record<'oursAdd' | 'floorAdd' | 'oursElapsed' | 'floorElapsed' | 'peerAdd' | 'peerElapsed', number>;
  console.log('');
  console.log(`add:     ours/peer throughput ${(r.oursAdd / r.peerAdd).toFixed(0)}x (target >= 50x), ours/floor time ${(r.floorAdd / r.oursAdd).toFixed(2)}x (target <= 3x)`);
  console.log(`elapsed: ours/peer throughput ${(r.oursElapsed / r.peerElapsed).toFixed(0)}x (target >= 50x), ours/floor time ${(r.floorElapsed / r.oursElapsed).toFixed(2)}x (target <= 3x)`);
  console.log(`peer add agrees with ours on ${agree} of 2000 inputs (it has no closures and returns the close, not the next opening)`);

  const compiles: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const fresh = compileCalendar(SPEC);
    fresh.elapsed(Date.parse('2025-01-01T00:00:00Z'), Date.parse('2035-01-01T00:00:00Z'));
    compiles.push(performance.now() - t0);
  }
  compiles.sort((a, b) => a - b);
  console.log(`compile + ten-year horizon (2025-2034): median ${compiles[2]!.toFixed(1)} ms, first ${compiles[0]!.toFixed(1)}..${compiles[4]!.toFixed(1)} ms over 5 fresh calendars`);
}

/** moment-business-time configured like SPEC (closures cannot be expressed), computing in ZONE via moment-timezone. */
function peerCalendar() {
  const require = createRequire(import.meta.url);
  const moment = require('moment-timezone');
  require('moment-business-time');
  const day = ['08:00:00', '18:00:00'];
  moment.updateLocale('en', {
    workinghours: { 0: null, 1: day, 2: day, 3: day, 4: day, 5: day, 6: null },
    holidays: HOLIDAYS,
  });
  return {
    add: (at: number, ms: number): number => moment.tz(at, ZONE).addWorkingTime(ms / MINUTE, 'minutes').valueOf(),
    elapsed: (from: number, to: number): number => moment.tz(to, ZONE).workingDiff(moment.tz(from, ZONE), 'milliseconds'),
  };
}
