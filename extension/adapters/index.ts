// The adapters the content script can use, by helpdesk type. Types without an adapter of their own (freshdesk,
// halopsa…) get null: the engagement can describe them with a generic recipe instead.
import { freshservice } from './freshservice.ts';
import { generic } from './generic.ts';
import { jira } from './jira.ts';
import { servicenow } from './servicenow.ts';
import type { Adapter, HelpdeskType } from './types.ts';
import { zendesk } from './zendesk.ts';

export type { Adapter, ReadContext } from './types.ts';

export const ADAPTERS: readonly Adapter[] = [zendesk, servicenow, jira, freshservice, generic];

export function adapterFor(type: HelpdeskType): Adapter | null {
  return ADAPTERS.find((a) => a.id === type) ?? null;
}
