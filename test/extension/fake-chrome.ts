// A small in-memory stand-in for the chrome.* APIs the background uses: storage (local, session, managed, with
// onChanged), permissions, scripting, tabs.query, alarms and runtime. It keeps Chrome's observable rules that the
// background depends on: values are stored as JSON (undefined keys vanish), registering a duplicate script id or
// unregistering an unknown one rejects, and executeScript needs the tab's host permission.
import type { HelpdeskType } from '../../core/engagement/types.ts';

type Listener = (...args: any[]) => unknown;

export class FakeEvent {
  readonly listeners: Listener[] = [];
  addListener(l: Listener): void {
    this.listeners.push(l);
  }
  removeListener(l: Listener): void {
    const i = this.listeners.indexOf(l);
    if (i >= 0) this.listeners.splice(i, 1);
  }
  hasListener(l: Listener): boolean {
    return this.listeners.includes(l);
  }
  dispatch(...args: unknown[]): unknown[] {
    return this.listeners.map((l) => l(...args));
  }
}

const json = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

class FakeStorageArea {
  data: Record<string, unknown> = {};
  readonly onChanged = new FakeEvent();
  constructor(
    private readonly name: string,
    private readonly global: FakeEvent,
  ) {}

  async get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, unknown>> {
    if (keys === undefined || keys === null) return json(this.data);
    const out: Record<string, unknown> = {};
    if (typeof keys === 'string') keys = [keys];
    if (Array.isArray(keys)) {
      for (const k of keys) if (k in this.data) out[k] = json(this.data[k]);
      return out;
    }
    for (const [k, d] of Object.entries(keys)) out[k] = k in this.data ? json(this.data[k]) : d;
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [k, v] of Object.entries(items)) {
      changes[k] = { oldValue: this.data[k], newValue: json(v) };
      this.data[k] = json(v);
    }
    this.fire(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      if (!(k in this.data)) continue;
      changes[k] = { oldValue: this.data[k] };
      delete this.data[k];
    }
    this.fire(changes);
  }

  async clear(): Promise<void> {
    await this.remove(Object.keys(this.data));
  }

  /** For managed storage: the admin changes the policy. */
  replaceAll(data: Record<string, unknown>): void {
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const k of new Set([...Object.keys(this.data), ...Object.keys(data)])) changes[k] = { oldValue: this.data[k], newValue: data[k] };
    this.data = json(data);
    this.fire(changes);
  }

  private fire(changes: Record<string, unknown>): void {
    if (Object.keys(changes).length === 0) return;
    this.onChanged.dispatch(changes);
    this.global.dispatch(changes, this.name);
  }
}

export interface FakeTab {
  id: number;
  url: string;
}

export interface RegisteredScript {
  id: string;
  matches?: string[];
  js?: string[];
  allFrames?: boolean;
  runAt?: string;
  persistAcrossSessions?: boolean;
}

export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id: number; url?: string };
  frameId?: number;
}

export const EXTENSION_ID = 'tandemtestextensionid';

// Host permission patterns: a single site (https://acme.zendesk.com/ then *), a subdomain wildcard, or every host.
function covers(granted: string, wanted: string): boolean {
  const g = /^(\*|https?):\/\/([^/]+)\/(.*)$/.exec(granted);
  const w = /^(https?):\/\/([^/]+)\/(.*)$/.exec(wanted);
  if (!g || !w) return granted === wanted;
  if (g[1] !== '*' && g[1] !== w[1]) return false;
  const gh = g[2]!;
  const wh = w[2]!;
  const hostOk = gh === '*' || gh === wh || (gh.startsWith('*.') && (wh === gh.slice(2) || wh.endsWith(gh.slice(1))));
  return hostOk && (g[3] === '*' || g[3] === w[3]);
}

export class FakeChrome {
  readonly storageChanged = new FakeEvent();
  readonly local = new FakeStorageArea('local', this.storageChanged);
  readonly session = new FakeStorageArea('session', this.storageChanged);
  readonly managed = new FakeStorageArea('managed', this.storageChanged);
  /** Granted host permission patterns. */
  origins: string[] = [];
  /** What permissions.request answers (a user clicking Allow or Deny). */
  allowRequests = true;
  readonly scripts = new Map<string, RegisteredScript>();
  readonly executed: Array<{ tabId: number; allFrames: boolean; files: string[] }> = [];
  tabs: FakeTab[] = [];
  readonly alarmsMap = new Map<string, { name: string; periodInMinutes?: number; scheduledTime: number }>();

  readonly events = {
    onMessage: new FakeEvent(),
    onInstalled: new FakeEvent(),
    onStartup: new FakeEvent(),
    onAdded: new FakeEvent(),
    onRemoved: new FakeEvent(),
    onAlarm: new FakeEvent(),
  };

