// sanitize() where it really runs: the markdown modules bundled as they ship, in headless Chromium. DOMPurify
// cannot be tested on happy-dom (markdown.test.ts), so the hostile inputs are checked here, both as raw HTML
// straight into sanitize() and as markdown through the whole pipeline.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Launched, launch } from '../e2e/support/chromium.ts';

const src = fileURLToPath(new URL('../../pwa/src/markdown/', import.meta.url));

/** What a sanitized fragment holds once the page parses it. */
interface Parsed {
  html: string;
  text: string;
  tags: string[];
  attrs: Array<[tag: string, name: string, value: string]>;
}

let browser: Launched;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-markdown-'));
  const entry = join(dir, 'entry.ts');
  await writeFile(entry, `export { sanitize } from ${JSON.stringify(join(src, 'sanitize.ts'))};\nexport { renderMarkdown } from ${JSON.stringify(join(src, 'render.ts'))};\n`);
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, target: 'es2022', lib: { entry, formats: ['iife'], name: 'Md', fileName: 'md' } },
  });
  const chunk = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle');
  browser = await launch();
  page = await browser.page();
  await page.setContent('<!doctype html><html lang="en"><head><title>t</title></head><body></body></html>');
  await page.addScriptTag({ content: chunk.code });
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function run(kind: 'html' | 'markdown', input: string): Promise<Parsed> {
  return page.evaluate(
    ([kind, input]) => {
      const md = (globalThis as unknown as { Md: { sanitize(h: string): string; renderMarkdown(m: string): string } }).Md;
      const html = md.sanitize(kind === 'markdown' ? md.renderMarkdown(input) : input);
      const t = document.createElement('template');
      t.innerHTML = html;
      const els = Array.from(t.content.querySelectorAll('*'));
      return {
        html,
        text: t.content.textContent ?? '',
        tags: els.map((e) => e.localName),
        attrs: els.flatMap((e) => Array.from(e.attributes).map((a): [string, string, string] => [e.localName, a.name, a.value])),
      };
    },
    [kind, input] as const,
  );
}

