// URL changes seen from the isolated world. Patching history.pushState here would not see the page's own calls
// (each world has its own History wrapper), so we notice the consequences instead: popstate and hashchange events,
// DOM mutations that SPAs make when they route (the <title>, body's children), and a cheap location.href check on
// a timer for everything else. Each URL gets a run with its own AbortSignal; a new URL aborts the previous run
// (Refined GitHub's pattern).

export interface WatchOptions {
  win?: Window;
  /** The timer's period; the mutation and history signals usually win by far. */
  pollMs?: number;
  /** At most one check per this many ms from DOM mutations (one trailing check is kept). */
  throttleMs?: number;
}

const POLL_MS = 1000;
const THROTTLE_MS = 100;

/** Calls onChange(href) once for each new location.href, however the page changed it. Returns stop(). */
export function watchUrl(onChange: (href: string) => void, opts: WatchOptions = {}): () => void {
  const win = opts.win ?? window;
  const doc = win.document;
  const throttleMs = opts.throttleMs ?? THROTTLE_MS;
  let last = win.location.href;
  let stopped = false;

  const check = () => {
    if (stopped) return;
    const href = win.location.href;
    if (href === last) return;
    last = href;
    onChange(href);
  };

  let lastCheck = 0;
  let trailing: ReturnType<typeof setTimeout> | null = null;
  const throttled = () => {
    if (trailing !== null) return;
    const wait = lastCheck + throttleMs - Date.now();
    if (wait <= 0) {
      lastCheck = Date.now();
      check();
      return;
    }
    trailing = setTimeout(() => {
      trailing = null;
      lastCheck = Date.now();
      check();
    }, wait);
  };

  // Only the nodes a router touches: <head> (the title and its text), <body>'s own children, and <html>'s
  // children so that a replaced <body> is followed. Never the body's subtree: that is the page's hot path.
  const observer = new MutationObserver((records) => {
    if (records.some((r) => r.target === doc.documentElement || r.target === doc)) observeTargets();
    throttled();
  });
  const observeTargets = () => {
    observer.disconnect();
    // Before <html> exists (a document_start injection), the document's own children tell when it arrives.
    observer.observe(doc.documentElement ?? doc, { childList: true });
    if (doc.head) observer.observe(doc.head, { childList: true, subtree: true, characterData: true });
    if (doc.body) observer.observe(doc.body, { childList: true });
  };
  observeTargets();

  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  const timer = setInterval(check, opts.pollMs ?? POLL_MS);

  return () => {
    stopped = true;
    observer.disconnect();
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
    clearInterval(timer);
    if (trailing !== null) clearTimeout(trailing);
  };
}

export type Run = (url: URL, signal: AbortSignal) => Promise<unknown> | unknown;

export interface Runner {
  /** The signal of the run in progress. */
  readonly signal: AbortSignal;
  stop(): void;
}

/**
 * Runs `run` for the current URL now and again for every new URL, aborting the previous run first. A run's
 * failure is its own business (run.ts shows it in the panel); it never stops the watching.
 */
export function runOnNavigation(run: Run, opts: WatchOptions = {}): Runner {
  const win = opts.win ?? window;
  let controller = new AbortController();
  const start = (href: string) => {
    controller.abort();
    controller = new AbortController();
    const signal = controller.signal;
    try {
      Promise.resolve(run(new URL(href), signal)).catch(() => {});
    } catch {
      // A synchronous throw is handled like a rejection: the next URL gets a fresh run anyway.
    }
  };
  const stopWatching = watchUrl(start, opts);
  start(win.location.href);
  return {
    get signal() {
      return controller.signal;
    },
    stop() {
      stopWatching();
      controller.abort();
    },
  };
}
