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
  createdFormats: z.array(z.string().max(100)).max(10).optional(),
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

const PICK_FIELD_NAMES = ['id', 'priority', 'status', 'created', 'organization'] as const;
const pickShape = z.object({
  proposals: z
    .array(
      z.object({
        selector: z.string().min(1).max(1000),
        attribute: z.string().max(100).optional(),
        value: z.string().max(2000),
        kind: z.enum(['id', 'attribute', 'anchored', 'class', 'label', 'path', 'generated']),
      }),
    )
    .max(10),
  chosen: z.number().int().min(0).max(9),
  label: z.string().max(200).optional(),
});
export const pickerDraftShape = z.object({
  url: z.string().max(8192),
  picks: z.partialRecord(z.enum(PICK_FIELD_NAMES), pickShape),
  current: z.enum(PICK_FIELD_NAMES).optional(),
});

/** From the element picker ("Teach Tandem this page"), injected into one tab the popup armed. */
export const pickerRequestShape = z.discriminatedUnion('type', [
  z.object({ type: z.literal('picker:update'), draft: pickerDraftShape }),
  z.object({ type: z.literal('picker:done'), save: z.boolean() }),
]);
export const PICKER_TYPES: ReadonlySet<string> = new Set(['picker:update', 'picker:done']);

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
  z.object({ type: z.literal('picker:arm'), tabId: z.number().int(), origin: z.string().max(1000) }),
  z.object({ type: z.literal('picker:state'), tabId: z.number().int() }),
  z.object({ type: z.literal('picker:save'), tabId: z.number().int(), chosen: z.partialRecord(z.enum(PICK_FIELD_NAMES), z.number().int().min(0).max(9)).optional() }),
  z.object({ type: z.literal('picker:cancel'), tabId: z.number().int() }),
  z.object({ type: z.literal('recipe:list') }),
  z.object({ type: z.literal('recipe:delete'), origin: z.string().max(1000) }),
]);

export const CONTENT_TYPES: ReadonlySet<string> = new Set(['hello', 'ticket', 'panel-state']);
