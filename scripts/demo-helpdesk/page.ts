// The demo helpdesk's ticket page: the markup the example engagement's generic recipe (acme-portal) reads, with
// opening times relative to now so the panel's clocks are live.
export interface DemoTicket {
  id: string;
  title: string;
  priority: string;
  status: string;
  openedMinutesAgo: number;
  organization: string;
  category: string;
  assignee: { login: string; name: string; initials: string };
}

export const DEMO_TICKETS: DemoTicket[] = [
  { id: '4711', title: 'VPN drops every few minutes at Newark HQ', priority: '2 - High', status: 'Open', openedMinutesAgo: 95, organization: 'Acme Corp', category: 'Network / VPN', assignee: { login: 'mreyes', name: 'Marco Reyes', initials: 'MR' } },
  { id: '4712', title: 'Ledgerline ERP month-end report fails', priority: '1 - Critical', status: 'New', openedMinutesAgo: 12, organization: 'Acme Corp - Newark', category: 'ERP / Ledgerline', assignee: { login: 'tnguyen', name: 'Tina Nguyen', initials: 'TN' } },
  { id: '4713', title: 'New starter laptop for Finance', priority: '4 - Low', status: 'Waiting on requester', openedMinutesAgo: 60 * 26, organization: 'Acme Corp', category: 'Onboarding', assignee: { login: 'dlee', name: 'Dana Lee', initials: 'DL' } },
];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** "Fri Nov 27 04:50:12 2026" in New York, the format the example's recipe declares (ddd MMM D HH:mm:ss YYYY). */
export function portalTime(at: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', year: 'numeric', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.weekday} ${parts.month} ${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.year}`;
}

export function ticketPage(t: DemoTicket, openedAt: number): string {
  const nav = DEMO_TICKETS.map((o) => `<a data-spa href="/ticket/${o.id}">#${o.id} ${escape(o.title)}</a>`).join('\n  ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ticket #${t.id}: ${escape(t.title)} - Acme request portal (Tandem demo)</title>
<style>
  body { font: 15px Georgia, serif; margin: 0; display: grid; grid-template-columns: 240px 1fr; min-height: 100vh; }
  nav { background: #f3efe6; padding: 12px; } nav a { display: block; margin: 8px 0; }
  main { padding: 16px 24px; } .ticket-meta { display: grid; grid-template-columns: 140px 1fr; gap: 6px 12px; }
</style>
</head>
<body>
<nav aria-label="My queue">
  <strong>Acme request portal</strong>
  ${nav}
</nav>
<main>
  <div class="ticket-header">
    <span class="ticket-number">#${t.id}</span>
    <h1>${escape(t.title)}</h1>
  </div>
  <dl class="ticket-meta">
    <dt>Priority</dt><dd class="priority">${escape(t.priority)}</dd>
    <dt>Status</dt><dd class="status">${escape(t.status)}</dd>
    <dt>Opened</dt><dd class="created">${portalTime(openedAt)}</dd>
    <dt>Customer</dt><dd class="organization">${escape(t.organization)}</dd>
    <dt>Category</dt><dd class="category">${escape(t.category)}</dd>
    <dt>Assigned to</dt><dd class="assignee"><a href="/users/${t.assignee.login}" title="${escape(t.assignee.name)}">${t.assignee.initials}</a></dd>
  </dl>
</main>
<script src="/spa.js"></script>
</body>
</html>
`;
}

/** In-app navigation like a real single-page helpdesk: the next ticket's <main> replaces this one, no page load. */
export const SPA_SCRIPT = `document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-spa]') : null;
  if (!link) return;
  event.preventDefault();
  const next = new DOMParser().parseFromString(await (await fetch(link.href)).text(), 'text/html');
  document.querySelector('main').replaceWith(document.importNode(next.querySelector('main'), true));
  document.title = next.title;
  history.pushState(null, '', link.href);
});
`;
