// One chart of the report, drawn from core's geometry (core/report/charts.ts) as preact SVG elements: its words
// stay text (selectable, read by screen readers, never parsed as markup), and the CLI's HTML report draws the same
// bars from the same numbers.
import { useRef, useState } from 'preact/hooks';
import { CHART_PALETTE, type Chart, LEGEND_SWATCH } from '../../../core/report/charts.ts';
import { chartPng, saveBlob } from '../report/save.ts';

/** The chart width a phone asks core for; the text below it is drawn larger, to stay 11 px or more on screen. */
export const NARROW_WIDTH = 320;
const TEXT = { wide: { label: 10, value: 9, empty: 12 }, narrow: { label: 12, value: 12, empty: 13 } };
/** Narrower bars than this get no value label above them: the labels would overlap their neighbours'. */
const LABEL_MIN_WIDTH = { wide: 22, narrow: 30 };

const color = (i: number) => CHART_PALETTE[i % CHART_PALETTE.length]!;

export function ReportChart({ chart, fileName }: { chart: Chart; fileName: string }) {
  const svg = useRef<SVGSVGElement>(null);
  const [error, setError] = useState<string | null>(null);
  const titleId = `chart-${chart.id}-title`;
  const descId = `chart-${chart.id}-desc`;
  const { plot } = chart;
  const baseline = plot.y + plot.h;
  const size = chart.width <= NARROW_WIDTH ? 'narrow' : 'wide';
  const text = TEXT[size];
  const savePng = async () => {
    setError(null);
    try {
      if (svg.current) saveBlob(await chartPng(svg.current), fileName);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <figure class="card report-chart" data-testid={`chart-${chart.id}`}>
      <figcaption>
        <strong>{chart.title}</strong>
        <span class="muted"> {chart.description}</span>
      </figcaption>
      <svg ref={svg} viewBox={`0 0 ${chart.width} ${chart.height}`} width={chart.width} height={chart.height} role="img" aria-labelledby={`${titleId} ${descId}`} class="report-svg">
        <title id={titleId}>{chart.title}</title>
        <desc id={descId}>{chart.description}</desc>
        <rect class="chart-bg" x={0} y={0} width={chart.width} height={chart.height} />
        {chart.axes.y.ticks.map((t) => (
          <g key={`y${t.pos}`}>
            <line class="chart-grid" x1={plot.x} x2={plot.x + plot.w} y1={t.pos} y2={t.pos} stroke-width={1} />
            <text class="chart-muted" x={plot.x - 4} y={t.pos} text-anchor="end" dominant-baseline="middle" font-size={text.label}>
              {t.label}
            </text>
          </g>
        ))}
        {chart.bars.map((b) => (
          <g key={`${b.group}/${b.series}`} data-series={b.series} data-group={b.group} data-value={b.value}>
            <rect x={b.x} y={b.y} width={Math.max(0, b.w - 1)} height={b.h} fill={color(b.colorIndex)}>
              <title>{b.title}</title>
            </rect>
            {b.w >= LABEL_MIN_WIDTH[size] && (
              <text class="chart-text" x={b.x + b.w / 2} y={b.y - 3} text-anchor="middle" font-size={text.value}>
                {b.valueLabel}
              </text>
            )}
          </g>
        ))}
        {chart.lines.map((l, i) => (
          <g key={`l${i}`}>
            <line class="chart-goal" x1={l.x1} x2={l.x2} y1={l.y} y2={l.y} stroke-width={1.5} stroke-dasharray="5 3" />
            <text class="chart-goal-text" x={l.x2 - 2} y={l.y - 3} text-anchor="end" font-size={text.value}>
              {l.label}
            </text>
          </g>
        ))}
        <line class="chart-axis" x1={plot.x} x2={plot.x + plot.w} y1={baseline} y2={baseline} stroke-width={1} />
        {chart.axes.x.ticks.map((t) => (
          <text key={`x${t.pos}`} class="chart-text" x={t.pos} y={baseline + 14} text-anchor="middle" font-size={text.label}>
            {t.label}
          </text>
        ))}
        <text class="chart-muted" x={plot.x + plot.w / 2} y={chart.height - 4} text-anchor="middle" font-size={text.label}>
          {chart.axes.x.label}
        </text>
        <text class="chart-muted" x={10} y={plot.y + plot.h / 2} text-anchor="middle" font-size={text.label} transform={`rotate(-90 10 ${plot.y + plot.h / 2})`}>
          {chart.axes.y.label}
        </text>
        {chart.legend.map((item) => (
          <g key={`k${item.series}`}>
            <rect x={item.x} y={item.y} width={LEGEND_SWATCH} height={LEGEND_SWATCH} fill={color(item.colorIndex)} />
            <text class="chart-text" x={item.x + LEGEND_SWATCH + 4} y={item.y + LEGEND_SWATCH / 2} dominant-baseline="middle" font-size={text.label}>
              {item.label}
            </text>
          </g>
        ))}
        {chart.empty && (
          <text class="chart-muted" x={plot.x + plot.w / 2} y={plot.y + plot.h / 2} text-anchor="middle" font-size={text.empty}>
            {chart.empty}
          </text>
        )}
      </svg>
      <div class="report-chart-actions">
        <button type="button" onClick={() => void savePng()} data-testid={`png-${chart.id}`}>
          Save as PNG
        </button>
        {error && <span class="chip danger" role="alert">{error}</span>}
      </div>
    </figure>
  );
}
