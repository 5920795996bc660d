// The second layer for runbook HTML, on the main thread (DOMPurify needs a DOM; the worker has none). Engagement
// files are untrusted: whatever the renderer let through, nothing here may run script, load remote content or
// restyle the page.
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';
import { allowHref } from './policy.ts';

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style', 'link', 'meta', 'base', 'template',
    'form', 'input', 'button', 'select', 'option', 'textarea',
    'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math',
    // Offline there is nothing to load, and online a remote image would tell its host who read the runbook.
    'img', 'picture', 'source', 'video', 'audio', 'track', 'canvas', 'area', 'map',
  ],
  // Inline styles could overlay the page with a fake "call" button; data-* could pose as our own test hooks.
  FORBID_ATTR: ['style', 'srcset', 'ping', 'formaction', 'action'],
  ALLOW_DATA_ATTR: false,
};

const WEB = /^https?:/i;

let purifier: DOMPurify | null = null;
let works = false;

function instance(): DOMPurify {
  if (purifier) return purifier;
  const p = createDOMPurify(window);
  p.addHook('uponSanitizeElement', (node, data) => {
    // Runs before the forbidden element goes: leave what it meant as text in its place.
    const el = node as Element;
    const text =
      data.tagName === 'img' ? (el.getAttribute('alt') ?? '')
      : data.tagName === 'input' && el.getAttribute('type')?.toLowerCase() === 'checkbox' ? (el.hasAttribute('checked') ? '☑' : '☐')
      : '';
    if (text && el.parentNode) el.parentNode.insertBefore(el.ownerDocument.createTextNode(text), el);
  });
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (!el.hasAttribute?.('href')) return;
    const href = el.getAttribute('href') ?? '';
    if (!allowHref(href)) {
      el.removeAttribute('href');
      el.removeAttribute('target');
    } else if (WEB.test(href)) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    } else {
      el.removeAttribute('target');
    }
  });
  works = selfTest(p);
  return (purifier = p);
}

/**
 * DOMPurify trusts the DOM it runs on. Some DOM implementations (happy-dom: its NodeIterator stops when the
 * current node is removed, https://github.com/capricorn86/happy-dom/issues/2310) make it return live markup
 * unchecked, so it must prove itself once before its output is used.
 */
function selfTest(p: DOMPurify): boolean {
  if (!p.isSupported) return false;
  try {
    const out = p.sanitize('<p>a</p><script>x()</script><b onclick="x()">b</b><a href="javascript:x()">c</a><i>d</i>', CONFIG);
    return out === '<p>a</p><b>b</b><a>c</a><i>d</i>';
  } catch {
    return false;
  }
}

/**
 * Sanitized HTML for dangerouslySetInnerHTML. Links keep an href only for #fragments and http(s), mailto, tel and
 * sms; web links open in a new tab without an opener. Images become their alt text, task-list checkboxes ☑/☐.
 * Where the DOM cannot be trusted to sanitize, the result is the text alone, escaped: readable, never live.
 */
export function sanitize(html: string): string {
  const p = instance();
  if (works) return p.sanitize(html, CONFIG);
  return `<pre class="sanitize-fallback">${escape(textOf(html))}</pre>`;
}

function textOf(html: string): string {
  // A template's content is inert: nothing in it runs or loads.
  const t = document.createElement('template');
  t.innerHTML = html;
  return t.content.textContent ?? '';
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
