// The Report view in real Chromium: the example engagement, a Zendesk export chosen through the view's picker,
// progress from the worker, then figures equal to core's buildReport on the same file in Node, the CSV and PNG
// downloads, axe, no sideways scroll at 360 px, and screenshots (docs/screenshots/pwa-report-<scheme>.png).
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { parseEngagement } from '../../core/index.ts';
import { buildReport, readExport, reportToCsv } from '../../core/report/index.ts';
import { serve, type Server } from '../../scripts/serve.ts';
import { formatViolations, runAxe } from './support/axe.ts';
import { repoRoot } from './support/build.ts';
import { launch } from './support/chromium.ts';
import { exampleText } from './support/pwa.ts';

let server: Server;
beforeAll(async () => {
  server = await serve({ root: inject('pwaBuildA') });
});
afterAll(async () => {
  await server?.close();
});

const ZONE = 'America/New_York';
const small = readFileSync(`${repoRoot}test/fixtures/tickets/zendesk-qbr-small.csv`, 'utf8');

/**
 * The small fixture's rows repeated under new ids until the file has about `rows` tickets: big enough that the
 * worker takes a visible while, so the progress bar can be seen before the charts.
 */
function bigExport(rows: number): string {
  const [header, ...all] = small.trimEnd().split('\n');
  // The bad row (no creation date) stays once: a thousand copies would only make a long problem list.
  const body = all.filter((r) => !r.includes('not a date'));
  const out = [header!, ...all];
  for (let i = 0; out.length <= rows; i++) {
    const row = body[i % body.length]!;
    out.push(row.replace(/^\d+/, String(1000 + i)));
  }
  return `${out.join('\n')}\n`;
}

const CSV = bigExport(8_000);

async function inNode(now: number) {
  const parsed = parseEngagement(exampleText, { fileName: 'acme-ost.yaml', now });
  if (!parsed.ok) throw new Error('the example engagement does not parse');
  const reading = readExport('zendesk', { name: 'tickets.csv', text: CSV }, { exportZone: ZONE });
  const from = Date.parse('2026-01-01T05:00:00Z');
  const to = Date.parse('2026-04-01T04:00:00Z');
  return buildReport(parsed.engagement, reading.records, { now, from, to, helpdeskType: 'zendesk', reading });
}

const percent = (r: number | null) => (r === null ? '–' : `${(r * 100).toFixed(1)} %`);
const shots = `${repoRoot}docs/screenshots`;

for (const scheme of ['light', 'dark'] as const) {
  test(`a ticket export becomes charts, tables and downloads (${scheme})`, async () => {
    const b = await launch({ colorScheme: scheme, bypassCSP: true });
    const page = await b.page();
    await page.goto(server.url);
    await page.getByTestId('try-example').click();
    await page.getByTestId('view-now').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-ok').getByRole('button', { name: 'Dismiss' }).click();
    const toast = page.getByTestId('offline-ready-toast');
    if (await toast.count()) await toast.getByRole('button', { name: 'OK' }).click();

    await page.getByTestId('nav-report').click();
    await page.getByTestId('view-report').waitFor();
    await page.getByTestId('report-from').fill('2026-01-01');
    await page.getByTestId('report-to').fill('2026-03-31');
    const started = Date.now();
    await page.getByTestId('report-picker').setInputFiles({ name: 'tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('report-progress-bar').waitFor({ timeout: 10_000 });
    await page.getByTestId('report-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('report-format').inputValue()).toBe('zendesk');

    // The page evaluated the clocks at its own "now", a moment after `started`; so does Node here.
    const want = await inNode(started);
    expect(await page.getByTestId('report-counts').textContent()).toContain(`${want.counts.inPeriod} in the period`);
    for (const r of want.policies.filter((p) => p.month === 'all')) {
      for (const m of r.metrics) {
        const cells = await page.getByTestId(`att-${r.policy}-${r.priority}-${m.metric}`).locator('td').allTextContents();
        expect(cells.slice(1, 5), `${r.policy} ${r.priority} ${m.metric}`).toEqual([String(m.met), String(m.breached), String(m.open), percent(m.attainment)]);
      }
    }
    const charts = page.locator('[data-testid^="chart-"] svg');
    expect(await charts.count()).toBeGreaterThan(1);
    expect(await page.locator('[data-testid^="chart-"] svg text').first().textContent()).not.toBe('');

    const csvDownload = page.waitForEvent('download');
    await page.getByTestId('report-csv').click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toBe('acme-ost-report-2026-01-01-2026-03-31.csv');
    expect(readFileSync(await csv.path(), 'utf8')).toBe(reportToCsv(want));

    const pngButton = page.locator('[data-testid^="png-attainment-"]').first();
    const pngDownload = page.waitForEvent('download');
    await pngButton.click();
    const png = await pngDownload;
    expect(png.suggestedFilename()).toMatch(/^acme-ost-report-2026-01-01-2026-03-31-attainment-.+\.png$/);
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.length).toBeGreaterThan(2000);

    const violations = await runAxe(page);
    expect(violations, formatViolations(violations)).toEqual([]);
    const noScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(noScroll, 'the report scrolls sideways at 360 px').toBe(true);
    mkdirSync(shots, { recursive: true });
    // The toast can arrive late (the service worker finishes precaching); the screenshot shows the charts.
    if (await toast.count()) await toast.getByRole('button', { name: 'OK' }).click();
    await page.evaluate(() => {
      const h = document.getElementById('report-charts-title')!;
      scrollTo(0, h.getBoundingClientRect().top + scrollY - (document.querySelector('.topbar')?.clientHeight ?? 0) - 8);
    });
    await page.screenshot({ path: `${shots}/pwa-report-${scheme}.png` });
    expect(b.errors).toEqual([]);
    await b.close();
  }, 120_000);
}