  readonly api = {
    runtime: {
      id: EXTENSION_ID,
      getURL: (path: string) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
      getManifest: () => ({ manifest_version: 3, name: 'Tandem', version: '0.0.0' }),
      onMessage: this.events.onMessage,
      onInstalled: this.events.onInstalled,
      onStartup: this.events.onStartup,
    },
    storage: { local: this.local, session: this.session, managed: this.managed, onChanged: this.storageChanged },
    permissions: {
      contains: async (p: { origins?: string[]; permissions?: string[] }) => (p.origins ?? []).every((o) => this.origins.some((g) => covers(g, o))),
      getAll: async () => ({ permissions: ['storage', 'scripting', 'activeTab', 'alarms'], origins: [...this.origins] }),
      request: async (p: { origins?: string[] }) => {
        if (!this.allowRequests) return false;
        this.grantPatterns(p.origins ?? []);
        return true;
      },
      remove: async (p: { origins?: string[] }) => {
        this.revokePatterns(p.origins ?? []);
        return true;
      },
      onAdded: this.events.onAdded,
      onRemoved: this.events.onRemoved,
    },
    scripting: {
      registerContentScripts: async (scripts: RegisteredScript[]) => {
        for (const s of scripts) if (this.scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        for (const s of scripts) this.scripts.set(s.id, json(s));
      },
      getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
        [...this.scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)).map((s) => json(s)),
      unregisterContentScripts: async (filter?: { ids?: string[] }) => {
        const ids = filter?.ids ?? [...this.scripts.keys()];
        for (const id of ids) if (!this.scripts.has(id)) throw new Error(`Nonexistent script ID '${id}'`);
        for (const id of ids) this.scripts.delete(id);
      },
      executeScript: async (injection: { target: { tabId: number; allFrames?: boolean }; files?: string[] }) => {
        const tab = this.tabs.find((t) => t.id === injection.target.tabId);
        if (!tab) throw new Error(`No tab with id: ${injection.target.tabId}`);
        const origin = new URL(tab.url).origin;
        if (!this.origins.some((g) => covers(g, `${origin}/*`))) throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
        this.executed.push({ tabId: tab.id, allFrames: injection.target.allFrames === true, files: [...(injection.files ?? [])] });
        return [{ frameId: 0, result: undefined }];
      },
    },
    tabs: {
      // Chrome hides tab.url without the tabs permission unless the extension has host access to the tab.
      query: async () => this.tabs.map((t) => ({ id: t.id, url: this.origins.some((g) => covers(g, `${new URL(t.url).origin}/*`)) ? t.url : undefined })),
    },
    alarms: {
      create: async (name: string, info: { delayInMinutes?: number; periodInMinutes?: number }) => {
        this.alarmsMap.set(name, { name, periodInMinutes: info.periodInMinutes, scheduledTime: Date.now() + (info.delayInMinutes ?? info.periodInMinutes ?? 0) * 60_000 });
      },
      get: async (name: string) => this.alarmsMap.get(name),
      getAll: async () => [...this.alarmsMap.values()],
      clear: async (name: string) => this.alarmsMap.delete(name),
      onAlarm: this.events.onAlarm,
    },
  };

  grantPatterns(patterns: string[]): void {
    const added = patterns.filter((p) => !this.origins.includes(p));
    this.origins.push(...added);
    if (added.length > 0) this.events.onAdded.dispatch({ origins: added, permissions: [] });
  }

  revokePatterns(patterns: string[]): void {
    const removed = patterns.filter((p) => this.origins.includes(p));
    this.origins = this.origins.filter((o) => !removed.includes(o));
    if (removed.length > 0) this.events.onRemoved.dispatch({ origins: removed, permissions: [] });
  }

  /** The user allows Tandem on a site (options page button, popup, or chrome://extensions). */
  grant(origin: string): void {
    this.grantPatterns([`${origin}/*`]);
  }

  revoke(origin: string): void {
    this.revokePatterns([`${origin}/*`]);
  }

  /** Delivers a runtime message as Chrome would and resolves with what the listener answered. */
  send(message: unknown, sender: Sender): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const sendResponse = (answer: unknown) => {
        if (answered) return;
        answered = true;
        resolve(json(answer));
      };
      const results = this.events.onMessage.dispatch(message, sender, sendResponse);
      if (!answered && !results.some((r) => r === true)) reject(new Error('The message port closed before a response was received.'));
    });
  }

  /** A message from one of our extension pages. */
  fromPage(message: unknown, page = 'extension/pages/options/index.html'): Promise<unknown> {
    return this.send(message, { id: EXTENSION_ID, url: this.api.runtime.getURL(page), origin: `chrome-extension://${EXTENSION_ID}` });
  }

  /** A message from our content script in a tab showing `url` (top frame). */
  fromContent(message: unknown, url: string, tabId = 1): Promise<unknown> {
    return this.send(message, { id: EXTENSION_ID, url, origin: new URL(url).origin, tab: { id: tabId, url }, frameId: 0 });
  }

  setPolicy(policy: Record<string, unknown>): void {
    this.managed.replaceAll(policy);
  }

  fireAlarm(name: string): void {
    this.events.onAlarm.dispatch({ name, scheduledTime: Date.now() });
  }
}

/** Installs a fresh fake as globalThis.chrome and returns it. */
export function installFakeChrome(): FakeChrome {
  const fake = new FakeChrome();
  (globalThis as { chrome?: unknown }).chrome = fake.api;
  return fake;
}

/** Lets queued promise callbacks (listeners that do their work asynchronously) run to the end. */
export async function settle(rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}

/** The content script path the tests hand to the background (the build's crxjs `?script` answer). */
export const CONTENT_SCRIPT = 'extension/content/main.iife.js';

/**
 * Loads a fresh copy of the background (no module state left from another test) on the installed fake and adds
 * its listeners, as the service worker's first turn does; `contentScripts` are the per-helpdesk-type scripts.
 */
export async function startBackground(contentScripts?: Partial<Record<HelpdeskType, string>>): Promise<void> {
  const { vi } = await import('vitest');
  vi.resetModules();
  const { installListeners } = await import('../../extension/background/listeners.ts');
  installListeners({ contentScript: CONTENT_SCRIPT, ...(contentScripts ? { contentScripts } : {}) });
  await settle();
}
