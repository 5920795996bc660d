// Small reading helpers shared by the adapters: defensive JSON access, DOM text (also inside open shadow roots and
// same-origin frames), and the field collector that fills RawTicket.health. Kept tiny: it ships in the content script.
import type { FieldHealth, NativeSla, RawField, RawTicket } from '../shared/ticket.ts';
import type { HelpdeskType, ReadContext } from './types.ts';

export type Field = RawField | 'id';
export type Got = string | string[] | undefined;

export const obj = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A non-empty string (numbers as text), else undefined. */
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? clean(v) || undefined : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
export const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
/** The `name` of the sideloaded record whose id is `id` (Zendesk sideloads, Freshservice embeds). */
export const nameById = (list: unknown, id: unknown, key = 'name'): string | undefined =>
  id === null || id === undefined ? undefined : str(arr(list).map(obj).find((o) => o?.id === id)?.[key]);

function aborted(signal: AbortSignal): never {
  throw signal.reason ?? new DOMException('The read was aborted', 'AbortError');
}

/** GET through the context; a failure becomes a reason text, except an abort, which rejects. */
export async function getJson(ctx: ReadContext, path: string, headers?: Record<string, string>): Promise<{ data: unknown } | { why: string }> {
  if (ctx.signal.aborted) aborted(ctx.signal);
  try {
    const data = await ctx.fetchJson(path, headers && { headers });
    if (ctx.signal.aborted) aborted(ctx.signal);
    return { data };
  } catch (e) {
    if (ctx.signal.aborted) aborted(ctx.signal);
    const status = (e as { status?: unknown } | null)?.status;
    return { why: typeof status === 'number' ? `HTTP ${status}` : e instanceof SyntaxError ? 'not JSON' : (e as Error)?.message || 'failed' };
  }
}

/** Text of an element: an attribute when asked, a select by its chosen option, inputs by value, others by text. */
export function textOf(el: Element, attribute?: string, option: 'text' | 'value' = 'text'): string {
  if (attribute) return clean(el.getAttribute(attribute));
  if (el.tagName === 'SELECT') {
    // The server-rendered choice is the saved record, as the API would say; an unsaved edit is not the ticket yet.
    const o = el.querySelector('option[selected]') ?? (el as HTMLSelectElement).selectedOptions?.[0];
    return o ? clean(option === 'value' ? (o as HTMLOptionElement).value : o.textContent) : '';
  }
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return clean((el as HTMLInputElement).value);
  return clean(el.textContent);
}

/**
 * The shadow roots (open only: closed ones are private by design) and same-origin frame documents under `root`,
 * breadth first, as they are found, at most `limit` of them. Cross-origin frames throw on access and are skipped.
 */
export function* subRoots(root: ParentNode, limit = 50): Generator<ParentNode> {
  const queue: ParentNode[] = [root];
  let found = 0;
  while (queue.length) {
    for (const el of queue.shift()!.querySelectorAll('*')) {
      let sub: ParentNode | null = el.shadowRoot;
      if (!sub && (el.tagName === 'IFRAME' || el.tagName === 'FRAME')) {
        try {
          sub = (el as HTMLIFrameElement).contentDocument;
        } catch {
          sub = null;
        }
      }
      if (!sub) continue;
      yield sub;
      if (++found >= limit) return;
      queue.push(sub);
    }
  }
}

/** querySelector that also looks inside open shadow roots and same-origin frames (only when the light DOM misses). */
export function queryDeep(root: ParentNode, selector: string, roots: Iterable<ParentNode> = subRoots(root)): Element | null {
  const hit = root.querySelector(selector);
  if (hit) return hit;
  for (const r of roots) {
    const h = r.querySelector(selector);
    if (h) return h;
  }
  return null;
}

/** One place a field can come from, tried in order by collect(); null when it does not offer the field at all. */
export interface Source {
  source: FieldHealth['source'];
  read(field: Field): { value: Got; detail: string } | null;
}

const got = (v: unknown): Got => {
  if (Array.isArray(v)) {
    const list = v.map(str).filter((s): s is string => !!s);
    return list.length ? list : undefined;
  }
  return str(v);
};

export const apiSource = (detail: string, values: Partial<Record<Field, unknown>>): Source => ({
  source: 'api',
  read: (f) => (f in values ? { value: got(values[f]), detail } : null),
});

export const failedSource = (detail: string, why: string): Source => ({
  source: 'api',
  read: () => ({ value: undefined, detail: `${detail}: ${why}` }),
});

export const urlSource = (detail: string, values: Partial<Record<Field, string>>): Source => ({
  source: 'url',
  read: (f) => (f in values ? { value: got(values[f]), detail } : null),
});

