// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { axeViolations } from './axe.ts';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type Engagement, parseEngagement } from '../../core/index.ts';
import { contactLink, partyMethods } from '../../core/escalation/index.ts';
import { ContactsView } from '../../pwa/src/views/Contacts.tsx';
import { EscalationView } from '../../pwa/src/views/Escalation.tsx';
import { NowView } from '../../pwa/src/views/Now.tsx';

const TEXT = readFileSync(fileURLToPath(import.meta.resolve('../../examples/acme-ost.yaml')), 'utf8');
/** Sat 2026-11-28 02:00 in New York. */
const NOW = Date.parse('2026-11-28T07:00:00Z');

function load(): Engagement {
  const r = parseEngagement(TEXT, { fileName: 'acme-ost.yaml', now: NOW });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return structuredClone(r.engagement);
}

function show(engagement: Engagement, rest: string[] = []) {
  return render(<ContactsView id="acme-ost" engagement={engagement} now={NOW} rest={rest} />);
}

/** Person ids of the cards on screen, in order. */
function cards(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('[data-testid^="contact-"]')).map((n) => n.getAttribute('data-testid')!.slice('contact-'.length)).filter((id) => id !== 'none');
}

function type(view: ReturnType<typeof show>, text: string) {
  fireEvent.input(view.getByLabelText(/filter by name/i), { target: { value: text } });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Contacts view', () => {
  test('everyone is listed, grouped under their party with its kind, hotline and coverage', () => {
    const e = load();
    const view = show(e);
    expect(cards(view.getByTestId('view-contacts')).sort()).toEqual(Object.keys(e.people).sort());
    const ost = view.getByTestId('party-ost');
    expect(ost.querySelector('h2')!.textContent).toContain('MSP');
    expect(ost.querySelector('h2')!.textContent).toContain('On-Site Technology');
    expect(ost.textContent).toContain('around the clock');
    expect(ost.querySelector('[data-testid="contact-dlee"]')).not.toBeNull();
    expect(ost.querySelector(`a[href="${contactLink(partyMethods(e.parties.ost!)[0]!).href}"]`)?.textContent).toContain('hotline');
    expect(view.getByTestId('party-acme-it').textContent).toContain('Works tickets during Acme business hours');
  });

  test('the filter narrows the list as you type, over names, roles, parties and phone numbers', () => {
    const view = show(load());
    const root = view.getByTestId('view-contacts');
    type(view, 'okafor');
    expect(cards(root)).toEqual(['mokafor']);
    type(view, 'erp admin');
    expect(cards(root)).toEqual(['mreyes']);
    type(view, 'sentry');
    expect(cards(root)).toEqual(['pshah']);
    type(view, '973-555-0122');
    expect(cards(root)).toEqual(['bkhan']);
    type(view, 'jane.doe@acme');
    expect(cards(root)).toEqual(['jdoe']);
    type(view, 'zzz-nobody');
    expect(cards(root)).toEqual([]);
    expect(root.textContent).toContain('Nothing matches');
    type(view, '');
    expect(cards(root).length).toBe(14);
  });

  test('matching ignores case and accents both ways', () => {
    const e = load();
    e.people.sgarcia!.name = 'Sofía García';
    const view = show(e);
    const root = view.getByTestId('view-contacts');
    type(view, 'SOFIA GARCIA');
    expect(cards(root)).toEqual(['sgarcia']);
    type(view, 'okáfor');
    expect(cards(root)).toEqual(['mokafor']);
  });

  test('a vendor shows its support contract, and flags it expired or expiring within 30 days', () => {
    const e = load();
    const metro = show(e).getByTestId('party-metro');
    for (const fact of ['MF-22841', 'MF-ENT-2025-0193', 'MFX/101/GE/NWRK/22841', 'Sev 1 (total outage)', '2028-03-31', 'option 2 = repair']) {
      expect(metro.textContent).toContain(fact);
    }
    expect(metro.querySelector('a[href="tel:+18005550199"]')).not.toBeNull();
    expect(metro.querySelector('[data-testid="contract-expired"]')).toBeNull();
    expect(metro.querySelector('[data-testid="contract-expiring"]')).toBeNull();
    cleanup();

    e.parties.metro!.support!.expires = '2026-11-27';
    e.parties.ledger!.support!.expires = '2026-12-20';
    e.parties.msft!.support!.expires = '2026-12-31';
    const view = show(e);
    expect(view.getByTestId('party-metro').querySelector('[data-testid="contract-expired"]')?.textContent).toContain('2026-11-27');
    expect(view.getByTestId('party-ledger').querySelector('[data-testid="contract-expiring"]')?.textContent).toContain('2026-12-20');
    expect(view.getByTestId('party-ledger').querySelector('[data-testid="contract-expired"]')).toBeNull();
    // 33 days away: not yet worth a flag.
    expect(view.getByTestId('party-msft').querySelector('[data-testid^="contract-"]')).toBeNull();
  });

  test('a method limited to hours says so and is greyed while they are closed', () => {
    const e = load();
    const card = show(e).getByTestId('contact-twalsh');
    const item = card.querySelector(`a[href="${contactLink(e.people.twalsh!.contact[0]!).href}"]`)!.closest('li')!;
    expect(item.classList.contains('off')).toBe(true);
    expect(item.textContent).toContain('only during Acme business hours');
  });

  test('a person or party named in the route is highlighted and scrolled to', () => {
    const scrolled: Element[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this);
    });
    const view = show(load(), ['bkhan']);
    const card = view.getByTestId('contact-bkhan');
    expect(card.classList.contains('anchor-target')).toBe(true);
    expect(view.getByTestId('contact-asmith').classList.contains('anchor-target')).toBe(false);
    expect(scrolled).toEqual([card]);
    cleanup();
    const party = show(load(), ['metro']).getByTestId('party-metro');
    expect(party.classList.contains('anchor-target')).toBe(true);
    expect(scrolled.at(-1)).toBe(party);
  });

  test('axe finds no violations, with a party highlighted', async () => {
    expect(await axeViolations(<ContactsView id="acme-ost" engagement={load()} now={NOW} rest={['metro']} />)).toEqual([]);
  });
});

describe('hostile engagement text', () => {
  test('markup in names renders as text and javascript: urls never become links', () => {
    const e = load();
    const evil = '<img src=x onerror=alert(1)>';
    e.people.jdoe!.name = evil;
    e.people.jdoe!.title = evil;
    e.people.jdoe!.contact.push({ type: 'url', url: 'javascript:alert(1)', label: evil });
    e.people.bkhan!.contact.unshift({ type: 'url', url: 'JavaScript:alert(1)' });
    e.parties['acme-it']!.name = evil;
    e.parties['acme-it']!.portal = 'javascript:alert(1)';
    e.oncall['ost-noc']!.name = evil;
    e.escalation['p1-critical']!.afterHours![0]!.say = evil;
    for (const View of [NowView, ContactsView, EscalationView]) {
      const { container } = render(<View id="acme-ost" engagement={e} now={NOW} rest={['jdoe']} />);
      expect(container.querySelector('img')).toBeNull();
      const hrefs = Array.from(container.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? '');
      expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
      expect(container.querySelector('a[href^="javascript:" i]')).toBeNull();
      expect(container.textContent).toContain(evil);
      cleanup();
    }
  });
});
