// What every content script entry runs (main.iife.ts with all adapters, scripts/<type>.iife.ts with one): each is
// built by crxjs as one self-contained IIFE (no loader, no web-accessible chunks) and registered by the background
// for granted helpdesk origins, in all frames. It talks to the background with chrome.runtime.sendMessage only:
// never window.postMessage, and nothing read from page messages or events (the navigation signals only make us
// look at location.href again).
import type { Adapter, HelpdeskType } from '../adapters/types.ts';
import type { ContentRequest } from '../shared/messages.ts';
import { runOnNavigation, type Runner } from './navigation.ts';
import { createPanelView } from './Panel.tsx';
import { ContextGone, createSession } from './run.ts';

interface Instance {
  stop(): void;
}

// Symbol.for lives in this isolated world's registry, which the page cannot see. A second injection into the same
// world (registered script plus injection into an open tab on grant, or an update) replaces the first instance.
const KEY = Symbol.for('tandem.content-script');
const slot = globalThis as unknown as Record<symbol, Instance | undefined>;

/** Firefox runs a content script's own fetch as the extension, which can drop the helpdesk session's cookies. */
function pageFetch(): typeof fetch | undefined {
  const firefox = chrome.runtime.getURL('').startsWith('moz-extension:');
  const content = (globalThis as { content?: { fetch?: typeof fetch } }).content;
  return firefox && typeof content?.fetch === 'function' ? content.fetch.bind(content) : undefined;
}

function start(adapters: readonly Adapter[]): Instance {
  const adapterFor = (type: HelpdeskType) => adapters.find((a) => a.id === type) ?? null;
  let stopped = false;
  let runner: Runner | null = null;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    runner?.stop();
    view.hide();
  };

  // After the extension is reloaded or removed, this script keeps running in the page without a background; it
  // then takes its panel away instead of showing stale clocks.
  const send = async (msg: ContentRequest): Promise<unknown> => {
    if (stopped || !chrome.runtime?.id) {
      stop();
      throw new ContextGone();
    }
    try {
      return await chrome.runtime.sendMessage(msg);
    } catch (err) {
      if (!chrome.runtime?.id || /context invalidated/i.test(err instanceof Error ? err.message : String(err))) {
        stop();
        throw new ContextGone();
      }
      throw err;
    }
  };

  const view = createPanelView({
    onStateChange: (state) => {
      send({ type: 'panel-state', ...state }).catch(() => {});
    },
  });
  const session = createSession({ send, adapterFor, view, doc: document, fetch: pageFetch() });
  runner = runOnNavigation(session.run);
  return { stop };
}

/** Starts this injection, replacing an earlier one in the same isolated world. */
export function startContentScript(adapters: readonly Adapter[]): void {
  slot[KEY]?.stop();
  slot[KEY] = start(adapters);
}
