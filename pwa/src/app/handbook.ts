// The stored engagements as the page sees them, kept fresh when this tab's worker or another tab writes.
import type { IDBPDatabase } from 'idb';
import { useEffect, useState } from 'preact/hooks';
import { type EngagementSummary, type StoredEngagement, type TandemDb, openHandbook } from '../store/db.ts';
import { CHANNEL, getEngagement, listSummaries } from '../store/engagements.ts';
import { parseRoute } from './route.ts';

export interface Handbook {
  list: EngagementSummary[] | null;
  error: string | null;
  /** Another tab upgraded the database; this one closed its connection and must reload. */
  stale: boolean;
}

export const LAST_ENGAGEMENT = 'tandem:last-engagement';

let dbPromise: Promise<IDBPDatabase<TandemDb>> | null = null;
let early: { list: Promise<EngagementSummary[]>; record?: { id: string; promise: Promise<StoredEngagement | undefined> } } | null = null;

/**
 * Start reading the store before the first render: the list and the engagement the user had open last, which is
 * what the Now view needs at 2 AM. The hooks below take these promises instead of starting their own.
 */
export function preload(): void {
  const list = handbookDb().then(listSummaries);
  const route = parseRoute(location.hash);
  const id = route.kind === 'engagement' ? route.id : localStorage.getItem(LAST_ENGAGEMENT);
  early = { list, record: id ? { id, promise: handbookDb().then((db) => getEngagement(db, id)) } : undefined };
  // An unread rejection is reported by the hooks that take these promises; keep it from surfacing twice.
  list.catch(() => {});
  early.record?.promise.catch(() => {});
}

let onStale: (() => void) | null = null;

export function handbookDb(): Promise<IDBPDatabase<TandemDb>> {
  dbPromise ??= openHandbook({
    onBlocking: () => {
      dbPromise = null;
      onStale?.();
    },
  });
  return dbPromise;
}

export function useHandbook(): Handbook & { refresh: () => void } {
  const [state, setState] = useState<Handbook>({ list: null, error: null, stale: false });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    onStale = () => setState((s) => ({ ...s, stale: true }));
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => setTick((t) => t + 1);
    return () => channel.close();
  }, []);
  useEffect(() => {
    let live = true;
    const first = tick === 0 ? early?.list : undefined;
    (first ?? handbookDb().then(listSummaries))
      .then(
        (list) => live && setState((s) => ({ ...s, list, error: null })),
        (error: unknown) => live && setState((s) => ({ ...s, error: `Could not open the offline store: ${String(error)}` })),
      );
    return () => {
      live = false;
    };
  }, [tick]);
  return { ...state, refresh: () => setTick((t) => t + 1) };
}

/** The full record of one engagement, read again only when its version changes; undefined while loading. */
export function useStoredEngagement(id: string | undefined, version: number | undefined): StoredEngagement | null | undefined {
  const [loaded, setLoaded] = useState<{ id: string; record: StoredEngagement | null } | null>(null);
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    const pre = early?.record;
    const first = pre && pre.id === id ? pre.promise : undefined;
    if (early) early.record = undefined;
    void (first ?? handbookDb().then((db) => getEngagement(db, id)))
      .then((record) => live && setLoaded({ id, record: record ?? null }));
    return () => {
      live = false;
    };
  }, [id, version]);
  return id !== undefined && loaded?.id === id ? loaded.record : undefined;
}
