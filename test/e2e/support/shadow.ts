// Reading Tandem's panel from outside. The panel lives in a CLOSED shadow root, so neither page scripts nor
// Playwright's locators (which pierce open roots only) can reach it. CDP can: DOM.getDocument({ depth: -1,
// pierce: true }) includes closed shadow roots and the documents of same-process frames (ServiceNow's gsft_main),
// and DOM.getOuterHTML on a shadow root node serialises its content. Cross-process frames (a cross-site iframe) are
// separate CDP targets and are not walked here.
import type { CDPSession, Page } from 'playwright-core';

/**
 * HOST_TAG_PREFIX of extension/content/host.ts (the tag gets a random suffix per page load). Not imported: host.ts
 * needs the DOM library, and this file is also type-checked with the Node-only benchmarks.
 */
export const HOST_PREFIX = 'tandem-panel-';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  localName?: string;
  nodeValue?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  shadowRootType?: 'open' | 'closed' | 'user-agent';
  contentDocument?: CdpNode;
  documentURL?: string;
  frameId?: string;
}

/** An element or text node of the tree CDP gave, with attributes as a record. */
export interface PanelNode {
  name: string;
  backendNodeId: number;
  attrs: Record<string, string>;
  children: PanelNode[];
  /** For text nodes. */
  value?: string;
}

export interface PanelHostInfo {
  tag: string;
  shadowRootType: string | undefined;
  frameUrl: string;
  /** The host element's own attributes: there must be none. */
  attrs: Record<string, string>;
  /** Light-DOM children of the host: there must be none. */
  lightChildren: number;
  root: PanelNode | null;
  /** CDP node id of the shadow root in this snapshot (valid until the next DOM.getDocument). */
  rootNodeId: number | null;
}

