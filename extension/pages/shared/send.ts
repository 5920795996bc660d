// The one way the options page and the popup talk to the background. The answer type follows the request type, so
// a page cannot read an ImportResult where an EngagementInfo[] comes back.
import type { Problem } from '../../../core/engagement/types.ts';
import type { PickerSession, SaveResult } from '../../background/recipes.ts';
import type { LearnedRecipe } from '../../picker-core/recipe.ts';
import type { EngagementInfo, ImportResult, OriginInfo, PageRequest } from '../../shared/messages.ts';

/** What the background answers to each PageRequest (messages.ts names only some; the rest follow the background). */
export interface PageAnswers {
  'engagements:list': EngagementInfo[];
  'engagements:import': ImportResult;
  'engagements:subscribe': ImportResult;
  'engagements:refresh': { ok: true; notModified?: boolean } | { ok: false; error?: string; problems?: Problem[] };
  'engagements:remove': Outcome;
  'origins:list': OriginInfo[];
  'origins:sync': unknown;
  'picker:arm': Outcome;
  'picker:state': PickerSession | null;
  'picker:save': SaveResult;
  'picker:cancel': Outcome;
  'recipe:list': LearnedRecipe[];
  'recipe:delete': Outcome;
}

/** A plain success or refusal, for requests whose answer carries no data. */
export type Outcome = { ok: boolean; error?: string };

export type AnswerTo<R extends PageRequest> = PageAnswers[R['type']];

export class BackgroundError extends Error {}

export async function sendPage<R extends PageRequest>(request: R): Promise<AnswerTo<R>> {
  let answer: unknown;
  try {
    answer = await chrome.runtime.sendMessage(request);
  } catch (error) {
    // "Could not establish connection" and the like: the worker is restarting or the extension was reloaded.
    throw new BackgroundError(`Tandem's background did not answer (${(error as Error).message}). Reload this page and try again.`);
  }
  if (answer === undefined) throw new BackgroundError("Tandem's background did not answer. Reload this page and try again.");
  // A bare { error } (no ok field) is the background refusing the request itself, not a result to show.
  if (typeof answer === 'object' && answer !== null && !('ok' in answer) && typeof (answer as { error?: unknown }).error === 'string') {
    throw new BackgroundError((answer as { error: string }).error);
  }
  return answer as AnswerTo<R>;
}

/** The reason an answer reports failure, or null when it reports success (or nothing). */
export function failureOf(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null || (answer as { ok?: unknown }).ok !== false) return null;
  const { error, problems } = answer as { error?: string; problems?: unknown[] };
  if (error) return error;
  const n = Array.isArray(problems) ? problems.length : 0;
  return n ? `${n} problem${n === 1 ? '' : 's'} found` : 'it failed';
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
