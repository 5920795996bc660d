// QBR report over a generated export of 1,000,000 tickets (generic CSV with the example engagement's acme-portal
// mapping: ISO times with offsets, priorities 1-4, statuses as the portal words them). The floor, measured in the
// same run: papaparse streaming the same file with nothing done per row. Issue target: report / parse ≤ 2. Between
// them, the least work any report of the file must add (timestamps and lookups, see leastWork) and reading the
// export into records alone, so the note can say what reading and what the clocks cost.
// Peak memory: rss and heap sampled every 20 ms during each phase, after a full GC, so each phase's peak is its own.
// REPORT_BENCH_TICKETS sets the ticket count (quick runs: 100000), REPORT_BENCH_ROUNDS the rounds (5).
// Both phases run a production build of report-entry.ts (vite, as the CLI is built: SSR bundle, papaparse inlined),
// not the TypeScript sources: the bench runner is tsx, whose keepNames wraps every closure in a __name() call the
// shipped code does not have. REPORT_BENCH_SOURCE=1 measures the sources through tsx instead (labelled so).
import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type PapaType from 'papaparse';
import { compileCalendar } from '../../core/calendar/index.ts';
import { parseEngagement, type Engagement } from '../../core/engagement/index.ts';
import { prng } from './prng.ts';

const N = Number(process.env.REPORT_BENCH_TICKETS ?? 1_000_000);
const ROUNDS = Number(process.env.REPORT_BENCH_ROUNDS ?? 5);
const H = 3_600_000;
const START = Date.parse('2026-01-01T00:00:00-05:00');
const SPAN = 180 * 24 * H;
// The report's "now": the end of the export's period, so the last days' tickets are still open, as in a real export.
const NOW = START + SPAN;
const CATEGORIES = ['Network', 'ERP access', 'Hardware', 'Software', 'Password reset', 'Printing'];
// A business day of the acme business calendar (08:00-18:00), to turn the `bd` targets into business time.
const BUSINESS_DAY = 10 * H;

// The runner does not pass --expose-gc; V8 hands out gc() to a new context once the flag is set at run time.
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function iso(at: number): string {
  // New York standard time offset throughout: the bench measures parsing, not DST (the clock tests cover that).
  return new Date(at - 5 * H).toISOString().replace('Z', '-05:00');
}

/**
 * Response and resolution times drawn around the joint SLA's targets, in business time of the target's calendar:
 * an exponential with P(over target) = 10 %, so attainment is about 90 % as in a real contract, not all breaches.
 */
