// The options page's engagement requests: list, import a file, remove. Validation is core's parseEngagement, the
// same as the CLI and the PWA, so a file accepted anywhere is accepted here.
import { parseEngagement } from '../../core/index.ts';
import type { EngagementInfo, ImportResult } from '../shared/messages.ts';
import { catalog } from './catalog.ts';
import { updateLocal } from './store.ts';
import { isManagedId, managedRefusal } from './subscriptions.ts';

export async function listEngagements(): Promise<EngagementInfo[]> {
  return (await catalog()).entries.map((e) => e.info);
}

/** Stores the file only when it validates; the same id replaces the previous local copy, never a managed one. */
export async function importFile(fileName: string, text: string): Promise<ImportResult> {
  const parsed = parseEngagement(text, { fileName });
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const { id, title } = parsed.engagement.engagement;
  if (await isManagedId(id)) return managedRefusal(id);
  const now = Date.now();
  const replaced = await updateLocal((map) => ({
    map: {
      ...map,
      [id]: { id, title, source: 'file' as const, fileName, engagement: parsed.engagement, warnings: parsed.warnings.length, importedAt: now },
    },
    result: id in map,
  }));
  return { ok: true, id, title, replaced, warnings: parsed.warnings };
}

export type RemoveResult = { ok: true } | { ok: false; error: string };

export async function removeEngagement(id: string): Promise<RemoveResult> {
  const readOnly = (await catalog()).entries.some((e) => e.info.readOnly && e.info.id === id);
  if (readOnly) return { ok: false, error: `engagement '${id}' is managed by your organisation and cannot be removed here` };
  const removed = await updateLocal((map) => {
    if (!(id in map)) return { map, result: false };
    const { [id]: _gone, ...rest } = map;
    return { map: rest, result: true };
  });
  return removed ? { ok: true } : { ok: false, error: `no engagement '${id}'` };
}
