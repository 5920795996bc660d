// Statuses seen per ticket, in chrome.storage.session: helpdesk pages show only the current status, so the time a
// ticket went to "pending vendor" is the time we first saw it there. Session storage is memory-only (gone when
// the browser closes) and, by default, out of reach of content scripts.
import type { Seen } from './compile.ts';

const keyOf = (origin: string, ticketId: string) => `seen:${origin}|${ticketId}`;

export async function readSeen(origin: string, ticketId: string | null): Promise<Seen[]> {
  if (ticketId === null) return [];
  const key = keyOf(origin, ticketId);
  const got = (await chrome.storage.session.get(key))[key];
  return Array.isArray(got) ? (got as Seen[]) : [];
}

export async function writeSeen(origin: string, ticketId: string | null, seen: readonly Seen[]): Promise<void> {
  if (ticketId === null) return;
  await chrome.storage.session.set({ [keyOf(origin, ticketId)]: seen });
}
