// The stored engagements as the page sees them, kept fresh when this tab's worker or another tab writes.
import type { IDBPDatabase } from 'idb';
import { useEffect, useState } from 'preact/hooks';
import { type EngagementSummary, type StoredEngagement, type TandemDb, openHandbook } from '../store/db.ts';
import { CHANNEL, getEngagement, listSummaries } from '../store/engagements.ts';

export interface Handbook {
  list: EngagementSummary[] | null;
  error: string | null;
  /** Another tab upgraded the database; this one closed its connection and must reload. */
  stale: boolean;
}

let dbPromise: Promise<IDBPDatabase<TandemDb>> | null = null;
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
    handbookDb()
      .then(listSummaries)
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
    void handbookDb()
      .then((db) => getEngagement(db, id))
      .then((record) => live && setLoaded({ id, record: record ?? null }));
    return () => {
      live = false;
    };
  }, [id, version]);
  return id !== undefined && loaded?.id === id ? loaded.record : undefined;
}
