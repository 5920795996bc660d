// ConnectWise PSA (Manage), a GWT app at /<codebase>/ConnectWise.aspx?locale=en_US#<opaque state>. After in-app
// navigation the URL's hash is an opaque compressed state, so the ticket id comes from the page: the screen's
// banner label "Service Ticket #12345 - <summary>". Deep links carry it in the URL (…ConnectWise.aspx?…&routeTo=
// ServiceFV&recid=<id>, or srRecID=<id>), trusted only before the app has written its own hash (the query stays as
// it was when the user moves on), and so does the legacy /services/system_io/Service/fv_sr100_request.rails?
// service_recid=<id>. Because the ref may come from the page, ticketRef is null until the banner is rendered.
//
// No API: the REST API (/v4_6_release/apis/3.0/service/tickets/<id>) needs API member keys and a clientId header;
// whether the browser session is accepted is unknown (G), and a call that fails on every read would only add a
// request. Fields come from the screen: data-cwid hooks first, then the label next to the value (Company:, Board:…).
// Docs: https://developer.connectwise.com/Products/ConnectWise_PSA/REST (service/tickets: company, contact, board,
// status, priority, type, owner, dateEntered); banner and hooks as in public userscripts (AttenSean/userscripts,
// attentus-cw-copy-ticket-link.user.js).
// Guesses (G): the data-cwid names, the label texts, the banner classes beyond .cw_CwLabel/.gwt-Label, and the date
// text (the member's format; US first). Hidden screens of earlier tickets, if GWT keeps them, are not told apart.
import { collect, domFirst, labelSource, matchSource, pageDates, urlSource, type Field } from './dom.ts';
import type { Adapter } from './types.ts';

const FIELDS: Field[] = ['id', 'priority', 'status', 'created', 'organization', 'category', 'group', 'assignee', 'requesterEmail', 'subject'];
const BANNER = ['.cw_CwLabel', '.gwt-Label', '.mm_label', '.detailLabel'];
const BANNER_ID = /^(?:Service |Project )?Ticket #\s*(\d+)\b/i;
const BANNER_SUMMARY = /^(?:Service |Project )?Ticket #\s*\d+\s+-\s+(.+)$/i;
const cwid = (...names: string[]) => names.map((n) => `[data-cwid="${n}"]`);

function urlRef(url: URL): string | null {
  const path = url.pathname.toLowerCase();
  const digits = (v: string | null) => (v && /^\d+$/.test(v) ? v : null);
  if (path.endsWith('/services/system_io/service/fv_sr100_request.rails')) return digits(url.searchParams.get('service_recid'));
  if (!path.endsWith('/connectwise.aspx') || url.hash.length > 1) return null;
  return digits(url.searchParams.get('srRecID')) ?? (url.searchParams.get('routeTo') === 'ServiceFV' ? digits(url.searchParams.get('recid')) : null);
}

const onScreen = (doc: Document) => matchSource(doc, 'id', BANNER, BANNER_ID);

export const connectwise: Adapter = {
  id: 'connectwise',
  examples: {
    ticket: [
      'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US&routeTo=ServiceFV&recid=12345',
      'https://cw.acme-msp.example/v2025_1/ConnectWise.aspx?locale=en_US&srRecID=12345',
      'https://na.myconnectwise.net/v4_6_release/services/system_io/Service/fv_sr100_request.rails?service_recid=12345',
    ],
    notTicket: [
      // The id of an in-app URL is on the screen; without the banner (this blank page) it is no ticket yet.
      'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US#XQAAACB4AQAAAAAAAAA9iImHVMn4hTeXZc1ojc',
      'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US&routeTo=CompanyFV&recid=250',
      'https://na.myconnectwise.net/v4_6_release/ConnectWise.aspx?locale=en_US',
    ],
  },
  ticketRef(url, doc) {
    const onPage = /\/connectwise\.aspx$/i.test(url.pathname) ? onScreen(doc).read('id')?.value : undefined;
    return (typeof onPage === 'string' ? onPage : null) ?? urlRef(url);
  },
  async read(ref, ctx) {
    ctx.signal.throwIfAborted();
    const doc = ctx.document;
    const ticket = collect('connectwise', ctx.url, FIELDS, [
      onScreen(doc),
      urlSource('the ref from the URL or an earlier look at the banner', { id: ref }),
      domFirst(doc, {
        organization: ['input.cw_company', ...cwid('company')],
        requesterEmail: cwid('emailAddress', 'email'),
        group: cwid('board', 'team'),
        status: cwid('status'),
        priority: cwid('priority'),
        category: cwid('type'),
        subject: cwid('summary'),
        created: cwid('dateEntered'),
        assignee: cwid('owner', 'ticketOwner'),
      }),
      labelSource(doc, {
        organization: ['Company'],
        requesterEmail: ['Email'],
        group: ['Board', 'Team'],
        status: ['Status'],
        priority: ['Priority'],
        category: ['Type'],
        subject: ['Summary'],
        created: ['Date Entered', 'Entered'],
        assignee: ['Ticket Owner', 'Owner', 'Resources'],
      }),
      matchSource(doc, 'subject', BANNER, BANNER_SUMMARY),
    ]);
    return pageDates(ticket, ['MM/DD/YYYY h:mm A', 'M/D/YYYY h:mm A', 'MM/DD/YY h:mm A', 'DD/MM/YYYY HH:mm', 'YYYY-MM-DD HH:mm']);
  },
};
