// The chart geometry, its SVG and the HTML report on a hand-written Report (plain JSON, as buildReport returns):
// bar heights follow the numbers, every user-written name stays text, and the page is printable and inert.
import { describe, expect, it } from 'vitest';
import { attainmentCharts, distributionCharts, durationCharts, durationLabel, niceDurationScale, REFERENCE_GOAL } from '../../core/report/charts.ts';
import { reportHtml } from '../../core/report/html.ts';
import { chartSvg } from '../../core/report/svg.ts';
import { histogramOf } from '../../core/report/stats.ts';
import { DURATION_EDGES, type MetricKpi, type PolicyKpi, type Report, type Stats } from '../../core/report/types.ts';

const EVIL = '<script>alert(1)</script>';
const MIN = 60_000;
const none: Stats = { count: 0, median: null, p90: null, histogram: [0, 0, 0, 0, 0, 0, 0, 0, 0] };
const stats = (median: number, p90: number, count = 4): Stats => ({ count, median, p90, histogram: histogramOf(new Array<number>(count).fill(median)) });

function metric(m: MetricKpi['metric'], met: number, breached: number, business: Stats = none): MetricKpi {
  const attainment = met + breached === 0 ? null : met / (met + breached);
  return { metric: m, met, breached, open: 0, canceled: 0, attainment, business, calendar: business };
}

function row(policy: string, priority: string, month: string, metrics: MetricKpi[]): PolicyKpi {
  return { policy, kind: policy === 'ola' ? 'OLA' : 'SLA', priority, month, tickets: 4, metrics };
}

const report: Report = {
  engagement: { id: 'e', title: `Acme ${EVIL} & Co`, timeZone: 'America/New_York' },
  helpdesk: 'zd',
  period: { from: Date.parse('2026-01-01T05:00:00Z'), to: Date.parse('2026-03-01T05:00:00Z') },
  now: Date.parse('2026-03-02T12:00:00Z'),
  backlogAt: Date.parse('2026-03-01T05:00:00Z'),
  counts: { records: 10, inPeriod: 9, outOfPeriod: 1, unrouted: 0, noPriority: 0, problems: 1 },
  tickets: [
    { priority: 'P1', month: 'all', tickets: 5, resolved: 4, reopened: 1, reopenRate: 0.25, fcr: 3, fcrRate: 0.75, firstResponse: stats(10 * MIN, 14 * MIN), resolution: stats(120 * MIN, 200 * MIN) },
  ],
  policies: [
    row('joint', 'P1', '2026-01', [metric('first_response', 3, 1), metric('resolution', 0, 0)]),
    row('joint', EVIL, '2026-01', [metric('first_response', 1, 0)]),
    row('joint', 'P1', '2026-02', [metric('first_response', 1, 1)]),
    row('joint', 'P1', 'all', [metric('first_response', 4, 2, stats(10 * MIN, 50 * MIN))]),
    row('joint', EVIL, 'all', [metric('first_response', 1, 0, stats(3 * 60 * MIN, 3 * 60 * MIN, 1))]),
    row('ola', 'P1', '2026-01', [metric('first_response', 2, 0)]),
  ],
  backlog: [{ policy: 'joint', priority: 'P1', count: 3, buckets: [1, 0, 2, 0, 0, 0], oldest: 25 * 60 * MIN }],
  breaches: { total: 3, listed: [{ ticket: EVIL, policy: 'joint', metric: 'first_response', priority: 'P1', month: '2026-01', by: 5 * MIN, breachedAt: Date.parse('2026-01-05T15:00:00Z') }] },
  disagreements: { total: 1, listed: [{ ticket: '42', policy: 'joint', metric: 'resolution', priority: 'P1', ours: 'met', theirs: 'breached' }] },
  problems: { total: 1, listed: [{ severity: 'warning', code: 'bad-time', message: `'${EVIL}' is not a date`, file: 'x.csv', row: 7, column: 'Created' }] },
  notes: ['no status history'],
  definitions: { fcr: 'resolved without a reopen or a second assignee' },
};