export interface Sel {
  css: string;
  attr?: string;
  /** For a select: the chosen option's value instead of its text. */
  option?: 'value';
  /** Several elements, one value each (tags). */
  all?: boolean;
}

/** Reads fields by CSS selector; the light DOM first, then open shadow roots and same-origin frames. */
export function domSource(root: ParentNode, selectors: Partial<Record<Field, string | Sel>>): Source {
  // One walk for all the fields, and only once a selector misses the light DOM.
  let roots: ParentNode[] | undefined;
  const lazyRoots = { [Symbol.iterator]: () => (roots ??= [...subRoots(root)])[Symbol.iterator]() };
  return {
    source: 'dom',
    read(f) {
      const s = selectors[f];
      if (!s) return null;
      const sel: Sel = typeof s === 'string' ? { css: s } : s;
      const detail = sel.attr ? `${sel.css} @${sel.attr}` : sel.css;
      try {
        const els = sel.all ? [...root.querySelectorAll(sel.css)] : [queryDeep(root, sel.css, lazyRoots)].filter((e) => e !== null);
        const value = got(els.map((e) => textOf(e, sel.attr, sel.option)));
        return { value: sel.all || value === undefined ? value : value[0], detail: value ? detail : `${detail} ${els.length ? 'is empty' : 'not found'}` };
      } catch {
        return { value: undefined, detail: `${detail} is not a valid selector` };
      }
    },
  };
}

/** For each field, the first source with a value wins; health records which, and what was tried before. */
export function collect(adapter: HelpdeskType, url: URL, fields: readonly Field[], sources: Source[]): RawTicket {
  const ticket: RawTicket = { adapter, url: url.href, id: null, fields: {}, health: [] };
  for (const field of fields) {
    const tried: string[] = [];
    let found = false;
    for (const s of sources) {
      const r = s.read(field);
      if (!r) continue;
      const { value, detail } = r;
      if (value === undefined) {
        tried.push(`${s.source}: ${detail}`);
        continue;
      }
      if (field === 'id') ticket.id = Array.isArray(value) ? value[0]! : value;
      else ticket.fields[field] = value;
      ticket.health.push({ field, source: s.source, detail: tried.length ? `${detail} (after ${tried.join('; ')})` : detail });
      found = true;
      break;
    }
    if (!found) ticket.health.push({ field, source: 'missing', detail: tried.join('; ') || 'not read' });
  }
  return ticket;
}

/** Epoch ms of an ISO text with an offset; null otherwise (native SLA due times). */
export const epoch = (v: unknown): number | null => {
  const s = typeof v === 'string' && /(?:Z|[+-]\d\d:?\d\d)$/i.test(v) ? Date.parse(v.replace(/([+-]\d\d)(\d\d)$/, '$1:$2')) : NaN;
  return Number.isFinite(s) ? s : typeof v === 'number' && Number.isFinite(v) ? v : null;
};

// ---- Page readers for server-rendered and GWT helpdesks (ConnectWise, Autotask, osTicket, GLPI), whose markup
// differs by version: each field has candidates tried in order, and the health names the one that worked.

const selOf = (s: string | Sel): Sel => (typeof s === 'string' ? { css: s } : s);
const lazy = (root: ParentNode) => {
  let roots: ParentNode[] | undefined;
  return { [Symbol.iterator]: () => (roots ??= [...subRoots(root)])[Symbol.iterator]() };
};

/** Like domSource, but each field has candidate selectors tried in order; the first with a value wins. */
export function domFirst(root: ParentNode, candidates: Partial<Record<Field, Array<string | Sel>>>): Source {
  const roots = lazy(root);
  return {
    source: 'dom',
    read(f) {
      const list = candidates[f];
      if (!list?.length) return null;
      const misses: string[] = [];
      for (const sel of list.map(selOf)) {
        const detail = sel.attr ? `${sel.css} @${sel.attr}` : sel.css;
        let found = false;
        try {
          const els = sel.all ? [...root.querySelectorAll(sel.css)] : [queryDeep(root, sel.css, roots)].filter((e) => e !== null);
          found = els.length > 0;
          const value = got(els.map((e) => textOf(e, sel.attr, sel.option)));
          if (value !== undefined) return { value: sel.all ? value : value[0], detail: misses.length ? `${detail} (after ${misses.join(', ')} not found)` : detail };
        } catch {
          // An invalid candidate is skipped like a missing one.
        }
        misses.push(found ? `${detail} (empty)` : detail);
      }
      return { value: undefined, detail: `${misses.join(', ')} not found` };
    },
  };
}

