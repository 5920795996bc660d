// Chart geometry for the report: plain numbers and strings computed from a Report, drawn by svg.ts (CLI HTML) and
// by the PWA's preact view alike, so both show the same bars. Coordinates are in a fixed viewBox (top-left origin,
// y down); renderers scale the whole box to the page width. No text is escaped here: every renderer escapes.
import type { Engagement, Metric } from '../engagement/types.ts';
import { DURATION_EDGES, type PolicyKpi, type Report } from './types.ts';

/** Colour-blind safe (Okabe–Ito), dark enough on white paper; a series' colorIndex points into it, modulo length. */
export const CHART_PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'] as const;

export interface ChartBar {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The number the bar stands for: attainment 0..1, or a duration in ms. */
  value: number;
  /** Short text above the bar ("92%", "1h 30m"); renderers may drop it on narrow bars. */
  valueLabel: string;
  /** The group on the x axis (a month, a priority) and the series (a priority, median or p90) it belongs to. */
  group: string;
  series: string;
  colorIndex: number;
  /** The full sentence for a tooltip or screen reader. */
  title: string;
}

/** A horizontal reference line over the plot or over one group (goal %, a priority's target). */
export interface ChartLine {
  x1: number;
  x2: number;
  y: number;
  label: string;
}

export interface AxisTick {
  /** x for the x axis (group centre), y for the y axis. */
  pos: number;
  label: string;
}

export interface LegendItem {
  series: string;
  label: string;
  colorIndex: number;
  /** Top-left of the swatch (LEGEND_SWATCH square); its label starts LEGEND_SWATCH + 4 to the right, mid-height. */
  x: number;
  y: number;
}

export interface Chart {
  /** Stable id for anchors and keys: `attainment-<policy>-<metric>`, `duration-<policy>-<metric>`. */
  id: string;
  title: string;
  /** One sentence of what it shows, for <desc>/aria-label and print captions. */
  description: string;
  width: number;
  height: number;
  /** The plot area: bars grow up from plot.y + plot.h. */
  plot: { x: number; y: number; w: number; h: number };
  bars: ChartBar[];
  lines: ChartLine[];
  axes: { x: { label: string; ticks: AxisTick[] }; y: { label: string; ticks: AxisTick[] } };
  legend: LegendItem[];
  /** Set when there is nothing to draw; the chart then has no bars and the renderer shows this text instead. */
  empty?: string;
}

export interface ChartOptions {
  /** Attainment goal per policy id, in percent (the engagement's `goal: 95%`). */
  goals?: Record<string, number>;
  /** Target per policy → priority → metric in ms, drawn over each priority of a duration chart. */
  targets?: Record<string, Record<string, Partial<Record<Metric, number>>>>;
  /** Priority display order (most urgent first); default the order the report lists them. */
  priorities?: string[];
  /** Viewbox width; default 640. Height follows. */
  width?: number;
}

/** The attainment % drawn when the policy has no goal of its own: the usual service desk target. */
export const REFERENCE_GOAL = 90;
export const LEGEND_SWATCH = 10;
const HEIGHT = 280;
const MARGIN = { left: 48, right: 8, top: 30, bottom: 34 };
const METRIC_WORDS: Record<Metric, string> = {
  first_response: 'first response', next_response: 'next response', periodic_update: 'periodic update', resolution: 'resolution',
};

/** Goals, targets and priority order from the engagement, for the charts and the HTML report. */
export function chartOptionsFrom(engagement: Engagement): ChartOptions {
  const goals: Record<string, number> = {};
  const targets: NonNullable<ChartOptions['targets']> = {};
  for (const [id, policy] of Object.entries(engagement.sla)) {
    if (policy.goal !== undefined) goals[id] = policy.goal;
    targets[id] = {};
    for (const [priority, target] of Object.entries(policy.targets)) {
      const metrics: Partial<Record<Metric, number>> = {};
      for (const [metric, d] of Object.entries(target.metrics)) if (d && 'ms' in d) metrics[metric as Metric] = d.ms;
      targets[id]![priority] = metrics;
    }
  }
  const priorities = Object.entries(engagement.priorities).sort((a, b) => a[1].rank - b[1].rank).map(([id]) => id);
  return { goals, targets, priorities };
}

/**
 * Attainment per priority per month, one chart per policy × metric that has clocks: months on the x axis, one bar
 * per priority (height ∝ attainment, 0–100 %), the goal as a line. Months where a priority had nothing due get no bar;
 * metrics with nothing met or breached in any month get no chart.
 */
