// Everyone in the engagement, grouped by party, filtered as you type. Vendors show the support contract a
// technician needs on the phone with them (account, circuit ids, severity terms) and whether it has lapsed.
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ContactMethod, Engagement, Party, PartyKind, Person } from '../../../core/index.ts';
import { formatDuration, parseInstant, partyMethods } from '../../../core/escalation/index.ts';
import type { ViewProps } from './props.ts';
import { ContactList, calendarName, methodItems } from './ui/ContactList.tsx';
import './Contacts.css';
import { scrollToAnchor } from './ui/anchor.ts';

const KIND_LABEL: Record<PartyKind, string> = {
  internal: 'Internal IT',
  msp: 'MSP',
  mssp: 'Security provider',
  vendor: 'Vendor',
  leadership: 'Leadership',
  client: 'Client',
};

const DAY_MS = 86_400_000;
/** A contract this close to its end is flagged so someone renews it before the outage that needs it. */
const EXPIRY_WARN_MS = 30 * DAY_MS;

/** Lower case without accents, so "rene" finds "René" and "garcia" finds "García". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface Hay {
  text: string;
  digits: string;
}

function methodWords(methods: ContactMethod[]): string[] {
  return methods.flatMap((m) => {
    switch (m.type) {
      case 'phone':
      case 'sms':
        return [m.display, m.e164, m.label ?? ''];
      case 'email':
      case 'teams':
        return [m.address, m.label ?? ''];
      case 'slack':
        return [m.label ?? ''];
      case 'url':
        return [m.label ?? ''];
    }
  });
}

function hay(words: Array<string | undefined>, methods: ContactMethod[]): Hay {
  const all = [...words, ...methodWords(methods)].filter((w): w is string => !!w);
  const phones = methods.flatMap((m) => (m.type === 'phone' || m.type === 'sms' ? [m.e164] : []));
  return { text: fold(all.join('\n')), digits: phones.join('\n').replace(/[^\d\n]/g, '') };
}

function partyHay(party: Party): Hay {
  const s = party.support;
  return hay([party.name, party.kind, KIND_LABEL[party.kind], s?.account, s?.contract, ...(s?.circuits ?? [])], partyMethods(party));
}

function personHay(person: Person, party: Party | undefined): Hay {
  const roles = person.roles.flatMap((r) => [r, r.replace(/_/g, ' ')]);
  return hay([person.name, person.title, ...roles, party?.name, party && KIND_LABEL[party.kind]], person.contact);
}

/** Every word typed must appear; a word that looks like part of a phone number also matches the digits alone. */
function matcher(query: string): (h: Hay) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return (h) =>
    words.every((w) => {
      if (h.text.includes(w)) return true;
      const digits = w.replace(/\D/g, '');
      return /^\+?[\d().-]+$/.test(w) && digits.length >= 3 && h.digits.includes(digits);
    });
}

interface Group {
  id: string | null;
  party: Party | undefined;
  hay: Hay | null;
  people: Array<{ id: string; person: Person; hay: Hay }>;
}

function groups(engagement: Engagement): Group[] {
  const out = new Map<string | null, Group>();
  for (const [id, party] of Object.entries(engagement.parties)) out.set(id, { id, party, hay: partyHay(party), people: [] });
  for (const [id, person] of Object.entries(engagement.people)) {
    const party = engagement.parties[person.party];
    const key = party ? person.party : null;
    let g = out.get(key);
    if (!g) out.set(key, (g = { id: null, party: undefined, hay: null, people: [] }));
    g.people.push({ id, person, hay: personHay(person, party) });
  }
  return [...out.values()];
}

export function ContactsView({ engagement, now, rest }: ViewProps) {
  const [query, setQuery] = useState('');
  const target = rest[0];
  const all = useMemo(() => groups(engagement), [engagement]);
  const match = useMemo(() => matcher(query), [query]);
  const shown = all
    .map((g) => {
      // Typing a party's name or its hotline shows the whole party; otherwise only the people who match.
      const partyHit = query.trim() !== '' && g.hay !== null && match(g.hay);
      return { ...g, partyHit, people: partyHit ? g.people : g.people.filter((p) => match(p.hay)) };
    })
    .filter((g) => query.trim() === '' || g.partyHit || g.people.length > 0);
  const total = all.reduce((n, g) => n + g.people.length, 0);
  const count = shown.reduce((n, g) => n + g.people.length, 0);
  const known = target !== undefined && (engagement.people[target] !== undefined || engagement.parties[target] !== undefined);

  const root = useRef<HTMLDivElement>(null);
  useEffect(() => scrollToAnchor(root.current, target), [target]);

  return (
    <div class="contacts-view" data-testid="view-contacts" ref={root}>
      <h1>Contacts</h1>
      <div class="contacts-search">
        <label for="contacts-filter">Filter by name, title, role, party, phone or email</label>
        <input
          id="contacts-filter"
          type="search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          enterkeyhint="search"
        />
      </div>
      <p class="muted" role="status" data-testid="contacts-count">
        {query.trim() === '' ? `${total} people` : `${count} of ${total} people match`}
      </p>
      {target !== undefined && !known && <p class="chip warn">No person or party '{target}' in this engagement.</p>}
      {shown.length === 0 && <p class="card">Nothing matches “{query}”.</p>}
      {shown.map((g) => (
        <section
          key={g.id ?? '(none)'}
          class={g.id !== null && g.id === target ? 'card contact-party anchor-target' : 'card contact-party'}
          data-testid={`party-${g.id ?? 'none'}`}
          data-anchor={g.id ?? undefined}
          tabIndex={g.id !== null && g.id === target ? -1 : undefined}
        >
          {g.party ? <PartyHead party={g.party} engagement={engagement} now={now} /> : <h2>Other people</h2>}
          {g.people.length > 0 && (
            <ul class="contact-people">
              {g.people.map(({ id: pid, person }) => (
                <PersonCard key={pid} pid={pid} person={person} engagement={engagement} now={now} highlight={pid === target} />
              ))}
            </ul>
          )}
        </section>
      ))}
      {query.trim() !== '' && (
        <p class="contacts-foot">
          <a href={`#/search?q=${encodeURIComponent(query)}`}>Search the whole handbook for “{query}”</a>
        </p>
      )}
    </div>
  );
}

