// Full-text search over every stored engagement: MiniSearch with prefix and fuzzy matching, so "escal" and a
// misspelt name both find something while the technician is still typing. The serialized index is a cache in
// IndexedDB, keyed so that any change to the documents, the options or MiniSearch's format rebuilds it.
import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import type { Engagement } from '../../../core/index.ts';
import type { SearchHit } from '../worker/api.ts';
import { engagementDocuments, type SearchDoc } from './documents.ts';

/** The `serializationVersion` MiniSearch 7 writes in its JSON; loadJSON refuses other versions. */
export const MINISEARCH_FORMAT = 2;
/** Bump whenever documents.ts or the index options below change what gets indexed. */
export const DOCUMENTS_VERSION = 1;

const STORED = ['engagementId', 'engagementTitle', 'kind', 'title', 'detail', 'href'] as const;
type Stored = Pick<SearchDoc, (typeof STORED)[number]>;

const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Lower case without diacritics, so "garcia" finds "García" and the reverse. */
function normalizeTerm(term: string): string {
  // normalize() is the slowest step of indexing; most terms are plain ASCII and need only toLowerCase.
  return /[^\u0000-\u007f]/.test(term) ? term.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase() : term.toLowerCase();
}

// Words in nearly every section: they add a posting to every document and match nothing anyone looks for.
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have if in into is it its of on or that the their then there these this to was were will with'.split(' '),
);

// Single letters ("R: On-Site Technology" in every RACI line) would add postings that no useful query needs.
function indexTerm(term: string): string | null {
  const t = normalizeTerm(term);
  return t.length < 2 || STOP_WORDS.has(t) ? null : t;
}

/**
 * Terms shorter than this match exactly, not as prefixes. On the 10,000-section benchmark a short prefix ("co",
 * "con") expands to thousands of terms and costs 20-40 ms a keystroke; short queries people type ("hr", "p1",
 * "vpn") are whole words anyway.
 */
export const MIN_PREFIX = 4;

// loadJSON must be given the options the index was built with, so there is exactly one set.
const OPTIONS: Options<SearchDoc> = {
  idField: 'id',
  fields: ['title', 'body', 'detail'],
  storeFields: [...STORED],
  processTerm: indexTerm,
  searchOptions: {
    boost: { title: 3 },
    // Only the last term is still being typed: earlier ones are whole words and need no prefix expansion, which
    // is what costs most on a big handbook. The last one gets fuzziness only once it is long enough to be a word.
    prefix: (term, i, terms) => i === terms.length - 1 && term.length >= MIN_PREFIX,
    fuzzy: (term, i, terms) => (i === terms.length - 1 ? term.length > 4 : term.length > 3) && 0.2,
    processTerm: (term) => normalizeTerm(term) || null,
  },
};

/**
 * The terms worth searching for. Single letters and stop words are not in the index, so they are dropped; a stop
 * word is kept as the last term, which the user may still be typing ("for" on the way to "fortigate").
 */
export function queryTerms(query: string): string[] {
  const terms = tokenize(query).map(normalizeTerm).filter((t) => t.length > 1);
  return terms.filter((t, i) => i === terms.length - 1 || !STOP_WORDS.has(t));
}

export class HandbookSearch {
  /** Document ids per engagement, so one engagement can be replaced without touching the others. */
  readonly #byEngagement = new Map<string, string[]>();

  #index = new MiniSearch<SearchDoc>(OPTIONS);

  /** From the text JSON.stringify(search) wrote. Throws on anything that is not such a text. */
  static load(json: string): HandbookSearch {
    const js = JSON.parse(json) as AsPlainObject;
    const search = new HandbookSearch();
    search.#index = MiniSearch.loadJS(js, OPTIONS);
    const stored = js.storedFields as Record<string, Partial<Stored> | undefined>;
    for (const [shortId, docId] of Object.entries(js.documentIds as Record<string, unknown>)) {
      const engagementId = stored[shortId]?.engagementId;
      if (typeof docId !== 'string' || typeof engagementId !== 'string') throw new Error('search index: a document has no engagement');
      search.#idsOf(engagementId).push(docId);
    }
    return search;
  }

