// Engagements that live at a URL (the user's subscriptions and the policy's engagementUrls): fetched with the
// validators of the last copy, refreshed by an alarm, and never replaced by a copy that failed or did not validate.
import { MAX_FILE_CHARS, parseEngagement } from '../../core/index.ts';
import { originOf } from '../../core/routing/index.ts';
import type { ImportResult } from '../shared/messages.ts';
import { catalog } from './catalog.ts';
import { type ManagedUrlEntry, readManaged, readManagedCache, updateManagedCache } from './managed.ts';
import { type LocalEntry, problemsText, readLocal, updateLocal } from './store.ts';

export const REFRESH_ALARM = 'tandem-refresh';
/** Engagement files change at QBRs, not by the minute; hourly keeps a changed contact number fresh enough. */
export const REFRESH_MINUTES = 60;
const FETCH_TIMEOUT_MS = 30_000;

export type RefreshResult = { ok: true; notModified: boolean } | { ok: false; error: string };

type Fetched =
  | { kind: 'ok'; text: string; etag?: string; lastModified?: string }
  | { kind: 'not-modified' }
  | { kind: 'error'; error: string };

interface Validators {
  etag?: string;
  lastModified?: string;
}

async function fetchText(url: string, validators: Validators): Promise<Fetched> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  try {
    // no-store: the HTTP cache would otherwise answer our conditional request itself and hide the 304.
    const res = await fetch(url, { headers, cache: 'no-store', redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (res.status === 304) return { kind: 'not-modified' };
    if (!res.ok) return { kind: 'error', error: `${url} answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}` };
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_FILE_CHARS * 4) return { kind: 'error', error: `${url} is too large for an engagement file (${length} bytes)` };
    const text = await res.text();
    if (text.length > MAX_FILE_CHARS) return { kind: 'error', error: `${url} is too large for an engagement file` };
    return { kind: 'ok', text, etag: res.headers.get('etag') ?? undefined, lastModified: res.headers.get('last-modified') ?? undefined };
  } catch (error) {
    const e = error as Error;
    const why = e?.name === 'TimeoutError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : (e?.message ?? String(error));
    return { kind: 'error', error: `could not fetch ${url}: ${why}` };
  }
}

/** The last path segment, so problems read "acme.yaml:12:5". */
export function fileNameOf(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : url;
  } catch {
    return url;
  }
}

export async function isManagedId(id: string): Promise<boolean> {
  return (await catalog()).entries.some((e) => e.info.readOnly && e.engagement !== null && e.info.id === id);
}

export function managedRefusal(id: string): ImportResult {
  return { ok: false, problems: [], error: `engagement '${id}' is managed by your organisation and cannot be replaced here` };
}

/**
 * Subscribes to the engagement at `url`. The options page has already obtained the URL's origin permission from
 * the user's gesture; without it the fetch is subject to CORS and fails with the browser's reason.
 */
export async function subscribe(url: string): Promise<ImportResult> {
  if (originOf(url) === null) return { ok: false, problems: [], error: 'an engagement URL must start with https:// or http://' };
  const got = await fetchText(url, {});
  if (got.kind === 'error') return { ok: false, problems: [], error: got.error };
  if (got.kind === 'not-modified') return { ok: false, problems: [], error: `${url} answered 304 to a request without validators` };
  const parsed = parseEngagement(got.text, { fileName: fileNameOf(url) });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { id, title } = parsed.engagement.engagement;
  if (await isManagedId(id)) return managedRefusal(id);
  const now = Date.now();
  const replaced = await updateLocal((map) => {
    const entry: LocalEntry = {
      id, title, source: 'url', url, engagement: parsed.engagement, warnings: parsed.warnings.length,
      importedAt: map[id]?.importedAt ?? now, lastRefreshed: now,
    };
    if (got.etag) entry.etag = got.etag;
    if (got.lastModified) entry.lastModified = got.lastModified;
    return { map: { ...map, [id]: entry }, result: id in map };
  });
  return { ok: true, id, title, replaced, warnings: parsed.warnings };
}

/** Refreshes the engagement `id` if it came from a URL (the user's or the policy's). */
export async function refresh(id: string): Promise<RefreshResult> {
  const local = (await readLocal())[id];
  const entry = (await catalog()).entries.find((e) => e.info.id === id);
  if (entry?.info.source === 'managed') {
    return entry.info.url ? refreshManagedUrl(entry.info.url) : { ok: false, error: `engagement '${id}' comes inline with the policy; it changes when the policy does` };
  }
  if (!local) return { ok: false, error: `no engagement '${id}'` };
  if (local.source !== 'url' || !local.url) return { ok: false, error: `engagement '${id}' was imported from a file; import the file again to update it` };
  return refreshLocal(local);
}

