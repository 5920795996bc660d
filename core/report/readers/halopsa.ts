// HaloPSA tickets, as a report/CSV with the API's field names (the HaloAPI ticket template:
// https://powershellgallery.com/packages/HaloAPI/1.9.0-Beta3/Content/Output%5CHaloAPI%5CData%5CTemplates%5CTicket.json)
// or their usual column titles. SLA fields (https://halopsa.com/guides/article/?kbid=2289): respondbydate and
// fixbydate are the due times, slaresponsestate is 'I' (in) or 'O' (out) for the response, excludefromsla takes
// the ticket out of attainment. The meaning of slaresponsestate's letters is inferred, not documented publicly.
import { NO_HISTORY_NOTE, type Reader } from '../reader.ts';
import { readTable, type TableSpec } from '../table.ts';

const COLUMNS: TableSpec['columns'] = {
  id: ['id', 'Ticket ID', 'Request ID', 'faultid'],
  priority: ['priority_id', 'Priority', 'priority'],
  status: ['status_id', 'Status', 'status'],
  organization: ['client_name', 'Client', 'Customer'],
  requester: ['user_name', 'User'],
  group: ['team', 'Team'],
  assignee: ['agent_name', 'Agent', 'agent_id'],
  category: ['category_1', 'Category', 'Category 1'],
  type: ['tickettype_name', 'Ticket Type', 'tickettype_id'],
  subject: ['summary', 'Summary'],
  created: ['dateoccurred', 'Date Occurred', 'Date Logged', 'datelogged'],
  firstResponse: ['responsedate', 'Response Date', 'Responded'],
  resolved: ['dateclosed', 'Date Closed', 'Closed'],
  excluded: ['excludefromsla', 'Exclude from SLA'],
  firstResponseBreached: ['slaresponsestate', 'Response SLA'],
  firstResponseDue: ['respondbydate', 'Respond By'],
  resolutionDue: ['fixbydate', 'Fix By', 'Target Date'],
};

export const readHalopsa: Reader = async function* (input, ctx) {
  ctx.notes.push(NO_HISTORY_NOTE);
  yield* readTable(input.text, { columns: COLUMNS }, ctx);
};
