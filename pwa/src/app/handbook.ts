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

interface Early {
  list: Promise<EngagementSummary[]>;
  record?: { id: string; promise: Promise<StoredEngagement | undefined> };
  /** What has already arrived, so the first render shows it at once instead of an effect and a frame later. */
  ready: { list?: EngagementSummary[]; record?: { id: string; value: StoredEngagement | undefined } };
}
let early: Early | null = null;

/**
 * Start reading the store before the app is even evaluated: the list and the engagement the first screen shows,
 * which is what the Now view needs at 2 AM. The hooks below take these reads instead of starting their own.
 * Resolves (never rejects) once the first screen's data has arrived or failed; the hooks report failures.
 */
export function preload(): Promise<void> {
  const list = handbookDb().then(listSummaries);
  const e: Early = { list, ready: {} };
  early = e;
  // An unread rejection is reported by the hooks that take these promises; keep it from surfacing twice.
  list.then((l) => void (e.ready.list = l), () => {});
  const read = (id: string) => {
    const promise = handbookDb().then((db) => getEngagement(db, id));
    e.record = { id, promise };
    // Only the read the first screen will ask for (the home route may try the last engagement, then the first).
    promise.then((value) => void (e.record?.id === id && (e.ready.record = { id, value })), () => {});
    return promise;
  };
  const route = parseRoute(location.hash);
  let settled: Promise<unknown> = list;
  if (route.kind === 'engagement') settled = Promise.all([list, read(route.id)]);
  else if (route.kind === 'home') {
    // The shell opens the engagement that was open last, or the first one when that one is gone (see App).
    const last = localStorage.getItem(LAST_ENGAGEMENT);
    const guess = last === null ? undefined : read(last);
    settled = list.then((l) => {
      const first = l[0];
      return l.some((s) => s.id === last) || !first ? guess : read(first.id);
    });
  }
  return settled.then(
    () => {},
    () => {},
  );
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
  const [state, setState] = useState<Handbook>(() => ({ list: early?.ready.list ?? null, error: null, stale: false }));
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
        // The same list again (the preloaded one, already shown) must not re-render the whole app.
        (list) => live && setState((s) => (s.list === list && s.error === null ? s : { ...s, list, error: null })),
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
  const [loaded, setLoaded] = useState<{ id: string; record: StoredEngagement | null } | null>(() => {
    const pre = early?.ready.record;
    return pre && pre.id === id ? { id: pre.id, record: pre.value ?? null } : null;
  });
  useEffect(() => {
    if (id === undefined) return;
    // The preloaded read serves the first request only; a later one (another version) must read again.
    const pre = early?.record;
    if (early) early.record = undefined;
    // Already holding this version (the preloaded read): reading it again would only re-render.
    if (loaded?.id === id && loaded.record !== null && loaded.record.version === version) return;
    let live = true;
    const first = pre && pre.id === id ? pre.promise : undefined;
    void (first ?? handbookDb().then((db) => getEngagement(db, id)))
      .then((record) => live && setLoaded({ id, record: record ?? null }));
    return () => {
      live = false;
    };
  }, [id, version]);
  return id !== undefined && loaded?.id === id ? loaded.record : undefined;
}