async function refreshLocal(entry: LocalEntry): Promise<RefreshResult> {
  const url = entry.url!;
  const got = await fetchText(url, { etag: entry.etag, lastModified: entry.lastModified });
  const now = Date.now();
  const { outcome, patch } = refreshOf<LocalEntry>(got, url, now, true, (parsed, fetched) =>
    parsed.engagement.engagement.id !== entry.id
      ? `${url} now holds engagement '${parsed.engagement.engagement.id}', not '${entry.id}'; the last good copy is kept (subscribe again to add it)`
      : (e) => {
          const next: LocalEntry = withoutError({
            ...e, engagement: parsed.engagement, title: parsed.engagement.engagement.title, warnings: parsed.warnings.length, lastRefreshed: now,
          });
          delete next.etag;
          delete next.lastModified;
          return withValidators(next, fetched);
        },
  );
  await updateLocal((map) => {
    const current = map[entry.id];
    // Removed while we fetched, or turned into a file import: nothing to update.
    if (!current || current.source !== 'url' || current.url !== url) return { map, result: undefined };
    return { map: { ...map, [entry.id]: patch(current) }, result: undefined };
  });
  return outcome;
}

async function refreshManagedUrl(url: string): Promise<RefreshResult> {
  const before = (await readManagedCache())[url];
  const got = await fetchText(url, before?.engagement ? { etag: before.etag, lastModified: before.lastModified } : {});
  const now = Date.now();
  const { outcome, patch } = refreshOf<ManagedUrlEntry>(got, url, now, before?.engagement !== undefined, (parsed, fetched) => () =>
    withValidators<ManagedUrlEntry>({ url, engagement: parsed.engagement, warnings: parsed.warnings.length, fetchedAt: before?.fetchedAt ?? now, lastRefreshed: now }, fetched),
  );
  await updateManagedCache((cache) => ({ ...cache, [url]: patch(cache[url] ?? { url, warnings: 0 }) }));
  return outcome;
}

/** After a policy change: forget URLs the policy dropped, fetch the ones it added. */
export async function syncManagedUrls(): Promise<void> {
  const { engagementUrls } = await readManaged();
  const cache = await readManagedCache();
  const dropped = Object.keys(cache).filter((u) => !engagementUrls.includes(u));
  if (dropped.length > 0) {
    await updateManagedCache((c) => Object.fromEntries(Object.entries(c).filter(([u]) => engagementUrls.includes(u))));
  }
  for (const url of engagementUrls) if (!cache[url]?.engagement) await refreshManagedUrl(url);
}

/** Every URL engagement, one after the other (the alarm's work). */
export async function refreshAll(): Promise<void> {
  const local = Object.values(await readLocal()).filter((e) => e.source === 'url' && e.url);
  for (const e of local) await refreshLocal(e);
  const { engagementUrls } = await readManaged();
  for (const url of engagementUrls) await refreshManagedUrl(url);
}

/** Alarms survive service-worker restarts; creating one again would only push its next run further away. */
export async function ensureRefreshAlarm(): Promise<void> {
  const existing = await chrome.alarms.get(REFRESH_ALARM);
  if (!existing) await chrome.alarms.create(REFRESH_ALARM, { delayInMinutes: REFRESH_MINUTES, periodInMinutes: REFRESH_MINUTES });
}

type Parsed = Extract<ReturnType<typeof parseEngagement>, { ok: true }>;
type FetchedText = Extract<Fetched, { kind: 'ok' }>;

/**
 * What a fetch means for a cached copy, for user subscriptions and policy URLs alike: a 304 or a failure keeps the
 * copy (noting the error), a text that does not validate or that `accept` refuses too, a valid one replaces it.
 */
function refreshOf<E extends { lastError?: string; lastRefreshed?: number }>(
  got: Fetched,
  url: string,
  now: number,
  hasCopy: boolean,
  accept: (parsed: Parsed, fetched: FetchedText) => ((e: E) => E) | string,
): { outcome: RefreshResult; patch: (e: E) => E } {
  const failed = (error: string) => ({ outcome: { ok: false as const, error }, patch: (e: E) => ({ ...e, lastError: error }) });
  if (got.kind === 'not-modified') return { outcome: { ok: true, notModified: true }, patch: (e) => withoutError({ ...e, lastRefreshed: now }) };
  if (got.kind === 'error') return failed(got.error);
  const parsed = parseEngagement(got.text, { fileName: fileNameOf(url) });
  if (!parsed.ok) return failed(`the copy at ${url} does not validate${hasCopy ? ', so the last good copy is kept' : ''}: ${problemsText(parsed.problems)}`);
  const accepted = accept(parsed, got);
  return typeof accepted === 'string' ? failed(accepted) : { outcome: { ok: true, notModified: false }, patch: accepted };
}

function withValidators<T extends { etag?: string; lastModified?: string }>(entry: T, fetched: FetchedText): T {
  if (fetched.etag) entry.etag = fetched.etag;
  if (fetched.lastModified) entry.lastModified = fetched.lastModified;
  return entry;
}

function withoutError<T extends { lastError?: string }>(e: T): T {
  const copy = { ...e };
  delete copy.lastError;
  return copy;
}
