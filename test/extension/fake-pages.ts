// A small stand-in for the parts of chrome.* the options page and the popup use. It behaves like Chrome where
// the pages depend on it: permissions.request refuses unless called during a user gesture (tests wrap clicks in
// withGesture), origins:list reports what has been granted, and every call is logged in order.
import { vi } from 'vitest';
import type { EngagementInfo, ImportResult, OriginInfo, PageRequest } from '../../extension/shared/messages.ts';

type Handler = (request: PageRequest) => unknown;

export interface FakeSetup {
  engagements?: EngagementInfo[];
  /** Origins the engagements name; `granted` is recomputed from the fake's permission set. */
  origins?: Array<Omit<OriginInfo, 'granted'>>;
  /** Match patterns granted at the start, e.g. 'https://acme.zendesk.com/*'. */
  granted?: string[];
  tabUrl?: string;
  /** Per request type: the answer (a function gets the request). */
  answers?: Partial<Record<PageRequest['type'], unknown | Handler>>;
}

export function installFakeChrome(setup: FakeSetup = {}) {
  const log: string[] = [];
  const messages: PageRequest[] = [];
  const granted = new Set(setup.granted ?? []);
  let gesture = false;
  const listeners = { added: new Set<() => void>(), removed: new Set<() => void>() };

  const state = {
    engagements: [...(setup.engagements ?? [])],
    origins: [...(setup.origins ?? [])],
    /** What the user answers in Chrome's prompt. */
    userAllows: true,
  };

  const defaults: Record<PageRequest['type'], Handler> = {
    'engagements:list': () => state.engagements,
    'origins:list': () => state.origins.map((o) => ({ ...o, granted: granted.has(`${o.origin}/*`) })),
    'engagements:import': (r) => ({ ok: true, id: 'x', title: (r as { fileName: string }).fileName, replaced: false, warnings: [] }) satisfies ImportResult,
    'engagements:subscribe': () => ({ ok: true, id: 'sub', title: 'Subscribed', replaced: false, warnings: [] }) satisfies ImportResult,
    'engagements:refresh': () => ({ ok: true }),
    'engagements:remove': (r) => {
      state.engagements = state.engagements.filter((e) => e.id !== (r as { id: string }).id);
      return { ok: true };
    },
    'origins:sync': () => ({ ok: true }),
    // The picker and saved recipes: none unless a test answers otherwise.
    'picker:arm': () => ({ ok: true }),
    'picker:state': () => null,
    'picker:save': () => ({ ok: false, error: 'Nothing picked yet.' }),
    'picker:cancel': () => ({ ok: true }),
    'recipe:list': () => [],
    'recipe:delete': () => ({ ok: true }),
  };

  const fake = {
    runtime: {
      id: 'fake-extension-id',
      sendMessage: vi.fn(async (request: PageRequest) => {
        log.push(`message ${request.type}`);
        messages.push(request);
        const answer = setup.answers?.[request.type];
        if (answer === undefined) return structuredClone(defaults[request.type](request));
        return typeof answer === 'function' ? (answer as Handler)(request) : structuredClone(answer);
      }),
      openOptionsPage: vi.fn(async () => {
        log.push('openOptionsPage');
      }),
      getURL: (path: string) => `chrome-extension://fake-extension-id/${path.replace(/^\//, '')}`,
      getManifest: () => ({ options_page: 'extension/pages/options/index.html' }),
    },
    permissions: {
      request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
        // Checked before the first await, as Chrome checks the caller's activation when the call is made.
        const live = gesture;
        log.push(`permissions.request ${origins.join(' ')}${live ? '' : ' (no gesture)'}`);
        if (!live) throw new Error('This function must be called during a user gesture');
        if (!state.userAllows) return false;
        for (const o of origins) granted.add(o);
        for (const l of listeners.added) l();
        return true;
      }),
      remove: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
        log.push(`permissions.remove ${origins.join(' ')}`);
        for (const o of origins) granted.delete(o);
        for (const l of listeners.removed) l();
        return true;
      }),
      contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o))),
      onAdded: { addListener: (l: () => void) => listeners.added.add(l), removeListener: (l: () => void) => listeners.added.delete(l) },
      onRemoved: { addListener: (l: () => void) => listeners.removed.add(l), removeListener: (l: () => void) => listeners.removed.delete(l) },
    },
    tabs: {
      query: vi.fn(async () => [{ id: 7, active: true, url: setup.tabUrl }]),
    },
  };

  (globalThis as unknown as { chrome: unknown }).chrome = fake;

  return {
    chrome: fake,
    log,
    messages,
    state,
    granted,
    /** Runs fn as if the user had just clicked: permissions.request works only inside it. */
    withGesture<T>(fn: () => T): T {
      gesture = true;
      try {
        return fn();
      } finally {
        gesture = false;
      }
    },
    /** The requests of one type sent so far. */
    sent<T extends PageRequest['type']>(type: T): Array<Extract<PageRequest, { type: T }>> {
      return messages.filter((m): m is Extract<PageRequest, { type: T }> => m.type === type);
    },
  };
}

export type FakeChrome = ReturnType<typeof installFakeChrome>;

export function engagement(over: Partial<EngagementInfo> & { id: string }): EngagementInfo {
  return {
    title: `Engagement ${over.id}`,
    source: 'file',
    fileName: `${over.id}.yaml`,
    readOnly: false,
    importedAt: Date.UTC(2026, 10, 20, 9, 0),
    warnings: 0,
    origins: [],
    ...over,
  };
}
