// Freshservice tickets. The CSV export names ("Ticket Id", "Created Date", "Resolved Date", "Closed Date",
// "Initial Response Time", "First Response Status", "Resolution Status", "Due by Time") and the API v2 field names
// (id, created_at, stats.first_responded_at, stats.resolved_at, fr_due_by, due_by) are both accepted:
// https://api.freshservice.com/#view_a_ticket ; status 2 Open, 3 Pending, 4 Resolved, 5 Closed and priority
// 1 Low … 4 Urgent stay native (the engagement's mapping translates them).
// The export has no status history.
import { NO_HISTORY_NOTE, type Reader } from '../reader.ts';
import { readTable, type TableSpec } from '../table.ts';

const COLUMNS: TableSpec['columns'] = {
  id: ['Ticket Id', 'Ticket ID', 'id'],
  priority: ['Priority', 'priority'],
  status: ['Status', 'status'],
  organization: ['Department', 'department', 'department_name', 'Company'],
  requester: ['Requester Name', 'requester_name'],
  requesterEmail: ['Requester Email', 'requester_email', 'email'],
  group: ['Group', 'group', 'group_name'],
  assignee: ['Agent', 'agent', 'responder_name'],
  category: ['Category', 'category'],
  type: ['Type', 'type'],
  subject: ['Subject', 'subject'],
  tags: ['Tags', 'tags'],
  created: ['Created Date', 'Created Time', 'created_at'],
  firstResponse: ['Initial Response Time', 'First Responded At', 'stats.first_responded_at', 'first_responded_at'],
  resolved: ['Resolved Date', 'Resolved Time', 'stats.resolved_at', 'resolved_at'],
  closed: ['Closed Date', 'Closed Time', 'stats.closed_at', 'closed_at'],
  firstResponseBreached: ['First Response Status'],
  resolutionBreached: ['Resolution Status'],
  firstResponseDue: ['First Response Due by', 'fr_due_by'],
  resolutionDue: ['Due by Time', 'due_by'],
};

export const readFreshservice: Reader = async function* (input, ctx) {
  ctx.notes.push(NO_HISTORY_NOTE);
  yield* readTable(input.text, { columns: COLUMNS }, ctx);
};