/** The first text matching `pattern` (its first group, else the whole match) in the elements of the candidates. */
export function matchSource(root: ParentNode, field: Field, candidates: string[], pattern: RegExp): Source {
  return {
    source: 'dom',
    read(f) {
      if (f !== field) return null;
      for (const css of candidates) {
        try {
          for (const el of root.querySelectorAll(css)) {
            const m = pattern.exec(clean(el.textContent));
            if (m) return { value: m[1] ?? m[0], detail: `${css} ~ ${pattern.source}` };
          }
        } catch {
          // Skipped like a miss.
        }
      }
      return { value: undefined, detail: `no ${candidates.join(', ')} ~ ${pattern.source}` };
    },
  };
}

/** Elements that label a value on detail pages: table header cells, dt, label, Autotask's and GWT's label boxes. */
const LABEL_CSS = 'th, td, dt, label, .ReadOnlyLabelContainer, .cw_CwLabel, .gwt-Label, .col-form-label';
const labelKey = (s: string | null) => clean(s).replace(/[\s:*]+$/, '').toLowerCase();

/** The value element of a label: its `for` control, Autotask's pair, the next sibling (dd, td), or the parent's. */
function valueOf(label: Element): string {
  const id = label.tagName === 'LABEL' ? label.getAttribute('for') : null;
  const v =
    (id ? label.ownerDocument.getElementById(id) : null) ??
    label.closest('.ReadOnlyData')?.querySelector('.ReadOnlyValueContainer') ??
    label.nextElementSibling ??
    label.parentElement?.nextElementSibling;
  if (!v) return '';
  const control = v.matches('select, input, textarea') ? v : v.querySelector('select, input:not([type="hidden"]), textarea');
  return control ? textOf(control) : clean(v.textContent);
}

/**
 * "The value next to the label 'Priority'": for each field, label texts tried in order (case and a trailing colon
 * ignored). For server-rendered pages whose class names are not stable but whose labels are.
 */
export function labelSource(root: ParentNode, labels: Partial<Record<Field, string[]>>): Source {
  let cells: Element[] | undefined;
  return {
    source: 'dom',
    read(f) {
      const names = labels[f];
      if (!names?.length) return null;
      cells ??= [...root.querySelectorAll(LABEL_CSS)];
      for (const name of names) {
        const key = labelKey(name);
        for (const el of cells) {
          if (labelKey(el.textContent) !== key) continue;
          const value = str(valueOf(el));
          if (value) return { value, detail: `label "${name}"` };
        }
      }
      return { value: undefined, detail: `no label ${names.map((n) => `"${n}"`).join(', ')} with a value` };
    },
  };
}

/**
 * A created time read from the page is local wall-clock text: the background parses it with these dayjs formats
 * (candidates in order) in the engagement's zone. Only set when the page gave the value.
 */
export function pageDates(ticket: RawTicket, formats: string[]): RawTicket {
  if (ticket.health.some((h) => h.field === 'created' && h.source === 'dom')) ticket.createdFormats = formats;
  return ticket;
}

/**
 * A Freshworks due time (Freshservice, Freshdesk: fr_due_by, due_by…): running until `doneAt` is set, met unless
 * the helpdesk flagged it escalated; nothing when there is neither a due time nor a completion.
 */
export function freshworksDue(t: Record<string, unknown>, metric: NativeSla['metric'], label: string, dueKey: string, escalated: unknown, doneAt?: unknown): NativeSla[] {
  const dueAt = epoch(t[dueKey]);
  const met = !!str(doneAt);
  if (dueAt === null && !met) return [];
  const sla: NativeSla = { metric, label, dueAt: met ? null : dueAt };
  if (escalated === true) sla.breached = true;
  if (met) sla.met = escalated !== true;
  return [sla];
}

/**
 * A Freshworks ticket (Freshservice, Freshdesk): the web app's own `/api/_/` with the session first, the public v2
 * API (usually wanting a key) second; either answers `{ ticket }` or the ticket itself. Failures go into `sources`.
 */
export async function freshworksTicket(ctx: ReadContext, id: string, query: string, sources: Source[]): Promise<{ t?: Record<string, unknown>; endpoint: string }> {
  let endpoint = '';
  for (const base of ['/api/_/tickets/', '/api/v2/tickets/']) {
    endpoint = `${base}${id}?${query}`;
    const res = await getJson(ctx, endpoint);
    const body = 'data' in res ? obj(res.data) : undefined;
    const t = obj(body?.ticket) ?? (body && String(body.id) === id ? body : undefined);
    if (t) return { t, endpoint };
    sources.push(failedSource(endpoint, 'data' in res ? `ticket ${id} not in the answer` : res.why));
  }
  return { endpoint };
}
