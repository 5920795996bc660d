// The header names each helpdesk's real export uses (as verified in the readers' header comments) bind to the right
// record fields. Each case is a tiny CSV built here, read through the public readExport, and checked field by field.
import { describe, expect, it } from 'vitest';
import { readExport, type ExportFormat, type ReaderOptions, type ReportProblem, type TicketRecord } from '../../core/report/index.ts';

const t = (iso: string) => Date.parse(iso);
const NY: ReaderOptions = { exportZone: 'America/New_York' };
const MIN = 60_000;

async function read(format: ExportFormat, lines: string[], options: ReaderOptions = {}): Promise<{ records: TicketRecord[]; problems: ReportProblem[] }> {
  const reading = readExport(format, { name: 'x.csv', text: `${lines.join('\n')}\n` }, options);
  const records: TicketRecord[] = [];
  for await (const r of reading.records) records.push(r);
  return { records, problems: reading.problems };
}

describe('Zendesk data export CSV (support.zendesk.com article 4408886165402)', () => {
  it('reads the documented column titles, "ID" included, and derives the first reply from its minutes', async () => {
    const { records, problems } = await read('zendesk', [
      'ID,Requester,Requester email,Organization,Group,Assignee,Subject,Tags,Status,Priority,Ticket type,Created at,Initially assigned at,Solved at,Group stations,Assignee stations,Reopens,First reply time in minutes',
      '7,Ana,ana@acme.example,Acme Corp,Service Desk,Dana Lee,VPN down,vpn remote,Solved,Urgent,incident,2026-02-02 09:00:00 -0500,2026-02-02 09:02:00 -0500,2026-02-02 11:00:00 -0500,1,2,0,12',
    ]);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      id: '7', requester: 'Ana', requesterEmail: 'ana@acme.example', organization: 'Acme Corp', group: 'Service Desk',
      assignee: 'Dana Lee', subject: 'VPN down', tags: ['vpn', 'remote'], status: 'Solved', priority: 'Urgent', type: 'incident',
      created: t('2026-02-02T09:00:00-05:00'), assigned: t('2026-02-02T09:02:00-05:00'), resolved: t('2026-02-02T11:00:00-05:00'),
      firstResponse: t('2026-02-02T09:00:00-05:00') + 12 * MIN, groups: 1, assignees: 2, reopens: 0,
    });
  });
});

describe('Freshservice ticket list export', () => {
  const header = 'Ticket Id,Subject,Status,Priority,Type,Group,Agent,Company,Category,Requester Name,Requester Email,Created Time,Due by Time,Resolved Time,Closed Time,Last Updated Time,Initial Response Time,Resolution Status,First Response Status,Tags';

  it('reads the "… Time" columns, the requester, the company and both SLA verdicts', async () => {
    const { records, problems } = await read('freshservice', [
      header,
      '3101,Outlook down,Closed,Urgent,Incident,Service Desk,Dana,Acme Corp,Software,Ana Smith,ana@acme.example,2026-02-02 09:00:00,2026-02-02 13:00:00,2026-02-02 12:00:00,2026-02-03 12:00:00,2026-02-03 12:00:00,2026-02-02 09:20:00,Within SLA,SLA Violated,email',
    ], NY);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      id: '3101', subject: 'Outlook down', status: 'Closed', priority: 'Urgent', type: 'Incident', group: 'Service Desk',
      assignee: 'Dana', organization: 'Acme Corp', category: 'Software', requester: 'Ana Smith', requesterEmail: 'ana@acme.example',
      created: t('2026-02-02T09:00:00-05:00'), firstResponse: t('2026-02-02T09:20:00-05:00'),
      resolved: t('2026-02-02T12:00:00-05:00'), closed: t('2026-02-03T12:00:00-05:00'),
    });
    expect(records[0]!.helpdeskSla).toEqual([
      { metric: 'first_response', breached: true },
      { metric: 'resolution', breached: false, dueAt: t('2026-02-02T13:00:00-05:00') },
    ]);
  });

  it('leaves the response and resolution empty for an open ticket', async () => {
    const { records } = await read('freshservice', [header, '3102,Printer,Open,Low,Incident,,,,,,,2026-02-02 10:00:00,,,,,,,,'], NY);
    expect(records[0]).toMatchObject({ id: '3102', created: t('2026-02-02T10:00:00-05:00') });
    expect(records[0]!.firstResponse).toBeUndefined();
    expect(records[0]!.resolved).toBeUndefined();
  });
});