function generate(file: string, engagement: Engagement): void {
  const rnd = prng(8);
  const targets = engagement.sla.joint!.targets;
  const calendars = new Map<string, ReturnType<typeof compileCalendar>>();
  const calendar = (id: string) => {
    let cal = calendars.get(id);
    if (!cal) calendars.set(id, (cal = compileCalendar(engagement.calendars[id]!)));
    return cal;
  };
  const businessMs = (d: { ms: number } | { businessDays: number }) => ('ms' in d ? d.ms : d.businessDays * BUSINESS_DAY);
  const around = (target: number) => Math.floor((-Math.log(1 - rnd()) / Math.LN10) * target);
  const fd = openSync(file, 'w');
  let chunk = 'id,created,priority,status,organization,category,assignee,firstResponse,resolved,reopens\n';
  for (let i = 0; i < N; i++) {
    const created = START + Math.floor(rnd() * SPAN / 60_000) * 60_000;
    const priority = 1 + Math.floor(rnd() * 4);
    const target = targets[`P${priority}`]!;
    const cal = calendar(target.calendar);
    const response = cal.add(created, around(businessMs(target.metrics.first_response!)));
    const resolved = cal.add(response, around(businessMs(target.metrics.resolution!)));
    const done = resolved <= NOW;
    const status = done ? (rnd() < 0.5 ? 'Resolved' : 'Closed') : rnd() < 0.7 ? 'Open' : 'Waiting on requester';
    const reopens = done && rnd() < 0.05 ? 1 : 0;
    chunk += `${100000 + i},${iso(created)},${priority},${status},Acme Corp,${CATEGORIES[i % CATEGORIES.length]},tech${i % 17},${response <= NOW ? iso(response) : ''},${done ? iso(resolved) : ''},${reopens}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

interface Phase<T> {
  ms: number;
  /** CPU time of the process (every thread: GC helpers, file reads) during the phase. */
  cpu: number;
  rss: number;
  heap: number;
  value: T;
}

async function measure<T>(fn: () => Promise<T>): Promise<Phase<T>> {
  gc();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 20);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  clearInterval(timer);
  sample();
  return { ms, cpu: (c.user + c.system) / 1000, rss, heap, value };
}

type Engine = typeof import('./report-entry.ts');

/**
 * The engine as shipped: report-entry.ts bundled into `dir` with the CLI's build settings. The build runs in a
 * child process so that vite's own heap and threads are not in the measured process.
 */
function productionEngine(dir: string): Promise<Engine> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const config = {
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { noExternal: true },
    build: {
      ssr: fileURLToPath(new URL('./report-entry.ts', import.meta.url)),
      outDir: dir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { entryFileNames: 'report-entry.mjs' } },
    },
  };
  execFileSync(process.execPath, ['--input-type=module', '-e', `import { build } from 'vite'; await build(${JSON.stringify(config)});`], { cwd: root, stdio: 'inherit' });
  return import(pathToFileURL(join(dir, 'report-entry.mjs')).href) as Promise<Engine>;
}

function parseOnly(Papa: typeof PapaType, file: string, each?: (rows: string[][]) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(file, 'utf8') as unknown as PapaType.LocalFile, {
      header: false,
      skipEmptyLines: true,
      chunk: (r: PapaType.ParseResult<string[]>) => {
        rows += r.data.length;
        each?.(r.data);
      },
      complete: () => resolve(rows),
      error: reject,
    } as PapaType.ParseLocalConfig<string[], PapaType.LocalFile>);
  });
}

/**
 * The phase of median time, with the first round's peaks: memory does not vary with the load, and later rounds
 * start with the pages earlier phases left resident (rss does not shrink after a GC), which are not theirs.
 */
function median<T>(phases: Array<Phase<T>>): Phase<T> {
  const mid = [...phases].sort((a, b) => a.ms - b.ms)[phases.length >> 1]!;
  return { ...mid, rss: phases[0]!.rss, heap: phases[0]!.heap };
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const perRow = (ms: number) => `${((ms * 1000) / N).toFixed(2)} µs/ticket`;

export default async function report(): Promise<void> {
  const parsed = parseEngagement(readFileSync(new URL('../../examples/acme-ost.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('examples/acme-ost.yaml does not parse');
  const engagement = parsed.engagement;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-report-'));
  const file = join(dir, 'tickets.csv');
  try {
    generate(file, engagement);
    const fromSource = process.env.REPORT_BENCH_SOURCE === '1';
    const { Papa, readExport, buildReport, RECORD_BATCHES, TimeParser } = fromSource ? await import('./report-entry.ts') : await productionEngine(join(dir, 'build'));
    console.log(`${N.toLocaleString('en')} tickets, ${mb(statSync(file).size)} of CSV; code: ${fromSource ? 'TypeScript sources through tsx (keepNames)' : 'production build (vite SSR bundle)'}`);
    // Reading alone (CSV, timestamps, records), taken a batch at a time as buildReport takes them: what the
    // report adds on top of it is the clocks and the KPIs.
    const readOnly = async () => {
      const reading = readExport('generic', { name: 'tickets.csv', text: createReadStream(file, 'utf8') });
      const batches = (reading.records as unknown as Record<symbol, () => AsyncIterable<unknown[]>>)[RECORD_BATCHES]!.call(reading.records);
      let records = 0;
      for await (const batch of batches) records += batch.length;
      return records;
    };
    // What any report of this file must do on top of the parse, and nothing more: per row, the three timestamps
    // parsed (by the engine's parser) and the priority, status and category looked up; two durations kept. No
    // records, no routing, no clocks, no KPIs. It is the part of the target the parse leaves to the report.
    const leastWork = () => {
      const times = new TimeParser(undefined);
      const word = (xs: string[]) => new Map(xs.map((x, i) => [x, i]));
      const priorities = word(['1', '2', '3', '4']);
      const statuses = word(['Open', 'Waiting on requester', 'Resolved', 'Closed']);
      const categories = word(CATEGORIES);
      const response = new Float64Array(N);
      const resolution = new Float64Array(N);
      let n = 0;
      let looked = 0;
      return parseOnly(Papa, file, (rows) => {
        for (const row of rows) {
          if (row[0] === 'id') continue;
          const created = times.parse(row[1]!);
          response[n] = row[7] === '' ? NaN : times.parse(row[7]!) - created;
          resolution[n++] = row[8] === '' ? NaN : times.parse(row[8]!) - created;
          looked += priorities.get(row[2]!)! + statuses.get(row[3]!)! + categories.get(row[5]!)!;
        }
      }).then((rows) => {
        // Every lookup must hit, or this would time less than it says.
        if (Number.isNaN(looked)) throw new Error('least work: a priority, status or category was not found');
        return rows;
      });
    };
    const report = () => {
      const reading = readExport('generic', { name: 'tickets.csv', text: createReadStream(file, 'utf8') });
      return buildReport(engagement, reading.records, { helpdesk: 'acme-portal', now: NOW, reading, listLimit: 1000 });
    };
    // The phases take turns, ROUNDS times: a neighbour's burst on this shared machine then slows one round of each
    // rather than one phase, and the medians are compared.
    const floors: Array<Phase<number>> = [];
    const reads: Array<Phase<number>> = [];
    const leasts: Array<Phase<number>> = [];
    const fulls: Array<Phase<Awaited<ReturnType<typeof report>>>> = [];
    for (let round = 0; round < ROUNDS; round++) {
      floors.push(await measure(() => parseOnly(Papa, file)));
      leasts.push(await measure(leastWork));
      reads.push(await measure(readOnly));
      fulls.push(await measure(report));
    }
    const floor = median(floors);
    const read = median(reads);
    const least = median(leasts);
    const full = median(fulls);
    const r = full.value;
    const joint = r.policies.filter((p) => p.policy === 'joint' && p.month === 'all').flatMap((p) => p.metrics);
    const met = joint.reduce((n, m) => n + m.met, 0);
    const breached = joint.reduce((n, m) => n + m.breached, 0);
    console.log(`parse only (floor): ${seconds(floor.ms)}, ${perRow(floor.ms)}, ${floor.value.toLocaleString('en')} rows, peak rss ${mb(floor.rss)}, heap ${mb(floor.heap)}`);
    console.log(`least work:         ${seconds(least.ms)}, ${perRow(least.ms)} (${(least.ms / floor.ms).toFixed(2)} × the floor): the parse, three timestamps and three lookups a row, nothing kept but two durations`);
    console.log(`read into records:  ${seconds(read.ms)}, ${perRow(read.ms)}, ${read.value.toLocaleString('en')} records, peak rss ${mb(read.rss)}, heap ${mb(read.heap)} (${(read.ms / floor.ms).toFixed(2)} × the floor)`);
    console.log(`full report:        ${seconds(full.ms)}, ${perRow(full.ms)}, ${r.counts.inPeriod.toLocaleString('en')} tickets, peak rss ${mb(full.rss)}, heap ${mb(full.heap)}`);
    console.log(`  clocks met ${met.toLocaleString('en')}, breached ${breached.toLocaleString('en')} (attainment ${((met / (met + breached)) * 100).toFixed(1)} %)`);
    console.log(`ratio report / parse: ${(full.ms / floor.ms).toFixed(2)} (target ≤ 2); clocks and KPIs add ${((full.ms - read.ms) / floor.ms).toFixed(2)} × the floor to reading`);
    console.log(`  medians of ${ROUNDS} rounds; report / parse in each round: ${fulls.map((f, i) => (f.ms / floors[i]!.ms).toFixed(2)).join(', ')}`);
    // CPU time does not count the time a neighbour on a shared machine holds the core, which wall time does.
    const cpu = (phases: Array<Phase<unknown>>) => [...phases].sort((a, b) => a.cpu - b.cpu)[phases.length >> 1]!.cpu;
    console.log(`  in CPU time (medians): report / parse ${(cpu(fulls) / cpu(floors)).toFixed(2)}, least work / parse ${(cpu(leasts) / cpu(floors)).toFixed(2)}, read / parse ${(cpu(reads) / cpu(floors)).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
