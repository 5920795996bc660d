// Every message between the extension's parts. The background checks each sender (our own id; for content
// scripts, a tab on an origin we registered) before it answers.
import type { HelpdeskType } from '../../core/engagement/types.ts';
import type { Problem } from '../../core/engagement/types.ts';
import type { PanelModel } from './panel-model.ts';
import type { PickField, PickerDraft } from '../picker-core/recipe.ts';
import type { RawTicket, RecipeForPage } from './ticket.ts';

export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** From the content script. */
export type ContentRequest =
  | { type: 'hello'; url: string }
  | { type: 'ticket'; ticket: RawTicket }
  | { type: 'panel-state'; corner?: Corner; collapsed?: boolean };

export type HelloResponse =
  | { ok: true; adapter: HelpdeskType; recipe?: RecipeForPage; corner: Corner; collapsed: boolean }
  | { ok: false; reason: string };

export type TicketResponse = PanelModel;

export type EngagementSource = 'file' | 'url' | 'managed';

export interface EngagementInfo {
  id: string;
  title: string;
  source: EngagementSource;
  fileName?: string;
  url?: string;
  /** Managed (enterprise policy) engagements cannot be changed or removed here. */
  readOnly: boolean;
  importedAt: number;
  lastRefreshed?: number;
  /** The last refresh failed or did not validate; the last good copy is still in use. */
  lastError?: string;
  warnings: number;
  /** Helpdesk origins its mappings name. */
  origins: string[];
}

export interface OriginInfo {
  origin: string;
  granted: boolean;
  /** Engagement titles whose helpdesk mappings name this origin. */
  engagements: string[];
  /** Allowed by enterprise policy. */
  managed: boolean;
}

export type ImportResult = { ok: true; id: string; title: string; replaced: boolean; warnings: Problem[] } | { ok: false; problems: Problem[]; error?: string };

/** From the options page and the popup. */
export type PageRequest =
  | { type: 'engagements:list' }
  | { type: 'engagements:import'; fileName: string; text: string }
  | { type: 'engagements:subscribe'; url: string }
  | { type: 'engagements:refresh'; id: string }
  | { type: 'engagements:remove'; id: string }
  | { type: 'origins:list' }
  /** After the page obtained a permission from the user's gesture: register and inject now. */
  | { type: 'origins:sync' }
  /** "Teach Tandem this page": the popup arms a picker session for the tab before injecting the picker. */
  | { type: 'picker:arm'; tabId: number; origin: string }
  | { type: 'picker:state'; tabId: number }
  /** `chosen`: the proposal the user preferred in the popup, per field, over the draft's own choice. */
  | { type: 'picker:save'; tabId: number; chosen?: Partial<Record<PickField, number>> }
  | { type: 'picker:cancel'; tabId: number }
  | { type: 'recipe:list' }
  | { type: 'recipe:delete'; origin: string };

/** From the element picker in the armed tab. */
export type PickerRequest = { type: 'picker:update'; draft: PickerDraft } | { type: 'picker:done'; save: boolean };
