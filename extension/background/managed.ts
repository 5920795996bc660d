// Enterprise policy (chrome.storage.managed, declared by managed-schema.json): engagement URLs, inline engagement
// texts and allowed helpdesk origins. Policy data is read-only here; what we fetch for a policy URL is cached in
// storage.local (last good copy, validators) under its own key, apart from the user's engagements.
import type { Engagement } from '../../core/index.ts';
import { originOf } from '../../core/routing/index.ts';
import { invalidate } from './catalog.ts';

export const MANAGED_CACHE_KEY = 'managed-cache';

export interface ManagedConfig {
  engagementUrls: string[];
  engagements: string[];
  allowedOrigins: string[];
}

export interface ManagedUrlEntry {
  url: string;
  /** The last copy that validated; absent until a fetch succeeds. */
  engagement?: Engagement;
  warnings: number;
  fetchedAt?: number;
  lastRefreshed?: number;
  lastError?: string;
  etag?: string;
  lastModified?: string;
}

export type ManagedCache = Record<string, ManagedUrlEntry>;

const strings = (v: unknown, max = 200): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').slice(0, max) : [];

/** The policy as published; empty when there is none (or the browser has no managed storage, e.g. in tests). */
export async function readManaged(): Promise<ManagedConfig> {
  let got: Record<string, unknown> = {};
  try {
    got = (await chrome.storage.managed.get(['engagementUrls', 'engagements', 'allowedOrigins'])) ?? {};
  } catch {
    // Firefox without a policies.json entry rejects instead of answering {}.
  }
  return {
    engagementUrls: strings(got.engagementUrls).filter((u) => originOf(u) !== null),
    engagements: strings(got.engagements, 50),
    allowedOrigins: [...new Set(strings(got.allowedOrigins).map((o) => originOf(o)).filter((o): o is string => o !== null))],
  };
}

export async function readManagedCache(): Promise<ManagedCache> {
  const got = await chrome.storage.local.get(MANAGED_CACHE_KEY);
  const cache = got[MANAGED_CACHE_KEY];
  return cache && typeof cache === 'object' ? (cache as ManagedCache) : {};
}

let queue: Promise<unknown> = Promise.resolve();

export function updateManagedCache(change: (cache: ManagedCache) => ManagedCache | Promise<ManagedCache>): Promise<void> {
  const run = queue.then(async () => {
    await chrome.storage.local.set({ [MANAGED_CACHE_KEY]: await change(await readManagedCache()) });
    invalidate();
  });
  queue = run.catch(() => undefined);
  return run;
}
