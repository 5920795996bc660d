// @vitest-environment happy-dom
// The Report view with its worker boundary replaced by a runner that calls the worker's own report code in this
// thread (reportFromFile), or one the test steers to pin the progress bar. Figures are checked against the real
// core engine run on the same file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type Engagement, parseEngagement } from '../../core/index.ts';
import { attainmentCharts, chartOptionsFrom, durationCharts } from '../../core/report/charts.ts';
import { buildReport, readExport, reportToCsv } from '../../core/report/index.ts';
import type { Report } from '../../core/report/types.ts';
import { detectFormat, headerCells } from '../../pwa/src/report/format.ts';
import { lastQuarter, periodFrom, reportFileName } from '../../pwa/src/report/period.ts';
import type { ReportRunner } from '../../pwa/src/report/run.ts';
import type { ReportOutcome, ReportProgress, ReportRequest } from '../../pwa/src/report/types.ts';
import { ReportView } from '../../pwa/src/views/Report.tsx';
import { percent } from '../../pwa/src/views/ReportTables.tsx';
import { reportFromFile } from '../../pwa/src/worker/report.ts';
import { axeViolations } from './axe.ts';

const read = (p: string) => readFileSync(fileURLToPath(import.meta.resolve(p)), 'utf8');
const YAML = read('../../examples/acme-ost.yaml');
const CSV = read('../fixtures/tickets/zendesk-qbr-small.csv');
const NOW = Date.parse('2026-04-01T12:00:00Z');
const ZONE = 'America/New_York';

function load(): Engagement {
  const r = parseEngagement(YAML, { fileName: 'acme-ost.yaml', now: NOW });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return structuredClone(r.engagement);
}

/** What core computes for the fixture, independently of the view and the worker glue. */
async function expected(engagement: Engagement, text = CSV): Promise<Report> {
  const reading = readExport('zendesk', { name: 'tickets.csv', text }, { exportZone: ZONE });
  return buildReport(engagement, reading.records, { now: NOW, helpdeskType: 'zendesk', reading });
}

/** The worker's report code, run here: the same function the worker exposes, minus comlink. */
function inThread(engagement: Engagement, seen: ReportProgress[] = []): ReportRunner {
  return (file, name, request, onProgress) =>
    reportFromFile(file, name, request, engagement, (p) => {
      seen.push(p);
      return onProgress(p);
    });
}

function show(engagement: Engagement, run: ReportRunner) {
  return render(<ReportView id="acme-ost" engagement={engagement} now={NOW} rest={[]} run={run} />);
}

async function choose(view: ReturnType<typeof show>, text: string, name = 'tickets.csv') {
  const file = new File([text], name, { type: 'text/csv' });
  await act(async () => {
    fireEvent.change(view.getByTestId('report-picker'), { target: { files: [file] } });
  });
}

async function until(fn: () => unknown, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const v = fn();
      if (v) return v;
    } catch {
      // not yet
    }
    if (Date.now() > end) throw new Error('timed out');
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

const cells = (el: Element) => Array.from(el.children).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('format detection', () => {
  test('from the header row, else the file name', () => {
    expect(detectFormat('x.csv', CSV.slice(0, 400)).format).toBe('zendesk');
    expect(detectFormat('x.csv', 'number,opened_at,priority,state,short_description\nINC1,2026-01-01,1,6,x').format).toBe('servicenow');
    expect(detectFormat('x.csv', 'Summary,Issue key,Issue id,Issue Type,Status,Priority,Created\n').format).toBe('jira');
    expect(detectFormat('x.csv', 'Ticket Id,Subject,Status,Priority,Created Date,Resolved Date,First Response Status\n').format).toBe('freshservice');
    expect(detectFormat('x.csv', 'faultid,dateoccurred,excludefromsla\n').format).toBe('halopsa');
    expect(detectFormat('x.csv', 'Ticket #,Summary,Board,Date Entered,Date Responded\n').format).toBe('connectwise');
    expect(detectFormat('x.json', '{"tickets": []}').format).toBe('zendesk');
    expect(detectFormat('halo-2026-q1.csv', 'a,b\n').format).toBe('halopsa');
    expect(detectFormat('export.csv', 'a,b\n').format).toBeNull();
  });

  test('a header with quotes and semicolons splits into its cells', () => {
    expect(headerCells('\uFEFF"Id";"Created at";"Say ""hi"""\r\n1;2;3')).toEqual(['\uFEFFId', 'Created at', 'Say "hi"']);
    expect(headerCells('"Multi\nline",b\nx,y')).toEqual(['Multi\nline', 'b']);
  });
});

