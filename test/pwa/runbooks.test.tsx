// @vitest-environment happy-dom
// The Runbooks view. DOMPurify cannot run on happy-dom (see markdown.test.ts), so sanitize() is wrapped: by default
// it passes the worker's HTML through, which lets these tests see the rendered structure; `realSanitize` switches
// to the real function, which fails closed here. sanitize() itself is tested in Chromium.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type Engagement, parseEngagement } from '../../core/index.ts';
import { RunbooksView, isRunbookOpen, testedState } from '../../pwa/src/views/Runbooks.tsx';

const state = vi.hoisted(() => ({ realSanitize: false }));
const sanitizeCalls = vi.hoisted(() => [] as string[]);
vi.mock('../../pwa/src/markdown/sanitize.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pwa/src/markdown/sanitize.ts')>();
  return {
    sanitize: (html: string) => {
      sanitizeCalls.push(html);
      return state.realSanitize ? real.sanitize(html) : html;
    },
  };
});

const TEXT = readFileSync(fileURLToPath(import.meta.resolve('../../examples/acme-ost.yaml')), 'utf8');
/** Fri 2026-11-27 07:00 in New York. */
const NOW = Date.parse('2026-11-27T12:00:00Z');

const DRILL = [
  '**Read this first.** See [the decision](#decision) and call the SOC: [+1 973 555 0160](tel:+19735550160).',
  '',
  '## Contain',
  '',
  '1. Isolate the host',
  '2. Check https://status.metrofiber.example',
  '',
  '| Circuit | Id |',
  '|---|---|',
  '| DIA | MFX/101 |',
  '',
  '## Decision',
  '',
  'Jane decides.',
  '',
].join('\n');

function load(): Engagement {
  const r = parseEngagement(TEXT, { fileName: 'acme-ost.yaml', now: NOW });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  const e = structuredClone(r.engagement);
  e.runbooks.drill = { title: 'Tabletop drill', activities: ['incident-containment'], body: DRILL, owner: 'jdoe', triggers: ['quarterly'], lastTested: '2025-11-26' };
  return e;
}

function show(engagement: Engagement, rest: string[] = [], render_?: (md: string) => Promise<string>) {
  return render(<RunbooksView id="acme-ost" engagement={engagement} now={NOW} rest={rest} render={render_} />);
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  state.realSanitize = false;
  sanitizeCalls.length = 0;
});

describe('runbook list', () => {
  test('each runbook with its title link, the activities it covers, owner, last test and triggers', () => {
    const e = load();
    const root = show(e).getByTestId('view-runbooks');
    expect(Array.from(root.querySelectorAll('li[data-testid^="runbook-"]')).map((n) => n.getAttribute('data-testid'))).toEqual(
      Object.keys(e.runbooks).map((id) => `runbook-${id}`),
    );
    const isp = root.querySelector('[data-testid="runbook-isp-down"]')!;
    const link = isp.querySelector('h2 a')!;
    expect(link.textContent).toBe('Internet circuit down at Newark HQ');
    expect(link.getAttribute('href')).toBe('#/acme-ost/runbooks/isp-down');
    expect(Array.from(isp.querySelectorAll('.runbook-activities a')).map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['ISP and circuit liaison (Metro Fiber)', '#/acme-ost/raci/isp-liaison'],
      ['Firewall rule change', '#/acme-ost/raci/firewall-change'],
    ]);
    expect(isp.textContent).toContain('On-Site Technology');
    expect(isp.textContent).toContain('2026-09-17');
    expect(Array.from(isp.querySelectorAll('.runbook-triggers li')).map((li) => li.textContent)).toContain('NOC alert "HQ-FW01 WAN1 down"');
    expect(isp.querySelector('.chip.warn')).toBeNull();
    // A person as owner; tested a year and a day ago.
    const drill = root.querySelector('[data-testid="runbook-drill"]')!;
    expect(drill.textContent).toContain('Jane Doe');
    expect(drill.querySelector('.chip.warn')!.textContent).toContain('over 12 months ago');
  });

  test('stale means tested before the same date 12 months ago, in the engagement zone; never tested is stale too', () => {
    const zone = 'America/New_York';
    expect(testedState('2025-11-27', NOW, zone).stale).toBe(false);
    expect(testedState('2025-11-26', NOW, zone).stale).toBe(true);
    expect(testedState(undefined, NOW, zone).stale).toBe(true);
    // 03:00 UTC on the 28th is still the 27th in New York.
    expect(testedState('2025-11-27', Date.parse('2026-11-28T03:00:00Z'), zone).stale).toBe(false);
    expect(testedState('2025-11-27', Date.parse('2026-11-28T06:00:00Z'), zone).stale).toBe(true);
  });

  test('the list does not count as an open runbook', () => {
    show(load());
    expect(isRunbookOpen()).toBe(false);
  });
});

