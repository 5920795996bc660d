import type { Engagement } from '../../../core/index.ts';

/** What every engagement view receives from the shell. `now` ticks every 30 s (and on focus). */
export interface ViewProps {
  /** The engagement's id (engagement.id in the file). */
  id: string;
  engagement: Engagement;
  now: number;
  /** The rest of the route after the view name, e.g. ["ransomware"] for "#/acme-ost/runbooks/ransomware". */
  rest: string[];
}