export interface PanelSnapshot {
  /** Our host elements in the page and its same-process frames (at most one should be showing a panel). */
  hosts: PanelHostInfo[];
  /** The shown panel's root (the first host with a shadow root), or null. */
  root: PanelNode | null;
  /** The panel's visible text, whitespace collapsed; '' when there is none. */
  text: string;
  /** Per document (top and same-process frames): the tag names of <html>'s children. */
  htmlChildren: Array<{ frameUrl: string; tags: string[] }>;
  /** Every closed shadow root in the page, with the element carrying it. */
  closedRoots: Array<{ tag: string; frameUrl: string }>;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/** One CDP session per page, reused (a session survives the page's navigations). */
export function cdpFor(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

function toPanelNode(n: CdpNode): PanelNode {
  const attrs: Record<string, string> = {};
  for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) attrs[n.attributes![i]!] = n.attributes![i + 1]!;
  return {
    name: (n.localName || n.nodeName).toLowerCase(),
    backendNodeId: n.backendNodeId,
    attrs,
    children: (n.children ?? []).map(toPanelNode),
    ...(n.nodeType === 3 ? { value: n.nodeValue ?? '' } : {}),
  };
}

/** Everything of ours in the page right now, as CDP sees it. */
export async function readPanel(page: Page): Promise<PanelSnapshot> {
  const session = await cdpFor(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const snap: PanelSnapshot = { hosts: [], root: null, text: '', htmlChildren: [], closedRoots: [] };
  const visit = (n: CdpNode, frameUrl: string) => {
    if (n.nodeType === 9) {
      frameUrl = n.documentURL ?? frameUrl;
      const html = n.children?.find((c) => c.nodeType === 1);
      if (html) {
        const tags = (html.children ?? []).filter((c) => c.nodeType === 1).map((c) => (c.localName ?? c.nodeName).toLowerCase());
        snap.htmlChildren.push({ frameUrl, tags });
      }
    }
    for (const sr of n.shadowRoots ?? []) {
      if (sr.shadowRootType === 'closed') snap.closedRoots.push({ tag: (n.localName ?? n.nodeName).toLowerCase(), frameUrl });
    }
    const tag = (n.localName ?? '').toLowerCase();
    if (n.nodeType === 1 && tag.startsWith(HOST_PREFIX)) {
      const sr = n.shadowRoots?.find((r) => r.shadowRootType !== 'user-agent');
      const node = toPanelNode(n);
      snap.hosts.push({
        tag,
        shadowRootType: sr?.shadowRootType,
        frameUrl,
        attrs: node.attrs,
        lightChildren: (n.children ?? []).length,
        root: sr ? toPanelNode(sr) : null,
        rootNodeId: sr?.nodeId ?? null,
      });
    }
    for (const c of n.children ?? []) visit(c, frameUrl);
    for (const c of n.shadowRoots ?? []) visit(c, frameUrl);
    if (n.contentDocument) visit(n.contentDocument, frameUrl);
  };
  visit(root, page.url());
  snap.root = snap.hosts.find((h) => h.root)?.root ?? null;
  snap.text = snap.root ? textOf(snap.root) : '';
  return snap;
}

/** The serialised content of our first closed shadow root (its <style> included), or null without a panel. */
export async function panelHtml(page: Page): Promise<string | null> {
  const snap = await readPanel(page);
  const id = snap.hosts.find((h) => h.rootNodeId !== null)?.rootNodeId;
  if (id == null) return null;
  const session = await cdpFor(page);
  const { outerHTML } = (await session.send('DOM.getOuterHTML', { nodeId: id })) as { outerHTML: string };
  return outerHTML;
}

const SKIP = new Set(['style', 'script', 'template']);
const INLINE = new Set(['a', 'span', 'strong', 'em', 'b', 'i', 'abbr', 'code', 'small']);

/**
 * The text a person reads: text nodes in order, blocks separated by a space, whitespace collapsed. The panel paints
 * its data from `data-t` attributes with CSS generated content (so that window.find() cannot search it), so an
 * element's data-t counts as text it shows before its children.
 */
export function textOf(node: PanelNode): string {
  const parts: string[] = [];
  const walk = (n: PanelNode) => {
    if (n.value !== undefined) {
      parts.push(n.value);
      return;
    }
    if (SKIP.has(n.name)) return;
    if (n.attrs['data-t'] !== undefined) parts.push(n.attrs['data-t']);
    const block = !INLINE.has(n.name);
    if (block) parts.push(' ');
    for (const c of n.children) walk(c);
    if (block) parts.push(' ');
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function findAll(node: PanelNode | null, pred: (n: PanelNode) => boolean): PanelNode[] {
  const out: PanelNode[] = [];
  const walk = (n: PanelNode) => {
    if (n.value === undefined && pred(n)) out.push(n);
    for (const c of n.children) walk(c);
  };
  if (node) walk(node);
  return out;
}

export function byTestId(node: PanelNode | null, id: string): PanelNode | null {
  return findAll(node, (n) => n.attrs['data-testid'] === id)[0] ?? null;
}

/** The text of the element with data-testid `id` in the panel ('' when absent): panel, owner, clock-<policy>-<metric>, escalation, reason… */
export function testIdText(snap: PanelSnapshot, id: string): string {
  const n = byTestId(snap.root, id);
  return n ? textOf(n) : '';
}

const TRANSIENT = /Cannot find context|Execution context|Target closed|No node|Document needs to be requested|Could not find node/i;

/** Polls the panel until `ready` accepts a snapshot; the last snapshot's text is in the timeout error. */
export async function waitForPanel(
  page: Page,
  ready: (s: PanelSnapshot) => boolean = (s) => s.root !== null,
  timeoutMs = 15_000,
  what = 'the panel',
): Promise<PanelSnapshot> {
  const end = Date.now() + timeoutMs;
  let last: PanelSnapshot | null = null;
  for (;;) {
    try {
      last = await readPanel(page);
      if (ready(last)) return last;
    } catch (error) {
      // A navigation in progress invalidates node ids; the next poll reads the new document.
      if (!TRANSIENT.test(String(error))) throw error;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}; the panel showed: ${JSON.stringify(last?.text ?? null)} (hosts: ${last?.hosts.length ?? '?'})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Clicks a panel element the way a person does: scrolled into view, then a real (trusted) mouse click at its
 * centre, so a page overlay covering the panel would get the click instead, as it would in real life.
 */
export async function clickNode(page: Page, node: PanelNode): Promise<void> {
  const session = await cdpFor(page);
  await session.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId }).catch(() => {});
  const { quads } = (await session.send('DOM.getContentQuads', { backendNodeId: node.backendNodeId })) as { quads: number[][] };
  const q = quads[0];
  if (!q || q.length < 8) throw new Error(`the panel's <${node.name}> has no box on screen to click`);
  const x = (q[0]! + q[2]! + q[4]! + q[6]!) / 4;
  const y = (q[1]! + q[3]! + q[5]! + q[7]!) / 4;
  await page.mouse.click(x, y);
}

/** Focuses a panel element through CDP (for keyboard tests: then page.keyboard.press). */
export async function focusNode(page: Page, node: PanelNode): Promise<void> {
  const session = await cdpFor(page);
  await session.send('DOM.focus', { backendNodeId: node.backendNodeId });
}
