// Chart geometry → an inline SVG string for the HTML report. Every piece of text goes through escapeXml, because
// priority, policy and month names come from user files. Colours are attributes (not CSS) so a print or a copy of
// the SVG keeps them; it scales to its container with the viewBox. It is inline SVG for HTML (no xmlns needed).
import { CHART_PALETTE, LEGEND_SWATCH, type Chart } from './charts.ts';

/** Text and attribute escaping for HTML and SVG (both contexts are quoted with "). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();
const colour = (i: number) => CHART_PALETTE[i % CHART_PALETTE.length]!;

export function chartSvg(chart: Chart): string {
  const { plot } = chart;
  const bottom = plot.y + plot.h;
  const titleId = `${chart.id}-title`;
  const parts: string[] = [
    `<svg viewBox="0 0 ${n(chart.width)} ${n(chart.height)}" role="img" aria-labelledby="${escapeXml(titleId)}" font-family="system-ui, sans-serif" font-size="11">`,
    `<title id="${escapeXml(titleId)}">${escapeXml(chart.title)}</title>`,
    `<desc>${escapeXml(chart.description)}</desc>`,
  ];
  for (const item of chart.legend) {
    parts.push(
      `<rect x="${n(item.x)}" y="${n(item.y)}" width="${LEGEND_SWATCH}" height="${LEGEND_SWATCH}" fill="${colour(item.colorIndex)}"/>`,
      `<text x="${n(item.x + LEGEND_SWATCH + 4)}" y="${n(item.y + LEGEND_SWATCH / 2)}" dominant-baseline="central" fill="#222">${escapeXml(item.label)}</text>`,
    );
  }
  for (const tick of chart.axes.y.ticks) {
    parts.push(
      `<line x1="${n(plot.x)}" x2="${n(plot.x + plot.w)}" y1="${n(tick.pos)}" y2="${n(tick.pos)}" stroke="#ddd" stroke-width="1"/>`,
      `<text x="${n(plot.x - 4)}" y="${n(tick.pos)}" text-anchor="end" dominant-baseline="central" fill="#444">${escapeXml(tick.label)}</text>`,
    );
  }
  parts.push(`<text x="12" y="${n(plot.y + plot.h / 2)}" transform="rotate(-90 12 ${n(plot.y + plot.h / 2)})" text-anchor="middle" fill="#444">${escapeXml(chart.axes.y.label)}</text>`);
  if (chart.empty !== undefined) {
    parts.push(`<text x="${n(plot.x + plot.w / 2)}" y="${n(plot.y + plot.h / 2)}" text-anchor="middle" fill="#444">${escapeXml(chart.empty)}</text>`);
  }
  for (const bar of chart.bars) {
    parts.push(`<rect x="${n(bar.x)}" y="${n(bar.y)}" width="${n(Math.max(0, bar.w - 1))}" height="${n(bar.h)}" fill="${colour(bar.colorIndex)}"><title>${escapeXml(bar.title)}</title></rect>`);
    // Value labels only where they fit: a crowded chart keeps its tooltips and the tables carry the numbers.
    if (bar.w >= 22) {
      parts.push(`<text x="${n(bar.x + bar.w / 2)}" y="${n(bar.y - 3)}" text-anchor="middle" font-size="9" fill="#222">${escapeXml(bar.valueLabel)}</text>`);
    }
  }
  for (const line of chart.lines) {
    parts.push(
      `<line x1="${n(line.x1)}" x2="${n(line.x2)}" y1="${n(line.y)}" y2="${n(line.y)}" stroke="#b00020" stroke-width="1.5" stroke-dasharray="5 3"><title>${escapeXml(line.label)}</title></line>`,
    );
  }
  // One label per distinct line text: a target repeated over every group would be noise.
  const labelled = new Set<string>();
  for (const line of chart.lines) {
    if (labelled.has(line.label)) continue;
    labelled.add(line.label);
    parts.push(`<text x="${n(line.x2 - 2)}" y="${n(line.y - 3)}" text-anchor="end" font-size="9" fill="#b00020">${escapeXml(line.label)}</text>`);
  }
  parts.push(`<line x1="${n(plot.x)}" x2="${n(plot.x + plot.w)}" y1="${n(bottom)}" y2="${n(bottom)}" stroke="#444" stroke-width="1"/>`);
  for (const tick of chart.axes.x.ticks) {
    parts.push(`<text x="${n(tick.pos)}" y="${n(bottom + 14)}" text-anchor="middle" fill="#222">${escapeXml(tick.label)}</text>`);
  }
  parts.push(`<text x="${n(plot.x + plot.w / 2)}" y="${n(chart.height - 4)}" text-anchor="middle" fill="#444">${escapeXml(chart.axes.x.label)}</text>`, '</svg>');
  return parts.join('\n');
}
