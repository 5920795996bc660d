// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Adapter, ReadContext } from '../../extension/adapters/types.ts';
import { HOST_TAG_PREFIX, type PanelHost } from '../../extension/content/host.ts';
import { runOnNavigation, watchUrl } from '../../extension/content/navigation.ts';
import { createPanelView } from '../../extension/content/Panel.tsx';
import { createFetchJson, createSession, HttpError } from '../../extension/content/run.ts';
import type { ContentRequest } from '../../extension/shared/messages.ts';
import type { PanelModel } from '../../extension/shared/panel-model.ts';
import type { RawTicket } from '../../extension/shared/ticket.ts';

/** What the panel shows: text nodes and the data-t attributes its CSS paints (see T in Panel.tsx), in order. */
function shown(el: Node | null | undefined): string {
  if (!el) return '';
  if (el.nodeType === 3) return el.nodeValue ?? '';
  if (el.nodeType !== 1 && el.nodeType !== 9 && el.nodeType !== 11) return '';
  const e = el as Element;
  if (e.localName === 'style') return '';
  return (e.getAttribute?.('data-t') ?? '') + [...el.childNodes].map(shown).join('');
}

const START = 'https://acme.zendesk.com/agent/tickets/1';

beforeEach(() => {
  // happy-dom starts on localhost; put the document on the helpdesk's origin so pushState can move within it.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(START);
});

afterEach(() => {
  vi.useRealTimers();
  for (const el of [...document.documentElement.children]) if (el.localName.startsWith(HOST_TAG_PREFIX)) el.remove();
});

const flush = () => vi.advanceTimersByTimeAsync(0);
const hosts = () => [...document.documentElement.children].filter((el) => el.localName.startsWith(HOST_TAG_PREFIX));

describe('watchUrl', () => {
  test("the timer notices the page's own pushState, which the isolated world cannot hook", async () => {
    vi.useFakeTimers();
    const seen: string[] = [];
    const stop = watchUrl((href) => seen.push(href), { pollMs: 1000 });
    history.pushState(null, '', '/agent/tickets/2');
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen).toEqual(['https://acme.zendesk.com/agent/tickets/2']);
    // No change, no call.
    await vi.advanceTimersByTimeAsync(3000);
    expect(seen).toHaveLength(1);
    stop();
    history.pushState(null, '', '/agent/tickets/3');
    await vi.advanceTimersByTimeAsync(3000);
    expect(seen).toHaveLength(1);
  });

  test('popstate and hashchange are noticed at once', () => {
    const seen: string[] = [];
    const stop = watchUrl((href) => seen.push(href), { pollMs: 60_000 });
    history.pushState(null, '', '/agent/tickets/7');
    window.dispatchEvent(new PopStateEvent('popstate'));
    history.pushState(null, '', '/agent/tickets/7#x');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    stop();
    expect(seen).toEqual(['https://acme.zendesk.com/agent/tickets/7', 'https://acme.zendesk.com/agent/tickets/7#x']);
  });

  test('a router re-rendering the <title> or body children is noticed long before the timer', async () => {
    const seen: string[] = [];
    const stop = watchUrl((href) => seen.push(href), { pollMs: 60_000, throttleMs: 0 });
    history.pushState(null, '', '/agent/tickets/8');
    document.title = 'Ticket 8';
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 20));
    stop();
    expect(seen).toEqual(['https://acme.zendesk.com/agent/tickets/8']);
  });
});

