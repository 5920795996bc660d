// Zendesk Support exports. Sources for the names below:
//  - Data export (CSV and full JSON): https://support.zendesk.com/hc/en-us/articles/4408886165402 . Its table of CSV
//    ticket columns confirms (headers compared without case): "ID", "Requester", "Requester email", "Assignee",
//    "Group", "Subject", "Tags", "Status", "Priority", "Ticket type", "Created at", "Organization", "Initially
//    assigned at", "Solved at", "Group stations", "Assignee stations", "Reopens", "First reply time in minutes",
//    "First resolution time in minutes", "Full resolution time in minutes". The CSV's times are in the account's
//    time zone (the article says so); the full JSON export is one ticket object per line, with its metric_set.
//    Unverified: "Category" (the CSV has no such column; a custom drop-down may be titled so), "Ticket ID" (an
//    Explore report title, not the data export's), and the snake_case names (API field names, for a flattened API dump).
//  - Ticket fields and ticket metrics: https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/ and
//    https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/
//  - Ticket metric events (side file): https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metric_events/
//  - SLA metric names: https://developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/
// JSON: read as NDJSON, line by line, which is what the full export writes; a document that is one JSON array or
// {"tickets": [...]} (an API page) is read whole instead, so it must fit in memory.
import { ExportError } from '../problems.ts';
import { NO_HISTORY_NOTE, type Reader, type ReaderContext } from '../reader.ts';
import { SideData } from '../side.ts';
import { readTable, settle, type TableSpec } from '../table.ts';
import { NEEDS_ZONE, needsZoneMessage } from '../time.ts';
import { chunksOf, linesOf, textOf } from '../text.ts';
import type { ExportInput, HelpdeskSla, TicketRecord } from '../types.ts';

const MINUTE = 60_000;

const COLUMNS: TableSpec['columns'] = {
  id: ['Id', 'id', 'Ticket ID'],
  priority: ['Priority', 'priority'],
  status: ['Status', 'status'],
  organization: ['Organization', 'organization', 'organization_name'],
  requester: ['Requester', 'requester'],
  requesterEmail: ['Requester email', 'requester_email'],
  group: ['Group', 'group', 'group_name'],
  assignee: ['Assignee', 'assignee', 'assignee_name'],
  category: ['Category', 'category'],
  type: ['Ticket type', 'Type', 'type'],
  subject: ['Subject', 'subject'],
  tags: ['Tags', 'tags'],
  created: ['Created at', 'created_at'],
  assigned: ['Initially assigned at', 'initially_assigned_at'],
  resolved: ['Solved at', 'solved_at'],
  reopens: ['Reopens', 'reopens'],
  assignees: ['Assignee stations', 'assignee_stations'],
  groups: ['Group stations', 'group_stations'],
};

const EXTRA = {
  reply: ['First reply time in minutes', 'reply_time_in_minutes'],
  firstResolution: ['First resolution time in minutes', 'first_resolution_time_in_minutes'],
  fullResolution: ['Full resolution time in minutes', 'full_resolution_time_in_minutes'],
};

export const readZendesk: Reader = async function* (input, ctx) {
  const side = await metricEvents(ctx);
  if (side.byId.size === 0) ctx.notes.push(NO_HISTORY_NOTE);
  const first = await peek(input);
  if (first.kind === 'json') {
    yield* readJson(first.input, ctx, side);
    return;
  }
  const spec: TableSpec = {
    columns: COLUMNS,
    extra: EXTRA,
    lastResolvedExtras: ['fullResolution'],
    tagSplit: /\s+/,
    finish: (r, extra, bad) => {
      minutesAfter(r, 'firstResponse', extra('reply'), EXTRA.reply[0]!, bad);
      minutesAfter(r, 'firstResolved', extra('firstResolution'), EXTRA.firstResolution[0]!, bad);
      if (r.resolved === undefined) minutesAfter(r, 'resolved', extra('fullResolution'), EXTRA.fullResolution[0]!, bad);
      side.join(r, r.id);
    },
  };
  yield* readTable(first.input.text, spec, ctx);
};

function minutesAfter(r: TicketRecord, field: 'firstResponse' | 'firstResolved' | 'resolved', text: string | undefined, column: string, bad: (c: string, m: string) => void): void {
  if (text === undefined || r[field] !== undefined) return;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) bad(column, `'${text}' is not a number of minutes`);
  else r[field] = r.created + n * MINUTE;
}

/** Looks at the first characters to tell JSON from CSV, without losing them. */
async function peek(input: ExportInput): Promise<{ kind: 'json' | 'csv'; input: ExportInput }> {
  const it = chunksOf(input.text)[Symbol.asyncIterator]();
  const head: string[] = [];
  let seen = '';
  while (seen.trim() === '') {
    const n = await it.next();
    if (n.done) break;
    head.push(n.value);
    seen += n.value;
  }
  const rest = async function* () {
    yield* head;
    for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
  };
  const c = seen.trimStart()[0];
  return { kind: c === '{' || c === '[' ? 'json' : 'csv', input: { name: input.name, text: rest() } };
}

