// ServiceNow: classic UI16 forms (/<table>.do?sys_id=…, framed in /nav_to.do or /navpage.do as iframe#gsft_main),
// Next Experience (/now/nav/ui/classic/params/target/<encoded form URL>, the same frame inside shadow roots) and
// workspaces (/now/<workspace>/record/<table>/<sys_id>). Fields come from the Table API with the session and the
// page's CSRF token, then from the classic form's controls.
// Docs: https://www.servicenow.com/docs/bundle/latest/page/integrate/inbound-rest/concept/c_TableAPI.html ,
// task_sla: https://www.servicenow.com/docs/r/australia/it-service-management/service-level-management/r_TaskSLATable.html
//
// Frames: the content script runs in every frame. When the top frame's URL only wraps the form (nav_to.do, the Next
// Experience classic target) and a gsft_main frame is on the page, the top frame returns null and the frame, whose
// own URL is the form's, shows the ticket: the frame follows in-frame navigation, the wrapper URL does not. With
// no such frame (not rendered, or scripts not injected into frames) the top frame reads the record from its URL.
import type { NativeSla } from '../shared/ticket.ts';
import { apiSource, arr, collect, domSource, epoch, failedSource, getJson, obj, queryDeep, str, type Field, type Source } from './dom.ts';
import type { Adapter } from './types.ts';

// Task tables people open as tickets; other tables' forms (sys_user.do, cmdb_ci.do…) are not tickets.
const TABLE = '(incident|problem|change_request|change_task|sc_request|sc_req_item|sc_task|task|sn_customerservice_case|sn_hr_core_case\\w*|u_\\w+)';
const SYS_ID = '([0-9a-f]{32})';
const FORM = new RegExp(`^/?${TABLE}\\.do\\?(?:[^#]*&)?sys_id=${SYS_ID}(?:[&#]|$)`);
const WORKSPACE = new RegExp(`^/now/(?:[\\w-]+/)+record/${TABLE}/${SYS_ID}(?:/|$)`);
const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'group', 'assignee', 'requesterEmail', 'subject'];
const API_FIELDS = 'number,priority,state,opened_at,company,category,assignment_group,assigned_to,caller_id.email,short_description';

function parseRef(url: URL): { ref: string | null; wrapped: boolean } {
  const form = (s: string) => {
    const m = FORM.exec(s);
    return m ? `${m[1]}/${m[2]}` : null;
  };
  const direct = form(url.pathname + url.search);
  if (direct) return { ref: direct, wrapped: false };
  const ws = WORKSPACE.exec(url.pathname);
  if (ws) return { ref: `${ws[1]}/${ws[2]}`, wrapped: false };
  let target: string | null = null;
  if (url.pathname === '/nav_to.do') target = url.searchParams.get('uri');
  else if (url.pathname.startsWith('/now/nav/ui/classic/params/target/')) {
    try {
      target = decodeURIComponent(url.pathname.slice('/now/nav/ui/classic/params/target/'.length));
    } catch {
      target = null;
    }
  }
  return { ref: target ? form(target) : null, wrapped: true };
}

function csrfToken(doc: Document): string | undefined {
  const input = doc.querySelector<HTMLInputElement>('input[name="sysparm_ck"], #sysparm_ck');
  if (input?.value) return input.value;
  // Workspaces set window.g_ck from an inline script; the isolated world cannot read the global, but can read the text.
  for (const s of doc.querySelectorAll('script:not([src])')) {
    const m = /\bg_ck\s*=\s*['"]([0-9a-f]{20,})['"]/.exec(s.textContent?.slice(0, 20000) ?? '');
    if (m) return m[1];
  }
  return undefined;
}

/** A Table API field with sysparm_display_value=all: { display_value, value }. */
const dv = (o: Record<string, unknown> | undefined, key: string, part: 'display_value' | 'value' = 'display_value') => str(obj(o?.[key])?.[part]);
/** glide_date_time values are UTC "YYYY-MM-DD HH:mm:ss". */
const utcIso = (v: string | undefined) => (v && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v) ? `${v.replace(' ', 'T')}Z` : undefined);

