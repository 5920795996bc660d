// Proposes CSS selectors for an element the user picked, most robust first. A proposal is kept only when it
// matches exactly one element where the generic adapter looks (extension/adapters/generic.ts: the light DOM first)
// and that element is the picked one, so what the user sees is what the recipe will read.
//
// Ranking, best first (ties: fewer compound parts, then shorter text):
//   id        a unique #id that does not look generated;
//   attribute a stable attribute of the element (data-testid, data-qa, name, itemprop, aria-label …);
//   anchored  a short path under an ancestor with a stable id or attribute;
//   class     readable class names (".ticket-meta .priority");
//   label     the value next to its label (dt/dd, th/td, label): position relative to the label;
//   path      :nth-of-type steps from the nearest stable ancestor;
//   generated class names that look machine-made (css-1x2y3z), which the next deploy may rename.
import { textOf } from '../adapters/dom.ts';
import { looksGenerated, STABLE_ATTRIBUTES, stableAttributeValue } from './stable.ts';

export type ProposalKind = 'id' | 'attribute' | 'anchored' | 'class' | 'label' | 'path' | 'generated';
export const KIND_ORDER: readonly ProposalKind[] = ['id', 'attribute', 'anchored', 'class', 'label', 'path', 'generated'];

export interface Proposal {
  selector: string;
  /** Read this attribute instead of the text (time[datetime], an avatar's title). */
  attribute?: string;
  /** What the recipe reads on this page, as the adapter would (whitespace collapsed). */
  value: string;
  kind: ProposalKind;
}

interface Part {
  sel: string;
  kind: ProposalKind;
}

const MAX_ANCESTORS = 6;

export function cssIdent(s: string): string {
  return s.replace(/[^\w\u00a0-\uffff-]/g, (c) => `\\${c}`).replace(/^(-?)(\d)/, (_m, dash: string, d: string) => `${dash}\\3${d} `);
}

const attrSel = (name: string, value: string) => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
const tagOf = (el: Element) => el.localName.toLowerCase();

function classes(el: Element): { stable: string[]; generated: string[] } {
  const list = [...el.classList].filter((c) => c.length > 0);
  return { stable: list.filter((c) => !looksGenerated(c)), generated: list.filter(looksGenerated) };
}

/** The attribute whose value a recipe should read for this element, if not its text. */
export function valueAttribute(el: Element): string | undefined {
  if (el.localName === 'time' && el.getAttribute('datetime')?.trim()) return 'datetime';
  const text = (el.textContent ?? '').trim();
  const title = el.getAttribute('title')?.trim();
  // Avatars and initials ("MR") carry the full value in a tooltip.
  if (text.length <= 3 && title && title.length > text.length) return 'title';
  return undefined;
}

/** Ways to name `el` alone, stable ones first; `text` is what it shows (prose attributes must not repeat it). */
function ownParts(el: Element, text: string, valueAttr?: string): Part[] {
  const parts: Part[] = [];
  const tag = tagOf(el);
  if (el.id && !looksGenerated(el.id)) parts.push({ sel: `#${cssIdent(el.id)}`, kind: 'id' });
  for (const name of STABLE_ATTRIBUTES) {
    const v = el.getAttribute(name);
    if (v === null || name === valueAttr || !stableAttributeValue(name, v, text)) continue;
    parts.push({ sel: attrSel(name, v), kind: 'attribute' }, { sel: `${tag}${attrSel(name, v)}`, kind: 'attribute' });
  }
  const { stable, generated } = classes(el);
  for (const c of stable) parts.push({ sel: `.${cssIdent(c)}`, kind: 'class' }, { sel: `${tag}.${cssIdent(c)}`, kind: 'class' });
  if (stable.length > 1) parts.push({ sel: `${tag}${stable.map((c) => `.${cssIdent(c)}`).join('')}`, kind: 'class' });
  for (const c of generated) parts.push({ sel: `.${cssIdent(c)}`, kind: 'generated' });
  return parts;
}

/** Stable names of an ancestor, usable as an anchor. */
function anchorParts(el: Element): Part[] {
  return ownParts(el, '').filter((p) => p.kind !== 'generated');
}

const nthOfType = (el: Element) => {
  let n = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === el.localName) n++;
  return n;
};

function onlyOfType(el: Element): boolean {
  const parent = el.parentElement;
  return !parent || [...parent.children].filter((c) => c.localName === el.localName).length === 1;
}

const step = (el: Element) => (onlyOfType(el) ? tagOf(el) : `${tagOf(el)}:nth-of-type(${nthOfType(el)})`);

const LABEL_TAGS = new Set(['dt', 'th', 'label']);