describe('one runbook', () => {
  test('renders the body (main-thread renderer by default) through sanitize()', async () => {
    const e = load();
    const view = show(e, ['isp-down']);
    const body = view.getByTestId('runbook-body');
    // The default renderer is imported lazily (micromark); a busy CI machine needs more than waitFor's 1 s.
    await waitFor(() => expect(body.querySelector('ol')).not.toBeNull(), { timeout: 15_000 });
    expect(view.getByRole('heading', { level: 1 }).textContent).toBe('Internet circuit down at Newark HQ');
    expect(body.querySelector('strong')!.textContent).toBe('Priority:');
    expect(body.querySelectorAll('ol > li')).toHaveLength(7);
    expect(sanitizeCalls).toHaveLength(1);
    const sanitized = document.createElement('template');
    sanitized.innerHTML = sanitizeCalls[0]!;
    expect(body.querySelector('.runbook-md')!.innerHTML).toBe(sanitized.innerHTML);
    expect(body.querySelector('a[href="https://status.metrofiber.example"]')).not.toBeNull();
  });

  test('uses the render function it is given (the shell passes the worker\'s)', async () => {
    const renderMd = vi.fn(async (md: string) => `<p id="from-worker">${md.length}</p>`);
    const view = show(load(), ['ransomware'], renderMd);
    await waitFor(() => expect(view.getByTestId('runbook-body').querySelector('#from-worker')).not.toBeNull());
    expect(renderMd).toHaveBeenCalledWith(load().runbooks.ransomware!.body);
  });

  test('a render failure shows the runbook as plain text', async () => {
    const view = show(load(), ['ransomware'], () => Promise.reject(new Error('worker gone')));
    await waitFor(() => expect(view.getByTestId('runbook-body').querySelector('pre')).not.toBeNull());
    expect(view.getByTestId('runbook-body').querySelector('pre')!.textContent).toBe(load().runbooks.ransomware!.body);
  });

  test('headings get ids and the route\'s section is scrolled to and focused', async () => {
    const scrolled: Element[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this);
    });
    const view = show(load(), ['drill', 'decision']);
    const body = view.getByTestId('runbook-body');
    await waitFor(() => expect(body.querySelector('h2')).not.toBeNull());
    expect(Array.from(body.querySelectorAll('h2')).map((h) => h.id)).toEqual(['section-contain', 'section-decision']);
    const decision = body.querySelector('#section-decision')!;
    await waitFor(() => expect(scrolled).toContain(decision));
    expect(document.activeElement).toBe(decision);
    expect(decision.classList.contains('runbook-target')).toBe(true);
  });

  test('an in-page #link scrolls to its heading instead of changing the route', async () => {
    const scrolled: Element[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this);
    });
    const view = show(load(), ['drill']);
    const body = view.getByTestId('runbook-body');
    await waitFor(() => expect(body.querySelector('a[href="#decision"]')).not.toBeNull());
    const notPrevented = fireEvent.click(body.querySelector('a[href="#decision"]')!);
    expect(notPrevented).toBe(false);
    expect(scrolled).toContain(body.querySelector('#section-decision'));
  });

  test('a wide table scrolls in its own focusable region', async () => {
    const view = show(load(), ['drill']);
    const body = view.getByTestId('runbook-body');
    await waitFor(() => expect(body.querySelector('table')).not.toBeNull());
    const box = body.querySelector('table')!.parentElement!;
    expect(box.className).toBe('runbook-table');
    expect(box.getAttribute('tabindex')).toBe('0');
    expect(box.getAttribute('role')).toBe('region');
  });

  test('isRunbookOpen() is true exactly while a runbook is on screen', async () => {
    expect(isRunbookOpen()).toBe(false);
    const view = show(load(), ['isp-down']);
    expect(isRunbookOpen()).toBe(true);
    view.rerender(<RunbooksView id="acme-ost" engagement={load()} now={NOW} rest={[]} />);
    expect(isRunbookOpen()).toBe(false);
    view.rerender(<RunbooksView id="acme-ost" engagement={load()} now={NOW} rest={['ransomware']} />);
    expect(isRunbookOpen()).toBe(true);
    view.unmount();
    expect(isRunbookOpen()).toBe(false);
  });

  test('an unknown runbook says so', () => {
    expect(show(load(), ['nope']).getByTestId('view-runbooks').textContent).toContain('No runbook “nope”');
    expect(isRunbookOpen()).toBe(false);
  });

  test('with the real sanitize() (which fails closed on happy-dom) a hostile body never becomes live markup', async () => {
    state.realSanitize = true;
    const e = load();
    e.runbooks.evil = {
      title: 'Evil', activities: [], triggers: [],
      body: '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))',
    };
    const view = show(e, ['evil'], async () => '<p>a</p><script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>');
    const body = view.getByTestId('runbook-body');
    await waitFor(() => expect(body.querySelector('.runbook-md')).not.toBeNull());
    expect(body.querySelectorAll('script, img, [onerror], a[href^="javascript"]')).toHaveLength(0);
  });
});

test('axe finds nothing in the list or a runbook', async () => {
  document.documentElement.lang = 'en';
  document.title = 'Tandem';
  const run = () =>
    axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'color-contrast': { enabled: false } },
    });
  const describe_ = (r: Awaited<ReturnType<typeof run>>) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  for (const rest of [[], ['drill']]) {
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    render(<RunbooksView id="acme-ost" engagement={load()} now={NOW} rest={rest} />, { container: main });
    if (rest.length) await waitFor(() => expect(main.querySelector('.runbook-md')).not.toBeNull());
    expect(describe_(await run()), rest.join('/')).toEqual([]);
    cleanup();
  }
});
