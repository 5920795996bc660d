// Engagements the user imported or subscribed to, kept in chrome.storage.local as parsed JSON: the service worker
// restarts often, and re-reading YAML on every start would cost more than reading the stored objects.
// One key holds them all so that an import is a single write; writes are queued because two options pages (or an
// alarm and a click) may change the map at the same time and a read-modify-write must not lose either.
import type { Engagement, Problem } from '../../core/index.ts';
import { invalidate } from './catalog.ts';

export const ENGAGEMENTS_KEY = 'engagements';

export interface LocalEntry {
  id: string;
  title: string;
  source: 'file' | 'url';
  fileName?: string;
  url?: string;
  /** The last copy that validated; a failed refresh never replaces it. */
  engagement: Engagement;
  warnings: number;
  importedAt: number;
  lastRefreshed?: number;
  lastError?: string;
  etag?: string;
  lastModified?: string;
}

export type LocalMap = Record<string, LocalEntry>;

export async function readLocal(): Promise<LocalMap> {
  const got = await chrome.storage.local.get(ENGAGEMENTS_KEY);
  const map = got[ENGAGEMENTS_KEY];
  return map && typeof map === 'object' ? (map as LocalMap) : {};
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs `change` on the current map and stores what it returns; calls run one after the other. */
export function updateLocal<T>(change: (map: LocalMap) => { map: LocalMap; result: T } | Promise<{ map: LocalMap; result: T }>): Promise<T> {
  const run = queue.then(async () => {
    const { map, result } = await change(await readLocal());
    await chrome.storage.local.set({ [ENGAGEMENTS_KEY]: map });
    // storage.onChanged arrives later; a list right after an import must already show it.
    invalidate();
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** "file.yaml:12:5 message; …": the first errors of a failed validation, for a one-line lastError. */
export function problemsText(problems: readonly Problem[], max = 3): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const shown = (errors.length > 0 ? errors : problems).slice(0, max);
  const text = shown.map((p) => `${p.file ? `${p.file}:` : 'line '}${p.line}:${p.column} ${p.message}`).join('; ');
  const more = errors.length - shown.length;
  return more > 0 ? `${text}; and ${more} more` : text;
}
