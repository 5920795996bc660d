// One run per URL: hello → adapter → ticket ref → read (same-origin, with the user's session) → 'ticket' → panel.
// Then the run stays alive until the URL changes: the countdown ticks inside the panel, and the background is
// asked again only when its answer can have changed (a re-read shows a different ticket, a clock reaches its
// breach, the next escalation step starts). Nothing here logs, posts to the page or stores on the page's origin.
import type { HelpdeskType } from '../../core/engagement/types.ts';
import type { Adapter, ReadContext } from '../adapters/types.ts';
import type { ContentRequest, HelloResponse } from '../shared/messages.ts';
import type { PanelModel } from '../shared/panel-model.ts';
import type { RawTicket } from '../shared/ticket.ts';
import { nextBoundary } from './countdown.ts';
import type { PanelView } from './Panel.tsx';

export interface ContentDeps {
  /** chrome.runtime.sendMessage: the background's answer. */
  send(msg: ContentRequest): Promise<unknown>;
  adapterFor(type: HelpdeskType): Adapter | null;
  view: PanelView;
  doc: Document;
  fetch?: typeof fetch;
  /** How often the ticket is re-read to notice a status change (issue 6: every 30 s, and on visibilitychange). */
  refreshMs?: number;
  /** A first read slower than this shows "Reading the ticket…"; faster ones paint the answer straight away. */
  loadingDelayMs?: number;
  /** Waits between looks for a ticket in a page the SPA has not rendered yet. */
  refRetryMs?: number[];
  /** Waits before re-reading a ticket whose first read missed fields (then every refreshMs). */
  settleMs?: number[];
  /** How often the adapter's ticketRef is asked again on the same address (page-only ticket changes). */
  refCheckMs?: number;
}

const REFRESH_MS = 30_000;
const LOADING_DELAY_MS = 300;
const REF_RETRY_MS = [250, 750, 2000];
const HELLO_RETRY_MS = [0, 500, 2000];
/** A read that missed fields is retried sooner: a single-page app may still be rendering the ticket. */
const SETTLE_MS = [1000, 3000];
/** Tab switching can fire visibilitychange often; one re-read per this long is plenty. */
const MIN_REREAD_MS = 5_000;
/** Past a boundary, give the background's clock a moment so it sees the new state too. */
const BOUNDARY_SLACK_MS = 250;
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/**
 * Some helpdesks change the ticket on screen without a new address (ConnectWise's hash is opaque and may be
 * written before the banner is redrawn), so the page's own ticket id is looked at this often while visible.
 */
const REF_CHECK_MS = 1000;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    path: string,
  ) {
    super(`HTTP ${status} from ${path}`);
    this.name = 'HttpError';
  }
}

/**
 * GET on the page's own origin with the user's session. Cross-origin targets are refused: an adapter bug must not
 * turn into a request carrying this page's cookies elsewhere.
 */
export function createFetchJson(base: URL, signal: AbortSignal, fetchImpl: typeof fetch = fetch): ReadContext['fetchJson'] {
  return async (pathAndQuery, init) => {
    const target = new URL(pathAndQuery, base);
    if (target.origin !== base.origin) throw new Error(`refusing a request to ${target.origin}: only ${base.origin} is read`);
    const res = await fetchImpl(target.href, {
      method: 'GET',
      credentials: 'same-origin',
      // Re-reads every 30 s must see the helpdesk's current answer, not a heuristically cached one.
      cache: 'no-cache',
      headers: { Accept: 'application/json', ...init?.headers },
      signal,
    });
    if (!res.ok) throw new HttpError(res.status, target.pathname);
    return res.json() as Promise<unknown>;
  };
}

/** Thrown by send() once the extension was reloaded or removed: this content script is an orphan then. */
export class ContextGone extends Error {}

function isHello(x: unknown): x is HelloResponse {
  return typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean';
}

function isModel(x: unknown): x is PanelModel {
  return typeof x === 'object' && x !== null && typeof (x as { ok?: unknown }).ok === 'boolean';
}

