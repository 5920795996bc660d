// ServiceNow incidents, exported from a list as CSV with field names (number, opened_at …) or labels (Number,
// Opened …): https://raw.githubusercontent.com/api-evangelist/servicenow/refs/heads/main/json-schema/servicenow-incident-schema.json
// A CSV export's header is the field name by default and the label when glide.export.csv.column_header_label (or the
// URL parameter sysparm_export_column_header_label) is true; values are display values unless
// glide.export.csv.raw.value is true, hence "1 - Critical" priorities and "Closed" states:
// https://www.servicenow.com/docs/r/australia/platform-administration/table-administration-and-data-management/system-properties-display-value-header.html
// Labels confirmed from incident form field lists (number "Number", caller_id "Caller", category "Category",
// assignment_group "Assignment group", assigned_to "Assigned to", short_description "Short description").
// Unverified labels (the usual base-system ones, not seen in a document here): "Opened", "Resolved", "Closed",
// "State", "Incident state", "Priority", "Company", "Subcategory", "Reopen count", "Reassignment count", "Made SLA",
// "Sys ID".
// Date-times in a list export are in the exporting user's zone and carry none: pass exportZone.
// Side files, told apart by their headers:
//  - task_sla (task, sla, stage, has_breached, planned_end_time):
//    https://www.servicenow.com/docs/r/australia/it-service-management/service-level-management/r_TaskSLATable.html
//    An SLA definition whose name says "response" is the first response, "resolution" the resolution.
//  - sys_audit (documentkey, fieldname, oldvalue, newvalue, sys_created_on): field history of state, priority,
//    assigned_to and assignment_group; documentkey is the incident's sys_id (export the sys_id column too) or number.
// State numbers become their labels (1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled) and
// "1 - Critical" priorities their number, so one mapping serves the incident file and the audit rows.
import type { ProblemLog } from '../problems.ts';
import { NO_HISTORY_NOTE, type Reader } from '../reader.ts';
import { SideData, eachCsvRow, pick, sideTime } from '../side.ts';
import { flag, readTable, type TableSpec } from '../table.ts';
import type { HistoryEntry } from '../types.ts';

const STATES: Record<string, string> = { '1': 'New', '2': 'In Progress', '3': 'On Hold', '6': 'Resolved', '7': 'Closed', '8': 'Canceled' };
const AUDITED: Record<string, HistoryEntry['field']> = { state: 'status', incident_state: 'status', priority: 'priority', assigned_to: 'assignee', assignment_group: 'group' };

const COLUMNS: TableSpec['columns'] = {
  id: ['number', 'Number'],
  priority: ['priority', 'Priority'],
  status: ['state', 'State', 'incident_state', 'Incident state'],
  organization: ['company', 'Company'],
  requester: ['caller_id', 'Caller'],
  group: ['assignment_group', 'Assignment group'],
  assignee: ['assigned_to', 'Assigned to'],
  category: ['category', 'Category'],
  type: ['subcategory', 'Subcategory'],
  subject: ['short_description', 'Short description'],
  created: ['opened_at', 'Opened'],
  resolved: ['resolved_at', 'Resolved'],
  closed: ['closed_at', 'Closed'],
  reopens: ['reopen_count', 'Reopen count'],
};

export const state = (v: string) => STATES[v] ?? v;
export const priority = (v: string) => /^(\d+)\s*-/.exec(v)?.[1] ?? v;

export const readServicenow: Reader = async function* (input, ctx) {
  const side = new SideData();
  for (const h of ctx.options.history ?? []) {
    const sc = ctx.sideContext(h.name);
    await eachCsvRow(h.text, h.name, (row) => {
      if (row.get('documentkey') !== undefined || row.get('fieldname') !== undefined) audit(side, row, h.name, sc.times, sc.problems);
      else taskSla(side, row, h.name, sc.times, sc.problems);
    });
  }
  if (side.byId.size === 0) ctx.notes.push(NO_HISTORY_NOTE);
  ctx.notes.push('ServiceNow incidents carry no first response time: the first response clock stops at resolution unless the audit shows one');
  const spec: TableSpec = {
    columns: COLUMNS,
    extra: { sysId: ['sys_id', 'Sys ID'], madeSla: ['made_sla', 'Made SLA'], reassignments: ['reassignment_count', 'Reassignment count'] },
    finish: (r, extra, bad) => {
      if (r.status !== undefined) r.status = state(r.status);
      if (r.priority !== undefined) r.priority = priority(r.priority);
      const made = extra('madeSla');
      if (made !== undefined) {
        const f = flag(made);
        if (f === undefined) bad('made_sla', `'${made}' is neither true nor false`);
        // made_sla is the opposite of a breach flag; it is ServiceNow's verdict on the resolution SLA.
        else (r.helpdeskSla ??= []).push({ metric: 'resolution', breached: !f });
      }
      const moves = extra('reassignments');
      // reassignment_count counts changes of assignment group, so the groups seen are one more.
      if (moves !== undefined && /^\d+$/.test(moves)) r.groups = Number(moves) + 1;
      side.join(r, extra('sysId'), r.id);
    },
  };
  yield* readTable(input.text, spec, ctx);
};

function audit(side: SideData, row: import('../side.ts').SideRow, file: string, times: import('../time.ts').TimeParser, problems: ProblemLog): void {
  const [key] = pick(row, 'documentkey');
  const [name] = pick(row, 'fieldname');
  const field = name === undefined ? undefined : AUDITED[name];
  if (key === undefined || field === undefined) return;
  const [when, col] = pick(row, 'sys_created_on', 'Created');
  const at = sideTime(times, when, file, row.row, col, problems);
  if (at === undefined) return;
  const raw = row.get('newvalue') ?? '';
  side.get(key).history.push({ at, field, value: field === 'status' ? state(raw) : field === 'priority' ? priority(raw) : raw });
}

function taskSla(side: SideData, row: import('../side.ts').SideRow, file: string, times: import('../time.ts').TimeParser, problems: ProblemLog): void {
  const [task] = pick(row, 'task', 'Task');
  const [name] = pick(row, 'sla', 'SLA definition', 'SLA');
  if (task === undefined || name === undefined) {
    problems.add({ severity: 'warning', code: 'bad-sla-row', message: 'a task_sla row needs task and sla', file, row: row.row, column: 'task' });
    return;
  }
  const metric = /respon/i.test(name) ? 'first_response' : /resol/i.test(name) ? 'resolution' : null;
  if (metric === null) return;
  const [stage] = pick(row, 'stage', 'Stage');
  if (stage !== undefined && /cancel/i.test(stage)) return;
  const [breachedText] = pick(row, 'has_breached', 'Breached');
  const [due, dueCol] = pick(row, 'planned_end_time', 'Breach time');
  const breached = breachedText === undefined ? undefined : flag(breachedText);
  const dueAt = sideTime(times, due, file, row.row, dueCol, problems);
  const s = side.get(task);
  // Several SLA rows of one metric (a retroactive restart, another definition): a breach in any is a breach.
  const known = s.sla.find((x) => x.metric === metric);
  if (known) {
    if (breached) known.breached = true;
  } else s.sla.push({ metric, ...(breached === undefined ? {} : { breached }), ...(dueAt === undefined ? {} : { dueAt }), policy: name });
}