function PartyHead({ party, engagement, now }: { party: Party; engagement: Engagement; now: number }) {
  const items = methodItems(engagement, partyMethods(party), now);
  const own = items.filter((c) => c.label !== 'support');
  const coverage = party.coverage === undefined ? undefined : engagement.calendars[party.coverage];
  return (
    <>
      <h2 class="contact-party-name">
        <span class="chip">{KIND_LABEL[party.kind]}</span> {party.name}
      </h2>
      {party.coverage !== undefined && (
        <p class="muted contact-coverage">
          {coverage?.hours === '24x7' && coverage.name === undefined
            ? 'Works tickets around the clock (24×7)'
            : `Works tickets during ${calendarName(engagement, party.coverage)}${coverage?.hours === '24x7' ? ' (24×7)' : ''}`}
        </p>
      )}
      {own.length > 0 && <ContactList items={own} engagement={engagement} zone={party.timeZone} now={now} name={party.name} />}
      {party.notes && <p class="contact-notes">{party.notes}</p>}
      {party.support && (
        <SupportContract party={party} support={party.support} items={items.filter((c) => c.label === 'support')} engagement={engagement} now={now} />
      )}
    </>
  );
}

type Support = NonNullable<Party['support']>;

/** The instant a contract that runs through local date `expires` ends (midnight after it), or null. */
function contractEnd(expires: string, zone: string): number | null {
  const next = new Date(`${expires}T00:00:00Z`);
  if (Number.isNaN(next.getTime())) return null;
  next.setUTCDate(next.getUTCDate() + 1);
  return parseInstant(`${next.toISOString().slice(0, 10)}T00:00`, zone);
}

function SupportContract({ party, support, items, engagement, now }: { party: Party; support: Support; items: ReturnType<typeof methodItems>; engagement: Engagement; now: number }) {
  const end = support.expires === undefined ? null : contractEnd(support.expires, party.timeZone);
  return (
    <div class="contact-support">
      <h3>Support contract</h3>
      {end !== null && end <= now && (
        <p class="chip danger" data-testid="contract-expired">Expired: the contract ended {support.expires}</p>
      )}
      {end !== null && end > now && end - now <= EXPIRY_WARN_MS && (
        <p class="chip warn" data-testid="contract-expiring">Expires in {formatDuration(end - now)} ({support.expires})</p>
      )}
      {items.length > 0 && <ContactList items={items} engagement={engagement} zone={party.timeZone} now={now} name={`${party.name} support`} />}
      <dl class="contact-facts">
        {support.account && <Fact term="Account">{support.account}</Fact>}
        {support.contract && <Fact term="Contract">{support.contract}</Fact>}
        {support.circuits.length > 0 && (
          <Fact term="Circuits">
            <ul class="contact-circuits">
              {support.circuits.map((c, i) => <li key={i} class="mono">{c}</li>)}
            </ul>
          </Fact>
        )}
        {support.hours && <Fact term="Hours">{calendarName(engagement, support.hours)}</Fact>}
        {support.severity && <Fact term="Severity">{support.severity}</Fact>}
        {support.expires && <Fact term="Expires">{support.expires}</Fact>}
        {support.notes && <Fact term="Notes">{support.notes}</Fact>}
      </dl>
    </div>
  );
}

function Fact({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="contact-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function PersonCard({ pid, person, engagement, now, highlight }: { pid: string; person: Person; engagement: Engagement; now: number; highlight: boolean }) {
  return (
    <li class={highlight ? 'contact-card anchor-target' : 'contact-card'} data-testid={`contact-${pid}`} data-anchor={pid} tabIndex={highlight ? -1 : undefined}>
      <h3>{person.name}</h3>
      {person.title && <p class="contact-title">{person.title}</p>}
      {person.roles.length > 0 && (
        <ul class="contact-roles" aria-label={`Roles of ${person.name}`}>
          {person.roles.map((r) => <li key={r} class="chip">{r.replace(/_/g, ' ')}</li>)}
        </ul>
      )}
      {person.authority.length > 0 && <p class="muted contact-authority">May: {person.authority.join(', ')}</p>}
      {person.timeZone !== engagement.engagement.timeZone && <p class="muted">Time zone: {person.timeZone}</p>}
      <ContactList items={methodItems(engagement, person.contact, now)} engagement={engagement} zone={person.timeZone} now={now} name={person.name} />
      {person.notes && <p class="contact-notes">{person.notes}</p>}
    </li>
  );
}
