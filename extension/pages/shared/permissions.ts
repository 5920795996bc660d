// Host permissions, one origin at a time. Chrome shows a permission prompt only while the user's click is still
// "live" (transient user activation), so requestOrigin must be the first thing a click handler does: any await
// before it (even a message to the background) makes Chrome refuse without asking.
import { sendPage } from './send.ts';

/** The match pattern we request and the background registers for one origin. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/**
 * The http(s) origin of a URL, or null. (core/routing has the same function; importing it would pull core's
 * schema into the popup bundle for four lines.)
 */
export function originOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/** Opens Chrome's prompt for one origin. Call synchronously from a click handler, before any await. */
export function requestOrigin(origin: string): Promise<boolean> {
  try {
    return Promise.resolve(chrome.permissions.request({ origins: [originPattern(origin)] }));
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Asks for the origin, then tells the background to register the content script and inject it into open tabs.
 * The request is made before the first await, so calling this from a click handler keeps the gesture.
 */
export async function enableOrigin(origin: string): Promise<boolean> {
  const granted = await requestOrigin(origin);
  if (granted) await sendPage({ type: 'origins:sync' });
  return granted;
}

/** Gives the origin back and lets the background unregister the content script for it. */
export async function disableOrigin(origin: string): Promise<boolean> {
  const removed = await chrome.permissions.remove({ origins: [originPattern(origin)] });
  await sendPage({ type: 'origins:sync' });
  return removed;
}

/** Calls back when any permission is granted or removed (here, in the popup, or in chrome://extensions). */
export function onPermissionsChanged(callback: () => void): () => void {
  const events = [chrome.permissions.onAdded, chrome.permissions.onRemoved].filter(Boolean);
  const listener = () => callback();
  for (const e of events) e.addListener(listener);
  return () => {
    for (const e of events) e.removeListener(listener);
  };
}

/** Opens the options page (a tab of its own, or the embedded page, as the manifest says). */
export function openOptions(event?: Event): void {
  event?.preventDefault();
  void chrome.runtime.openOptionsPage();
}

/** A real href for the options page, so the link also works with a middle click or "open in new tab". */
export function optionsHref(): string {
  const manifest = chrome.runtime.getManifest?.() as { options_page?: string; options_ui?: { page?: string } } | undefined;
  const page = manifest?.options_ui?.page ?? manifest?.options_page;
  return page ? chrome.runtime.getURL(page) : '#';
}