describe('period', () => {
  test('local dates in the engagement zone, the last day included', () => {
    const p = periodFrom({ from: '2026-01-01', to: '2026-03-31' }, ZONE);
    expect(p).toEqual({ ok: true, from: Date.parse('2026-01-01T05:00:00Z'), to: Date.parse('2026-04-01T04:00:00Z') });
    expect(periodFrom({ from: '2026-03-01', to: '2026-02-01' }, ZONE).ok).toBe(false);
    expect(periodFrom({ from: '', to: '' }, ZONE)).toEqual({ ok: true, from: undefined, to: undefined });
    expect(lastQuarter(NOW, ZONE)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});

describe('Report view', () => {
  test('a chosen export: detected format, then the figures core computes', async () => {
    const engagement = load();
    const want = await expected(engagement);
    const seen: ReportProgress[] = [];
    const view = show(engagement, inThread(engagement, seen));
    await choose(view, CSV);
    await until(() => view.queryByTestId('report-result'));
    expect((view.getByTestId('report-format') as HTMLSelectElement).value).toBe('zendesk');
    expect(view.getByTestId('report-format').closest('label')!.textContent).toContain('Created at');
    // The worker reported bytes of the file's size, ending at all of it.
    expect(seen.at(-1)).toMatchObject({ bytes: new Blob([CSV]).size, total: new Blob([CSV]).size });
    expect(view.getByTestId('report-counts').textContent).toContain(`${want.counts.inPeriod} in the period`);

    const rows = want.policies.filter((p) => p.month === 'all');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      for (const m of r.metrics) {
        const tr = view.getByTestId(`att-${r.policy}-${r.priority}-${m.metric}`);
        expect(cells(tr).slice(2, 6), `${r.policy} ${r.priority} ${m.metric}`).toEqual([String(m.met), String(m.breached), String(m.open), percent(m.attainment)]);
      }
    }
    // Spot check against hand-computed values: P2 first response met once (20 min) and breached once (90 min > 1 h).
    expect(cells(view.getByTestId('att-joint-P2-first_response')).slice(2, 6)).toEqual(['1', '1', '0', '50.0 %']);

    const charts = [...attainmentCharts(want, chartOptionsFrom(engagement)), ...durationCharts(want, 'first_response', chartOptionsFrom(engagement))];
    expect(charts.length).toBeGreaterThan(1);
    for (const chart of charts) {
      const fig = view.getByTestId(`chart-${chart.id}`);
      const svg = fig.querySelector('svg')!;
      expect(svg.getAttribute('viewBox')).toBe(`0 0 ${chart.width} ${chart.height}`);
      expect(svg.querySelector('title')!.textContent).toBe(chart.title);
      const bars = Array.from(fig.querySelectorAll('g[data-series]')).map((g) => [g.getAttribute('data-group'), g.getAttribute('data-series'), Number(g.getAttribute('data-value'))]);
      expect(bars).toEqual(chart.bars.map((b) => [b.group, b.series, b.value]));
    }
    expect(await axeViolations(<ReportView id="acme-ost" engagement={engagement} now={NOW} rest={[]} run={inThread(engagement)} />)).toEqual([]);
  });

  test('the progress bar follows the worker, and cancel reaches it', async () => {
    const engagement = load();
    let report!: (p: ReportProgress) => boolean;
    let finish!: (o: ReportOutcome) => void;
    const run: ReportRunner = (_file, name, request, onProgress) => {
      expect(request).toMatchObject({ engagementId: 'acme-ost', format: 'zendesk', exportZone: ZONE, dayFirst: false, now: NOW });
      report = onProgress;
      return new Promise((ok) => (finish = ok)).then((o) => o as ReportOutcome).finally(() => void name);
    };
    const view = show(engagement, run);
    await choose(view, CSV);
    await until(() => report);
    await act(async () => void report({ rows: 3, bytes: 250, total: 1000 }));
    const bar = view.getByTestId('report-progress-bar') as HTMLProgressElement;
    expect(bar.getAttribute('value')).toBe('25');
    expect(view.getByTestId('report-progress').textContent).toContain('Reading tickets.csv: 3 rows, 25 %');
    await act(async () => void report({ rows: 7, bytes: 1000, total: 1000 }));
    expect(bar.getAttribute('value')).toBe('100');
    expect(view.getByTestId('report-progress').textContent).toContain('Computing the figures: 7 rows');
    expect(report({ rows: 7, bytes: 1000, total: 1000 })).toBe(true);
    await act(async () => {
      fireEvent.click(view.getByRole('button', { name: 'Cancel' }));
    });
    expect(view.queryByTestId('report-progress')).toBeNull();
    expect(report({ rows: 8, bytes: 1000, total: 1000 })).toBe(false);
    // A late outcome of the canceled run does not replace what is shown.
    await act(async () => finish({ ok: true, fileName: 'tickets.csv', report: await expected(engagement) }));
    expect(view.queryByTestId('report-result')).toBeNull();
  });

  test('an unreadable export names the file, row and column; bad rows are listed with theirs', async () => {
    const engagement = load();
    const view = show(engagement, inThread(engagement));
    await choose(view, 'Requester,Created at\nAnn,2026-03-02 09:00\n', 'nokey.csv');
    const where = await until(() => view.getByTestId('report-error-where'));
    expect((where as HTMLElement).textContent).toBe('nokey.csv row 1');
    expect(view.getByTestId('report-error').textContent).toContain("no id column (looked for 'Id'");

    await choose(view, CSV);
    await until(() => view.queryByTestId('report-result'));
    const problems = view.getByTestId('report-problems');
    expect(problems.textContent).toContain('tickets.csv row 7, column Created at');
    expect(problems.textContent).toContain("'not a date'");
  });

  test('the worker code stops at a zone-less time with the row and column', async () => {
    const engagement = load();
    const file = new File([CSV], 'tickets.csv');
    const outcome = await reportFromFile(file, 'tickets.csv', { engagementId: 'acme-ost', format: 'zendesk', exportZone: '', dayFirst: false, now: NOW }, engagement);
    expect(outcome).toMatchObject({ ok: false, where: { file: 'tickets.csv', row: 2, column: 'Created at' } });
    // And returning false from onProgress stops the run.
    const stopped = await reportFromFile(file, 'tickets.csv', { engagementId: 'acme-ost', format: 'zendesk', exportZone: ZONE, dayFirst: false, now: NOW }, engagement, () => false);
    expect(stopped).toMatchObject({ ok: false, canceled: true });
  });

  test('Download CSV saves reportToCsv under the engagement and period', async () => {
    const engagement = load();
    const want = await expected(engagement);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:test'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const view = show(engagement, inThread(engagement));
    await act(async () => {
      fireEvent.input(view.getByTestId('report-from'), { target: { value: '2026-01-01' } });
    });
    await act(async () => {
      fireEvent.input(view.getByTestId('report-to'), { target: { value: '2026-03-31' } });
    });
    await choose(view, CSV);
    await until(() => view.queryByTestId('report-result'));
    await act(async () => {
      fireEvent.click(view.getByTestId('report-csv'));
    });
    expect(names).toEqual(['acme-ost-report-2026-01-01-2026-03-31.csv']);
    expect(blobs[0]!.type).toContain('text/csv');
    const period = periodFrom({ from: '2026-01-01', to: '2026-03-31' }, ZONE) as { from: number; to: number };
    const reading = readExport('zendesk', { name: 'tickets.csv', text: CSV }, { exportZone: ZONE });
    const inPeriod = await buildReport(engagement, reading.records, { now: NOW, helpdeskType: 'zendesk', reading, ...period });
    expect(await blobs[0]!.text()).toBe(reportToCsv(inPeriod));
    expect(reportFileName(want, 'csv')).toBe('acme-ost-report-2026-01-2026-03.csv');
  });
});

/** A runner that records each request and then runs the worker's code on it. */
function recording(engagement: Engagement, requests: ReportRequest[]): ReportRunner {
  const inner = inThread(engagement);
  return (file, name, request, onProgress) => (requests.push(request), inner(file, name, request, onProgress));
}

const select = (view: ReturnType<typeof show>, id: string) => view.getByTestId(id) as HTMLSelectElement;

async function pickOption(view: ReturnType<typeof show>, id: string, value: string) {
  await act(async () => {
    fireEvent.change(view.getByTestId(id), { target: { value } });
  });
}

/** Media queries answered as a phone with reduced motion, or as a desktop, would. */
function media(matching: string[]) {
  vi.spyOn(window, 'matchMedia').mockImplementation((q: string) => ({ matches: matching.some((m) => q.includes(m)), media: q }) as MediaQueryList);
}

const GENERIC = read('../fixtures/exports/generic/tickets.csv');
const ZONELESS = 'id,created,priority,status,organization\n1001,2026-01-06 09:00,2,Resolved,Acme Corp\n';

describe('Report view: the export zone', () => {
  test("follows the chosen mapping's own export zone", async () => {
    const engagement = load();
    engagement.helpdesks.find((h) => h.id === 'acme-zendesk')!.export = { timeZone: 'UTC' };
    engagement.helpdesks.find((h) => h.id === 'acme-portal')!.export = { timeZone: 'America/Chicago' };
    const requests: ReportRequest[] = [];
    const view = show(engagement, recording(engagement, requests));
    expect(select(view, 'report-zone').value).toBe('UTC');
    await choose(view, GENERIC, 'tickets.csv');
    await until(() => view.queryByTestId('report-result'));
    expect(select(view, 'report-format').value).toBe('generic');
    expect(select(view, 'report-zone').value).toBe('America/Chicago');
    expect(requests.at(-1)!.exportZone).toBe('America/Chicago');
    await pickOption(view, 'report-helpdesk', 'acme-zendesk');
    expect(select(view, 'report-zone').value).toBe('UTC');
    await pickOption(view, 'report-helpdesk', 'acme-portal');
    expect(select(view, 'report-zone').value).toBe('America/Chicago');
  });

  test('"from the file" sends no zone, so a zone-less time stops the run with its place and a hint', async () => {
    const engagement = load();
    const requests: ReportRequest[] = [];
    const view = show(engagement, recording(engagement, requests));
    // The example's mappings name no export zone: the engagement's is the guess, and "from the file" a choice.
    expect(select(view, 'report-zone').value).toBe(ZONE);
    const unset = Array.from(select(view, 'report-zone').options).find((o) => o.value === '');
    expect(unset?.textContent).toMatch(/from the file/i);
    await pickOption(view, 'report-zone', '');
    await choose(view, ZONELESS, 'portal.csv');
    const where = (await until(() => view.getByTestId('report-error-where'))) as HTMLElement;
    expect(requests.at(-1)!.exportZone).toBe('');
    expect(where.textContent).toBe('portal.csv row 2, column created');
    expect(view.getByTestId('report-error').textContent).toContain("'2026-01-06 09:00' has no time zone or offset");
  });
});

describe('Report view: after QA', () => {
  test('the error box names the place once', async () => {
    const engagement = load();
    const view = show(engagement, inThread(engagement));
    await choose(view, 'Requester,Created at\nAnn,2026-03-02 09:00\n', 'history.csv');
    const box = (await until(() => view.getByTestId('report-error'))) as HTMLElement;
    expect(box.textContent!.split('history.csv row 1').length - 1).toBe(1);
    expect(box.textContent).toContain('no id column');
  });

  test('an unrecognized header keeps the chosen format and says so', async () => {
    const engagement = load();
    const view = show(engagement, inThread(engagement));
    await pickOption(view, 'report-format', 'generic');
    await choose(view, read('../fixtures/exports/cli/portal.csv'), 'portal.csv');
    await until(() => view.queryByTestId('report-error'));
    expect(select(view, 'report-format').value).toBe('generic');
    expect(view.getByTestId('report-format').closest('label')!.textContent).toMatch(/not recognized \(Ticket, Opened, Priority…\)/);
  });

  test('a UTF-16 export is detected from its decoded header', async () => {
    const engagement = load();
    const view = show(engagement, inThread(engagement));
    const wide = new Uint8Array(2 + CSV.length * 2);
    wide.set([0xff, 0xfe]);
    for (let i = 0; i < CSV.length; i++) wide[2 + i * 2] = CSV.charCodeAt(i);
    await act(async () => {
      fireEvent.change(view.getByTestId('report-picker'), { target: { files: [new File([wide], 'unicode.txt')] } });
    });
    await until(() => view.queryByTestId('report-result'));
    expect(view.getByTestId('report-format').closest('label')!.textContent).toContain('Created at');
  });

  test('cancel gives focus back to the picker and says the run was canceled', async () => {
    const engagement = load();
    const run: ReportRunner = () => new Promise(() => {});
    const view = show(engagement, run);
    await choose(view, CSV);
    await act(async () => {
      const cancel = view.getByRole('button', { name: 'Cancel' });
      cancel.focus();
      fireEvent.click(cancel);
    });
    expect(document.activeElement).toBe(view.getByTestId('report-picker'));
    expect(view.getByRole('status').textContent).toBe('Canceled: no report from tickets.csv.');
  });

  test.each([
    [[], 'smooth'],
    [['prefers-reduced-motion: reduce'], 'auto'],
  ] as const)('the progress, then the result, are brought into view (reduced motion: %j)', async (matching, behavior) => {
    media([...matching]);
    const seen: Array<[Element, ScrollIntoViewOptions | boolean | undefined]> = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element, o) {
      seen.push([this, o]);
    });
    const engagement = load();
    const view = show(engagement, inThread(engagement));
    await choose(view, CSV);
    await until(() => view.queryByTestId('report-result'));
    expect(seen.some(([el, o]) => el.getAttribute('data-testid') === 'report-progress' && (o as ScrollIntoViewOptions).behavior === behavior)).toBe(true);
    const heading = view.getByRole('heading', { name: 'Summary' });
    expect(document.activeElement).toBe(heading);
    expect(heading.getAttribute('tabindex')).toBe('-1');
    expect(seen.at(-1)![0]).toBe(heading);
  });

  test('an error is brought into view with focus on its heading', async () => {
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    const engagement = load();
    const view = show(engagement, inThread(engagement));
    await choose(view, 'Requester,Created at\nAnn,2026-03-02 09:00\n', 'nokey.csv');
    await until(() => view.queryByTestId('report-error'));
    expect(document.activeElement).toBe(view.getByRole('heading', { name: 'No report from nokey.csv.' }));
    expect(Element.prototype.scrollIntoView).toHaveBeenLastCalledWith(expect.objectContaining({ block: 'start' }));
  });

  test('on a phone, chart text is at least 11 CSS px where the chart is drawn 310 px wide (360 px screen)', async () => {
    media(['max-width: 600px']);
    const engagement = load();
    const view = show(engagement, inThread(engagement));
    await choose(view, CSV);
    await until(() => view.queryByTestId('report-result'));
    const svgs = Array.from(view.getByTestId('report-result').querySelectorAll('svg'));
    expect(svgs.length).toBeGreaterThan(1);
    for (const svg of svgs) {
      const scale = 310 / Number(svg.getAttribute('viewBox')!.split(' ')[2]);
      for (const t of Array.from(svg.querySelectorAll('text'))) expect(Number(t.getAttribute('font-size')) * scale, t.textContent!).toBeGreaterThanOrEqual(11);
    }
  });

  test('of several dropped files the first is read, and the others are named as not used', async () => {
    const engagement = load();
    const view = show(engagement, inThread(engagement));
    const files = [new File([CSV], 'tickets.csv'), new File(['ticket,at,field,value\n'], 'history.csv')];
    await act(async () => {
      const drop = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(drop, 'dataTransfer', { value: { types: ['Files'], files } });
      window.dispatchEvent(drop);
    });
    await until(() => view.queryByTestId('report-result'));
    expect(view.getByTestId('report-drop').textContent).toContain('Using tickets.csv; history.csv was not used: the Report view reads one export.');
    await choose(view, CSV);
    expect(view.getByTestId('report-drop').textContent).not.toContain('was not used');
  });

  test('a file chosen while the period is invalid clears the last outcome and says why nothing runs', async () => {
    const engagement = load();
    const requests: ReportRequest[] = [];
    const view = show(engagement, recording(engagement, requests));
    await choose(view, 'Requester,Created at\nAnn,2026-03-02 09:00\n', 'nokey.csv');
    await until(() => view.queryByTestId('report-error'));
    await act(async () => {
      fireEvent.input(view.getByTestId('report-from'), { target: { value: '2026-03-01' } });
    });
    await act(async () => {
      fireEvent.input(view.getByTestId('report-to'), { target: { value: '2026-02-01' } });
    });
    await choose(view, CSV);
    expect(requests).toHaveLength(1);
    expect(view.queryByTestId('report-error')).toBeNull();
    expect(view.getByTestId('report-not-run').textContent).toBe('Not built: the period ends before it starts. Fix the dates, then build the report.');
  });
});
