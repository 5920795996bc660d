// Autotask PSA ticket detail (/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=<id>, or ?workspace=False&ids[0]=<id>) and
// its deep link (/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=<id> or
// &TicketNumber=T20261127.0001). The REST API (webservicesN.autotask.net/ATServicesRest) needs an API user and an
// integration code, not the session, so the fields come from the page: the Details section's label/value pairs
// (.ReadOnlyData: .ReadOnlyLabelContainer → .ReadOnlyValueContainer) and .PrimaryResource .Name. The id reported is
// the ticket number people quote (T20261127.0001) when the page shows it, else the URL's ticketId.
// Docs: https://www.autotask.net/help/Content/4_Admin/1CompanySettings_Users/ResourcesUsers/LiveLinks/AutotaskExtend.htm
// (ExecuteCommand codes); selectors as in public tooling (El3ctr1cR/SupportTools-extension, autotask/templateManager.js).
//
// Frames: tickets open in popups and iframes, and the content script runs in every frame. A page that holds a
// TicketDetail.mvc frame (the deep link's wrapper) returns null: the frame reads the ticket and follows its own
// navigation.
// Guesses (G): the label texts (Organization/Account, Issue Type, Queue, Created, Ticket Type), the number and title
// candidates, the positional status/priority fallbacks (P: SupportTools reads them by nth-child), the date format.
import { collect, domFirst, labelSource, matchSource, pageDates, queryDeep, urlSource, type Field } from './dom.ts';
import type { Adapter } from './types.ts';

const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'group', 'assignee', 'requesterEmail', 'subject', 'type'];
const NUMBER = /\bT\d{8}\.\d{3,5}\b/;
const DETAIL_FRAME = 'iframe[src*="TicketDetail.mvc" i], frame[src*="TicketDetail.mvc" i]';
const param = (url: URL, name: string) => [...url.searchParams].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? null;
const positional = (n: number) => `.DetailsSection .ReadOnlyData.QuickEditEnabled:nth-child(${n}) .Text.ColorSample`;

function refOf(url: URL): string | null {
  const path = url.pathname.toLowerCase();
  if (path.endsWith('/mvc/servicedesk/ticketdetail.mvc')) {
    const id = param(url, 'ticketId') ?? param(url, 'ids[0]');
    return id && /^\d+$/.test(id) ? id : null;
  }
  if (path.endsWith('/autotaskextend/executecommand.aspx') && param(url, 'Code')?.toLowerCase() === 'openticketdetail') {
    const id = param(url, 'TicketID');
    if (id && /^\d+$/.test(id)) return id;
    const number = param(url, 'TicketNumber');
    return number && NUMBER.test(number) ? number : null;
  }
  return null;
}

export const autotask: Adapter = {
  id: 'autotask',
  examples: {
    ticket: [
      'https://ww5.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc?ticketId=29684',
      'https://ww14.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ids%5B0%5D=29684',
      'https://ww5.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketID=29684',
      'https://ww5.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenTicketDetail&TicketNumber=T20261127.0004',
    ],
    notTicket: [
      'https://ww5.autotask.net/Mvc/ServiceDesk/TicketDetail.mvc',
      'https://ww5.autotask.net/Autotask/AutotaskExtend/ExecuteCommand.aspx?Code=OpenAccount&AccountID=175',
      'https://ww5.autotask.net/Mvc/Framework/Navigation.mvc/Landing',
      'https://ww5.autotask.net/Mvc/ServiceDesk/TicketGrid.mvc?ticketId=29684',
    ],
  },
  ticketRef(url, doc) {
    const ref = refOf(url);
    return ref && queryDeep(doc, DETAIL_FRAME) ? null : ref;
  },
  async read(ref, ctx) {
    ctx.signal.throwIfAborted();
    const doc = ctx.document;
    const ticket = collect('autotask', ctx.url, FIELDS, [
      matchSource(doc, 'id', ['.IdentificationContainer', '.TicketNumber', '.EntityHeadingContainer', 'title'], NUMBER),
      domFirst(doc, {
        assignee: ['.PrimaryResource .Name'],
        subject: ['.EntityHeadingContainer .Title', '.TicketTitle', 'h1.Title'],
      }),
      labelSource(doc, {
        priority: ['Priority'],
        status: ['Status'],
        created: ['Created', 'Create Date', 'Created Date'],
        organization: ['Organization', 'Account'],
        category: ['Issue Type'],
        group: ['Queue'],
        assignee: ['Primary Resource'],
        requesterEmail: ['Contact Email', 'Email'],
        subject: ['Title'],
        type: ['Ticket Type'],
      }),
      domFirst(doc, {
        status: [positional(3)],
        priority: [positional(4)],
        requesterEmail: ['.DetailsSection a[href^="mailto:"]'],
      }),
      urlSource('the ticket id in the URL', { id: ref }),
    ]);
    return pageDates(ticket, ['MM/DD/YYYY h:mm A', 'M/D/YYYY h:mm A', 'DD/MM/YYYY HH:mm', 'YYYY-MM-DD HH:mm']);
  },
};
