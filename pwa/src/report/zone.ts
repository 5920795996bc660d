// Which helpdesk mapping a report run reads the export with, found as the worker finds it (findMapping by
// mappingTypeFor), so that the zone the view offers is the one of the mapping the run uses.
import type { Engagement, HelpdeskMapping } from '../../../core/index.ts';
import { findMapping, mappingTypeFor } from '../../../core/report/index.ts';
import type { ExportFormat } from '../../../core/report/types.ts';

/** The mapping a run with these choices uses; undefined when the worker will say why there is none. */
export function chosenMapping(engagement: Engagement, helpdesk: string, format: ExportFormat): HelpdeskMapping | undefined {
  try {
    return findMapping(engagement, helpdesk || undefined, mappingTypeFor(engagement, format));
  } catch {
    return undefined;
  }
}
