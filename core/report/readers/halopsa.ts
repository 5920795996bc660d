// HaloPSA tickets, as a CSV with the API's field names or as a report (Halo reports are SQL over its database, so
// their headers are whatever the report's SQL names its columns).
//  - API names, confirmed by the HaloAPI ticket template
//    (https://powershellgallery.com/packages/HaloAPI/1.9.0-Beta3/Content/Output%5CHaloAPI%5CData%5CTemplates%5CTicket.json)
//    and by public Halo API client models: id, summary, dateoccurred, status_id, tickettype_id, priority_id,
//    client_name, site_name, user_name, team, agent_id, category_1, respondbydate, responsedate, slaresponsestate,
//    fixbydate, dateclosed, excludefromsla. SLA fields: https://halopsa.com/guides/article/?kbid=2289 .
//  - Report titles, as the reports shared publicly write them over the faults table (faultid AS [Ticket ID],
//    dateoccured AS [Date Occurred] / [Date Opened], fresponsedate AS [Date Responded], datecleared AS [Date Closed]
//    / [Date Resolved], FRespondByDate AS [Target Response Date], fixbydate AS [Target Resolution Date], slastate AS
//    [Resolution State], slaresponsestate AS [Response State], username AS [Username], sectio_ AS [Team] / [Section],
//    uname AS [Agent] / [Technician], aareadesc AS [Client]): these are names report authors chose, common but not
//    fixed. The database's own spellings dateoccured (sic) and datecleared are accepted too.
// slaresponsestate / slastate are 'I' (in) or 'O' (out), or 'in'/'out' in those reports; excludefromsla takes the
// ticket out of attainment. The meaning of the letters is inferred from those reports, not documented by Halo.
// Unverified: "Date Logged", "datelogged", "Response Date", "Responded", "Respond By", "Fix By", "Target Date",
// "Response SLA", "Exclude from SLA", "User", "Customer", "Closed", "tickettype_name", "agent_name".
import { NO_HISTORY_NOTE, type Reader } from '../reader.ts';
import { readTable, type TableSpec } from '../table.ts';

const COLUMNS: TableSpec['columns'] = {
  id: ['id', 'Ticket ID', 'Request ID', 'faultid'],
  priority: ['priority_id', 'Priority', 'priority'],
  status: ['status_id', 'Status', 'status'],
  organization: ['client_name', 'Client', 'Customer', 'Client Name'],
  requester: ['user_name', 'User', 'Username'],
  group: ['team', 'Team', 'Section'],
  assignee: ['agent_name', 'Agent', 'agent_id', 'Technician'],
  category: ['category_1', 'Category', 'Category 1'],
  type: ['tickettype_name', 'Ticket Type', 'tickettype_id', 'Request Type'],
  subject: ['summary', 'Summary'],
  created: ['dateoccurred', 'Date Occurred', 'Date Logged', 'datelogged', 'Date Opened', 'dateoccured'],
  firstResponse: ['responsedate', 'Response Date', 'Responded', 'Date Responded'],
  resolved: ['dateclosed', 'Date Closed', 'Closed', 'Date Resolved', 'datecleared'],
  excluded: ['excludefromsla', 'Exclude from SLA'],
  firstResponseBreached: ['slaresponsestate', 'Response SLA', 'Response State'],
  resolutionBreached: ['slastate', 'Resolution State'],
  firstResponseDue: ['respondbydate', 'Respond By', 'Target Response Date'],
  resolutionDue: ['fixbydate', 'Fix By', 'Target Date', 'Target Resolution Date'],
};

export const readHalopsa: Reader = async function* (input, ctx) {
  ctx.notes.push(NO_HISTORY_NOTE);
  yield* readTable(input.text, { columns: COLUMNS }, ctx);
};