describe('attainment charts', () => {
  const charts = attainmentCharts(report, { goals: { joint: 95 }, priorities: ['P1'] });
  const joint = charts.find((c) => c.id === 'attainment-joint-first_response')!;

  it('draws one chart per policy × metric with an outcome, bars only where something was due', () => {
    expect(charts.map((c) => c.id)).toEqual(['attainment-joint-first_response', 'attainment-ola-first_response']);
    expect(joint.bars.map((b) => [b.group, b.series, b.value])).toEqual([['2026-01', 'P1', 0.75], ['2026-01', EVIL, 1], ['2026-02', 'P1', 0.5]]);
    expect(joint.axes.x.ticks.map((t) => t.label)).toEqual(['Jan 2026', 'Feb']);
    expect(joint.legend.map((l) => l.series)).toEqual(['P1', EVIL]);
  });

  it('makes bar heights proportional to attainment from the plot bottom, and puts the goal line at its percentage', () => {
    const bottom = joint.plot.y + joint.plot.h;
    for (const bar of joint.bars) {
      expect(bar.h).toBeCloseTo(bar.value * joint.plot.h, 6);
      expect(bar.y + bar.h).toBeCloseTo(bottom, 6);
    }
    expect(joint.lines).toEqual([{ x1: joint.plot.x, x2: joint.plot.x + joint.plot.w, y: expect.closeTo(joint.plot.y + joint.plot.h * 0.05, 6), label: 'goal 95%' }]);
    const ola = charts[1]!;
    expect(ola.lines[0]!.label).toBe(`reference ${REFERENCE_GOAL}%`);
    // Bars of one month sit side by side inside the month's slot, never overlapping the next month.
    const [a, b, c] = joint.bars;
    expect(a!.x + a!.w).toBeCloseTo(b!.x, 6);
    expect(b!.x + b!.w).toBeLessThan(c!.x);
  });
});

