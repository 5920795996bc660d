// Our one element in the host page. Everything the panel shows lives in a CLOSED shadow root whose reference never
// leaves this closure, so page scripts (which cannot patch our isolated world's attachShadow) cannot reach it. The
// host element itself carries no attributes, classes or text: its placement comes from :host rules inside the root.
//
// The tag name gets a random suffix per page load: a page that pre-registered a fixed name as a custom element
// (with `disabledFeatures: ['shadow']`, or a constructor that attaches its own root) could otherwise stop the panel.

export const HOST_TAG_PREFIX = 'tandem-panel-';

/**
 * The host is a transparent, click-through layer over the viewport; the panel sits in one of its corners. :host
 * rules win over the page's own (important declarations of an inner tree beat the outer tree's). contain: strict
 * makes the layer a layout and style boundary: a panel update re-lays out the panel only, not a heavy page around it.
 */
const HOST_CSS = `:host{all:initial!important;display:block!important;position:fixed!important;inset:0!important;margin:0!important;contain:strict!important;z-index:2147483647!important;pointer-events:none!important;visibility:visible!important;opacity:1!important;transform:none!important;filter:none!important;clip-path:none!important;mask:none!important}`;

/** Re-attaching more often than this within REATTACH_WINDOW_MS means a page is fighting us; we give up quietly. */
const MAX_REATTACH = 20;
const REATTACH_WINDOW_MS = 10_000;

export interface PanelHost {
  /** Where Preact renders: a div inside the closed shadow root. */
  readonly mount: HTMLElement;
  /** Replaces the panel's stylesheet (text of a <style> inside the shadow root). */
  setStyle(css: string): void;
  /** Whether the host is in the document right now. */
  readonly attached: boolean;
  /** Takes the host out of the page for good and stops watching for removal. */
  remove(): void;
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
}

export function createHost(doc: Document = document): PanelHost {
  const host = doc.createElement(`${HOST_TAG_PREFIX}${randomSuffix()}`);
  const root = host.attachShadow({ mode: 'closed' });
  const hostStyle = doc.createElement('style');
  hostStyle.textContent = HOST_CSS;
  const panelStyle = doc.createElement('style');
  const mount = doc.createElement('div');
  root.append(hostStyle, panelStyle, mount);

  let removed = false;
  const reattachTimes: number[] = [];
  const attach = () => {
    if (removed || host.isConnected) return;
    const now = Date.now();
    while (reattachTimes.length > 0 && now - reattachTimes[0]! > REATTACH_WINDOW_MS) reattachTimes.shift();
    if (reattachTimes.length >= MAX_REATTACH) return;
    reattachTimes.push(now);
    // documentElement, not body: SPAs replace body wholesale, and some pages have none yet.
    doc.documentElement?.appendChild(host);
  };

  // documentElement's children catch a removal; the document's catch a replaced <html> (document.open/write).
  const observer = new MutationObserver(() => {
    if (!host.isConnected) {
      attach();
      observe();
    }
  });
  const observe = () => {
    observer.disconnect();
    observer.observe(doc, { childList: true });
    if (doc.documentElement) observer.observe(doc.documentElement, { childList: true });
  };

  attach();
  observe();

  return {
    mount,
    setStyle(css: string) {
      if (panelStyle.textContent !== css) panelStyle.textContent = css;
    },
    get attached() {
      return host.isConnected;
    },
    remove() {
      removed = true;
      observer.disconnect();
      host.remove();
    },
  };
}