export function attainmentCharts(report: Report, options: ChartOptions = {}): Chart[] {
  const charts: Chart[] = [];
  for (const policy of policyOrder(report)) {
    const rows = report.policies.filter((p) => p.policy === policy && p.month !== 'all');
    for (const metric of metricOrder(rows)) {
      const months = [...new Set(rows.map((r) => r.month))].sort();
      const priorities = priorityOrder(rows.map((r) => r.priority), options.priorities);
      const goal = options.goals?.[policy];
      const kind = rows[0]?.kind ?? 'SLA';
      const frame = newFrame(options.width, priorities);
      const chart: Chart = {
        ...frame,
        id: `attainment-${policy}-${metric}`,
        title: `${kind} ${policy}: ${METRIC_WORDS[metric]} attainment by month`,
        description: `Share of ${METRIC_WORDS[metric]} clocks met (met ÷ (met + breached)) per priority per month; line: ${goal === undefined ? `reference ${REFERENCE_GOAL}%` : `goal ${goal}%`}.`,
        bars: [],
        lines: [],
        axes: { x: { label: 'month created', ticks: [] }, y: { label: 'attainment', ticks: [] } },
      };
      const y = (ratio: number) => frame.plot.y + frame.plot.h * (1 - ratio);
      for (let t = 0; t <= 100; t += 20) chart.axes.y.ticks.push({ pos: y(t / 100), label: `${t}%` });
      const slots = groupSlots(frame.plot, months.length, priorities.length);
      months.forEach((month, g) => {
        chart.axes.x.ticks.push({ pos: slots.centre(g), label: monthLabel(month, g === 0 || month.endsWith('-01')) });
        priorities.forEach((priority, s) => {
          const m = rows.find((r) => r.month === month && r.priority === priority)?.metrics.find((k) => k.metric === metric);
          if (!m || m.attainment === null) return;
          const top = y(m.attainment);
          chart.bars.push({
            x: slots.bar(g, s), y: top, w: slots.barWidth, h: frame.plot.y + frame.plot.h - top, value: m.attainment,
            valueLabel: percent(m.attainment), group: month, series: priority, colorIndex: s,
            title: `${priority}, ${monthLabel(month, true)}: ${percent(m.attainment)} of ${METRIC_WORDS[metric]} met (${m.met} met, ${m.breached} breached${m.open > 0 ? `, ${m.open} still open` : ''})`,
          });
        });
      });
      const line = goal ?? REFERENCE_GOAL;
      chart.lines.push({ x1: frame.plot.x, x2: frame.plot.x + frame.plot.w, y: y(line / 100), label: goal === undefined ? `reference ${line}%` : `goal ${line}%` });
      charts.push(chart);
    }
  }
  return charts;
}

/**
 * Time to a metric per priority over the whole period, in business time on the policy's calendar: a median bar and
 * a p90 bar side by side per priority, the priority's target as a line over its pair. One chart per policy.
 */
