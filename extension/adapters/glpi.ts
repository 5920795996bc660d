// GLPI (/front/ticket.form.php?id=<id>, also under a prefix such as /glpi/front/). The id is in the URL. GLPI's REST
// API (apirest.php) wants an App-Token and a Session-Token, not the web session's cookie, so the fields come from
// the ticket form: its named controls first (select[name="status"], select[name="priority"]… as GLPI's form posts
// them), then the labels next to them. Values are the shown texts ("High", "Processing (assigned)"), which is what
// a read-only agent sees too. The entity is shown as its full path ("Root entity > Acme Corp"): the last part is
// the organization.
// Docs: https://glpi-user-documentation.readthedocs.io/fr/latest/modules/assistance/tickets/ticket.html ; field
// names: https://github.com/glpi-project/glpi/blob/main/src/Ticket.php (status, urgency, priority, itilcategories_id,
// type, date, time_to_own, time_to_resolve).
// Guesses (G): the actor selects (_actors[assign][] with User_/Group_ option values, the requester's data-email),
// the entity candidates, the label texts. The main tab loads by AJAX after the page: a first read may miss fields;
// content/run.ts re-reads such a ticket after 1 s and 3 s. time_to_own / time_to_resolve are local dates on the
// page: not reported as native SLAs (NativeSla.dueAt needs an instant).
import { collect, domFirst, labelSource, pageDates, urlSource, type Field } from './dom.ts';
import type { Adapter } from './types.ts';

const TICKET = /^(?:\/[\w.~-]+)*\/front\/ticket\.form\.php$/;
const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'group', 'assignee', 'requesterEmail', 'subject', 'type'];
const actor = (role: string, kind: string) => `select[name^="_actors[${role}]"] option[value^="${kind}_"][selected]`;

export const glpi: Adapter = {
  id: 'glpi',
  examples: {
    ticket: [
      'https://glpi.acme.example/front/ticket.form.php?id=2718',
      'https://acme.example/glpi/front/ticket.form.php?id=2718&forcetab=Ticket$1',
      'http://127.0.0.1:8123/front/ticket.form.php?id=2719',
    ],
    notTicket: [
      'https://glpi.acme.example/front/ticket.php',
      'https://glpi.acme.example/front/ticket.form.php',
      'https://glpi.acme.example/front/ticket.form.php?id=0',
      'https://glpi.acme.example/front/computer.form.php?id=12',
    ],
  },
  ticketRef(url) {
    const id = url.searchParams.get('id');
    return TICKET.test(url.pathname) && id && /^[1-9]\d*$/.test(id) ? id : null;
  },
  async read(ref, ctx) {
    ctx.signal.throwIfAborted();
    const doc = ctx.document;
    const ticket = collect('glpi', ctx.url, FIELDS, [
      urlSource('ticket.form.php?id=', { id: ref }),
      domFirst(doc, {
        priority: ['select[name="priority"]'],
        status: ['select[name="status"]'],
        created: ['input[name="date"]'],
        organization: ['.entity-name', 'select[name="entities_id"]'],
        category: ['select[name="itilcategories_id"]'],
        group: [actor('assign', 'Group')],
        assignee: [actor('assign', 'User')],
        requesterEmail: [{ css: `${actor('requester', 'User')}[data-email]`, attr: 'data-email' }],
        subject: ['input[name="name"]'],
        type: ['select[name="type"]'],
      }),
      labelSource(doc, {
        priority: ['Priority'],
        status: ['Status'],
        created: ['Opening date'],
        organization: ['Entity'],
        category: ['Category'],
        group: ['Group in charge of the ticket', 'Assigned group'],
        assignee: ['Technician'],
        subject: ['Title'],
        type: ['Type'],
      }),
    ]);
    const org = ticket.fields.organization;
    if (typeof org === 'string') ticket.fields.organization = org.split(' > ').pop()!.trim();
    return pageDates(ticket, ['YYYY-MM-DD HH:mm', 'YYYY-MM-DD HH:mm:ss', 'DD-MM-YYYY HH:mm', 'MM-DD-YYYY HH:mm']);
  },
};
