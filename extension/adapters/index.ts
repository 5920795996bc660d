// The adapters the content script can use, by helpdesk type. Types without an adapter of their own
// (e.g. a future type) get null: the engagement can describe them with a generic recipe instead.
import { autotask } from './autotask.ts';
import { connectwise } from './connectwise.ts';
import { freshdesk } from './freshdesk.ts';
import { freshservice } from './freshservice.ts';
import { generic } from './generic.ts';
import { glpi } from './glpi.ts';
import { halopsa } from './halopsa.ts';
import { jira } from './jira.ts';
import { osticket } from './osticket.ts';
import { servicenow } from './servicenow.ts';
import type { Adapter, HelpdeskType } from './types.ts';
import { zammad } from './zammad.ts';
import { zendesk } from './zendesk.ts';

export type { Adapter, ReadContext } from './types.ts';

export const ADAPTERS: readonly Adapter[] = [zendesk, servicenow, jira, freshservice, freshdesk, zammad, halopsa, connectwise, autotask, osticket, glpi, generic];

export function adapterFor(type: HelpdeskType): Adapter | null {
  return ADAPTERS.find((a) => a.id === type) ?? null;
}