  /** The number of documents in the index. */
  size(): number {
    return this.#index.documentCount;
  }

  engagementIds(): string[] {
    return [...this.#byEngagement.keys()];
  }

  replaceEngagement(engagementId: string, docs: SearchDoc[]): void {
    this.removeEngagement(engagementId);
    const ids = this.#idsOf(engagementId);
    for (const doc of docs) {
      // A duplicate id would make MiniSearch throw halfway through; the first one wins instead.
      if (doc.engagementId !== engagementId || this.#index.has(doc.id)) continue;
      this.#index.add(doc);
      ids.push(doc.id);
    }
    if (ids.length === 0) this.#byEngagement.delete(engagementId);
  }

  removeEngagement(engagementId: string): void {
    const ids = this.#byEngagement.get(engagementId);
    if (!ids) return;
    // discard needs only the id (remove would need the original document); vacuuming follows on its own.
    for (const id of ids) this.#index.discard(id);
    this.#byEngagement.delete(engagementId);
  }

  /** Every term must match (as a prefix or within the fuzzy distance); when nothing does, any term may. */
  search(query: string, limit = 20): SearchHit[] {
    const terms = queryTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const q = terms.join(' ');
    let results = this.#index.search(q, { combineWith: 'AND' });
    if (results.length === 0 && terms.length > 1) results = this.#index.search(q, { combineWith: 'OR' });
    // Equal scores keep insertion order, which differs after load(); the id makes the order the same everywhere.
    results.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return results.slice(0, limit).map(toHit);
  }

  /** The MiniSearch index as a plain object; JSON.stringify(search) gives the text that load() reads. */
  toJSON(): AsPlainObject {
    return this.#index.toJSON();
  }

  #idsOf(engagementId: string): string[] {
    let ids = this.#byEngagement.get(engagementId);
    if (!ids) this.#byEngagement.set(engagementId, (ids = []));
    return ids;
  }
}

function toHit(r: SearchResult): SearchHit {
  const s = r as SearchResult & Stored;
  return { engagementId: s.engagementId, engagementTitle: s.engagementTitle, kind: s.kind, title: s.title, detail: s.detail, href: s.href, score: r.score };
}

/** Changes when MiniSearch's format, the documents or any engagement's content changes; not with import order. */
export function indexCacheKey(engagements: Array<{ id: string; hash: string }>): string {
  const pairs = engagements.map((e) => [e.id, e.hash]).sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  return JSON.stringify({ minisearch: MINISEARCH_FORMAT, documents: DOCUMENTS_VERSION, engagements: pairs });
}

export interface IndexCache {
  get(): Promise<{ key: string; json: string } | undefined>;
  put(value: { key: string; json: string }): Promise<void>;
}

/** Builds the index of all the engagements from scratch. */
export function buildSearch(engagements: Array<{ id: string; engagement: Engagement }>): HandbookSearch {
  const search = new HandbookSearch();
  for (const e of engagements) search.replaceEngagement(e.id, engagementDocuments(e.id, e.engagement));
  return search;
}

/**
 * The cached index when its key matches the engagements, else a fresh one (stored back in the cache). The cache
 * is only ever an optimisation: a failing or corrupt cache costs a rebuild, never the search.
 */
export async function loadOrBuild(
  cache: IndexCache,
  engagements: Array<{ id: string; hash: string; engagement: Engagement }>,
): Promise<{ search: HandbookSearch; rebuilt: boolean }> {
  const key = indexCacheKey(engagements);
  const cached = await cache.get().catch(() => undefined);
  if (cached?.key === key && typeof cached.json === 'string') {
    try {
      const search = HandbookSearch.load(cached.json);
      const wanted = new Set(engagements.map((e) => e.id));
      if (search.engagementIds().every((id) => wanted.has(id))) return { search, rebuilt: false };
    } catch {
      // Corrupt or truncated (a killed tab, a full disk): fall through and rebuild.
    }
  }
  const search = buildSearch(engagements);
  try {
    await cache.put({ key, json: JSON.stringify(search) });
  } catch {
    // Quota or a closing database: searching works without the cache; the next start rebuilds again.
  }
  return { search, rebuilt: true };
}
