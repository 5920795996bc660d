// Contact methods as thumb-sized links (call, text, mail, Teams, Slack, web). Hrefs come only from core's
// contactLink(), which lets through http(s), tel, sms, mailto and slack and nothing else; a method without a safe
// link is shown as plain text. Methods limited to a calendar's hours say so, and greyed ones say when they open.
import type { ContactMethod, Engagement } from '../../../../core/index.ts';
import { type ContactLink, type Recipient, calendarOf, contactLink, usableAt } from '../../../../core/escalation/index.ts';
import { When } from './When.tsx';
// The greyed-out and note styles live with the Contacts view's CSS; both views that list contacts load it.
import './ContactList.css';

export interface ContactItem extends ContactLink {
  /** Listed but limited to hours that are closed now. */
  off?: boolean;
  /** When an `off` method becomes usable; null when its calendar stays closed for over a year. */
  usableFrom?: number | null;
}

const VERB: Record<ContactLink['type'], string> = {
  phone: 'Call',
  sms: 'Text',
  email: 'Mail',
  teams: 'Teams',
  slack: 'Slack',
  url: 'Open',
};

const DAY_MS = 86_400_000;

/** The calendar's display name: its name, "24×7" for an unnamed round-the-clock calendar, else its id. */
export function calendarName(engagement: Pick<Engagement, 'calendars'>, id: string): string {
  const cal = engagement.calendars[id];
  return cal?.name ?? (cal?.hours === '24x7' ? '24×7' : id);
}

/** Whether a calendar id names a round-the-clock calendar (so "only during" it would say nothing). */
export function isAlways(engagement: Pick<Engagement, 'calendars'>, id: string): boolean {
  return engagement.calendars[id]?.hours === '24x7';
}

/** A person's or party's methods in file order, flagged when their hours are closed at `now`. */
export function methodItems(engagement: Pick<Engagement, 'calendars'>, methods: ContactMethod[], now: number): ContactItem[] {
  return methods.map((m) => {
    const link = contactLink(m);
    if (usableAt(engagement, m, now)) return link;
    const opens = calendarOf(engagement, m.hours)?.periods(now, now + 400 * DAY_MS)[0]?.[0] ?? null;
    return { ...link, off: true, usableFrom: opens };
  });
}

/** What whoToCall resolved for a recipient: the usable methods first, then the ones closed at the step's instant. */
export function recipientItems(r: Pick<Recipient, 'contacts' | 'unavailable'>): ContactItem[] {
  return [...r.contacts, ...r.unavailable.map((u) => ({ ...u, off: true }))];
}

export interface ContactListProps {
  items: ContactItem[];
  engagement: Pick<Engagement, 'calendars'>;
  /** Zone to show opening times in. */
  zone: string;
  now: number;
  /** Whose methods these are, for the list's accessible name. */
  name: string;
}

export function ContactList({ items, engagement, zone, now, name }: ContactListProps) {
  if (items.length === 0) return <p class="muted contact-none">No contact method listed for {name}.</p>;
  return (
    <ul class="contact-links contact-list" aria-label={`Contact ${name}`}>
      {items.map((c, i) => (
        <li key={i} class={c.off ? 'contact-item off' : 'contact-item'}>
          <ContactAnchor item={c} />
          <Notes item={c} engagement={engagement} zone={zone} now={now} />
        </li>
      ))}
    </ul>
  );
}

/** One small line under the link: "only during …", "not now, usable from …" and the file's note, in that order. */
function Notes({ item, engagement, zone, now }: { item: ContactItem; engagement: Pick<Engagement, 'calendars'>; zone: string; now: number }) {
  const parts = [
    item.hours !== undefined && !isAlways(engagement, item.hours) && <>only during {calendarName(engagement, item.hours)}</>,
    item.off && <>not now{item.usableFrom != null && <>, usable from <When at={item.usableFrom} zone={zone} now={now} /></>}</>,
    item.note && <>{item.note}</>,
  ].filter((p) => p !== false && p !== undefined && p !== '');
  if (parts.length === 0) return null;
  return (
    <span class="contact-note">
      {parts.map((p, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {p}
        </span>
      ))}
    </span>
  );
}

function ContactAnchor({ item }: { item: ContactItem }) {
  // One inline wrapper, so the words wrap as text inside the flex-styled link instead of becoming columns.
  // Slack's ids mean nothing to a person; its label (e.g. "OST Slack") says it all when there is one.
  const text = item.type === 'slack' && item.label ? '' : item.text;
  const body = (
    <span class="contact-body">
      <span class="contact-verb">{VERB[item.type]}</span>
      {item.label && <span class="contact-label"> {item.label}</span>}
      {text && <span class="contact-text"> {text}</span>}
    </span>
  );
  if (item.href === null) return <span class="contact-plain">{body}</span>;
  // Web pages open outside the installed app so the handbook stays where it was.
  const web = /^https?:/i.test(item.href);
  return (
    <a href={item.href} {...(web ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {body}
    </a>
  );
}