/** What the background needs to know about a re-read: a changed key means the model may have changed. */
function ticketKey(t: RawTicket): string {
  return JSON.stringify([t.id, t.fields, t.native ?? null]);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

type Wake = 'refresh' | 'visible' | 'boundary' | 'ref' | 'aborted';

/** Resolves with the first reason to look again. The refresh timer waits while the tab is hidden. */
function wake(signal: AbortSignal, doc: Document, refreshMs: number, boundary: number | null, refChanged?: { every: number; check(): boolean }): Promise<Wake> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve('aborted');
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const finish = (why: Wake) => {
      for (const t of timers) clearTimeout(t);
      doc.removeEventListener('visibilitychange', onVisibility);
      signal.removeEventListener('abort', onAbort);
      resolve(why);
    };
    const onAbort = () => finish('aborted');
    const onVisibility = () => {
      if (doc.visibilityState === 'visible') finish('visible');
    };
    const armRefresh = () => {
      timers.push(setTimeout(() => (doc.visibilityState === 'hidden' ? armRefresh() : finish('refresh')), refreshMs));
    };
    armRefresh();
    if (refChanged) {
      const armCheck = () => {
        timers.push(setTimeout(() => (doc.visibilityState !== 'hidden' && refChanged.check() ? finish('ref') : armCheck()), refChanged.every));
      };
      armCheck();
    }
    if (boundary !== null) {
      const delay = boundary - Date.now() + BOUNDARY_SLACK_MS;
      // Far boundaries are re-planned on the next wake; setTimeout cannot wait longer than 2^31 − 1 ms.
      if (delay < MAX_TIMEOUT_MS) timers.push(setTimeout(() => finish('boundary'), Math.max(0, delay)));
    }
    doc.addEventListener('visibilitychange', onVisibility);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface Session {
  run(url: URL, signal: AbortSignal): Promise<void>;
}

export function createSession(deps: ContentDeps): Session {
  const { view, doc } = deps;
  const refreshMs = deps.refreshMs ?? REFRESH_MS;
  const loadingDelayMs = deps.loadingDelayMs ?? LOADING_DELAY_MS;
  const refRetryMs = deps.refRetryMs ?? REF_RETRY_MS;
  const settleMs = deps.settleMs ?? SETTLE_MS;
  const refCheckMs = deps.refCheckMs ?? REF_CHECK_MS;
  // The persisted corner applies once per page: later hellos could race a move the user just made.
  let stateApplied = false;

  async function requestModel(ticket: RawTicket): Promise<PanelModel> {
    const answer = await deps.send({ type: 'ticket', ticket });
    return isModel(answer) ? answer : { ok: false, reason: 'Tandem gave no answer for this ticket.', ticketId: ticket.id, health: ticket.health };
  }

  async function run(url: URL, signal: AbortSignal): Promise<void> {
    // A service worker that is still starting can miss the first message; ask again briefly before giving up.
    let hello: unknown = null;
    for (const wait of HELLO_RETRY_MS) {
      if (wait > 0) await sleep(wait, signal);
      if (signal.aborted) return;
      try {
        hello = await deps.send({ type: 'hello', url: url.href });
        break;
      } catch (err) {
        if (err instanceof ContextGone) throw err;
      }
    }
    if (signal.aborted) return;
    if (!isHello(hello) || !hello.ok) {
      // Not set up for this origin (or no longer): nothing to say on a page that may not even be a ticket.
      view.hide();
      return;
    }
    if (!stateApplied) {
      stateApplied = true;
      view.setState(hello.corner, hello.collapsed);
    }
    const adapter = deps.adapterFor(hello.adapter);
    if (!adapter) {
      view.hide();
      return;
    }

    let ref = adapter.ticketRef(url, doc, hello.recipe);
    if (ref === null) {
      // Leaving a ticket for a list: the old ticket's panel must go at once. A SPA may still be rendering the
      // ticket a DOM-based ref needs, so look again a few times before giving up on this URL.
      view.hide();
      for (const ms of refRetryMs) {
        await sleep(ms, signal);
        if (signal.aborted) return;
        ref = adapter.ticketRef(url, doc, hello.recipe);
        if (ref !== null) break;
      }
      if (ref === null) return;
    }

    // Another ticket than the one on screen: never leave its data up while this one loads.
    let loadingTimer: ReturnType<typeof setTimeout> | null = null;
    if (view.ticketId !== ref) {
      const r = ref;
      if (view.visible) view.loading(r);
      else loadingTimer = setTimeout(() => signal.aborted || view.loading(r), loadingDelayMs);
    }
    const ctx: ReadContext = {
      url,
      document: doc,
      signal,
      ...(hello.recipe ? { recipe: hello.recipe } : {}),
      fetchJson: createFetchJson(url, signal, deps.fetch),
    };

    let raw: RawTicket | null = null;
    let model: PanelModel;
    try {
      raw = await adapter.read(ref, ctx);
      if (signal.aborted) return;
      model = await requestModel(raw).catch((err: unknown): PanelModel => {
        if (err instanceof ContextGone) throw err;
        return { ok: false, reason: `Tandem could not work out ticket ${ref}: ${message(err)}`, ticketId: ref, health: raw?.health };
      });
    } catch (err) {
      if (signal.aborted || err instanceof ContextGone) throw err;
      model = { ok: false, reason: `Could not read ticket ${ref}: ${message(err)}`, ticketId: ref };
    } finally {
      if (loadingTimer !== null) clearTimeout(loadingTimer);
    }
    if (signal.aborted) return;
    view.show(model, hello.adapter);

    let lastRead = Date.now();
    const missed = (t: RawTicket | null) => t === null || t.health.some((h) => h.source === 'missing');
    let settle = missed(raw) ? [...settleMs] : [];
    const current = ref;
    const refChanged = {
      every: refCheckMs,
      check: () => {
        const now = adapter.ticketRef(url, doc, hello.recipe);
        return now !== null && now !== current;
      },
    };
    for (;;) {
      const why = await wake(signal, doc, settle.shift() ?? refreshMs, nextBoundary(model, Date.now()), refChanged);
      if (why === 'aborted' || signal.aborted) return;
      // Another ticket on the same address: a fresh run reads it (and shows "Reading…" instead of the old one).
      if (why === 'ref') return run(url, signal);
      if (why === 'visible' && Date.now() - lastRead < MIN_REREAD_MS) continue;
      try {
        if (why === 'boundary' && raw) {
          model = await requestModel(raw);
        } else {
          lastRead = Date.now();
          const fresh = await adapter.read(ref, ctx);
          if (signal.aborted) return;
          if (!missed(fresh)) settle = [];
          if (raw && ticketKey(fresh) === ticketKey(raw)) continue;
          raw = fresh;
          model = await requestModel(raw);
        }
      } catch (err) {
        if (signal.aborted || err instanceof ContextGone) throw err;
        // A failed re-read keeps the last good panel: a flaky request must not blank it.
        continue;
      }
      if (signal.aborted) return;
      view.show(model, hello.adapter);
    }
  }

  return { run };
}
