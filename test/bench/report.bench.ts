// QBR report over a generated export of 1,000,000 tickets (generic CSV with the example engagement's acme-portal
// mapping: ISO times with offsets, priorities 1-4, statuses as the portal words them). The floor, measured in the
// same run: papaparse streaming the same file with nothing done per row. Issue target: report / parse ≤ 2.
// Peak memory: rss and heap sampled every 20 ms during each phase.
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseEngagement } from '../../core/engagement/index.ts';
import { buildReport, readExport } from '../../core/report/index.ts';
import { prng } from './prng.ts';

const N = Number(process.env.REPORT_BENCH_TICKETS ?? 1_000_000);
const H = 3_600_000;
const START = Date.parse('2026-01-01T00:00:00-05:00');
const SPAN = 180 * 24 * H;
const CATEGORIES = ['Network', 'ERP access', 'Hardware', 'Software', 'Password reset', 'Printing'];
const STATUSES = ['Resolved', 'Closed', 'Resolved', 'Closed', 'Open', 'Waiting on requester'];

function iso(at: number): string {
  // New York standard time offset throughout: the bench measures parsing, not DST (the clock tests cover that).
  return new Date(at - 5 * H).toISOString().replace('Z', '-05:00');
}

function generate(file: string): void {
  const rnd = prng(8);
  const parts: string[] = ['id,created,priority,status,organization,category,assignee,firstResponse,resolved,reopens\n'];
  let size = 0;
  let chunk = '';
  for (let i = 0; i < N; i++) {
    const created = START + Math.floor(rnd() * SPAN / 60_000) * 60_000;
    const priority = 1 + Math.floor(rnd() * 4);
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
    const response = created + Math.floor(rnd() * 6 * H);
    const done = status === 'Resolved' || status === 'Closed';
    const resolved = done ? response + Math.floor(rnd() * 72 * H) : '';
    chunk += `${100000 + i},${iso(created)},${priority},${status},Acme Corp,${CATEGORIES[i % CATEGORIES.length]},tech${i % 17},${iso(response)},${resolved === '' ? '' : iso(resolved)},${rnd() < 0.05 ? 1 : 0}\n`;
    if (chunk.length > 1 << 20) {
      parts.push(chunk);
      size += chunk.length;
      chunk = '';
    }
  }
  parts.push(chunk);
  writeFileSync(file, parts.join(''));
  void size;
}

async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; rss: number; heap: number; value: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  sample();
  return { ms, rss, heap, value };
}

function parseOnly(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse(createReadStream(file, 'utf8') as unknown as Papa.LocalFile, {
      header: false,
      skipEmptyLines: true,
      chunk: (r: Papa.ParseResult<string[]>) => {
        rows += r.data.length;
      },
      complete: () => resolve(rows),
      error: reject,
    } as Papa.ParseLocalConfig<string[], Papa.LocalFile>);
  });
}

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

export default async function report(): Promise<void> {
  const parsed = parseEngagement(readFileSync(new URL('../../examples/acme-ost.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('examples/acme-ost.yaml does not parse');
  const engagement = parsed.engagement;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-report-'));
  const file = join(dir, 'tickets.csv');
  try {
    generate(file);
    console.log(`${N.toLocaleString('en')} tickets, ${mb(statSync(file).size)} of CSV`);
    const floor = await measure(() => parseOnly(file));
    const full = await measure(async () => {
      const reading = readExport('generic', { name: 'tickets.csv', text: createReadStream(file, 'utf8') });
      return buildReport(engagement, reading.records, { helpdesk: 'acme-portal', now: START + SPAN + 30 * 24 * H, reading, listLimit: 1000 });
    });
    const r = full.value;
    console.log(`parse only (floor): ${(floor.ms / 1000).toFixed(2)} s, ${floor.value.toLocaleString('en')} rows, peak rss ${mb(floor.rss)}, heap ${mb(floor.heap)}`);
    console.log(`full report:        ${(full.ms / 1000).toFixed(2)} s, ${r.counts.inPeriod.toLocaleString('en')} tickets, ${r.breaches.total.toLocaleString('en')} breaches, peak rss ${mb(full.rss)}, heap ${mb(full.heap)}`);
    console.log(`ratio report / parse: ${(full.ms / floor.ms).toFixed(2)} (target ≤ 2)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
