// The shapes of the messages the background accepts. A content script runs in a page we do not trust (a
// compromised or hostile helpdesk page can feed it any text), so sizes are capped and unknown kinds refused
// before any value reaches core.
import { z } from 'zod';
import { HELPDESK_TYPES } from '../../core/index.ts';
import { RAW_FIELDS } from '../shared/ticket.ts';

const text = z.string().max(10_000);
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;

export const rawTicketShape = z.object({
  adapter: z.enum(HELPDESK_TYPES),
  url: z.string().max(8192),
  id: z.string().max(500).nullable(),
  fields: z.partialRecord(z.enum(RAW_FIELDS), z.union([text, z.array(text).max(500)])),
  native: z
    .array(
      z.object({
        metric: z.enum(['first_response', 'next_response', 'resolution', 'other']),
        label: z.string().max(500),
        dueAt: z.number().nullable(),
        breached: z.boolean().optional(),
        paused: z.boolean().optional(),
        met: z.boolean().optional(),
      }),
    )
    .max(50)
    .optional(),
  health: z
    .array(z.object({ field: z.enum([...RAW_FIELDS, 'id']), source: z.enum(['api', 'dom', 'url', 'missing']), detail: z.string().max(2000).optional() }))
    .max(100),
});

export const contentRequestShape = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), url: z.string().max(8192) }),
  z.object({ type: z.literal('ticket'), ticket: rawTicketShape }),
  z.object({ type: z.literal('panel-state'), corner: z.enum(CORNERS).optional(), collapsed: z.boolean().optional() }),
]);

export const pageRequestShape = z.discriminatedUnion('type', [
  z.object({ type: z.literal('engagements:list') }),
  z.object({ type: z.literal('engagements:import'), fileName: z.string().max(1000), text: z.string() }),
  z.object({ type: z.literal('engagements:subscribe'), url: z.string().max(8192) }),
  z.object({ type: z.literal('engagements:refresh'), id: z.string().max(1000) }),
  z.object({ type: z.literal('engagements:remove'), id: z.string().max(1000) }),
  z.object({ type: z.literal('origins:list') }),
  z.object({ type: z.literal('origins:sync') }),
]);

export const CONTENT_TYPES: ReadonlySet<string> = new Set(['hello', 'ticket', 'panel-state']);
