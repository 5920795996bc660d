// The content script's first question on a page: which adapter runs here (and, for a generic helpdesk, the
// recipe's selectors), and where the panel sat last time on this origin.
import type { Engagement } from '../../core/index.ts';
import type { Corner, HelloResponse } from '../shared/messages.ts';
import type { RecipeForPage } from '../shared/ticket.ts';

const CORNERS: readonly Corner[] = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];
const DEFAULT_CORNER: Corner = 'bottom-right';

export interface PanelState {
  corner: Corner;
  collapsed: boolean;
}

const panelKey = (origin: string) => `panel:${origin}`;

export async function readPanelState(origin: string): Promise<PanelState> {
  const got = (await chrome.storage.local.get(panelKey(origin)))[panelKey(origin)] as Partial<PanelState> | undefined;
  return {
    corner: got?.corner && CORNERS.includes(got.corner) ? got.corner : DEFAULT_CORNER,
    collapsed: got?.collapsed === true,
  };
}

export async function writePanelState(origin: string, change: { corner?: unknown; collapsed?: unknown }): Promise<PanelState> {
  const state = await readPanelState(origin);
  if (typeof change.corner === 'string' && CORNERS.includes(change.corner as Corner)) state.corner = change.corner as Corner;
  if (typeof change.collapsed === 'boolean') state.collapsed = change.collapsed;
  await chrome.storage.local.set({ [panelKey(origin)]: state });
  return state;
}

export async function hello(origin: string, engagements: readonly Engagement[]): Promise<HelloResponse> {
  const mapping = engagements.flatMap((e) => e.helpdesks).find((m) => m.origin === origin);
  if (!mapping) return { ok: false, reason: `no engagement has a helpdesk at ${hostOf(origin)}` };
  const state = await readPanelState(origin);
  const answer: HelloResponse = { ok: true, adapter: mapping.type, ...state };
  if (mapping.type === 'generic') {
    const fields: RecipeForPage['fields'] = {};
    for (const [field, sel] of Object.entries(mapping.fields)) {
      if (!sel) continue;
      fields[field as keyof RecipeForPage['fields']] = sel.attribute === undefined ? { selector: sel.selector } : { selector: sel.selector, attribute: sel.attribute };
    }
    answer.recipe = mapping.ticketUrl === undefined ? { fields } : { ticketUrl: mapping.ticketUrl, fields };
  }
  return answer;
}

function hostOf(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return origin;
  }
}
