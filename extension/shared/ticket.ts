// What a content-script adapter reads from a ticket page (or the helpdesk's API, same-origin with the user's
// session), as raw text. The background turns it into canonical facts: maps priority and status, parses dates
// with the recipe's format and zone, routes, and computes the clocks.
import type { HelpdeskType, RecipeSelector } from '../../core/engagement/types.ts';

export const RAW_FIELDS = ['priority', 'status', 'created', 'category', 'organization', 'assignee', 'group', 'requesterEmail', 'subject', 'tags', 'type'] as const;
export type RawField = (typeof RAW_FIELDS)[number];

export interface FieldHealth {
  field: RawField | 'id';
  /** Where the value came from; 'missing' when no source gave one. */
  source: 'api' | 'dom' | 'url' | 'missing';
  /** e.g. the endpoint or the selector that worked, or why it failed. */
  detail?: string;
}

/** A due time the helpdesk computes itself (Zendesk slas, Jira SM request SLA, ServiceNow task_sla, Freshservice). */
export interface NativeSla {
  metric: 'first_response' | 'next_response' | 'resolution' | 'other';
  /** As the helpdesk names it, e.g. "Time to first response". */
  label: string;
  /** Epoch ms, or null when the helpdesk gives no due time (stopped, not started). */
  dueAt: number | null;
  breached?: boolean;
  paused?: boolean;
  /** Stopped because it was met. */
  met?: boolean;
}

export interface RawTicket {
  adapter: HelpdeskType;
  url: string;
  /** The ticket's id or key as people see it (Zendesk 123, INC0010023, HR-42); null when it cannot be read. */
  id: string | null;
  /**
   * Field values as text. `created` is ISO 8601 with an offset when it comes from an API; from a page (generic recipe)
   * it is the text as shown, parsed in the background with the recipe's format and time zone.
   */
  fields: Partial<Record<RawField, string | string[]>>;
  /**
   * When `created` is a page's local wall-clock text ("11/27/26 9:05 AM") rather than ISO with an offset: the
   * formats (dayjs tokens) that helpdesk shows dates in, tried in order. The background reads the text in the
   * mapping's `fields.created.timeZone`, else the engagement's zone; a mapping's `fields.created.format` wins.
   */
  createdFormats?: string[];
  native?: NativeSla[];
  health: FieldHealth[];
}

/** The generic recipe as the content script needs it (selectors only; parsing happens in the background). */
export interface RecipeForPage {
  ticketUrl?: string;
  fields: Partial<Record<'id' | RawField, Pick<RecipeSelector, 'selector' | 'attribute'>>>;
}
