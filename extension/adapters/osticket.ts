// osTicket staff panel (/scp/tickets.php?id=<internal id>, also under a prefix such as /support/scp/). The URL's id
// is the internal ticket_id; people see the ticket number ("#492817") in the page heading and title, which is the id
// reported. osTicket has no read API a staff session can use (its API keys only create tickets), so everything is
// read from the server-rendered ticket-info tables by their labels (Status:, Priority:, Department:, Create Date:…).
// Docs: https://docs.osticket.com/en/latest/Agent%20Panel/Tickets.html ; markup: include/staff/ticket-view.inc.php
// in https://github.com/osTicket/osTicket (the th/td label rows).
// Guesses (G): the heading/title candidates for the number, the subject (div.tixTitle h3 in 1.10+, others G), the "Organization:" row, and the
// date text (the admin's date format; the usual US one is listed first). The page's "Due Date" is osTicket's own due
// time as local text; it is not reported as a native SLA (NativeSla.dueAt needs an instant).
import { collect, domFirst, labelSource, matchSource, pageDates, urlSource, type Field } from './dom.ts';
import type { Adapter } from './types.ts';

const TICKET = /^(?:\/[\w.~-]+)*\/scp\/tickets\.php$/;
const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'group', 'assignee', 'requesterEmail', 'subject'];

export const osticket: Adapter = {
  id: 'osticket',
  examples: {
    ticket: [
      'https://help.acme.example/scp/tickets.php?id=1042',
      'https://acme.example/support/scp/tickets.php?id=7&a=print',
      'http://127.0.0.1:8123/scp/tickets.php?id=1043#reply',
    ],
    notTicket: [
      'https://help.acme.example/scp/tickets.php',
      'https://help.acme.example/scp/tickets.php?status=open',
      'https://help.acme.example/scp/tickets.php?a=open',
      'https://help.acme.example/tickets.php?id=1042',
      'https://help.acme.example/scp/users.php?id=12',
    ],
  },
  ticketRef(url) {
    const id = url.searchParams.get('id');
    return TICKET.test(url.pathname) && id && /^\d+$/.test(id) ? id : null;
  },
  async read(ref, ctx) {
    ctx.signal.throwIfAborted();
    const doc = ctx.document;
    const ticket = collect('osticket', ctx.url, FIELDS, [
      matchSource(doc, 'id', ['.sticky.bar h2 a', '#content h2 a', 'h2', 'title'], /Ticket #\s*([\w-]+)/i),
      labelSource(doc, {
        priority: ['Priority'],
        status: ['Status'],
        created: ['Create Date', 'Created'],
        organization: ['Organization'],
        category: ['Help Topic'],
        group: ['Department'],
        assignee: ['Assigned To'],
        requesterEmail: ['Email'],
      }),
      domFirst(doc, { subject: ['.tixTitle h3', '#content h3.subject', '.ticket-subject'] }),
      // Without a number on the page, the internal id still names the ticket.
      urlSource('the internal id (tickets.php?id=)', { id: ref }),
    ]);
    // An unassigned ticket shows a placeholder ("— Unassigned —"), not a name.
    if (typeof ticket.fields.assignee === 'string' && /^[\s—–-]*unassigned[\s—–-]*$/i.test(ticket.fields.assignee)) {
      delete ticket.fields.assignee;
      const h = ticket.health.find((x) => x.field === 'assignee');
      if (h) Object.assign(h, { source: 'missing', detail: `${h.detail}: unassigned` });
    }
    return pageDates(ticket, ['MM/DD/YYYY h:mm A', 'M/D/YYYY h:mm A', 'MM/DD/YY h:mm A', 'M/D/YY h:mm A', 'MM/DD/YYYY h:mm a', 'YYYY-MM-DD HH:mm', 'DD/MM/YYYY HH:mm']);
  },
};
