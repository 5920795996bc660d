// Jira Service Management CSV. Two layouts are recognised by their headers:
//  - the issue navigator's "Export CSV (all fields)": "Issue key", "Created", "Resolved", "Priority", "Status",
//    "Custom field (Date of First Response)", "Custom field (Organizations)" (dates zone-less, in the exporting
//    user's zone: pass exportZone) https://support.atlassian.com/jira-software-cloud/docs/export-your-issues/
//  - the Data Pipeline issues file: key, created, resolution_date, status, priority, assignee_name (UTC ISO)
//    https://confluence.atlassian.com/adminjiraserver0818/data-pipeline-export-schema-1082267378.html
// Neither carries the changelog, so there is no status history: a JSM export is timed created → response → resolved.
import { NO_HISTORY_NOTE, type Reader } from '../reader.ts';
import { readTable, type TableSpec } from '../table.ts';

const COLUMNS: TableSpec['columns'] = {
  id: ['Issue key', 'key', 'Issue id', 'id'],
  priority: ['Priority', 'priority'],
  status: ['Status', 'status'],
  organization: ['Custom field (Organizations)', 'Organizations', 'organizations'],
  requester: ['Reporter', 'reporter_name'],
  group: ['Custom field (Team)', 'Team', 'Component/s'],
  assignee: ['Assignee', 'assignee_name'],
  category: ['Custom field (Request Type)', 'Request Type', 'request_type'],
  type: ['Issue Type', 'issue_type'],
  subject: ['Summary', 'summary'],
  tags: ['Labels', 'labels'],
  created: ['Created', 'created'],
  firstResponse: ['Custom field (Date of First Response)', 'Date of First Response', 'date_of_first_response'],
  resolved: ['Resolved', 'resolution_date', 'resolutiondate'],
};

export const readJira: Reader = async function* (input, ctx) {
  ctx.notes.push(NO_HISTORY_NOTE);
  yield* readTable(input.text, { columns: COLUMNS }, ctx);
};
