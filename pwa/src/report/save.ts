// Getting the report out of the app: the CSV as a download, and each chart as a PNG for the QBR slides.

/** Starts a download of `blob` named `name`; works offline (an object URL, no server round trip). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy once click() returns in every engine we ship to; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The colours a chart is drawn with outside the page. An SVG drawn as an image sees none of the page's CSS, so
 * the on-screen theme (light or dark) is replaced by explicit light colours: slides and paper are light.
 */
const PAPER: Record<string, { fill?: string; stroke?: string }> = {
  'chart-bg': { fill: '#ffffff' },
  'chart-text': { fill: '#0f172a' },
  'chart-muted': { fill: '#334155' },
  'chart-grid': { stroke: '#cbd5e1' },
  'chart-axis': { stroke: '#334155' },
  'chart-goal': { stroke: '#b91c1c' },
  'chart-goal-text': { fill: '#b91c1c' },
};
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, DejaVu Sans, sans-serif';

/** The chart as a standalone SVG document with explicit colours and font. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('font-family', FONT);
  for (const el of Array.from(copy.querySelectorAll('[class]'))) {
    for (const cls of Array.from(el.classList)) {
      const paint = PAPER[cls];
      if (paint?.fill) el.setAttribute('fill', paint.fill);
      if (paint?.stroke) el.setAttribute('stroke', paint.stroke);
    }
  }
  return new XMLSerializer().serializeToString(copy);
}

/** Renders the chart at `scale` × its viewBox size into a PNG. */
export async function chartPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const box = svg.viewBox.baseVal;
  const width = Math.round((box?.width || svg.clientWidth || 640) * scale);
  const height = Math.round((box?.height || svg.clientHeight || 280) * scale);
  const url = URL.createObjectURL(new Blob([standaloneSvg(svg)], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.drawImage(image, 0, 0, width, height);
    return await new Promise<Blob>((ok, ko) => canvas.toBlob((b) => (b ? ok(b) : ko(new Error('the browser could not encode the PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