async function* readJson(input: ExportInput, ctx: ReaderContext, side: SideData): AsyncGenerator<TicketRecord> {
  const lines = linesOf(input.text)[Symbol.asyncIterator]();
  const firstLine = await lines.next();
  if (firstLine.done) return;
  let whole: unknown[] | null = null;
  try {
    const v = JSON.parse(firstLine.value[0]) as unknown;
    if (Array.isArray(v)) whole = v;
    else if (v && typeof v === 'object' && Array.isArray((v as { tickets?: unknown }).tickets)) whole = (v as { tickets: unknown[] }).tickets;
  } catch {
    // Not a one-line document: the rest of the file is the same JSON value, spread over lines.
    let text = firstLine.value[0];
    for (let n = await lines.next(); !n.done; n = await lines.next()) text += `\n${n.value[0]}`;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (error) {
      throw new ExportError(input.name, null, null, `neither one JSON document nor one ticket per line (${(error as Error).message})`);
    }
    whole = Array.isArray(v) ? v : Array.isArray((v as { tickets?: unknown })?.tickets) ? (v as { tickets: unknown[] }).tickets : null;
    if (whole === null) throw new ExportError(input.name, null, null, 'expected an array of tickets or {"tickets": [...]}');
  }
  if (whole !== null) {
    for (const [i, t] of whole.entries()) {
      const r = fromJson(t, i + 1, input.name, ctx, side);
      if (r) yield r;
    }
    return;
  }
  const one = fromJson(JSON.parse(firstLine.value[0]), 1, input.name, ctx, side);
  if (one) yield one;
  for (let n = await lines.next(); !n.done; n = await lines.next()) {
    const [line, number] = n.value;
    if (line.trim() === '') continue;
    let t: unknown;
    try {
      t = JSON.parse(line);
    } catch {
      ctx.stats.rows++;
      ctx.problems.add({ severity: 'error', code: 'bad-json', message: 'the line is not a JSON object', file: input.name, row: number });
      continue;
    }
    const r = fromJson(t, number, input.name, ctx, side);
    if (r) yield r;
  }
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (v === null || v === undefined || v === '' ? undefined : typeof v === 'object' ? str((v as Json).name) : String(v));
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function fromJson(t: unknown, row: number, file: string, ctx: ReaderContext, side: SideData): TicketRecord | null {
  ctx.stats.rows++;
  const bad = (column: string, message: string, severity: 'error' | 'warning' = 'warning', code = 'bad-value') =>
    ctx.problems.add({ severity, code, message, file, row, column });
  if (!t || typeof t !== 'object') {
    bad('', 'the line is not a ticket object', 'error', 'bad-json');
    return null;
  }
  const j = t as Json;
  const time = (field: string, v: unknown): number | undefined => {
    const s = str(v);
    if (s === undefined) return undefined;
    const at = ctx.times.parse(s);
    if (at === NEEDS_ZONE) throw new ExportError(file, row, field, needsZoneMessage(s));
    if (Number.isNaN(at)) {
      bad(field, ctx.times.notATime(s), 'warning', 'bad-time');
      return undefined;
    }
    return at;
  };
  const id = str(j.id);
  if (id === undefined) {
    bad('id', 'the ticket has no id', 'error', 'missing-id');
    return null;
  }
  const created = time('created_at', j.created_at);
  if (created === undefined) {
    bad('created_at', 'the ticket has no creation time', 'error', 'missing-created');
    return null;
  }
  const m = (j.metric_set ?? j.metrics ?? {}) as Json;
  const calendarMinutes = (v: unknown) => num((v as Json | undefined)?.calendar) ?? num(v);
  const r: TicketRecord = { id, file, row, created };
  const set = <K extends keyof TicketRecord>(k: K, v: TicketRecord[K] | undefined) => {
    if (v !== undefined) r[k] = v;
  };
  set('priority', str(j.priority));
  set('status', str(j.status));
  set('organization', str(j.organization) ?? str(j.organization_name) ?? str(j.organization_id));
  set('requester', str(j.requester) ?? str(j.requester_id));
  set('requesterEmail', str((j.requester as Json | undefined)?.email));
  set('group', str(j.group) ?? str(j.group_id));
  set('assignee', str(j.assignee) ?? str(j.assignee_id));
  set('type', str(j.type));
  set('subject', str(j.subject));
  if (Array.isArray(j.tags)) r.tags = j.tags.map(String);
  set('reopens', num(m.reopens));
  set('assignees', num(m.assignee_stations));
  set('groups', num(m.group_stations));
  set('resolved', time('metric_set.solved_at', m.solved_at));
  set('assigned', time('metric_set.initially_assigned_at', m.initially_assigned_at));
  const reply = calendarMinutes(m.reply_time_in_minutes);
  if (reply !== undefined) r.firstResponse = created + reply * MINUTE;
  const firstRes = calendarMinutes(m.first_resolution_time_in_minutes);
  if (firstRes !== undefined) r.firstResolved = created + firstRes * MINUTE;
  if (r.resolved === undefined) {
    const full = calendarMinutes(m.full_resolution_time_in_minutes);
    if (full !== undefined) r.resolved = created + full * MINUTE;
  }
  side.join(r, id);
  settle(r, 'solved_at' in m || 'full_resolution_time_in_minutes' in m);
  ctx.stats.records++;
  return r;
}

/**
 * Ticket metric events give what the ticket export lacks: the first reply instant (reply_time fulfil), Zendesk's
 * own breaches per metric, and a status history read from the pause/activate events of agent_work_time (paused on
 * Pending and On-hold) and requester_wait_time (paused on On-hold only): both paused → hold, agent_work_time alone
 * → pending, activate → open, fulfil → solved.
 */
async function metricEvents(ctx: ReaderContext): Promise<SideData> {
  const side = new SideData();
  for (const h of ctx.options.history ?? []) {
    const sc = ctx.sideContext(h.name);
    const text = (await textOf(h.text)).trim();
    let events: unknown[];
    try {
      const v = JSON.parse(text) as unknown;
      events = Array.isArray(v) ? v : ((v as Json).ticket_metric_events as unknown[]) ?? [];
    } catch {
      events = text.split('\n').filter((l) => l.trim() !== '').map((l, i) => {
        try {
          return JSON.parse(l) as unknown;
        } catch {
          throw new ExportError(h.name, i + 1, null, 'not JSON: expected ticket metric events as a JSON array, {"ticket_metric_events": [...]} or one per line');
        }
      });
    }
    const rows = events.map((e, i) => ({ e: e as Json, i })).map(({ e, i }) => ({ e, i, at: sc.times.parse(str(e.time) ?? '') }));
    for (const { e, i, at } of rows) {
      if (at === NEEDS_ZONE) throw new ExportError(h.name, i + 1, 'time', `'${str(e.time)}' has no time zone or offset`);
    }
    const valid = rows.filter((x) => {
      if (Number.isNaN(x.at) || str(x.e.ticket_id) === undefined) {
        sc.problems.add({ severity: 'warning', code: 'bad-event', message: 'a metric event needs ticket_id and time', file: h.name, row: x.i + 1, column: 'time' });
        return false;
      }
      return true;
    }).sort((a, b) => a.at - b.at);
    const state = new Map<string, { awt: boolean; rwt: boolean }>();
    for (const { e, at } of valid) {
      const id = str(e.ticket_id)!;
      const s = side.get(id);
      const metric = str(e.metric);
      const type = str(e.type);
      const st = state.get(id) ?? { awt: false, rwt: false };
      state.set(id, st);
      if (metric === 'reply_time' && type === 'fulfill' && (num(e.instance_id) ?? 1) === 1) s.firstResponse ??= at;
      if (type === 'breach') {
        const m: HelpdeskSla['metric'] | null = metric === 'reply_time' ? 'first_response' : metric === 'agent_work_time' || metric === 'requester_wait_time' ? 'resolution' : null;
        const known = s.sla.find((x) => x.metric === m);
        if (known) known.breached = true;
        else if (m) s.sla.push({ metric: m, breached: true });
      }
      if (type === 'apply_sla') {
        // An SLA applied and never breached is met: recorded now, overwritten by a later breach above.
        for (const m of ['first_response', 'resolution'] as const) if (!s.sla.some((x) => x.metric === m)) s.sla.push({ metric: m, breached: false, policy: str((e.sla as Json | undefined)?.policy) });
      }
      if (metric === 'agent_work_time' || metric === 'requester_wait_time') {
        const key = metric === 'agent_work_time' ? 'awt' : 'rwt';
        if (type === 'pause') st[key] = true;
        else if (type === 'activate') st[key] = false;
        const status = type === 'fulfill' ? 'solved' : st.awt && st.rwt ? 'hold' : st.awt ? 'pending' : 'open';
        const last = s.history.at(-1);
        if ((type === 'pause' || type === 'activate' || type === 'fulfill') && last?.value !== status) s.history.push({ at, field: 'status', value: status });
        if (type === 'fulfill' && metric === 'agent_work_time') {
          s.firstResolved ??= at;
          s.resolved = at;
        }
      }
    }
  }
  return side;
}
