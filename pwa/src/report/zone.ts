// Which helpdesk mapping a report run reads the export with, shared by the view (for the mapping's export zone)
// and the worker (for the run), so that the zone the view offers is the one of the mapping the run uses.
import type { Engagement, HelpdeskMapping } from '../../../core/index.ts';
import { findMapping } from '../../../core/report/index.ts';
import type { ExportFormat } from '../../../core/report/types.ts';

/**
 * A generic CSV can come from any tool, so it looks for a generic mapping only when the engagement has one; else
 * an engagement with a single mapping uses that (as the CLI does), and one with several asks the user to choose.
 */
export function mappingType(engagement: Engagement, format: ExportFormat): string | undefined {
  if (format !== 'generic') return format;
  return engagement.helpdesks.some((h) => h.type === 'generic') ? 'generic' : undefined;
}

/** The mapping a run with these choices uses; undefined when the worker will say why there is none. */
export function chosenMapping(engagement: Engagement, helpdesk: string, format: ExportFormat): HelpdeskMapping | undefined {
  try {
    return findMapping(engagement, helpdesk || undefined, mappingType(engagement, format));
  } catch {
    return undefined;
  }
}