export function durationCharts(report: Report, metric: Metric, options: ChartOptions = {}): Chart[] {
  const charts: Chart[] = [];
  for (const policy of policyOrder(report)) {
    const rows = report.policies.filter((p) => p.policy === policy && p.month === 'all');
    const priorities = priorityOrder(rows.map((r) => r.priority), options.priorities);
    const stats = priorities.map((priority) => rows.find((r) => r.priority === priority)?.metrics.find((m) => m.metric === metric)?.business);
    const targets = priorities.map((priority) => options.targets?.[policy]?.[priority]?.[metric]);
    if (!stats.some((s) => s && s.count > 0) && !targets.some((t) => t !== undefined)) continue;
    const series = ['median', 'p90'] as const;
    const frame = newFrame(options.width, series);
    const kind = rows[0]?.kind ?? 'SLA';
    const top = niceDurationScale(Math.max(1, ...stats.flatMap((s) => [s?.median ?? 0, s?.p90 ?? 0]), ...targets.map((t) => t ?? 0)));
    const y = (ms: number) => frame.plot.y + frame.plot.h * (1 - ms / top.max);
    const chart: Chart = {
      ...frame,
      id: `duration-${policy}-${metric}`,
      title: `${kind} ${policy}: time to ${METRIC_WORDS[metric]} by priority`,
      description: `Median and 90th percentile business time to ${METRIC_WORDS[metric]} per priority over the period (fulfilled clocks only); line: the priority's target${targets.every((t) => t !== undefined) ? '' : ' when it is a fixed duration (a target in business days has no single length: it depends on the day the clock starts)'}.`,
      bars: [],
      lines: [],
      axes: { x: { label: 'priority', ticks: [] }, y: { label: 'business time', ticks: [] } },
    };
    for (let t = 0; t <= top.max; t += top.step) chart.axes.y.ticks.push({ pos: y(t), label: durationLabel(t) });
    const slots = groupSlots(frame.plot, priorities.length, series.length);
    priorities.forEach((priority, g) => {
      const s = stats[g];
      chart.axes.x.ticks.push({ pos: slots.centre(g), label: priority });
      series.forEach((name, i) => {
        const value = s?.[name] ?? null;
        if (value === null || s === undefined) return;
        chart.bars.push({
          x: slots.bar(g, i), y: y(value), w: slots.barWidth, h: frame.plot.y + frame.plot.h - y(value), value,
          valueLabel: durationLabel(value), group: priority, series: name, colorIndex: i,
          title: `${priority}: ${name === 'median' ? 'median' : '90th percentile'} ${METRIC_WORDS[metric]} ${durationLabel(value)} business time (${s.count} ticket${s.count === 1 ? '' : 's'})`,
        });
      });
      const target = targets[g];
      if (target !== undefined) chart.lines.push({ x1: slots.groupStart(g), x2: slots.groupStart(g) + slots.groupWidth, y: y(target), label: `target ${durationLabel(target)}` });
    });
    if (chart.bars.length === 0) chart.empty = `No ${METRIC_WORDS[metric]} was fulfilled under ${policy} in the period.`;
    charts.push(chart);
  }
  return charts;
}

/**
 * How the time to a metric is spread, per policy over the whole period: business-time buckets (under 15 min …
 * 3 days and more) on the x axis, one bar per priority whose height is the share of that priority's fulfilled clocks
 * in the bucket, so priorities with few and many tickets compare. One chart per policy with any fulfilled clock.
 */
export function distributionCharts(report: Report, metric: Metric, options: ChartOptions = {}): Chart[] {
  const charts: Chart[] = [];
  const buckets = bucketLabels();
  for (const policy of policyOrder(report)) {
    const rows = report.policies.filter((p) => p.policy === policy && p.month === 'all');
    const all = priorityOrder(rows.map((r) => r.priority), options.priorities);
    const stats = all.map((priority) => rows.find((r) => r.priority === priority)?.metrics.find((m) => m.metric === metric)?.business);
    const priorities = all.filter((_, i) => (stats[i]?.count ?? 0) > 0);
    if (priorities.length === 0) continue;
    const frame = newFrame(options.width, priorities);
    const kind = rows[0]?.kind ?? 'SLA';
    const chart: Chart = {
      ...frame,
      id: `distribution-${policy}-${metric}`,
      title: `${kind} ${policy}: ${METRIC_WORDS[metric]} times, distribution`,
      description: `Share of each priority's fulfilled ${METRIC_WORDS[metric]} clocks by business time to ${METRIC_WORDS[metric]}, over the period.`,
      bars: [],
      lines: [],
      axes: { x: { label: `business time to ${METRIC_WORDS[metric]} (upper bound of each range)`, ticks: [] }, y: { label: 'share of tickets', ticks: [] } },
    };
    const y = (ratio: number) => frame.plot.y + frame.plot.h * (1 - ratio);
    for (let t = 0; t <= 100; t += 20) chart.axes.y.ticks.push({ pos: y(t / 100), label: `${t}%` });
    const slots = groupSlots(frame.plot, buckets.length, priorities.length);
    buckets.forEach((bucket, g) => {
      chart.axes.x.ticks.push({ pos: slots.centre(g), label: bucket.short });
      priorities.forEach((priority, s) => {
        const st = stats[all.indexOf(priority)]!;
        const n = st.histogram[g] ?? 0;
        const share = n / st.count;
        chart.bars.push({
          x: slots.bar(g, s), y: y(share), w: slots.barWidth, h: frame.plot.y + frame.plot.h - y(share), value: share,
          valueLabel: n > 0 ? percent(share) : '', group: bucket.short, series: priority, colorIndex: s,
          title: `${priority}: ${n} of ${st.count} ${METRIC_WORDS[metric]}s (${percent(share)}) took ${bucket.range} of business time`,
        });
      });
    });
    charts.push(chart);
  }
  return charts;
}

