// One registered content script per granted helpdesk origin. The manifest declares none: an origin gets the script
// only after the user granted it (optional host permission), and loses it when the permission goes. Registrations
// persist across sessions, but a browser may drop them (an update, Firefox withholding hosts), so they are
// reconciled against permissions.getAll at every start and never trusted without permissions.contains.
import type { HelpdeskType } from '../../core/engagement/types.ts';
import { originOf } from '../../core/routing/index.ts';

export const SCRIPT_PREFIX = 'tandem:';

let contentScript = '';
let byType: Partial<Record<HelpdeskType, string>> = {};
/** The helpdesk types the mappings name per origin, as last given to reconcile(). */
let typesByOrigin: ReadonlyMap<string, readonly HelpdeskType[]> = new Map();
let queue: Promise<unknown> = Promise.resolve();
/** Origins with a registration, as last seen; null until read after a service-worker start. */
let registered: Set<string> | null = null;

/** The content scripts' output paths (crxjs `?script` imports in main.ts): all adapters, and one per type. */
export function setContentScript(all: string, perType: Partial<Record<HelpdeskType, string>> = {}): void {
  contentScript = all;
  byType = perType;
}

/**
 * One mapped type with a script of its own gets that script (two thirds of the size); several types get all.
 * An origin nothing maps yet only ever hears "no engagement here", so the smallest script will do until a mapping
 * arrives (an engagement change re-registers).
 */
export function scriptFor(origin: string): string {
  const types = typesByOrigin.get(origin) ?? [];
  const own = types.length === 1 ? byType[types[0]!] : types.length === 0 ? byType.generic : undefined;
  return own || contentScript;
}

export const scriptId = (origin: string) => `${SCRIPT_PREFIX}${origin}`;
export const patternOf = (origin: string) => `${origin}/*`;

/** The origin of a host permission for a single site ("https://acme.zendesk.com/*"); null for wildcard hosts. */
export function originOfPattern(pattern: string): string | null {
  const m = /^(https?):\/\/([^/*]+)\/\*?$/.exec(pattern);
  return m ? originOf(`${m[1]}://${m[2]}`) : null;
}

export async function isGranted(origin: string): Promise<boolean> {
  try {
    return await chrome.permissions.contains({ origins: [patternOf(origin)] });
  } catch {
    return false;
  }
}

async function registeredScripts(): Promise<chrome.scripting.RegisteredContentScript[]> {
  const all = await chrome.scripting.getRegisteredContentScripts();
  return all.filter((s) => s.id.startsWith(SCRIPT_PREFIX));
}

/** True when the origin has our registration and its permission; both can change behind our back. */
export async function isRegistered(origin: string): Promise<boolean> {
  if (!registered) registered = new Set((await registeredScripts()).map((s) => s.id.slice(SCRIPT_PREFIX.length)));
  return registered.has(origin) && (await isGranted(origin));
}

export interface Reconciled {
  /** Origins registered now. */
  registered: string[];
  added: string[];
  removed: string[];
}

/**
 * Makes the registrations match the granted origins: every single-site host permission we hold, plus the
 * `known` origins (engagement mappings, policy) covered by a broader grant. Calls run one after the other, so a
 * grant seen twice (permissions.onAdded and the options page's origins:sync) registers and injects once.
 */
export function reconcile(known: readonly string[] | ReadonlyMap<string, readonly HelpdeskType[]> = []): Promise<Reconciled> {
  const run = queue.then(() => {
    if (!Array.isArray(known)) typesByOrigin = known as ReadonlyMap<string, readonly HelpdeskType[]>;
    return reconcileNow(Array.isArray(known) ? known : [...(known as ReadonlyMap<string, unknown>).keys()]);
  });
  queue = run.catch(() => undefined);
  return run;
}

async function reconcileNow(known: readonly string[]): Promise<Reconciled> {
  const perms = await chrome.permissions.getAll();
  const single = (perms.origins ?? []).map(originOfPattern).filter((o): o is string => o !== null);
  const candidates = [...new Set([...single, ...known])];
  const granted = new Set<string>();
  for (const origin of candidates) if (await isGranted(origin)) granted.add(origin);

  const existing = await registeredScripts();
  const keep = new Set<string>();
  const stale: string[] = [];
  for (const s of existing) {
    const origin = s.id.slice(SCRIPT_PREFIX.length);
    // A registration from an older build points at a script file that no longer exists.
    const current = granted.has(origin) && s.js?.length === 1 && s.js[0] === scriptFor(origin) && s.allFrames === true;
    if (current) keep.add(origin);
    else stale.push(s.id);
  }
  if (stale.length > 0) await chrome.scripting.unregisterContentScripts({ ids: stale });

  const added = [...granted].filter((o) => !keep.has(o));
  if (added.length > 0 && contentScript) {
    await chrome.scripting.registerContentScripts(
      added.map((origin) => ({
        id: scriptId(origin),
        matches: [patternOf(origin)],
        js: [scriptFor(origin)],
        // ServiceNow classic shows the ticket inside the gsft_main frame.
        allFrames: true,
        // The ticket's markup is there at document_end; document_idle would also wait for the page's load event.
        runAt: 'document_end' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  const now = contentScript ? [...granted] : [...keep];
  registered = new Set(now);
  const removed = stale.map((id) => id.slice(SCRIPT_PREFIX.length)).filter((o) => !registered!.has(o));
  return { registered: now, added: contentScript ? added : [], removed };
}

/**
 * Runs the content script in the tabs already open on these origins (a registration only applies to pages loaded
 * after it). The content script itself must ignore a second injection into the same document.
 */
export async function injectIntoOpenTabs(origins: readonly string[]): Promise<number> {
  if (origins.length === 0 || !contentScript) return 0;
  const wanted = new Set(origins);
  // Filtering ourselves instead of tabs.query({url}) keeps ports exact; tab.url is visible for granted origins only.
  const tabs = await chrome.tabs.query({});
  let injected = 0;
  for (const tab of tabs) {
    if (tab.id === undefined || !tab.url) continue;
    const origin = originOf(tab.url);
    if (!origin || !wanted.has(origin)) continue;
    try {
      await chrome.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [scriptFor(origin)] });
      injected++;
    } catch {
      // The tab navigated away or shows an error page; its next load gets the registered script.
    }
  }
  return injected;
}

/** Forgets what this worker believed about registrations (tests, and after a failure). */
export function forgetRegistrations(): void {
  registered = null;
}
