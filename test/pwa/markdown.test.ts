// @vitest-environment happy-dom
// The markdown pipeline outside a browser: what micromark + our URL allowlist emit (string in, string out, as in
// the worker), and sanitize() on happy-dom. DOMPurify does not work on happy-dom (its NodeIterator stops when the
// current node is removed, so everything after the first removed node goes through unchecked), so there sanitize()
// must fail closed: text only. Real sanitizing is tested in Chromium (markdown-chromium.test.ts).
import { describe, expect, test } from 'vitest';
import { HEADING_ID_PREFIX, allowHref, renderMarkdown } from '../../pwa/src/markdown/render.ts';
import { runbookSections } from '../../pwa/src/search/documents.ts';
import { sanitize } from '../../pwa/src/markdown/sanitize.ts';

/** Every element and attribute in an HTML fragment, parsed the way the page would. */
function parts(html: string): { tags: string[]; attrs: Array<[string, string, string]> } {
  const t = document.createElement('template');
  t.innerHTML = html;
  const els = Array.from(t.content.querySelectorAll('*'));
  return {
    tags: els.map((e) => e.tagName.toLowerCase()),
    attrs: els.flatMap((e) => Array.from(e.attributes).map((a): [string, string, string] => [e.tagName.toLowerCase(), a.name, a.value])),
  };
}