describe('runOnNavigation', () => {
  test("a URL change aborts the previous run's signal and starts a new run for the new URL", async () => {
    vi.useFakeTimers();
    const runs: Array<{ url: string; signal: AbortSignal }> = [];
    const runner = runOnNavigation((url, signal) => {
      runs.push({ url: url.href, signal });
      return new Promise(() => {});
    });
    expect(runs.map((r) => r.url)).toEqual([START]);
    history.pushState(null, '', '/agent/tickets/2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.map((r) => r.url)).toEqual([START, 'https://acme.zendesk.com/agent/tickets/2']);
    expect(runs[0]!.signal.aborted).toBe(true);
    expect(runs[1]!.signal.aborted).toBe(false);
    expect(runner.signal).toBe(runs[1]!.signal);
    runner.stop();
    expect(runs[1]!.signal.aborted).toBe(true);
  });

  test('a failing run does not stop the watching', async () => {
    vi.useFakeTimers();
    const urls: string[] = [];
    const runner = runOnNavigation(async (url) => {
      urls.push(url.pathname);
      throw new Error('boom');
    });
    history.pushState(null, '', '/agent/tickets/5');
    await vi.advanceTimersByTimeAsync(1000);
    runner.stop();
    expect(urls).toEqual(['/agent/tickets/1', '/agent/tickets/5']);
  });
});

// A fake helpdesk: tickets live at /agent/tickets/<id>; the list at /agent/filters is not a ticket page.
interface FakeOptions {
  status?: () => string;
  models?: (t: RawTicket) => PanelModel;
  createHost?: () => PanelHost;
  readDelay?: (ref: string) => number;
  /** The ticket the page shows, read from the page instead of the address (ConnectWise). */
  pageRef?: () => string | null;
}

function fakeWorld(opts: FakeOptions = {}) {
  const sent: ContentRequest[] = [];
  const reads: Array<{ ref: string; signal: AbortSignal }> = [];
  const status = opts.status ?? (() => 'open');
  const adapter: Adapter = {
    id: 'zendesk',
    examples: { ticket: [], notTicket: [] },
    ticketRef: (url) => (opts.pageRef ? opts.pageRef() : (/^\/agent\/tickets\/(\d+)$/.exec(url.pathname)?.[1] ?? null)),
    read: async (ref: string, ctx: ReadContext) => {
      reads.push({ ref, signal: ctx.signal });
      const delay = opts.readDelay?.(ref) ?? 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const st = status();
      return {
        adapter: 'zendesk',
        url: ctx.url.href,
        id: ref,
        fields: st ? { status: st } : {},
        health: [{ field: 'status', source: st ? 'api' : 'missing' }],
      };
    },
  };
  const model = (t: RawTicket): PanelModel =>
    opts.models?.(t) ?? {
      ok: true,
      ticketId: t.id ?? '?',
      engagement: { id: 'e', title: 'Engagement' },
      matchedBy: '',
      priority: null,
      status: String(t.fields.status),
      activity: { id: 'a', name: 'A' },
      rule: 'default',
      owners: [],
      clocks: [],
      native: [],
      escalation: { ok: false, reason: 'no policy' },
      notes: [],
      health: t.health,
      computedAt: Date.now(),
    };
  const send = async (msg: ContentRequest): Promise<unknown> => {
    sent.push(msg);
    if (msg.type === 'hello') return { ok: true, adapter: 'zendesk', corner: 'top-left', collapsed: false };
    if (msg.type === 'ticket') return model(msg.ticket);
    return undefined;
  };
  const view = createPanelView({ onStateChange: () => {}, ...(opts.createHost ? { createHost: opts.createHost } : {}) });
  const session = createSession({ send, adapterFor: (t) => (t === 'zendesk' ? adapter : null), view, doc: document, refRetryMs: [] });
  return { sent, reads, view, session };
}

describe('the run pipeline', () => {
  test('a ticket that changes on the page without a new address is read within a second', async () => {
    vi.useFakeTimers();
    let onPage: string | null = '7';
    const w = fakeWorld({ pageRef: () => onPage });
    const runner = runOnNavigation(w.session.run);
    await flush();
    expect(w.view.ticketId).toBe('7');
    onPage = '8';
    await vi.advanceTimersByTimeAsync(1100);
    expect(w.view.ticketId).toBe('8');
    expect(w.reads.map((r) => r.ref)).toEqual(['7', '8']);
    // The page leaving the ticket (a list drawn in place) keeps the last panel until the address changes.
    onPage = null;
    await vi.advanceTimersByTimeAsync(3000);
    expect(w.view.ticketId).toBe('8');
    runner.stop();
    w.view.hide();
  });

  test('a ticket page gets a panel; navigating to a non-ticket page removes it; back to a ticket brings it back', async () => {
    vi.useFakeTimers();
    const w = fakeWorld();
    const runner = runOnNavigation(w.session.run);
    await flush();
    expect(w.sent.map((m) => m.type)).toEqual(['hello', 'ticket']);
    expect(hosts()).toHaveLength(1);
    expect(w.view.ticketId).toBe('1');

    history.pushState(null, '', '/agent/filters');
    await vi.advanceTimersByTimeAsync(1000);
    expect(hosts()).toHaveLength(0);
    expect(w.view.visible).toBe(false);
    expect(w.reads[0]!.signal.aborted).toBe(true);

    history.pushState(null, '', '/agent/tickets/2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(hosts()).toHaveLength(1);
    expect(w.view.ticketId).toBe('2');
    runner.stop();
    w.view.hide();
  });

  test('an origin Tandem does not know (hello not ok) shows nothing', async () => {
    vi.useFakeTimers();
    const view = createPanelView({ onStateChange: () => {} });
    const session = createSession({
      send: async () => ({ ok: false, reason: 'no engagement has a helpdesk at acme.zendesk.com' }),
      adapterFor: () => null,
      view,
      doc: document,
    });
    const runner = runOnNavigation(session.run);
    await flush();
    expect(hosts()).toHaveLength(0);
    runner.stop();
  });

  test('re-reads every 30 s and asks the background again only when the ticket changed', async () => {
    vi.useFakeTimers();
    let status = 'open';
    const w = fakeWorld({ status: () => status });
    const runner = runOnNavigation(w.session.run);
    await flush();
    expect(w.sent.filter((m) => m.type === 'ticket')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(w.reads).toHaveLength(2);
    expect(w.sent.filter((m) => m.type === 'ticket')).toHaveLength(1);
    status = 'pending';
    await vi.advanceTimersByTimeAsync(30_000);
    const tickets = w.sent.filter((m): m is Extract<ContentRequest, { type: 'ticket' }> => m.type === 'ticket');
    expect(tickets).toHaveLength(2);
    expect(tickets[1]!.ticket.fields.status).toBe('pending');
    runner.stop();
    w.view.hide();
  });

  test('a read that missed fields is retried within seconds, not after 30 s', async () => {
    vi.useFakeTimers();
    let status = '';
    const w = fakeWorld({ status: () => status });
    const runner = runOnNavigation(w.session.run);
    await flush();
    expect(w.reads).toHaveLength(1);
    status = 'open';
    await vi.advanceTimersByTimeAsync(1000);
    expect(w.reads).toHaveLength(2);
    const tickets = w.sent.filter((m): m is Extract<ContentRequest, { type: 'ticket' }> => m.type === 'ticket');
    expect(tickets.map((t) => t.ticket.fields.status)).toEqual([undefined, 'open']);
    // Complete now: back to the 30 s rhythm.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(w.reads).toHaveLength(2);
    runner.stop();
    w.view.hide();
  });

  test('a clock crossing its breach asks the background again, without a re-read', async () => {
    vi.useFakeTimers();
    const t0 = Date.now();
    const w = fakeWorld({
      models: (t) => ({
        ok: true,
        ticketId: t.id ?? '',
        engagement: { id: 'e', title: 'E' },
        matchedBy: '',
        priority: null,
        status: null,
        activity: { id: 'a', name: 'A' },
        rule: 'default',
        owners: [],
        clocks: [
          {
            policy: 'joint', policyName: 'Joint', kind: 'SLA', between: 'a → b', metric: 'first_response', state: 'running',
            paused: false, breachAt: t0 + 10_000, breachedAt: null, remainingMs: 10_000, target: '1 h',
          },
        ],
        native: [],
        escalation: { ok: false, reason: 'none' },
        notes: [],
        health: [],
        computedAt: t0,
      }),
    });
    const runner = runOnNavigation(w.session.run);
    await flush();
    await vi.advanceTimersByTimeAsync(10_500);
    expect(w.sent.filter((m) => m.type === 'ticket')).toHaveLength(2);
    expect(w.reads).toHaveLength(1);
    runner.stop();
    w.view.hide();
  });

  test("the persisted corner from hello is applied; another ticket's data never stays up while the next loads", async () => {
    vi.useFakeTimers();
    const mount = document.createElement('div');
    document.body.append(mount);
    const host = { mount, setStyle: () => {}, attached: true, remove: () => mount.remove() };
    const w = fakeWorld({ createHost: () => host, readDelay: (ref) => (ref === '2' ? 60_000 : 0) });
    const runner = runOnNavigation(w.session.run);
    await flush();
    const panel = () => mount.querySelector('[data-testid="panel"]');
    expect(panel()?.className).toContain('top-left');
    expect(shown(panel())).toContain('#1');
    expect(shown(panel())).toContain('Engagement');

    history.pushState(null, '', '/agent/tickets/2');
    await vi.advanceTimersByTimeAsync(1000);
    expect(shown(panel())).toContain('#2');
    expect(shown(panel())).toContain('Reading the ticket');
    expect(shown(panel())).not.toContain('Engagement');
    runner.stop();
    w.view.hide();
  });
});

describe('fetchJson', () => {
  const base = new URL('https://acme.zendesk.com/agent/tickets/1');

  test('same-origin GET with the session, JSON accepted, the run signal attached', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fake = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push([String(input), init]);
      return new Response('{"ticket":{"id":1}}', { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const signal = new AbortController().signal;
    const fetchJson = createFetchJson(base, signal, fake);
    await expect(fetchJson('/api/v2/tickets/1.json', { headers: { 'X-Token': 't' } })).resolves.toEqual({ ticket: { id: 1 } });
    const [url, init] = calls[0]!;
    expect(url).toBe('https://acme.zendesk.com/api/v2/tickets/1.json');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.signal).toBe(signal);
    expect(init?.headers).toEqual({ Accept: 'application/json', 'X-Token': 't' });
  });

  test('a non-2xx answer rejects with its status; another origin is refused without a request', async () => {
    let called = 0;
    const fake = (async () => {
      called++;
      return new Response('nope', { status: 403 });
    }) as typeof fetch;
    const fetchJson = createFetchJson(base, new AbortController().signal, fake);
    const err = await fetchJson('/api/v2/tickets/1.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(403);
    await expect(fetchJson('https://evil.example/steal')).rejects.toThrow(/refusing/);
    await expect(fetchJson('//evil.example/steal')).rejects.toThrow(/refusing/);
    expect(called).toBe(1);
  });
});
