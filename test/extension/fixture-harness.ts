// Reading an adapter against its recorded fixture (test/fixtures/helpdesks/<type>): the page as a document, the API
// payloads served by exact path and query from routes.json, and the small lookups the adapter tests share.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Adapter, ReadContext } from '../../extension/adapters/types.ts';
import type { FieldHealth, RawTicket } from '../../extension/shared/ticket.ts';

const ROOT = join(import.meta.dirname, '../fixtures/helpdesks');

interface Routes {
  pages: Record<string, string>;
  api: Record<string, string>;
  headers?: Record<string, string>;
}

export const routes = (type: string): Routes => JSON.parse(readFileSync(join(ROOT, type, 'routes.json'), 'utf8'));
export const file = (type: string, name: string) => readFileSync(join(ROOT, type, name), 'utf8');

export function page(type: string, path: string): Document {
  const name = routes(type).pages[path];
  if (!name) throw new Error(`no page ${path} in ${type}/routes.json`);
  return new DOMParser().parseFromString(file(type, name), 'text/html');
}

export interface Fake {
  fetchJson: ReadContext['fetchJson'];
  calls: Array<{ path: string; headers?: Record<string, string> }>;
}

/**
 * Serves `type`'s payloads by exact path and query (none without a type); `status` answers chosen paths with an
 * HTTP error instead, and `extra` adds payloads by path.
 */
export function fake(type?: string, opts: { status?: (path: string) => number | undefined; extra?: Record<string, unknown> } = {}): Fake {
  const api = type ? routes(type).api : {};
  const calls: Fake['calls'] = [];
  return {
    calls,
    async fetchJson(path, init) {
      calls.push({ path, ...(init?.headers ? { headers: init.headers } : {}) });
      const status = opts.status?.(path);
      if (status) throw Object.assign(new Error(`HTTP ${status}`), { status });
      if (opts.extra && path in opts.extra) return structuredClone(opts.extra[path]);
      const name = api[path];
      if (!type || !name) throw Object.assign(new Error('HTTP 404'), { status: 404 });
      return JSON.parse(file(type, name));
    },
  };
}

export const paths = (f: Fake) => f.calls.map((c) => c.path);

export function read(adapter: Adapter, href: string, doc: Document, f: Fake = fake(), extra: Partial<ReadContext> = {}): Promise<RawTicket> {
  const url = new URL(href);
  const ref = adapter.ticketRef(url, doc, extra.recipe);
  if (!ref) throw new Error(`${adapter.id}: no ticket at ${href}`);
  return adapter.read(ref, { url, document: doc, signal: new AbortController().signal, fetchJson: f.fetchJson, ...extra });
}

export const health = (t: RawTicket, field: FieldHealth['field']) => t.health.find((h) => h.field === field);
export const sources = (t: RawTicket) => Object.fromEntries(t.health.map((h) => [h.field, h.source]));

/** happy-dom does not load frames and says so on console.error for every iframe; only that notice is dropped. */
export function quietFrameNotices(): void {
  const error = console.error.bind(console);
  vi.spyOn(console, 'error').mockImplementation((...args) => {
    if (!String(args[0]).includes('Iframe page loading is disabled')) error(...args);
  });
}