describe('renderMarkdown (GFM)', () => {
  test('tables', () => {
    const html = renderMarkdown('| Circuit | Id |\n|---|---|\n| DIA | MFX/101 |\n');
    expect(parts(html).tags).toEqual(['table', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'td', 'td']);
    expect(html).toContain('<td>MFX/101</td>');
  });

  test('task lists', () => {
    const html = renderMarkdown('- [x] isolate the host\n- [ ] call the SOC\n');
    expect(html).toMatch(/<li><input type="checkbox" disabled="" checked="" \/> isolate the host<\/li>/);
    expect(html).toMatch(/<li><input type="checkbox" disabled="" \/> call the SOC<\/li>/);
  });

  test('autolinks: www, bare URLs, emails and <…>', () => {
    const html = renderMarkdown('See www.metrofiber.example, https://status.metrofiber.example, noc@metrofiber.example and <https://x.example/?a=1&b=2>.');
    expect(parts(html).attrs.filter(([, n]) => n === 'href').map(([, , v]) => v)).toEqual([
      'http://www.metrofiber.example',
      'https://status.metrofiber.example',
      'mailto:noc@metrofiber.example',
      'https://x.example/?a=1&b=2',
    ]);
  });

  test('tel:, sms:, mailto:, https: and #anchors keep their href (micromark alone would drop tel and sms)', () => {
    const html = renderMarkdown('[SOC](tel:+19735550160) [text](sms:+19735550111) [mail](mailto:soc@sentryharbor.example) [web](https://soc.sentryharbor.example) [up](#decision)');
    expect(parts(html).attrs.map(([, , v]) => v)).toEqual(['tel:+19735550160', 'sms:+19735550111', 'mailto:soc@sentryharbor.example', 'https://soc.sentryharbor.example', '#decision']);
  });

  test.each([
    ['[x](javascript:alert(1))'],
    ['[x](JaVaScRiPt:alert(1))'],
    ['[x](java&#115;cript:alert(1))'],
    ['[x](&#106;avascript:alert(1))'],
    ['[x](<javascript:alert(1)>)'],
    ['[x](data:text/html,<script>alert(1)</script>)'],
    ['[x](vbscript:msgbox(1))'],
    ['[x](file:///etc/passwd)'],
    ['[x](//evil.example/x)'],
    ['[x](relative/page.html)'],
    ['[x][ref]\n\n[ref]: javascript:alert(1)'],
  ])('a hostile or relative link loses its href: %s', (md) => {
    const html = renderMarkdown(md);
    expect(parts(html).attrs).toEqual([]);
    expect(html).toContain('<a>x</a>');
  });

  test.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['<svg onload=alert(1)>'],
    ['<iframe src="https://evil.example"></iframe>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>'],
    ['<style>body{display:none}</style>'],
    ['<form action="https://evil.example"><input name=p></form>'],
    ['Text <b onclick="alert(1)">inline</b> html'],
  ])('raw HTML is escaped, never parsed: %s', (md) => {
    const html = renderMarkdown(md);
    expect(parts(html).tags.every((t) => t === 'p')).toBe(true);
    expect(parts(html).attrs).toEqual([]);
  });

  test('an image keeps only an http(s) source (the page then replaces images by their alt text)', () => {
    const html = renderMarkdown('![rack](https://x.example/rack.png) ![bad](javascript:alert(1))');
    expect(parts(html).attrs.filter(([, n]) => n === 'src').map(([, , v]) => v)).toEqual(['https://x.example/rack.png', '']);
  });

  test('headings get unique, prefixed ids and start at h2 under the page h1', () => {
    const html = renderMarkdown('# Contain\n\n## Steps\n\ntext\n\n## Steps\n\n### Who *decides* `now`?\n');
    expect(html).toContain(`<h2 id="${HEADING_ID_PREFIX}contain">Contain</h2>`);
    expect(html).toContain(`<h3 id="${HEADING_ID_PREFIX}steps">Steps</h3>`);
    expect(html).toContain(`<h3 id="${HEADING_ID_PREFIX}steps-2">Steps</h3>`);
    expect(html).toContain(`<h4 id="${HEADING_ID_PREFIX}who-decides-now">`);
  });

  test('a body whose sections are ### still starts at h2 (no skipped levels)', () => {
    const html = renderMarkdown('### One\n\n#### Two\n');
    expect(parts(html).tags).toEqual(['h2', 'h3']);
  });

  test('heading ids are the slugs search links to (#/<engagement>/runbooks/<runbook>/<slug>)', () => {
    const bodies = [
      '# One\ntext\n## Two ##\nmore',
      'Intro\n\nSetext *heading*\nover two lines\n===\n\nbody\n\nAnother\n---\n',
      '```\n# not a heading\n```\n\n## After `code` and **bold** and _em_ and snake_case',
      '### [Link text](https://x.example) &amp; more\n\n## Same\n\n## Same\n\n## Émigré ![logo](x.png) Straße\n',
    ];
    for (const md of bodies) {
      const ids = [...renderMarkdown(md).matchAll(/<h[1-6] id="([^"]*)">/g)].map((m) => m[1]);
      expect(ids, md).toEqual(runbookSections(md).slice(1).map((s) => HEADING_ID_PREFIX + s.slug));
    }
  });

  test('allowHref', () => {
    for (const ok of ['https://a.example', 'HTTP://a.example', 'tel:+1', 'sms:+1', 'mailto:a@b', '#x']) expect(allowHref(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', ' javascript:x', 'data:text/html,x', 'vbscript:x', '/x', '//x.example', 'x', '', 'slack://open']) expect(allowHref(bad), bad).toBe(false);
  });
});

describe('sanitize() on happy-dom fails closed', () => {
  const hostile = [
    '<script>alert(1)</script><p>after</p>',
    '<p>a</p><img src=x onerror=alert(1)><b onclick=alert(1)>b</b>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a><i onmouseover=alert(1)>i</i>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<svg onload=alert(1)></svg><p onclick=alert(1)>p</p>',
    '<iframe src="https://evil.example"></iframe><u onclick=alert(1)>u</u>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<form><input name=x></form><s onclick=alert(1)>s</s>',
  ];

  test.each(hostile.map((h) => [h]))('%s', (html) => {
    const out = sanitize(html);
    // One inert <pre> of text, whatever came in.
    expect(parts(out).tags).toEqual(['pre']);
    expect(parts(out).attrs).toEqual([['pre', 'class', 'sanitize-fallback']]);
  });

  test('the text stays readable', () => {
    const out = sanitize(renderMarkdown('1. Call the SOC: **+1 973 555 0160**\n2. Isolate the host'));
    const t = document.createElement('template');
    t.innerHTML = out;
    expect(t.content.textContent).toContain('Call the SOC: +1 973 555 0160');
    expect(t.content.textContent).toContain('Isolate the host');
  });
});
