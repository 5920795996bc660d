// The page's worker: parsing, validation, storing, indexing and markdown run here, so a 5 MB import never
// blocks a tap on the main thread.
import { expose } from 'comlink';
import type { IDBPDatabase } from 'idb';
import { parseEngagement, type Problem } from '../../../core/index.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { engagementDocuments } from '../search/documents.ts';
import { type HandbookSearch, indexCacheKey, loadOrBuild } from '../search/engine.ts';
import { type TandemDb, openHandbook } from '../store/db.ts';
import { CHANNEL, type ChannelMessage, StorageWriteError, announceChange, getEngagement, getHistoryEntry, listEngagements, listSummaries, saveEngagement } from '../store/engagements.ts';
import { hashText } from '../store/hash.ts';
import type { ImportOutcome, ImportProgress, ImportStage, WorkerApi } from './api.ts';
import { readText } from './read.ts';
import { reportFromFile } from './report.ts';

let dbPromise: Promise<IDBPDatabase<TandemDb>> | null = null;
function db(): Promise<IDBPDatabase<TandemDb>> {
  dbPromise ??= openHandbook({ onBlocking: () => (dbPromise = null) });
  return dbPromise;
}

let index: HandbookSearch | null = null;
let indexKey: string | null = null;
/** The content hash each engagement had when it was indexed. */
let indexed = new Map<string, string>();
let stale = false;
// Another tab (or this page) changed the store: the in-memory index may no longer match it.
new BroadcastChannel(CHANNEL).onmessage = (event: MessageEvent<ChannelMessage>) => {
  if (event.data?.type === 'changed') stale = true;
};

const STAGE_RANGE: Record<ImportStage, [number, number]> = {
  reading: [0, 0.2], parsing: [0.2, 0.75], validating: [0.75, 0.8], storing: [0.8, 0.9], indexing: [0.9, 1], done: [1, 1],
};

async function importText(text: string, fileName: string, progress: (stage: ImportStage, within?: number) => void): Promise<ImportOutcome> {
  progress('parsing');
  const result = parseEngagement(text, { fileName, now: Date.now() });
  progress('validating');
  if (!result.ok) return { ok: false, fileName, problems: result.problems, stored: false };
  const { engagement, warnings } = result;
  const id = engagement.engagement.id;
  progress('storing');
  let saved;
  try {
    saved = await saveEngagement(await db(), {
      id, title: engagement.engagement.title, fileName, text, hash: hashText(text), engagement, importedAt: Date.now(), warnings: warnings.length,
    });
  } catch (error) {
    const reason = error instanceof StorageWriteError ? error.message : `saving failed: ${String(error)}`;
    return { ok: false, fileName, problems: [], stored: false, reason };
  }
  progress('indexing');
  if (!saved.unchanged) {
    announceChange(id);
    await refreshIndex();
  }
  progress('done');
  return { ok: true, fileName, id, title: engagement.engagement.title, version: saved.version, replaced: saved.replaced, unchanged: saved.unchanged, warnings };
}

async function refreshIndex(): Promise<HandbookSearch> {
  stale = false;
  const handle = await db();
  const summaries = await listSummaries(handle);
  const key = indexCacheKey(summaries);
  if (index && indexKey === key) return index;
  if (index) {
    // Incremental: replace what changed, drop what is gone, then store the cache under the new key.
    const known = new Set(summaries.map((s) => s.id));
    for (const s of summaries) {
      if (indexed.get(s.id) === s.hash) continue;
      const full = await getEngagement(handle, s.id);
      if (full) index.replaceEngagement(s.id, engagementDocuments(s.id, full.engagement));
    }
    for (const id of index.engagementIds()) if (!known.has(id)) index.removeEngagement(id);
    indexed = new Map(summaries.map((s) => [s.id, s.hash]));
    await handle.put('searchIndex', { key: 'all', cacheKey: key, json: JSON.stringify(index.toJSON()) });
    indexKey = key;
    return index;
  }
  const cache = {
    get: async () => {
      const row = await handle.get('searchIndex', 'all');
      return row && { key: row.cacheKey, json: row.json };
    },
    put: async (v: { key: string; json: string }) => {
      await handle.put('searchIndex', { key: 'all', cacheKey: v.key, json: v.json });
    },
  };
  const stored = await listEngagements(handle);
  const built = await loadOrBuild(cache, stored);
  index = built.search;
  indexKey = indexCacheKey(stored);
  indexed = new Map(stored.map((s) => [s.id, s.hash]));
  return index;
}

const api: WorkerApi = {
  async importFile(file, fileName, onProgress) {
    const progress = (stage: ImportStage, within = 0) => {
      const [a, b] = STAGE_RANGE[stage];
      onProgress?.({ stage, fraction: a + (b - a) * within, fileName } satisfies ImportProgress);
    };
    progress('reading');
    let text: string;
    try {
      text = await readText(file, (read, total) => progress('reading', total ? read / total : 1));
    } catch (error) {
      return { ok: false, fileName, problems: [], stored: false, reason: `could not read ${fileName}: ${String(error)}` };
    }
    return importText(text, fileName, progress);
  },

  async restore(id, version) {
    const entry = await getHistoryEntry(await db(), id, version);
    if (!entry) return { ok: false, fileName: id, problems: [], stored: false, reason: `version ${version} of ${id} is not in history` };
    return importText(entry.text, entry.fileName, () => {});
  },

  async check(text, fileName): Promise<Problem[]> {
    const result = parseEngagement(text, { fileName, now: Date.now() });
    return result.ok ? result.warnings : result.problems;
  },

  async search(query, limit) {
    const search = index && !stale ? index : await refreshIndex();
    return search.search(query, limit);
  },

  async ensureIndex() {
    return (await refreshIndex()).size();
  },

  async renderMarkdown(markdown) {
    return renderMarkdown(markdown);
  },

  async report(file, fileName, request, onProgress) {
    const stored = await getEngagement(await db(), request.engagementId);
    if (!stored) return { ok: false, fileName, message: `no stored engagement has the id ${request.engagementId}` };
    return reportFromFile(file, fileName, request, stored.engagement, onProgress);
  },
};

expose(api);
