// The handbook's IndexedDB. The imported text and its parsed form are the truth; the search index is a cache
// that can always be rebuilt. Each schema change is one `oldVersion < n` step, so a phone that skipped releases
// still upgrades in order.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, openDB } from 'idb';
import type { Engagement } from '../../../core/index.ts';
import { hashText } from './hash.ts';

export const DB_NAME = 'tandem-handbook';
export const DB_VERSION = 2;

export interface StoredEngagement {
  id: string;
  title: string;
  fileName: string;
  /** The file exactly as imported, so it can be exported back and re-parsed by a newer Tandem. */
  text: string;
  hash: string;
  engagement: Engagement;
  /** 1 for the first import of this id, +1 for each later import or restore. */
  version: number;
  importedAt: number;
  warnings: number;
}

/** What lists and switchers need, without the text and the parsed engagement (megabytes for a big handbook). */
export type EngagementSummary = Omit<StoredEngagement, 'text' | 'engagement'>;

export function summarize(e: StoredEngagement): EngagementSummary {
  const { id, title, fileName, hash, version, importedAt, warnings } = e;
  return { id, title, fileName, hash, version, importedAt, warnings };
}

/** An earlier version, replaced by a later import; restoring re-imports its text. */
export interface HistoryEntry {
  id: string;
  version: number;
  title: string;
  fileName: string;
  text: string;
  hash: string;
  importedAt: number;
  replacedAt: number;
}

export interface TandemDb extends DBSchema {
  engagements: { key: string; value: StoredEngagement };
  summaries: { key: string; value: EngagementSummary };
  history: { key: [string, number]; value: HistoryEntry; indexes: { byId: string } };
  searchIndex: { key: string; value: { key: string; cacheKey: string; json: string } };
  meta: { key: string; value: unknown };
}

/** Version 1 (the first release) kept only the latest copy of each engagement, without a version number. */
export interface V1Engagement {
  id: string;
  title: string;
  fileName: string;
  text: string;
  engagement: Engagement;
  importedAt: number;
}

export interface OpenOptions {
  /** Another tab needs a newer schema: we must close, or it waits forever. */
  onBlocking?: () => void;
  /** A tab holding the old schema is still open. */
  onBlocked?: () => void;
}

export function openHandbook(opts: OpenOptions = {}): Promise<IDBPDatabase<TandemDb>> {
  return openDB<TandemDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('engagements', { keyPath: 'id' });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        const history = db.createObjectStore('history', { keyPath: ['id', 'version'] });
        history.createIndex('byId', 'id');
        db.createObjectStore('searchIndex', { keyPath: 'key' });
        db.createObjectStore('summaries', { keyPath: 'id' });
        void upgradeV1Records(tx);
      }
    },
    blocked: () => opts.onBlocked?.(),
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
      opts.onBlocking?.();
    },
  });
}

// Only IDB requests on the upgrade transaction may be awaited here, or the transaction commits under us.
async function upgradeV1Records(tx: IDBPTransaction<TandemDb, StoreNames<TandemDb>[], 'versionchange'>): Promise<void> {
  const summaries = tx.objectStore('summaries');
  let cursor = await tx.objectStore('engagements').openCursor();
  while (cursor) {
    const old = cursor.value as unknown as V1Engagement & Partial<StoredEngagement>;
    const upgraded: StoredEngagement = { ...old, version: old.version ?? 1, hash: old.hash ?? hashText(old.text), warnings: old.warnings ?? 0 };
    await cursor.update(upgraded);
    await summaries.put(summarize(upgraded));
    cursor = await cursor.continue();
  }
}
