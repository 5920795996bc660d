// Jira Service Management (Cloud; Data Center serves the same paths). The issue key is in the URL; fields come from
// the platform REST API with the session cookie, the customer organizations from the JSM custom field whose id
// differs per site (found once per page from /rest/api/3/field), and the SLAs from the Service Desk API.
// Docs: https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get ,
// https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get ,
// https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get
import type { NativeSla } from '../shared/ticket.ts';
import { apiSource, arr, collect, domSource, epoch, failedSource, getJson, obj, str, urlSource, type Field, type Source } from './dom.ts';
import type { Adapter, ReadContext } from './types.ts';

const KEY = '([A-Z][A-Z0-9_]+-[1-9]\\d*)';
const PATHS = [
  new RegExp(`^/browse/${KEY}/?$`),
  new RegExp(`^/jira/servicedesk/projects/[A-Z][A-Z0-9_]+/(?:queues/(?:custom|system)/\\d+|issues)/${KEY}/?$`),
];
const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'assignee', 'requesterEmail', 'subject', 'tags', 'type'];
const ISSUE_FIELDS = 'priority,status,created,assignee,reporter,issuetype,labels,components,summary';

// Guessed issue-view selectors (data-testid values seen in public userscripts, not checked against a live site).
const DOM = {
  priority: '[data-testid="issue.views.field.priority.common.ui.inline-read.priority-view"]',
  status: '[data-testid="issue.views.issue-base.foundation.status.status-field-wrapper"] button',
  assignee: '[data-testid="issue.views.field.user.assignee"] [data-testid$="name"]',
  subject: '[data-testid="issue.views.issue-base.foundation.summary.heading"]',
  type: { css: '[data-testid="issue.views.issue-base.foundation.change-issue-type.tooltip--container"] img', attr: 'alt' },
  tags: { css: '[data-testid="issue.views.field.labels"] a', all: true },
  organization: '[data-testid="issue.views.field.organization"] a',
};

/** The Organizations field id per page: one /rest/api/3/field call, shared by every read on the same document. */
const orgFieldIds = new WeakMap<Document, Promise<string | null>>();

async function orgField(ctx: ReadContext): Promise<string | null> {
  const doc = ctx.document;
  const cached = orgFieldIds.get(doc);
  if (cached) {
    // A lookup started by a read that was aborted since (SPA navigation) rejects; this read then asks again.
    try {
      return await cached;
    } catch {
      ctx.signal.throwIfAborted();
    }
  }
  const p = getJson(ctx, '/rest/api/3/field').then((res) => {
    // A failed lookup is not kept: the next read tries again.
    if (!('data' in res)) {
      forget(doc, p);
      return null;
    }
    const hit = arr(res.data).map(obj).find((f) => {
      const s = obj(f?.schema);
      return s?.items === 'sd-customerorganization' || /sd-customer-organizations$/.test(String(s?.custom ?? ''));
    });
    return str(hit?.id) ?? null;
  });
  p.catch(() => forget(doc, p));
  orgFieldIds.set(doc, p);
  return p;
}

const forget = (doc: Document, p: Promise<unknown>) => orgFieldIds.get(doc) === p && orgFieldIds.delete(doc);

/** Jira's "2026-11-27T09:05:00.000-0500" with the offset as ISO 8601 extended ("-05:00"). */
const iso = (v: unknown) => str(v)?.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
const names = (v: unknown) => arr(v).map((x) => str(obj(x)?.name) ?? str(obj(x)?.value)).filter(Boolean) as string[];

export const jira: Adapter = {
  id: 'jira',
  examples: {
    ticket: [
      'https://acme.atlassian.net/browse/ITS-101',
      'https://acme.atlassian.net/browse/HR_2-42?focusedCommentId=10012',
      'https://acme.atlassian.net/jira/servicedesk/projects/ITS/queues/custom/1/ITS-102',
      'https://acme.atlassian.net/jira/servicedesk/projects/ITS/issues/ITS-7',
      'https://jira.acme.example/browse/ITS-101',
    ],
    notTicket: [
      'https://acme.atlassian.net/browse/ITS',
      'https://acme.atlassian.net/jira/servicedesk/projects/ITS/queues/custom/1',
      'https://acme.atlassian.net/jira/your-work',
      'https://acme.atlassian.net/secure/Dashboard.jspa',
      'https://acme.atlassian.net/servicedesk/customer/portal/2/ITS-101',
    ],
  },
  ticketRef(url) {
    for (const re of PATHS) {
      const m = re.exec(url.pathname);
      if (m) return m[1]!;
    }
    return null;
  },
  async read(key, ctx) {
    const fieldId = await orgField(ctx);
    const endpoint = `/rest/api/3/issue/${key}?fields=${ISSUE_FIELDS}${fieldId ? `,${fieldId}` : ''}`;
    const res = await getJson(ctx, endpoint);
    const sources: Source[] = [];
    if ('data' in res) {
      const issue = obj(res.data);
      const f = obj(issue?.fields);
      sources.push(apiSource(endpoint, {
        id: issue?.key,
        priority: obj(f?.priority)?.name,
        status: obj(f?.status)?.name,
        created: iso(f?.created),
        // No organization field on this site (or /rest/api/3/field failed): left to the DOM.
        organization: fieldId ? names(f?.[fieldId])[0] : undefined,
        category: names(f?.components)[0],
        assignee: obj(f?.assignee)?.displayName,
        requesterEmail: obj(f?.reporter)?.emailAddress,
        subject: f?.summary,
        tags: f?.labels,
        type: obj(f?.issuetype)?.name,
      }));
    } else sources.push(failedSource(endpoint, res.why));
    sources.push(urlSource(ctx.url.pathname, { id: key }));
    sources.push(domSource(ctx.document, DOM));
    const ticket = collect('jira', ctx.url, FIELDS, sources);
    const native = await slas(ctx, key);
    if (native) ticket.native = native;
    return ticket;
  },
};

async function slas(ctx: ReadContext, key: string): Promise<NativeSla[] | undefined> {
  const res = await getJson(ctx, `/rest/servicedeskapi/request/${key}/sla`);
  if (!('data' in res)) return undefined;
  return arr(obj(res.data)?.values).flatMap((x) => {
    const o = obj(x);
    const label = str(o?.name);
    if (!o || !label) return [];
    const metric: NativeSla['metric'] = /respon/i.test(label) ? 'first_response' : /resol/i.test(label) ? 'resolution' : 'other';
    const ongoing = obj(o.ongoingCycle);
    if (ongoing) {
      const sla: NativeSla = { metric, label, dueAt: epoch(obj(ongoing.breachTime)?.epochMillis) };
      if (ongoing.breached === true) sla.breached = true;
      if (ongoing.paused === true) sla.paused = true;
      return [sla];
    }
    const last = obj(arr(o.completedCycles).at(-1));
    if (!last) return [];
    return [{ metric, label, dueAt: null, breached: last.breached === true, met: last.breached !== true }];
  });
}
