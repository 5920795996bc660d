// Service-worker state seen from the page. The root tsconfig has no DOM lib (core must not use it), so code that
// runs in the browser reaches globals through the small BrowserGlobals shape instead.
import type { Page } from 'playwright-core';

interface ActiveWorker {
  scriptURL: string;
  state: string;
  addEventListener(type: 'statechange', listener: () => void): void;
}

export interface BrowserGlobals {
  navigator: {
    onLine: boolean;
    serviceWorker: {
      controller: { scriptURL: string; state: string } | null;
      ready: Promise<{ active: ActiveWorker | null }>;
      addEventListener(type: 'controllerchange', listener: () => void, opts?: { once: boolean }): void;
    };
  };
  document: { title: string; querySelector(selector: string): { textContent: string | null } | null };
  performance: {
    getEntriesByName(name: string, type?: string): Array<{ startTime: number; duration: number }>;
    getEntriesByType(type: string): Array<{ name: string; startTime: number; responseEnd?: number }>;
  };
  location: { href: string };
}

export interface SwStatus {
  /** State of the active worker once navigator.serviceWorker.ready resolved. */
  activeState: string | null;
  /** Whether this page is controlled (its requests go through the service worker). */
  controlled: boolean;
}

/**
 * Waits for navigator.serviceWorker.ready (at most timeoutMs), then up to claimMs for a clients.claim() to make the
 * page controlled, and reports the outcome.
 */
export async function serviceWorkerStatus(page: Page, timeoutMs = 10_000, claimMs = 2_000): Promise<SwStatus> {
  return page.evaluate(
    async ([ms, claim]) => {
      const g = globalThis as unknown as BrowserGlobals;
      const sw = g.navigator.serviceWorker;
      const timeout = new Promise<never>((_, ko) => setTimeout(() => ko(new Error(`no service worker after ${ms} ms`)), ms));
      const reg = await Promise.race([sw.ready, timeout]);
      // ready resolves while the worker is still "activating"; its activate handler (clients.claim) runs after.
      const active = reg.active;
      if (active && active.state === 'activating') {
        await new Promise<void>((ok) => {
          active.addEventListener('statechange', () => active.state !== 'activating' && ok());
          setTimeout(ok, claim);
        });
      }
      if (!sw.controller) {
        await new Promise<void>((ok) => {
          sw.addEventListener('controllerchange', () => ok(), { once: true });
          setTimeout(ok, claim);
        });
      }
      return { activeState: reg.active?.state ?? null, controlled: sw.controller !== null };
    },
    [timeoutMs, claimMs] as const,
  );
}

/**
 * Waits until a service worker is active and controls the page, reloading once if the first load stayed
 * uncontrolled (a worker without clientsClaim only takes pages loaded after it activated).
 */
export async function waitForControl(page: Page, timeoutMs = 10_000): Promise<SwStatus> {
  let status = await serviceWorkerStatus(page, timeoutMs);
  if (!status.controlled) {
    await page.reload();
    status = await serviceWorkerStatus(page, timeoutMs);
  }
  return status;
}