export const servicenow: Adapter = {
  id: 'servicenow',
  examples: {
    ticket: [
      'https://acme.service-now.com/incident.do?sys_id=9d385017c611228701d22104cc95c371',
      'https://acme.service-now.com/incident.do?sysparm_view=&sys_id=9d385017c611228701d22104cc95c371&sysparm_record_target=incident',
      'https://acme.service-now.com/sc_req_item.do?sys_id=aeed229047801200e0ef563dbb9a71c2',
      'https://acme.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3D9d385017c611228701d22104cc95c371',
      'https://acme.service-now.com/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D9d385017c611228701d22104cc95c371%26sysparm_view%3D',
      'https://acme.service-now.com/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D9d385017c611228701d22104cc95c371',
      'https://acme.service-now.com/now/sow/record/incident/9d385017c611228701d22104cc95c371',
      'https://acme.service-now.com/now/workspace/agent/record/incident/9d385017c611228701d22104cc95c371/params/selected-tab-index/1',
    ],
    notTicket: [
      'https://acme.service-now.com/incident_list.do?sysparm_query=active%3Dtrue',
      'https://acme.service-now.com/incident.do?sys_id=-1',
      'https://acme.service-now.com/sys_user.do?sys_id=62826bf03710200044e0bfc8bcbe5df1',
      'https://acme.service-now.com/navpage.do',
      'https://acme.service-now.com/now/nav/ui/home',
      'https://acme.service-now.com/now/sow/list/params/list-id/123',
    ],
  },
  ticketRef(url, doc) {
    const { ref, wrapped } = parseRef(url);
    if (ref && wrapped && queryDeep(doc, 'iframe#gsft_main, iframe[name="gsft_main"]')) return null;
    return ref;
  },
  async read(ref, ctx) {
    const [table, sysId] = ref.split('/') as [string, string];
    const token = csrfToken(ctx.document);
    const headers = token ? { 'X-UserToken': token } : undefined;
    const endpoint = `/api/now/table/${table}/${sysId}?sysparm_display_value=all&sysparm_exclude_reference_link=true&sysparm_fields=${API_FIELDS}`;
    const res = await getJson(ctx, endpoint, headers);
    const sources: Source[] = [];
    if ('data' in res) {
      const r = obj(obj(res.data)?.result);
      sources.push(apiSource(endpoint, {
        id: dv(r, 'number'),
        // The value ('1'), not the display ('1 - Critical'): stable across languages and what mappings name.
        priority: dv(r, 'priority', 'value'),
        status: dv(r, 'state'),
        // The value is UTC; the display value is in the user's own format and zone.
        created: utcIso(dv(r, 'opened_at', 'value')),
        organization: dv(r, 'company'),
        category: dv(r, 'category'),
        group: dv(r, 'assignment_group'),
        assignee: dv(r, 'assigned_to'),
        requesterEmail: dv(r, 'caller_id.email'),
        subject: dv(r, 'short_description'),
      }));
    } else sources.push(failedSource(endpoint, res.why));
    // The classic form's controls (ids are "<table>.<field>"; references show their name in sys_display.*). The
    // opened time is only shown in the user's format and zone, so the form gives no created time.
    const f = (name: string) => `[id="${table}.${name}"]`;
    sources.push(domSource(ctx.document, {
      id: `${f('number')}, [id="sys_readonly.${table}.number"]`,
      priority: { css: f('priority'), option: 'value' },
      status: f('state'),
      organization: `[id="sys_display.${table}.company"]`,
      category: f('category'),
      group: `[id="sys_display.${table}.assignment_group"]`,
      assignee: `[id="sys_display.${table}.assigned_to"]`,
      subject: f('short_description'),
    }));
    const ticket = collect('servicenow', ctx.url, FIELDS, sources);
    const native = await slas(ctx, sysId, headers);
    if (native) ticket.native = native;
    return ticket;
  },
};

async function slas(ctx: Parameters<Adapter['read']>[1], sysId: string, headers?: Record<string, string>): Promise<NativeSla[] | undefined> {
  const res = await getJson(ctx, `/api/now/table/task_sla?sysparm_query=task%3D${sysId}&sysparm_display_value=all&sysparm_exclude_reference_link=true&sysparm_fields=sla,sla.target,stage,has_breached,planned_end_time`, headers);
  if (!('data' in res)) return undefined;
  return arr(obj(res.data)?.result).flatMap((x) => {
    const o = obj(x);
    const stage = dv(o, 'stage', 'value');
    if (!o || stage === 'cancelled') return [];
    const label = dv(o, 'sla') ?? 'SLA';
    const target = dv(o, 'sla.target', 'value') ?? '';
    const metric: NativeSla['metric'] = target === 'response' || /respon/i.test(label) ? 'first_response' : target === 'resolution' || /resol/i.test(label) ? 'resolution' : 'other';
    const sla: NativeSla = { metric, label, dueAt: stage === 'completed' ? null : epoch(utcIso(dv(o, 'planned_end_time', 'value'))) };
    if (dv(o, 'has_breached', 'value') === 'true') sla.breached = true;
    if (stage === 'paused') sla.paused = true;
    if (stage === 'completed' && !sla.breached) sla.met = true;
    return [sla];
  });
}
