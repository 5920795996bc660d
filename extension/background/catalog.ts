// The engagements in force: policy ones first (they win over a local copy with the same id), then the user's in
// the order they were imported. Routing takes the first mapping that matches, so this order is part of the answer.
// The parsed objects are kept in memory until storage changes: core caches compiled calendars per engagement
// object, so handing out the same objects is what makes a ticket message cheap.
import { type Engagement, parseEngagement, type ParseResult } from '../../core/index.ts';
import type { EngagementInfo } from '../shared/messages.ts';
import { type ManagedConfig, readManaged, readManagedCache } from './managed.ts';
import { problemsText, readLocal } from './store.ts';

export interface CatalogEntry {
  info: EngagementInfo;
  /** Null for a policy entry that never validated (its error is in info.lastError). */
  engagement: Engagement | null;
}

export interface Catalog {
  entries: CatalogEntry[];
  /** The engagements in force, in routing order. */
  engagements: Engagement[];
  managed: ManagedConfig;
}

let cached: Promise<Catalog> | null = null;
// Inline policy texts rarely change; re-parsing YAML on every local change would be wasted work.
const inlineParses = new Map<string, ParseResult>();

export function invalidate(): void {
  cached = null;
}

export function catalog(): Promise<Catalog> {
  if (!cached) {
    const building = build();
    cached = building;
    building.catch(() => {
      if (cached === building) cached = null;
    });
  }
  return cached;
}

export function originsOf(engagement: Engagement): string[] {
  return [...new Set(engagement.helpdesks.map((m) => m.origin))];
}

async function build(): Promise<Catalog> {
  const [managed, cache, local] = await Promise.all([readManaged(), readManagedCache(), readLocal()]);
  const entries: CatalogEntry[] = [];
  const taken = new Set<string>();
  const add = (entry: CatalogEntry) => {
    if (entry.engagement) {
      if (taken.has(entry.info.id)) return;
      taken.add(entry.info.id);
    }
    entries.push(entry);
  };
  const now = Date.now();

  managed.engagements.forEach((text, i) => {
    const fileName = `policy engagements[${i}]`;
    let parsed = inlineParses.get(text);
    if (!parsed) {
      parsed = parseEngagement(text, { fileName });
      if (inlineParses.size > 50) inlineParses.clear();
      inlineParses.set(text, parsed);
    }
    if (parsed.ok) add(managedEntry(parsed.engagement, parsed.warnings.length, now, { fileName }));
    else add(brokenEntry(`managed:inline:${i}`, `Engagement ${i + 1} of the policy`, `does not validate: ${problemsText(parsed.problems)}`, now));
  });
  for (const url of managed.engagementUrls) {
    const c = cache[url];
    if (c?.engagement) add(managedEntry(c.engagement, c.warnings, c.fetchedAt ?? now, { url, lastRefreshed: c.lastRefreshed, lastError: c.lastError }));
    else add(brokenEntry(`managed:${url}`, url, c?.lastError ?? 'not fetched yet', now, url));
  }
  const locals = Object.values(local).sort((a, b) => a.importedAt - b.importedAt);
  for (const e of locals) {
    // A policy engagement with the same id wins; the local copy stays stored and returns if the policy drops it.
    if (taken.has(e.id)) continue;
    add({
      engagement: e.engagement,
      info: {
        id: e.id, title: e.title, source: e.source, fileName: e.fileName, url: e.url, readOnly: false,
        importedAt: e.importedAt, lastRefreshed: e.lastRefreshed, lastError: e.lastError, warnings: e.warnings,
        origins: originsOf(e.engagement),
      },
    });
  }
  return { entries, engagements: entries.flatMap((e) => (e.engagement ? [e.engagement] : [])), managed };
}

function managedEntry(
  engagement: Engagement, warnings: number, importedAt: number,
  extra: { fileName?: string; url?: string; lastRefreshed?: number; lastError?: string },
): CatalogEntry {
  return {
    engagement,
    info: {
      id: engagement.engagement.id, title: engagement.engagement.title, source: 'managed', readOnly: true,
      importedAt, warnings, origins: originsOf(engagement), ...extra,
    },
  };
}

function brokenEntry(id: string, title: string, error: string, at: number, url?: string): CatalogEntry {
  return { engagement: null, info: { id, title, source: 'managed', url, readOnly: true, importedAt: at, lastError: error, warnings: 0, origins: [] } };
}
