// Jira Service Management CSV. Two layouts are recognised by their headers:
//  - the issue navigator's "Export CSV (all fields)": "Issue key", "Issue id", "Summary", "Issue Type", "Status",
//    "Priority", "Assignee", "Reporter", "Created", "Resolved", "Labels", and custom fields as "Custom field (<name>)"
//    (dates zone-less, in the exporting user's zone: pass exportZone)
//    https://support.atlassian.com/jira-software-cloud/docs/export-your-issues/ . Real JSM export headers quoted
//    in many public repositories show the first-response date as "Custom field ([CHART] Date of First Response)"
//    (Jira's built-in charting field is named "[CHART] Date of First Response"), and "Custom field (Request Type)",
//    "Custom field (Organizations)". "Custom field (Time to first response)" / "(Time to resolution)" are the JSM SLA
//    fields: their CSV value is a remaining/elapsed duration such as "-1:30", not an instant, so they are
//    deliberately not read as the first response.
//  - the Data Pipeline issues file: id, key, issue_type, summary, status, assignee_name, reporter_name,
//    resolution_date (UTC ISO) https://confluence.atlassian.com/adminjiraserver0818/data-pipeline-export-schema-1082267378.html
// Unverified: "Custom field (Date of First Response)" (without "[CHART]"), "Custom field (Team)", "Team",
// "Component/s"; for the Data Pipeline "created", "priority", "resolutiondate", and the extra candidates
// "created_date", "priority_name" (recalled from the schema page, whose creation-date and priority-name rows were
// seen only without their field names).
// Neither carries the changelog, so there is no status history: a JSM export is timed created → response → resolved.
import { NO_HISTORY_NOTE, type Reader } from '../reader.ts';
import { readTable, type TableSpec } from '../table.ts';

const COLUMNS: TableSpec['columns'] = {
  id: ['Issue key', 'key', 'Issue id', 'id'],
  priority: ['Priority', 'priority', 'priority_name'],
  status: ['Status', 'status'],
  organization: ['Custom field (Organizations)', 'Organizations', 'organizations'],
  requester: ['Reporter', 'reporter_name'],
  group: ['Custom field (Team)', 'Team', 'Component/s'],
  assignee: ['Assignee', 'assignee_name'],
  category: ['Custom field (Request Type)', 'Request Type', 'request_type'],
  type: ['Issue Type', 'issue_type'],
  subject: ['Summary', 'summary'],
  tags: ['Labels', 'labels'],
  created: ['Created', 'created', 'created_date'],
  firstResponse: [
    'Custom field ([CHART] Date of First Response)', '[CHART] Date of First Response',
    'Custom field (Date of First Response)', 'Date of First Response', 'date_of_first_response',
  ],
  resolved: ['Resolved', 'resolution_date', 'resolutiondate'],
};

export const readJira: Reader = async function* (input, ctx) {
  ctx.notes.push(NO_HISTORY_NOTE);
  yield* readTable(input.text, { columns: COLUMNS }, ctx);
};
