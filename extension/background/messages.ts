// The runtime.onMessage router. Every message must come from this extension (sender.id); content requests only
// from a tab whose origin is granted and registered (a tab left open after the user revoked the site gets
// nothing more), page requests only from our own extension pages. The origin a content request is answered for
// is the sender's, never one the message names.
import { originOf } from '../../core/routing/index.ts';
import type { ContentRequest, HelloResponse, PageRequest, TicketResponse } from '../shared/messages.ts';
import { catalog } from './catalog.ts';
import { compile } from './compile.ts';
import { importFile, listEngagements, removeEngagement } from './engagements.ts';
import { hello, writePanelState } from './hello.ts';
import { readSeen, writeSeen } from './history.ts';
import { listOrigins, syncOrigins } from './origins.ts';
import { isRegistered } from './registrations.ts';
import { armPicker, deleteRecipe, endPicker, listRecipes, pickerSession, saveDraft, updateDraft } from './recipes.ts';
import { CONTENT_TYPES, contentRequestShape, pageRequestShape, PICKER_TYPES, pickerRequestShape } from './shapes.ts';
import { refresh, subscribe } from './subscriptions.ts';

type Sender = chrome.runtime.MessageSender;

const NOT_ENABLED = 'Tandem is not enabled on this site';

/** For chrome.runtime.onMessage.addListener: answers asynchronously, so it keeps the channel open. */
export function onMessage(message: unknown, sender: Sender, sendResponse: (answer: unknown) => void): boolean {
  handleMessage(message, sender).then(sendResponse, (error: unknown) => {
    sendResponse({ error: `Tandem's background failed: ${(error as Error)?.message ?? String(error)}` });
  });
  return true;
}

export async function handleMessage(message: unknown, sender: Sender): Promise<unknown> {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  const isContent = typeof type === 'string' && CONTENT_TYPES.has(type);
  if (sender.id !== chrome.runtime.id) return isContent ? { ok: false, reason: 'refused' } : { error: 'refused: not from this extension' };
  if (typeof type === 'string' && PICKER_TYPES.has(type)) return handlePicker(message, sender);
  return isContent ? handleContent(message, sender) : handlePage(message, sender);
}

/** The page origin of a content script's frame: sender.origin when the browser gives it, else the frame URL's. */
export function senderOrigin(sender: Sender): string | null {
  if (sender.origin && sender.origin !== 'null') return originOf(sender.origin);
  return sender.url ? originOf(sender.url) : null;
}

function isExtensionPage(sender: Sender): boolean {
  const base = chrome.runtime.getURL('');
  return typeof sender.url === 'string' && sender.url.startsWith(base) && (sender.origin === undefined || base.startsWith(sender.origin));
}

async function handleContent(message: unknown, sender: Sender): Promise<HelloResponse | TicketResponse | { ok: boolean; reason?: string }> {
  const origin = senderOrigin(sender);
  if (!sender.tab || origin === null || isExtensionPage(sender)) return { ok: false, reason: 'refused' };
  if (!(await isRegistered(origin))) return { ok: false, reason: NOT_ENABLED };
  const parsed = contentRequestShape.safeParse(message);
  if (!parsed.success) return { ok: false, reason: 'malformed request' };
  const request: ContentRequest = parsed.data;
  switch (request.type) {
    case 'hello':
      return hello(origin, (await catalog()).engagements);
    case 'ticket': {
      const raw = request.ticket;
      const { engagements } = await catalog();
      const seen = await readSeen(origin, raw.id);
      const { model, seen: next } = compile({ raw, origin, engagements, now: Date.now(), seen });
      if (next !== seen) await writeSeen(origin, raw.id, next);
      return model;
    }
    case 'panel-state':
      await writePanelState(origin, request);
      return { ok: true };
  }
}

/** The picker runs on sites Tandem may not be enabled on (activeTab): it answers to the session the popup armed. */
async function handlePicker(message: unknown, sender: Sender): Promise<{ ok: boolean; reason?: string }> {
  const origin = senderOrigin(sender);
  const tabId = sender.tab?.id;
  if (tabId === undefined || origin === null || isExtensionPage(sender) || (sender.frameId ?? 0) !== 0) return { ok: false, reason: 'refused' };
  const session = await pickerSession(tabId);
  if (!session || session.origin !== origin) return { ok: false, reason: 'refused' };
  const parsed = pickerRequestShape.safeParse(message);
  if (!parsed.success) return { ok: false, reason: 'malformed request' };
  const request = parsed.data;
  if (request.type === 'picker:update') return { ok: await updateDraft(tabId, origin, request.draft) };
  if (!request.save) {
    await endPicker(tabId);
    return { ok: true };
  }
  const saved = await saveDraft(tabId, origin);
  return saved.ok ? { ok: true } : { ok: false, reason: saved.error };
}

async function handlePage(message: unknown, sender: Sender): Promise<unknown> {
  if (!isExtensionPage(sender)) return { error: 'refused: not from an extension page' };
  const parsed = pageRequestShape.safeParse(message);
  if (!parsed.success) return { error: 'malformed request' };
  const request: PageRequest = parsed.data;
  switch (request.type) {
    case 'engagements:list':
      return listEngagements();
    case 'engagements:import':
    case 'engagements:subscribe': {
      const result = request.type === 'engagements:import' ? await importFile(request.fileName, request.text) : await subscribe(request.url);
      // A new engagement may name an origin already covered by a broader grant; it gets its registration now.
      if (result.ok) await syncOrigins();
      return result;
    }
    case 'engagements:refresh':
      return refresh(request.id);
    case 'engagements:remove':
      return removeEngagement(request.id);
    case 'origins:list':
      return listOrigins();
    case 'picker:arm':
      await armPicker(request.tabId, request.origin);
      return { ok: true };
    case 'picker:state':
      return pickerSession(request.tabId);
    case 'picker:save':
      return saveDraft(request.tabId, undefined, request.chosen);
    case 'picker:cancel':
      await endPicker(request.tabId);
      return { ok: true };
    case 'recipe:list':
      return listRecipes();
    case 'recipe:delete':
      return deleteRecipe(request.origin);
    case 'origins:sync': {
      const { registered, added, removed, injectedTabs } = await syncOrigins();
      return { ok: true, registered, added, removed, injectedTabs };
    }
  }
}