const SAFE_HREF = /^(?:https?:|mailto:|tel:|sms:|#)/i;

/** Nothing that runs, loads or restyles. */
function expectInert(p: Parsed): void {
  const banned = ['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'form', 'input', 'button', 'link', 'meta', 'base', 'frame', 'video', 'audio'];
  expect(p.tags.filter((t) => banned.includes(t)), p.html).toEqual([]);
  expect(p.attrs.filter(([, n]) => /^on/i.test(n) || n === 'style' || n === 'src' || n === 'srcset' || n === 'action' || n === 'formaction'), p.html).toEqual([]);
  expect(p.attrs.filter(([, n, v]) => n === 'href' && !SAFE_HREF.test(v)), p.html).toEqual([]);
  expect(p.attrs.filter(([, n]) => n.includes('href') && n !== 'href'), p.html).toEqual([]);
}

describe('sanitize() in Chromium, raw hostile HTML', () => {
  test('DOMPurify is really at work here (not the text-only fallback)', async () => {
    const p = await run('html', '<h2 id="section-x">T</h2><p>a <strong>b</strong></p><ol><li>c</li></ol>');
    expect(p.html).toBe('<h2 id="section-x">T</h2><p>a <strong>b</strong></p><ol><li>c</li></ol>');
  });

  test.each([
    ['<script>alert(1)</script><p>after</p>', 'after'],
    ['<img src=x onerror=alert(1)><p>after</p>', 'after'],
    ['<a href="javascript:alert(1)">x</a>', 'x'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', 'x'],
    ['<a href=" javascript:alert(1)">x</a>', 'x'],
    ['<a href="java&#x09;script:alert(1)">x</a>', 'x'],
    ['<a href="&#106;avascript:alert(1)">x</a>', 'x'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', 'x'],
    ['<a href="vbscript:msgbox(1)">x</a>', 'x'],
    ['<a href="/app/settings">x</a>', 'x'],
    ['<a href="//evil.example/">x</a>', 'x'],
    ['<svg onload=alert(1)><circle r="5"/></svg><p>after</p>', 'after'],
    ['<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', ''],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', ''],
    ['<iframe src="https://evil.example/"></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe><p>after</p>', 'after'],
    ['<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x"><p>after</p>', 'after'],
    ['<form action="https://evil.example/"><input name="pw"><button formaction="javascript:alert(1)">Go</button></form>', 'Go'],
    ['<style>body{display:none}</style><p style="position:fixed;inset:0">cover</p>', 'cover'],
    ['<link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example/"><base href="https://evil.example/">', ''],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', ''],
    ['<p data-testid="update-reload" onclick="alert(1)">fake</p>', 'fake'],
    ['<details open ontoggle=alert(1)><summary>s</summary>d</details>', 'sd'],
    ['<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video><audio src="x"></audio>', ''],
  ])('%s', async (html, text) => {
    const p = await run('html', html);
    expectInert(p);
    expect(p.text.replace(/\s+/g, '')).toContain(text.replace(/\s+/g, ''));
    expect(p.attrs.filter(([, n]) => n.startsWith('data-'))).toEqual([]);
  });

  test('tel:, sms:, mailto: and https: links survive; web links open a new tab without an opener', async () => {
    const p = await run(
      'html',
      '<a href="tel:+19735550160">SOC</a> <a href="sms:+19735550111">text</a> <a href="mailto:soc@sentryharbor.example">mail</a> <a href="https://status.metrofiber.example" target="_self" rel="opener">status</a> <a href="http://old.example">old</a> <a href="#decision">up</a>',
    );
    expectInert(p);
    const links = p.attrs.filter(([t]) => t === 'a');
    expect(links.filter(([, n]) => n === 'href').map(([, , v]) => v)).toEqual([
      'tel:+19735550160', 'sms:+19735550111', 'mailto:soc@sentryharbor.example', 'https://status.metrofiber.example', 'http://old.example', '#decision',
    ]);
    // Only the two web links get target and rel.
    expect(links.filter(([, n]) => n === 'target').map(([, , v]) => v)).toEqual(['_blank', '_blank']);
    expect(links.filter(([, n]) => n === 'rel').map(([, , v]) => v)).toEqual(['noopener noreferrer', 'noopener noreferrer']);
  });

  test('an image becomes its alt text; a task checkbox becomes ☑ or ☐', async () => {
    const p = await run('html', '<p>see <img src="https://x.example/rack.png" alt="the rack diagram"> here</p><ul><li><input type="checkbox" disabled checked> done</li><li><input type="checkbox" disabled> todo</li></ul>');
    expectInert(p);
    expect(p.text).toContain('see the rack diagram here');
    expect(p.text).toContain('☑ done');
    expect(p.text).toContain('☐ todo');
  });
});

describe('the whole pipeline in Chromium (markdown → worker HTML → sanitize)', () => {
  test.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['[x](javascript:alert(1))'],
    ['[x](data:text/html,<script>alert(1)</script>)'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>'],
    ['<svg onload=alert(1)>'],
    ['<iframe src="https://evil.example/"></iframe>'],
    ['<a href="vbscript:msgbox(1)">x</a>'],
    ['![x](javascript:alert(1)) ![y](https://tracker.example/pixel.png)'],
    ['[x](java&#115;cript:alert(1))'],
  ])('%s', async (md) => {
    expectInert(await run('markdown', md));
  });

  test('a runbook keeps its structure, phone links and heading ids', async () => {
    const p = await run(
      'markdown',
      '## Steps\n\n1. Call the SOC: [+1 973 555 0160](tel:+19735550160)\n2. Check https://status.metrofiber.example\n\n| Circuit | Id |\n|---|---|\n| DIA | MFX/101 |\n\n- [x] isolated\n- [ ] reported\n',
    );
    expectInert(p);
    expect(p.tags).toEqual(expect.arrayContaining(['h2', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'th', 'td', 'ul']));
    expect(p.attrs).toEqual(expect.arrayContaining([['h2', 'id', 'section-steps'], ['a', 'href', 'tel:+19735550160'], ['a', 'rel', 'noopener noreferrer']]));
    expect(p.text).toContain('☑ isolated');
  });
});