/** Axis labels and the ranges they stand for, for DURATION_EDGES: "<30m" is the bucket from 15 to 30 minutes. */
function bucketLabels(): { short: string; range: string }[] {
  const d = (i: number) => durationLabel(DURATION_EDGES[i]!);
  return [
    { short: `<${d(0)}`, range: `under ${d(0)}` },
    ...DURATION_EDGES.slice(1).map((_, i) => ({ short: `<${d(i + 1)}`, range: `${d(i)} to ${d(i + 1)}` })),
    { short: `≥${d(DURATION_EDGES.length - 1)}`, range: `${d(DURATION_EDGES.length - 1)} or more` },
  ];
}

/** Round step and top for a duration axis: 1m, 2m, 5m … 1d, 2d … so that 4–6 ticks cover the largest value. */
export function niceDurationScale(maxMs: number): { max: number; step: number } {
  const MIN = 60_000;
  const H = 60 * MIN;
  const steps = [MIN, 2 * MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, H, 2 * H, 4 * H, 6 * H, 12 * H, 24 * H, 48 * H, 120 * H, 240 * H, 480 * H];
  const step = steps.find((s) => maxMs / s <= 5) ?? 240 * H * Math.ceil(maxMs / (240 * H * 5));
  return { max: Math.max(step, Math.ceil(maxMs / step) * step), step };
}

/** "45m", "2h", "2h 30m", "3d 4h" (days of 24 business-clock hours, as the durations are elapsed clock time). */
export function durationLabel(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes}m`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}d ${hours}h` : `${days}d`;
  return mins > 0 ? `${hours}h ${mins}m` : `${hours}h`;
}

function percent(ratio: number): string {
  const p = ratio * 100;
  return `${p >= 99.95 || p < 0.05 ? p.toFixed(0) : p.toFixed(1)}%`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan 2026" where the year changes (first group, January), "Feb" elsewhere. Unknown shapes are shown as written. */
function monthLabel(month: string, withYear: boolean): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const name = MONTHS[Number(m[2]) - 1] ?? m[2]!;
  return withYear ? `${name} ${m[1]}` : name;
}

function policyOrder(report: Report): string[] {
  return [...new Set(report.policies.map((p: PolicyKpi) => p.policy))];
}

function metricOrder(rows: PolicyKpi[]): Metric[] {
  const seen = new Set<Metric>();
  // Only metrics with an outcome: a chart of clocks that are all still open would be an empty frame.
  for (const r of rows) for (const m of r.metrics) if (m.met + m.breached > 0) seen.add(m.metric);
  return [...seen];
}

function priorityOrder(present: string[], preferred: string[] | undefined): string[] {
  const set = new Set(present);
  const ordered = (preferred ?? []).filter((p) => set.has(p));
  for (const p of present) if (!ordered.includes(p)) ordered.push(p);
  return ordered;
}

/** Plot area and legend for a chart whose series are `series`; legend items wrap onto rows above the plot. */
function newFrame(width = 640, series: readonly string[]): Pick<Chart, 'width' | 'height' | 'plot' | 'legend'> {
  const legend: LegendItem[] = [];
  let x = MARGIN.left;
  let row = 0;
  series.forEach((name, i) => {
    const w = LEGEND_SWATCH + 4 + name.length * 6.5 + 14;
    if (x + w > width - MARGIN.right && x > MARGIN.left) {
      row++;
      x = MARGIN.left;
    }
    legend.push({ series: name, label: name, colorIndex: i, x, y: 6 + row * 16 });
    x += w;
  });
  const top = MARGIN.top + row * 16;
  return {
    width,
    height: HEIGHT + row * 16,
    plot: { x: MARGIN.left, y: top, w: width - MARGIN.left - MARGIN.right, h: HEIGHT - MARGIN.top - MARGIN.bottom },
    legend,
  };
}

/** Evenly spaced groups with a gap between them, bars side by side within a group. */
function groupSlots(plot: Chart['plot'], groups: number, perGroup: number) {
  const groupWidth = plot.w / Math.max(1, groups);
  const inner = groupWidth * 0.8;
  const barWidth = inner / Math.max(1, perGroup);
  const groupStart = (g: number) => plot.x + g * groupWidth;
  return {
    groupWidth,
    barWidth,
    groupStart,
    centre: (g: number) => groupStart(g) + groupWidth / 2,
    bar: (g: number, s: number) => groupStart(g) + groupWidth * 0.1 + s * barWidth,
  };
}
