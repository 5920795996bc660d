// The contract between the content script and the helpdesk adapters. An adapter recognises a ticket page by its
// PATH (the engagement's mapping already decided the origin and the helpdesk type, so a fixture helpdesk on
// 127.0.0.1 with the same paths works) and reads the ticket, API first, DOM second, reporting where each field
// came from. Adapters never throw on odd data: a missing field becomes health 'missing'. They do reject when the
// signal aborts, so a stale read never reaches the panel.
import type { HelpdeskType } from '../../core/engagement/types.ts';
import type { RawTicket, RecipeForPage } from '../shared/ticket.ts';

export type { HelpdeskType, RawTicket, RecipeForPage };

export interface ReadContext {
  url: URL;
  document: Document;
  /** Aborted when the page navigates (SPA) or the content script gives up. */
  signal: AbortSignal;
  /** The generic recipe for this origin (only the generic adapter uses it). */
  recipe?: RecipeForPage;
  /**
   * GET `pathAndQuery` on the page's own origin with the user's session (credentials 'same-origin', the signal,
   * Accept: application/json plus `init.headers`). Rejects on a non-2xx answer with an Error whose `status` is the
   * HTTP status (content/run.ts createFetchJson).
   */
  fetchJson(pathAndQuery: string, init?: { headers?: Record<string, string> }): Promise<unknown>;
}

export interface Adapter {
  id: HelpdeskType;
  /**
   * Real-looking URLs: `ticket` must give a ref with this adapter and none with any other (except those named in
   * samePathsAs); `notTicket` none.
   */
  examples: { ticket: string[]; notTicket: string[] };
  /**
   * Helpdesk types whose ticket pages have the same path shape as this one (Freshdesk and Freshservice both use
   * /a/tickets/<id>), so only the engagement's mapping type tells them apart on an origin. The URL matrix test lets
   * exactly these adapters claim each other's ticket examples; declared on one side is enough.
   */
  samePathsAs?: readonly HelpdeskType[];
  /**
   * The ticket this page shows, as an opaque ref for read(), or null when it is not a ticket page (or when another
   * frame of the same page handles it: see servicenow.ts). `recipe` is only used by the generic adapter, whose
   * ticket URL pattern comes from the engagement; the others ignore it.
   */
  ticketRef(url: URL, doc: Document, recipe?: RecipeForPage): string | null;
  read(ref: string, ctx: ReadContext): Promise<RawTicket>;
}
