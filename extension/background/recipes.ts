// "Teach Tandem this page": the picker's session per tab and the recipes it saved per origin.
// A session is armed by the popup (an extension page, on the user's click) for one tab and origin; the picker's
// messages count only from that tab's top frame on that origin, so no other page our scripts run in can write a
// recipe. Drafts live in storage.session (the worker may restart mid-pick); saved recipes in storage.local.
import { recipeFromDraft, type LearnedRecipe, type PickField, type PickerDraft } from '../picker-core/recipe.ts';
import { proposeTicketUrl } from '../picker-core/ticket-url.ts';
import { recipeValue } from './recipe-values.ts';

export const RECIPES_KEY = 'recipes';
const sessionKey = (tabId: number) => `picker:${tabId}`;

export interface PickerSession {
  origin: string;
  draft: PickerDraft | null;
}

export async function armPicker(tabId: number, origin: string): Promise<void> {
  await chrome.storage.session.set({ [sessionKey(tabId)]: { origin, draft: null } satisfies PickerSession });
}

export async function pickerSession(tabId: number): Promise<PickerSession | null> {
  const got = (await chrome.storage.session.get(sessionKey(tabId)))[sessionKey(tabId)];
  return got && typeof got === 'object' ? (got as PickerSession) : null;
}

/** The picker's latest state, accepted only from the armed tab on the armed origin. */
export async function updateDraft(tabId: number, origin: string, draft: PickerDraft): Promise<boolean> {
  const session = await pickerSession(tabId);
  if (!session || session.origin !== origin) return false;
  await chrome.storage.session.set({ [sessionKey(tabId)]: { origin, draft } satisfies PickerSession });
  return true;
}

export async function endPicker(tabId: number): Promise<void> {
  await chrome.storage.session.remove(sessionKey(tabId));
}

export async function listRecipes(): Promise<LearnedRecipe[]> {
  const map = (await chrome.storage.local.get(RECIPES_KEY))[RECIPES_KEY] as Record<string, LearnedRecipe> | undefined;
  return Object.values(map ?? {}).sort((a, b) => a.origin.localeCompare(b.origin));
}

let queue: Promise<unknown> = Promise.resolve();

function change<T>(fn: (map: Record<string, LearnedRecipe>) => T): Promise<T> {
  const run = queue.then(async () => {
    const map = { ...((await chrome.storage.local.get(RECIPES_KEY))[RECIPES_KEY] as Record<string, LearnedRecipe> | undefined) };
    const result = fn(map);
    await chrome.storage.local.set({ [RECIPES_KEY]: map });
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

export type SaveResult = { ok: true; recipe: LearnedRecipe } | { ok: false; error: string };

/** Saves the armed tab's draft as the recipe for its origin and ends the session. */
export async function saveDraft(tabId: number, origin?: string, chosen: Partial<Record<PickField, number>> = {}): Promise<SaveResult> {
  const session = await pickerSession(tabId);
  if (!session || (origin !== undefined && session.origin !== origin)) return { ok: false, error: 'No page is being taught in this tab.' };
  if (!session.draft) return { ok: false, error: 'Nothing picked yet.' };
  const draft = withChoices(session.draft, chosen);
  const idText = draft.picks.id?.proposals[draft.picks.id.chosen]?.value;
  let pageUrl: URL | null = null;
  try {
    pageUrl = new URL(draft.url);
  } catch {
    // A draft's URL comes from the page; a bad one only costs the ticketUrl proposal.
  }
  const ticketUrl = pageUrl && pageUrl.origin === session.origin && idText ? proposeTicketUrl(pageUrl, idText) : null;
  const recipe = recipeFromDraft({ ...draft, url: pageUrl?.origin === session.origin ? draft.url : session.origin }, session.origin, ticketUrl, Date.now());
  if (!recipe) return { ok: false, error: 'Pick at least the priority.' };
  const created = recipe.fields.created;
  // The format is a guess: keep it only when the background's own parser reads the sample with it.
  if (created?.format && typeof recipeValue('created', created.sample, { format: created.format }, 'UTC').value !== 'number') delete created.format;
  await change((map) => {
    map[session.origin] = recipe;
  });
  await endPicker(tabId);
  return { ok: true, recipe };
}

/** The draft with the popup's choices applied; an index past a field's proposals is ignored. */
function withChoices(draft: PickerDraft, chosen: Partial<Record<PickField, number>>): PickerDraft {
  const picks = { ...draft.picks };
  for (const [field, index] of Object.entries(chosen) as Array<[PickField, number]>) {
    const pick = picks[field];
    if (pick && index < pick.proposals.length) picks[field] = { ...pick, chosen: index };
  }
  return { ...draft, picks };
}

export async function deleteRecipe(origin: string): Promise<{ ok: boolean }> {
  return change((map) => {
    const had = origin in map;
    delete map[origin];
    return { ok: had };
  });
}