describe('first response distribution', () => {
  it('counts durations into buckets whose upper edge is exclusive', () => {
    const H = 60 * MIN;
    expect(DURATION_EDGES).toEqual([15 * MIN, 30 * MIN, H, 2 * H, 4 * H, 8 * H, 24 * H, 72 * H]);
    const sorted = [0, 14 * MIN, 15 * MIN, 59 * MIN, H, 7 * H, 24 * H, 71 * H, 72 * H, 500 * H];
    expect(histogramOf(sorted)).toEqual([2, 1, 1, 1, 0, 1, 0, 2, 2]);
    expect(histogramOf([])).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("draws each priority's share of its fulfilled clocks per bucket, heights proportional to the share", () => {
    const P1 = { count: 4, median: 10 * MIN, p90: 50 * MIN, histogram: [2, 0, 1, 1, 0, 0, 0, 0, 0] };
    const shaped: Report = { ...report, policies: [row('joint', 'P1', 'all', [metric('first_response', 4, 0, P1)]), row('joint', 'P2', 'all', [metric('first_response', 0, 0)])] };
    const [chart, ...rest] = distributionCharts(shaped, 'first_response', { priorities: ['P1', 'P2'] });
    expect(rest).toEqual([]);
    // P2 has no fulfilled clock: no series for it.
    expect(chart!.legend.map((l) => l.series)).toEqual(['P1']);
    expect(chart!.axes.x.ticks.map((t) => t.label)).toEqual(['<15m', '<30m', '<1h', '<2h', '<4h', '<8h', '<1d', '<3d', '≥3d']);
    expect(chart!.bars.map((b) => b.value)).toEqual([0.5, 0, 0.25, 0.25, 0, 0, 0, 0, 0]);
    for (const bar of chart!.bars) expect(bar.h).toBeCloseTo(bar.value * chart!.plot.h, 6);
    expect(chart!.bars[0]!.title).toBe('P1: 2 of 4 first responses (50.0%) took under 15m of business time');
    expect(chart!.bars[1]!.title).toBe('P1: 0 of 4 first responses (0%) took 15m to 30m of business time');
  });
});

describe('duration charts', () => {
  it('draws median and p90 per priority in business time, with each priority target over its pair', () => {
    const [chart] = durationCharts(report, 'first_response', { targets: { joint: { P1: { first_response: 15 * MIN } } }, priorities: ['P1'] });
    expect(chart!.bars.map((b) => [b.group, b.series, b.value])).toEqual([['P1', 'median', 10 * MIN], ['P1', 'p90', 50 * MIN], [EVIL, 'median', 180 * MIN], [EVIL, 'p90', 180 * MIN]]);
    const top = niceDurationScale(180 * MIN).max;
    for (const bar of chart!.bars) expect(bar.h).toBeCloseTo((bar.value / top) * chart!.plot.h, 6);
    expect(chart!.lines).toHaveLength(1);
    expect(chart!.lines[0]!.label).toBe('target 15m');
    expect(chart!.axes.y.ticks.at(-1)!.label).toBe(durationLabel(top));
    // The second priority has no fixed target (none, or one in business days): the caption says when lines are drawn.
    expect(chart!.description).toContain("line: the priority's target when it is a fixed duration");
    const [both] = durationCharts(report, 'first_response', { targets: { joint: { P1: { first_response: 15 * MIN }, [EVIL]: { first_response: 4 * 60 * MIN } } }, priorities: ['P1'] });
    expect(both!.description).toMatch(/line: the priority's target\.$/);
  });

  it('chooses round axis steps and labels durations compactly', () => {
    expect(niceDurationScale(180 * MIN)).toEqual({ max: 180 * MIN, step: 60 * MIN });
    expect(niceDurationScale(50 * MIN)).toEqual({ max: 50 * MIN, step: 10 * MIN });
    expect(niceDurationScale(51 * MIN)).toEqual({ max: 60 * MIN, step: 15 * MIN });
    expect(niceDurationScale(7 * MIN)).toEqual({ max: 8 * MIN, step: 2 * MIN });
    expect([durationLabel(45 * MIN), durationLabel(150 * MIN), durationLabel(27 * 60 * MIN), durationLabel(48 * 60 * MIN)]).toEqual(['45m', '2h 30m', '1d 3h', '2d']);
  });
});

describe('chart SVG', () => {
  it('keeps every name as text', () => {
    const svg = chartSvg(attainmentCharts(report)[0]!);
    expect(svg.startsWith('<svg viewBox="0 0 640 ')).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg.match(/<rect [^>]*fill="#[0-9a-f]{6}"><title>/g)).toHaveLength(3);
  });
});

describe('HTML report', () => {
  const html = reportHtml(report, { goals: { joint: 95 }, priorities: ['P1'], policyNames: { joint: `Desk ${EVIL}` }, priorityNames: { P1: 'Critical' } });

  it('is one inert page: no script, no URL, no external resource', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:|\s(src|href)=|<link|<iframe|<img|@import|url\(/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Service report: Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</title>');
  });

  it('is readable on a phone and printable', () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('@media print');
    expect(html).toMatch(/section \{ break-before: page;/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    // Wide tables scroll inside their box instead of widening the page.
    expect(html.match(/<div class="scroll"><table>/g)!.length).toBeGreaterThanOrEqual(5);
    expect(html).not.toMatch(/background:\s*#[0-3][0-9a-f]{5}\b/i);
  });

  it('holds the period, counts, tables, charts and lists', () => {
    expect(html).toContain('tickets created 2026-01-01 – 2026-02-28 (America/New_York)');
    // Attainment (joint, ola), first response times (joint) and their distribution (joint).
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).toContain('<td class="n below" title="below the 95% goal">66.7% ▼</td>');
    expect(html).toContain('SLA joint (Desk &lt;script&gt;');
    expect(html).toContain('<td>P1 Critical</td><td>whole period</td><td class="n">4</td>');
    expect(html).toContain('<td class="n">25.0%</td><td class="n">3</td><td class="n">75.0%</td>');
    expect(html).toContain('<th class="n">91+ h</th>');
    expect(html).toContain('<td class="n">3</td><td class="n">1</td><td class="n">0</td><td class="n">2</td>');
    expect(html).toContain('3 breaches; the first 1 are listed.');
    expect(html).toContain('<td>met</td><td>breached</td>');
    expect(html).toContain('<td>x.csv</td><td class="n">7</td><td>Created</td><td>bad-time</td>');
    expect(html).toContain('<li>no status history</li>');
    expect(html).toContain('<dt>fcr</dt><dd>resolved without a reopen or a second assignee</dd>');
  });
});

describe('the attainment chart caption', () => {
  it('brackets the denominator of met ÷ (met + breached)', () => {
    const oneRow = {
      policies: [{
        policy: 'joint', kind: 'SLA', priority: 'P1', month: '2026-01', tickets: 4,
        metrics: [{ metric: 'first_response', met: 3, breached: 1, open: 0, canceled: 0, attainment: 0.75, business: none, calendar: none }],
      }],
    } as unknown as Report;
    const [chart] = attainmentCharts(oneRow);
    // Without brackets the formula reads as (met ÷ met) + breached.
    expect(chart!.description).toContain('(met ÷ (met + breached))');
    expect(chart!.description).not.toContain('met ÷ met');
  });
});