describe('Jira Service Management CSV', () => {
  it('takes the first response from "Custom field ([CHART] Date of First Response)"', async () => {
    const { records, problems } = await read('jira', [
      'Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Reporter,Created,Resolved,Custom field ([CHART] Date of First Response),Custom field (Organizations),Custom field (Request Type),Custom field (Time to first response),Labels',
      'VPN down,ITS-7,10007,Incident,Resolved,High,Ana,Bo,02/Feb/26 9:00 AM,02/Feb/26 11:30 AM,02/Feb/26 9:45 AM,Acme Corp,Get IT help,-0:15,vpn',
    ], NY);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      id: 'ITS-7', subject: 'VPN down', type: 'Incident', status: 'Resolved', priority: 'High', assignee: 'Ana', requester: 'Bo',
      organization: 'Acme Corp', category: 'Get IT help', tags: ['vpn'],
      created: t('2026-02-02T09:00:00-05:00'), firstResponse: t('2026-02-02T09:45:00-05:00'), resolved: t('2026-02-02T11:30:00-05:00'),
    });
  });

  it('does not read the SLA field "Custom field (Time to first response)" as a first-response instant', async () => {
    const { records, problems } = await read('jira', [
      'Issue key,Created,Custom field (Time to first response)',
      'ITS-8,02/Feb/26 9:00 AM,-1:30',
    ], NY);
    expect(problems).toEqual([]);
    expect(records[0]!.firstResponse).toBeUndefined();
  });

  it('reads a Data Pipeline issues file with created_date and priority_name', async () => {
    const { records, problems } = await read('jira', [
      'id,key,issue_type,summary,status,priority_name,assignee_name,created_date,resolution_date',
      '10009,ITS-9,Incident,Mail slow,Done,Highest,Ana,2026-02-02T14:00:00Z,2026-02-02T16:00:00Z',
    ]);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      id: 'ITS-9', priority: 'Highest', status: 'Done', assignee: 'Ana',
      created: t('2026-02-02T14:00:00Z'), resolved: t('2026-02-02T16:00:00Z'),
    });
  });
});

describe('HaloPSA report CSV', () => {
  it("reads a report's titles (Date Opened, Date Responded, Date Resolved, targets, Response/Resolution State)", async () => {
    const { records, problems } = await read('halopsa', [
      'Ticket ID,Client Name,Username,Summary,Date Opened,Date Responded,Date Resolved,Status,Technician,Section,Request Type,Category,Priority,Target Response Date,Target Resolution Date,Response State,Resolution State',
      '5101,Acme Corp,ana,Server down,2026-02-02 09:00:00,2026-02-02 09:10:00,2026-02-02 14:00:00,Closed,Ana,NOC,Incident,Hardware,1,2026-02-02 09:15:00,2026-02-02 13:00:00,in,out',
    ], NY);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      id: '5101', organization: 'Acme Corp', requester: 'ana', subject: 'Server down', status: 'Closed', assignee: 'Ana',
      group: 'NOC', type: 'Incident', category: 'Hardware', priority: '1',
      created: t('2026-02-02T09:00:00-05:00'), firstResponse: t('2026-02-02T09:10:00-05:00'), resolved: t('2026-02-02T14:00:00-05:00'),
    });
    expect(records[0]!.helpdeskSla).toEqual([
      { metric: 'first_response', breached: false, dueAt: t('2026-02-02T09:15:00-05:00') },
      { metric: 'resolution', breached: true, dueAt: t('2026-02-02T13:00:00-05:00') },
    ]);
  });

  it("reads the database's own spellings (faultid, dateoccured, datecleared, slastate)", async () => {
    const { records, problems } = await read('halopsa', [
      'faultid,dateoccured,datecleared,slastate',
      '5102,2026-02-02T14:00:00Z,2026-02-02T15:00:00Z,I',
    ]);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({ id: '5102', created: t('2026-02-02T14:00:00Z'), resolved: t('2026-02-02T15:00:00Z') });
    expect(records[0]!.helpdeskSla).toEqual([{ metric: 'resolution', breached: false }]);
  });
});

describe('ConnectWise PSA REST-flattened CSV', () => {
  it('reads _info.dateEntered, contactName and team.name', async () => {
    const { records, problems } = await read('connectwise', [
      'id,summary,status.name,priority.name,company.name,contactName,team.name,resources,_info.dateEntered,dateResponded,dateResolved,closedDate,isInSla',
      '7101,Switch reboot,Closed,Priority 1 - Critical,Acme Corp,Ana Smith,Network Team,asmith,2026-02-02T14:00:00Z,2026-02-02T14:14:00Z,2026-02-02T18:00:00Z,2026-02-02T19:00:00Z,false',
    ]);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      id: '7101', subject: 'Switch reboot', status: 'Closed', priority: 'Priority 1 - Critical', organization: 'Acme Corp',
      requester: 'Ana Smith', group: 'Network Team', assignee: 'asmith',
      created: t('2026-02-02T14:00:00Z'), firstResponse: t('2026-02-02T14:14:00Z'), resolved: t('2026-02-02T18:00:00Z'), closed: t('2026-02-02T19:00:00Z'),
      helpdeskSla: [{ metric: 'resolution', breached: true }],
    });
  });
});

describe('ServiceNow incident list exported with labels', () => {
  it('reads the label headers and display values', async () => {
    const { records, problems } = await read('servicenow', [
      'Number,Priority,State,Company,Caller,Assignment group,Assigned to,Category,Subcategory,Short description,Opened,Resolved,Closed,Reopen count,Reassignment count,Made SLA',
      'INC0020001,1 - Critical,Closed,Acme Corp,Ana Smith,OST Service Desk,Dana Lee,Network,WAN,Core switch down,2026-02-02 09:00:00,2026-02-02 12:00:00,2026-02-03 12:00:00,1,2,false',
    ], NY);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      id: 'INC0020001', priority: '1', status: 'Closed', organization: 'Acme Corp', requester: 'Ana Smith', group: 'OST Service Desk',
      assignee: 'Dana Lee', category: 'Network', type: 'WAN', subject: 'Core switch down',
      created: t('2026-02-02T09:00:00-05:00'), resolved: t('2026-02-02T12:00:00-05:00'), closed: t('2026-02-03T12:00:00-05:00'),
      reopens: 1, groups: 3, helpdeskSla: [{ metric: 'resolution', breached: true }],
    });
  });
});
