// Markdown (CommonMark + GFM) to an HTML string. Runs in the worker, so it touches no DOM; the page still passes
// the result through sanitize() before it reaches the document.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { createSlugger } from '../search/documents.ts';
import { HEADING_ID_PREFIX, allowHref } from './policy.ts';

export { HEADING_ID_PREFIX, allowHref };

export interface RenderOptions {
  /** The level the body's highest heading becomes (the page around it owns the levels above). Default 2. */
  topHeading?: number;
}

/**
 * Render untrusted markdown. Raw HTML in the text is escaped (micromark's allowDangerousHtml stays false); link
 * and image URLs go through our own allowlist; headings get ids `section-<slug>` and are re-levelled so the
 * body's outline starts at `topHeading`.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const html = micromark(markdown, {
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
    // micromark's own protocol allowlist drops tel: and sms:, which escalation runbooks live on; urls() below
    // replaces it with ours. Raw HTML stays escaped, so every tag in the output is one micromark wrote.
    allowDangerousProtocol: true,
  });
  return headings(urls(html), options.topHeading ?? 2);
}

const SRC_SCHEMES = /^https?:/i;

// micromark writes these attributes itself, always first and always double-quoted with the value HTML-encoded, and
// escapes any `<` of the source text, so a literal `<a href="` in its output cannot come from the author.
function urls(html: string): string {
  return html
    .replace(/<a href="([^"]*)"/g, (_, url: string) => (allowHref(decode(url)) ? `<a href="${url}"` : '<a'))
    .replace(/<img src="([^"]*)"/g, (_, url: string) => `<img src="${SRC_SCHEMES.test(decode(url)) ? url : ''}"`);
}

function headings(html: string, top: number): string {
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  if (levels.length === 0) return html;
  const shift = top - Math.min(...levels);
  // Search slugs the same text the same way (its runbook sections link here), repeats numbered in document order.
  const slug = createSlugger();
  return html
    // micromark's own headings carry no attributes; the GFM footnote label (<h2 id=… class=…>) keeps its id.
    .replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_, level: string, inner: string) => {
      const id = HEADING_ID_PREFIX + slug(decode(inner.replace(/<[^>]*>/g, '')));
      return `<h${level} id="${id}">${inner}</h${level}>`;
    })
    .replace(/<(\/?)h([1-6])(?=[\s>])/g, (_, close: string, level: string) => `<${close}h${clamp(Number(level) + shift)}`);
}

function clamp(level: number): number {
  return Math.min(6, Math.max(1, level));
}

// micromark-util-encode escapes exactly these four characters in text and attribute values.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ENTITIES[name] ?? '');
}
