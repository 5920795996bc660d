// ConnectWise PSA service tickets, flattened to CSV with the REST names (board/name or board.name …) or the grid
// titles. REST names confirmed by the service/tickets model in spinen/connectwise-php-client
// (src/Models/v2018_5/Service/Ticket.php and src/Models/v2019_4/Service/Ticket.php, Metadata.php): id, summary,
// board, status, priority, company, contact, contactName, owner, team, type, recordType, resources (a string),
// dateResponded, dateResolved, closedDate, isInSla; the entry date is only in the metadata, _info.dateEntered (so
// "_info/dateEntered" or "_info.dateEntered" once flattened). isInSla is ConnectWise's own verdict, taken as the
// resolution's (true = met). No status history (the audit trail is a separate API).
// Unverified: every grid/CSV title ("Ticket #", "Ticket Number", "Ticket", "Priority", "Status", "Company",
// "Contact", "Board", "Team", "Resources", "Owner", "Type", "Record Type", "Summary", "Summary Description",
// "Date Entered", "Entered", "Date Responded", "Responded", "Date Resolved", "Resolved", "Closed Date", "In SLA"),
// and a top-level "dateEntered" (older API versions).
import { NO_HISTORY_NOTE, type Reader } from '../reader.ts';
import { flag, readTable, type TableSpec } from '../table.ts';

const COLUMNS: TableSpec['columns'] = {
  id: ['id', 'Ticket #', 'Ticket Number', 'Ticket'],
  priority: ['priority/name', 'priority.name', 'Priority'],
  status: ['status/name', 'status.name', 'Status'],
  organization: ['company/name', 'company.name', 'Company'],
  requester: ['contact/name', 'contact.name', 'Contact', 'contactName'],
  group: ['board/name', 'board.name', 'Board', 'team/name', 'Team', 'team.name'],
  assignee: ['owner/identifier', 'owner.identifier', 'Resources', 'Owner'],
  category: ['type/name', 'type.name', 'Type'],
  type: ['recordType', 'Record Type'],
  subject: ['summary', 'Summary', 'Summary Description'],
  created: ['dateEntered', '_info/dateEntered', 'Date Entered', 'Entered', '_info.dateEntered'],
  firstResponse: ['dateResponded', 'Date Responded', 'Responded'],
  resolved: ['dateResolved', 'Date Resolved', 'Resolved'],
  closed: ['closedDate', 'Closed Date'],
};

export const readConnectwise: Reader = async function* (input, ctx) {
  ctx.notes.push(NO_HISTORY_NOTE);
  const spec: TableSpec = {
    columns: COLUMNS,
    extra: { inSla: ['isInSla', 'In SLA'] },
    finish: (r, extra, bad) => {
      const text = extra('inSla');
      if (text === undefined) return;
      const inSla = flag(text);
      if (inSla === undefined) bad('isInSla', `'${text}' is neither true nor false`);
      // flag() reads "true" as a breach; isInSla says the opposite.
      else (r.helpdeskSla ??= []).push({ metric: 'resolution', breached: !inSla });
    },
  };
  yield* readTable(input.text, spec, ctx);
};
