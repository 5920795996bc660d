// Contact methods as links a phone or browser opens, and whether a method may be used at a given instant.
// Only the schemes below ever leave this file, so a crafted engagement cannot smuggle javascript: into a panel.
import type { ContactMethod, Engagement, Party, PhoneNumber } from '../engagement/types.ts';
import { calendarOf } from './calendars.ts';
import { safeHref } from './href.ts';

export interface ContactLink {
  type: ContactMethod['type'];
  /** What to show: the number as written, the address, or the Slack ids. */
  text: string;
  label?: string;
  note?: string;
  /** tel:, sms:, mailto:, https: (Teams, web) or slack:; null when the method has no safe link. */
  href: string | null;
  /** Calendar id that limits when the method may be used. */
  hours?: string;
}

export interface LinkOptions {
  /** Prefilled text for chat and email (e.g. the ticket number). */
  message?: string;
  subject?: string;
}

export { safeHref };

export function phoneHref(scheme: 'tel' | 'sms', phone: PhoneNumber): string {
  // RFC 3966 carries the extension as a parameter; SMS has no extension.
  return scheme === 'tel' && phone.extension ? `tel:${phone.e164};ext=${phone.extension}` : `${scheme}:${phone.e164}`;
}

/** Teams deep link to a 1:1 chat; Entra UPNs keep their @ as Microsoft's own examples write them. */
export function teamsChatHref(upns: string[], opts: LinkOptions = {}): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%40/g, '@');
  let href = `https://teams.microsoft.com/l/chat/0/0?users=${upns.map(enc).join(',')}`;
  if (opts.subject) href += `&topicName=${encodeURIComponent(opts.subject)}`;
  if (opts.message) href += `&message=${encodeURIComponent(opts.message)}`;
  return href;
}

/** Slack's app links need the workspace and user or channel ids, not names. */
export function slackHref(team: string, target: { user?: string; channel?: string }): string {
  return target.user !== undefined
    ? `slack://user?team=${encodeURIComponent(team)}&id=${encodeURIComponent(target.user)}`
    : `slack://channel?team=${encodeURIComponent(team)}&id=${encodeURIComponent(target.channel ?? '')}`;
}

export function mailtoHref(address: string, opts: LinkOptions = {}): string {
  const query = [opts.subject && `subject=${encodeURIComponent(opts.subject)}`, opts.message && `body=${encodeURIComponent(opts.message)}`].filter(Boolean);
  return `mailto:${encodeURI(address)}${query.length > 0 ? `?${query.join('&')}` : ''}`;
}

export function contactLink(method: ContactMethod, opts: LinkOptions = {}): ContactLink {
  const base = { type: method.type, label: method.label, note: method.note, hours: method.hours };
  switch (method.type) {
    case 'phone':
    case 'sms':
      return { ...base, text: method.display, href: safeHref(phoneHref(method.type === 'phone' ? 'tel' : 'sms', method)) };
    case 'email':
      return { ...base, text: method.address, href: safeHref(mailtoHref(method.address, opts)) };
    case 'teams':
      return { ...base, text: method.address, href: safeHref(teamsChatHref([method.address], opts)) };
    case 'slack':
      return { ...base, text: `${method.team}/${method.user ?? method.channel}`, href: safeHref(slackHref(method.team, method)) };
    case 'url': {
      const href = safeHref(method.url);
      return { ...base, text: method.url, href: href && /^https?:/i.test(href) ? href : null };
    }
  }
}

/** Whether the method may be used at `at`: no `hours`, or its calendar is open. An unknown calendar never blocks. */
export function usableAt(engagement: Pick<Engagement, 'calendars'>, method: { hours?: string }, at: number): boolean {
  const cal = calendarOf(engagement, method.hours);
  return cal === null || cal.isOpen(at);
}

/** A party's own ways in: hotline, email, vendor support line (limited to the support hours), portal. */
export function partyMethods(party: Party): ContactMethod[] {
  const out: ContactMethod[] = [];
  if (party.hotline) out.push({ type: 'phone', ...party.hotline, label: 'hotline' });
  if (party.support?.phone) out.push({ type: 'phone', ...party.support.phone, label: 'support', hours: party.support.hours, note: party.support.account && `account ${party.support.account}` });
  if (party.email) out.push({ type: 'email', address: party.email });
  if (party.support?.email) out.push({ type: 'email', address: party.support.email, label: 'support', hours: party.support.hours });
  if (party.portal) out.push({ type: 'url', url: party.portal, label: 'portal' });
  if (party.support?.url) out.push({ type: 'url', url: party.support.url, label: 'support' });
  return out;
}
