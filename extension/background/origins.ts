// The helpdesk origins the options page offers to enable: every origin an engagement maps, plus the policy's
// allowed origins, each with whether the user granted it.
import type { HelpdeskType } from '../../core/engagement/types.ts';
import type { OriginInfo } from '../shared/messages.ts';
import { catalog } from './catalog.ts';
import { isGranted, reconcile, injectIntoOpenTabs, type Reconciled } from './registrations.ts';

/**
 * Origins we know a reason to run on (a granted origin outside this list still gets its registration), with the
 * helpdesk types their mappings name (none for a policy origin no engagement maps yet).
 */
export async function knownOrigins(): Promise<Map<string, HelpdeskType[]>> {
  const { entries, managed } = await catalog();
  const known = new Map<string, HelpdeskType[]>();
  const add = (origin: string, type?: HelpdeskType) => {
    const types = known.get(origin) ?? [];
    if (type && !types.includes(type)) types.push(type);
    known.set(origin, types);
  };
  for (const e of entries) for (const m of e.engagement?.helpdesks ?? []) add(m.origin, m.type);
  for (const e of entries) for (const origin of e.info.origins) add(origin);
  for (const origin of managed.allowedOrigins) add(origin);
  return known;
}

export async function listOrigins(): Promise<OriginInfo[]> {
  const { entries, managed } = await catalog();
  const byOrigin = new Map<string, OriginInfo>();
  const info = (origin: string) => {
    let o = byOrigin.get(origin);
    if (!o) byOrigin.set(origin, (o = { origin, granted: false, engagements: [], managed: false }));
    return o;
  };
  for (const e of entries) for (const origin of e.info.origins) info(origin).engagements.push(e.info.title);
  for (const origin of managed.allowedOrigins) info(origin).managed = true;
  const list = [...byOrigin.values()];
  await Promise.all(list.map(async (o) => (o.granted = await isGranted(o.origin))));
  return list.sort((a, b) => a.origin.localeCompare(b.origin));
}

/** Registrations brought in line with the permissions; the origins that just got one also get open tabs injected. */
export async function syncOrigins(): Promise<Reconciled & { injectedTabs: number }> {
  const result = await reconcile(await knownOrigins());
  const injectedTabs = await injectIntoOpenTabs(result.added);
  return { ...result, injectedTabs };
}