/** The element that labels `el`'s value (its dt, th, label or "Status:" text) as [label element, its text]. */
export function labelOf(el: Element): [Element, string] | null {
  for (let cur: Element | null = el, depth = 0; cur && depth < 3; cur = cur.parentElement, depth++) {
    const prev = cur.previousElementSibling;
    if (!prev) continue;
    const t = (prev.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (t && t.length <= 40 && (LABEL_TAGS.has(prev.localName) || /:$/.test(t))) return [prev, t.replace(/:$/, '')];
  }
  return null;
}

function* candidates(el: Element, text: string, valueAttr?: string): Generator<Part> {
  const own = ownParts(el, text, valueAttr);
  yield* own;
  const tag = tagOf(el);
  const selfSteps: Part[] = [...own.filter((p) => p.kind === 'class' || p.kind === 'attribute' || p.kind === 'generated'), { sel: tag, kind: 'path' }];
  let chain = step(el);
  let cur = el.parentElement;
  for (let depth = 0; cur && cur.localName !== 'html'; depth++, cur = cur.parentElement) {
    for (const a of depth < MAX_ANCESTORS ? anchorParts(cur) : []) {
      const anchorKind: ProposalKind = a.kind === 'class' ? 'class' : 'anchored';
      for (const s of selfSteps) {
        const kind = worst(anchorKind, s.kind === 'path' && depth > 1 ? 'path' : s.kind === 'path' ? anchorKind : s.kind);
        yield { sel: `${a.sel} ${s.sel}`, kind };
      }
      yield { sel: `${a.sel} > ${chain}`, kind: worst(anchorKind, 'path') };
    }
    if (cur.localName === 'body') yield { sel: `body > ${chain}`, kind: 'path' };
    chain = `${step(cur)} > ${chain}`;
  }
  yield* labelParts(el);
}

/** The value by its label: "#meta-prio + dd", or "dl.ticket-meta dt:nth-of-type(2) + dd" as a last resort. */
function* labelParts(el: Element): Generator<Part> {
  const found = labelOf(el);
  if (!found) return;
  const [label] = found;
  const holder = label.nextElementSibling;
  if (!holder) return;
  const inner = holder === el ? '' : ` ${tagOf(el)}`;
  for (const l of anchorParts(label)) yield { sel: `${l.sel} + ${tagOf(holder)}${inner}`, kind: l.kind === 'class' ? 'class' : 'anchored' };
  const labelStep = `${tagOf(label)}:nth-of-type(${nthOfType(label)})`;
  const container = label.parentElement;
  if (!container) return;
  for (const a of anchorParts(container)) yield { sel: `${a.sel} > ${labelStep} + ${tagOf(holder)}${inner}`, kind: 'label' };
  yield { sel: `${tagOf(container)} > ${labelStep} + ${tagOf(holder)}${inner}`, kind: 'label' };
}

const rank = (k: ProposalKind) => KIND_ORDER.indexOf(k);
const worst = (a: ProposalKind, b: ProposalKind): ProposalKind => (rank(a) >= rank(b) ? a : b);
const compounds = (sel: string) => sel.split(/\s*[ >+~]\s*/).filter(Boolean);
// Among equals, named steps (".value") say more about the element than bare tags ("span").
const bareTags = (sel: string) => compounds(sel).filter((c) => /^[a-z][a-z0-9-]*$/i.test(c)).length;

/** Whether the generic adapter, given `sel`, would read exactly `el`. */
export function selectsOnly(el: Element, sel: string): boolean {
  try {
    const root = el.getRootNode() as Document | ShadowRoot;
    const all = root.querySelectorAll(sel);
    if (all.length !== 1 || all[0] !== el) return false;
    // queryDeep (adapters/dom.ts) answers from the light DOM first: a match there would win over ours.
    return root === el.ownerDocument || el.ownerDocument.querySelector(sel) === null;
  } catch {
    return false;
  }
}

/** Ranked proposals for `el`, each checked to select it alone; at most `max`. */
export function proposeSelectors(el: Element, max = 5): Proposal[] {
  const attribute = valueAttribute(el);
  const value = textOf(el, attribute);
  const text = textOf(el);
  const seen = new Set<string>();
  const ok: Part[] = [];
  for (const c of candidates(el, text, attribute)) {
    if (seen.has(c.sel)) continue;
    seen.add(c.sel);
    if (selectsOnly(el, c.sel)) ok.push(c);
  }
  ok.sort((a, b) => rank(a.kind) - rank(b.kind) || compounds(a.sel).length - compounds(b.sel).length || bareTags(a.sel) - bareTags(b.sel) || a.sel.length - b.sel.length);
  return ok.slice(0, max).map((p) => ({ selector: p.sel, kind: p.kind, value, ...(attribute ? { attribute } : {}) }));
}
