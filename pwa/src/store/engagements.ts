// Reads and writes of stored engagements. Every write is one transaction: it lands whole or not at all, and the
// version it replaces moves to history in the same transaction.
import type { IDBPDatabase } from 'idb';
import { type EngagementSummary, type HistoryEntry, type StoredEngagement, type TandemDb, summarize } from './db.ts';

type Db = IDBPDatabase<TandemDb>;

export interface SaveOutcome {
  version: number;
  /** An earlier version existed and is now in history. */
  replaced: boolean;
  /** The same text was already stored: nothing was written. */
  unchanged: boolean;
}

/** A write that failed; the data stored before it is intact. */
export class StorageWriteError extends Error {
  constructor(
    readonly reason: 'quota' | 'verify' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'StorageWriteError';
  }
}

export type NewEngagement = Omit<StoredEngagement, 'version'>;

export async function saveEngagement(db: Db, record: NewEngagement): Promise<SaveOutcome> {
  let outcome: SaveOutcome;
  const tx = db.transaction(['engagements', 'summaries', 'history', 'meta'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  try {
    const engagements = tx.objectStore('engagements');
    const current = await engagements.get(record.id);
    if (current && current.hash === record.hash) {
      outcome = { version: current.version, replaced: false, unchanged: true };
    } else {
      const version = (current?.version ?? 0) + 1;
      if (current) writes.push(tx.objectStore('history').put(toHistory(current, record.importedAt)));
      const stored: StoredEngagement = { ...record, version };
      writes.push(engagements.put(stored), tx.objectStore('summaries').put(summarize(stored)));
      const meta = tx.objectStore('meta');
      if ((await meta.get('firstImportAt')) === undefined) writes.push(meta.put(record.importedAt, 'firstImportAt'));
      await Promise.all(writes);
      outcome = { version, replaced: current !== undefined, unchanged: false };
    }
    await tx.done;
  } catch (error) {
    // Requests already queued fail with the abort; the original error is the one to report.
    for (const w of writes) w.catch(() => {});
    abortQuietly(tx);
    throw asWriteError(error);
  }
  // Read back: a write the browser acknowledged but did not keep is the data loss users never notice.
  const stored = await db.get('engagements', record.id);
  if (stored?.hash !== record.hash) throw new StorageWriteError('verify', 'the saved engagement did not read back the same; nothing was changed');
  return outcome;
}

// A put that throws synchronously (DataCloneError) does not abort the transaction by itself; the writes queued
// before it would commit.
function abortQuietly(tx: { abort(): void; done: Promise<void> }) {
  // The abort rejects tx.done; the caller reports the original error instead.
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
}

function toHistory(current: StoredEngagement, replacedAt: number): HistoryEntry {
  const { id, version, title, fileName, text, hash, importedAt } = current;
  return { id, version, title, fileName, text, hash, importedAt, replacedAt };
}

export function asWriteError(error: unknown): StorageWriteError {
  if (error instanceof StorageWriteError) return error;
  const name = (error as { name?: string } | null)?.name;
  const message = (error as { message?: string } | null)?.message ?? String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return new StorageWriteError('quota', 'the browser refused to store more data (storage quota exceeded); your stored engagements are unchanged. Free space or delete old versions, then import again.');
  }
  return new StorageWriteError('other', `saving failed (${name ?? 'error'}: ${message}); your stored engagements are unchanged`);
}

/** Everything, for the worker's index; the page lists summaries. */
export function listEngagements(db: Db): Promise<StoredEngagement[]> {
  return db.getAll('engagements');
}

export async function listSummaries(db: Db): Promise<EngagementSummary[]> {
  const all = await db.getAll('summaries');
  return all.sort((a, b) => a.title.localeCompare(b.title));
}

export function getEngagement(db: Db, id: string): Promise<StoredEngagement | undefined> {
  return db.get('engagements', id);
}

/** Earlier versions, newest first. */
export async function listHistory(db: Db, id: string): Promise<HistoryEntry[]> {
  const entries = await db.getAllFromIndex('history', 'byId', id);
  return entries.sort((a, b) => b.version - a.version);
}

export function getHistoryEntry(db: Db, id: string, version: number): Promise<HistoryEntry | undefined> {
  return db.get('history', [id, version]);
}

/** Removes the engagement and all its versions, in one transaction. */
export async function deleteEngagement(db: Db, id: string): Promise<void> {
  const tx = db.transaction(['engagements', 'summaries', 'history'], 'readwrite');
  try {
    const keys = await tx.objectStore('history').index('byId').getAllKeys(id);
    await Promise.all([tx.objectStore('engagements').delete(id), tx.objectStore('summaries').delete(id), ...keys.map((k) => tx.objectStore('history').delete(k)), tx.done]);
  } catch (error) {
    abortQuietly(tx);
    throw asWriteError(error);
  }
}

export const CHANNEL = 'tandem-handbook';
export type ChannelMessage = { type: 'changed'; id: string };

/** Tells the other open tabs (and this tab's listeners) that stored data changed. */
export function announceChange(id: string): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'changed', id } satisfies ChannelMessage);
  channel.close();
}
