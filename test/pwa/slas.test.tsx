// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, test } from 'vitest';
import { type Engagement, type Metric, parseEngagement } from '../../core/index.ts';
import { formatLocal, parseInstant } from '../../core/escalation/index.ts';
import { type TicketEvent, evaluateSla } from '../../core/sla/index.ts';
import { SlasView } from '../../pwa/src/views/Slas.tsx';

const TEXT = readFileSync(fileURLToPath(import.meta.resolve('../../examples/acme-ost.yaml')), 'utf8');
/** Fri 2026-11-27 07:00 in New York (a holiday of the business calendar). */
const NOW = Date.parse('2026-11-27T12:00:00Z');
const ZONE = 'America/New_York';

function load(): Engagement {
  const r = parseEngagement(TEXT, { fileName: 'acme-ost.yaml', now: NOW });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return structuredClone(r.engagement);
}

function show(engagement: Engagement, now = NOW) {
  return render(<SlasView id="acme-ost" engagement={engagement} now={now} rest={[]} />);
}

/** Cell texts of a table row, header cell first. */
function row(root: HTMLElement, testId: string): string[] {
  const tr = root.querySelector(`[data-testid="${testId}"]`);
  if (!tr) throw new Error(`no ${testId}`);
  return Array.from(tr.children).map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** What the calculator must say: evaluateSla's breachAt for a ticket opened at `openedAt`, evaluated then. */
function expected(e: Engagement, policy: string, priority: string, openedAt: number, metric: Metric, activity?: string): string {
  const events: TicketEvent[] = e.sla[policy]!.start === 'assigned' ? [{ at: openedAt, type: 'assigned' }] : [];
  const clock = evaluateSla(e, policy, { createdAt: openedAt, priority, activity, events }, openedAt).metrics.find((m) => m.metric === metric);
  if (!clock?.breachAt) throw new Error(`no breachAt for ${policy} ${metric}`);
  return formatLocal(clock.breachAt, e.calendars[clock.calendar]!.timeZone);
}

function pick(view: ReturnType<typeof show>, testId: string, value: string) {
  fireEvent.change(view.getByTestId(testId), { target: { value } });
}

afterEach(() => {
  cleanup();
});

describe('SLA policies', () => {
  test('each policy: kind, provider → customer, scope, start, pauses, reopen, warnings, goal', () => {
    const root = show(load()).getByTestId('view-slas');
    const joint = root.querySelector('[data-testid="sla-joint"]')!;
    expect(joint.querySelector('h3')!.textContent).toContain('Co-managed service desk SLA (Schedule B)');
    expect(joint.querySelector('h3 .chip')!.textContent).toBe('SLA');
    const text = joint.textContent!;
    expect(root.querySelector('[data-testid="sla-joint-parties"]')!.textContent).toBe('On-Site Technology → Acme Internal IT');
    expect(text).toContain('every ticket');
    expect(text).toContain('when the ticket is created');
    expect(text).toContain('pending customer, pending vendor');
    expect(text).toContain('resumes where it stopped');
    expect(text).toContain('50 %, 75 %, 90 % of the target');
    expect(text).toContain('95 % of tickets');

    const handoff = root.querySelector('[data-testid="sla-handoff"]')!.textContent!;
    expect(handoff).toContain('OLA');
    expect(handoff).toContain('when the ticket is assigned');
    expect(handoff).toContain('a new resolution clock starts');
    expect(handoff).toContain('Tier 3 infrastructure escalations');
    expect(root.querySelector('[data-testid="sla-approvals-parties"]')!.textContent).toBe('Acme Internal IT → On-Site Technology');
    expect(root.querySelector('[data-testid="sla-metro-uc-parties"]')!.textContent).toBe('Metro Fiber → Acme Internal IT');
    expect(root.querySelector('[data-testid="sla-metro-uc"]')!.textContent).toContain('priorities P1, P2');
  });

  test('targets: priority × metric with durations, business days and the calendar', () => {
    const root = show(load()).getByTestId('view-slas');
    const head = Array.from(root.querySelectorAll('[data-testid="sla-joint-targets"] thead th')).map((th) => th.textContent);
    expect(head).toEqual(['Priority', 'First response', 'Next response', 'Resolution', 'Calendar']);
    expect(row(root, 'sla-joint-P1')).toEqual(['P1 Critical', '15 min', '30 min', '4 h', 'always']);
    expect(row(root, 'sla-joint-P3')).toEqual(['P3 Normal', '4 h', '1 business day', '3 business days', 'Acme business hours']);
    expect(row(root, 'sla-handoff-P1')).toEqual(['P1 Critical', '15 min', '1 h', '2 h 30 min', 'always']);
    expect(row(root, 'sla-handoff-P3')).toEqual(['P3 Normal', '2 h', '–', '2 business days', 'Acme business hours']);
    expect(row(root, 'sla-approvals-P4')).toEqual(['P4 Low', '1 business day', 'Acme business hours']);
    expect(root.querySelector('[data-testid="sla-metro-uc-P3"]')).toBeNull();
  });
});

describe('calendars', () => {
  test('name, zone and weekly hours Mon–Sun; 24×7 says so', () => {
    const root = show(load()).getByTestId('view-slas');
    const business = root.querySelector('[data-testid="calendar-business"]')!;
    expect(business.querySelector('h3')!.textContent).toBe('Acme business hours');
    expect(business.textContent).toContain('America/New_York');
    expect(Array.from(business.querySelectorAll('.sla-week li')).map((li) => li.textContent)).toEqual([
      'Mon 08:00–18:00', 'Tue 08:00–18:00', 'Wed 08:00–18:00', 'Thu 08:00–18:00', 'Fri 08:00–18:00', 'Sat closed', 'Sun closed',
    ]);
    const msp = root.querySelector('[data-testid="calendar-msp-extended"]')!;
    expect(Array.from(msp.querySelectorAll('.sla-week li')).map((li) => li.textContent)[5]).toBe('Sat 09:00–13:00');
    expect(root.querySelector('[data-testid="calendar-always"]')!.textContent).toContain('24×7');
  });

  test('the next five holidays, short days and closures from today (in the calendar zone), with names and dates', () => {
    const root = show(load()).getByTestId('view-slas');
    const items = Array.from(root.querySelectorAll('[data-testid="calendar-business-upcoming"] li')).map((li) => li.textContent);
    expect(items).toEqual([
      'Fri 2026-11-27 Day after Thanksgiving: closed',
      'Thu 2026-12-24 open 08:00–12:00 only',
      'Fri 2026-12-25 Christmas Day: closed',
      'Thu 2026-12-31 closed 15:00–18:00',
      'Fri 2027-01-01 New Year\'s Day: closed',
    ]);
  });

  test('"today" is the calendar zone\'s date: at 03:00 UTC on the 28th it is still the 27th in New York', () => {
    const root = show(load(), Date.parse('2026-11-28T03:00:00Z')).getByTestId('view-slas');
    const first = root.querySelector('[data-testid="calendar-business-upcoming"] li')!.textContent;
    expect(first).toBe('Fri 2026-11-27 Day after Thanksgiving: closed');
    const later = show(load(), Date.parse('2026-12-26T12:00:00Z')).getAllByTestId('calendar-business-upcoming')[1]!;
    expect(later.querySelector('li')!.textContent).toBe('Thu 2026-12-31 closed 15:00–18:00');
  });
});

describe('due-time calculator', () => {
  const OPENED = '2026-11-27T16:30';
  const openedAt = parseInstant(OPENED, ZONE)!;

  function open(view: ReturnType<typeof show>, text = OPENED) {
    fireEvent.input(view.getByTestId('calc-opened'), { target: { value: text } });
  }

  test('defaults to now in the engagement zone, shown beside the field', () => {
    const view = show(load());
    expect((view.getByTestId('calc-opened') as HTMLInputElement).value).toBe('2026-11-27T07:00');
    expect(view.getByTestId('sla-calculator').querySelector('#sla-calc-zone')!.textContent).toBe('America/New_York · Fri 2026-11-27 07:00 EST');
    expect((view.getByTestId('calc-priority') as HTMLSelectElement).value).toBe('P1');
  });

  test('a P1 opened Friday 16:30 New York: each due time is evaluateSla\'s breachAt, in the calendar zone', () => {
    const e = load();
    const view = show(e);
    open(view);
    const calc = view.getByTestId('sla-calculator');
    expect(calc.querySelector('#sla-calc-zone')!.textContent).toBe('America/New_York · Fri 2026-11-27 16:30 EST');
    // Without an activity only the joint SLA covers a P1 (the OLAs and the UC are scoped to activities).
    expect(Array.from(calc.querySelectorAll('[data-testid^="calc-"][data-testid$="-first_response"]')).map((n) => n.getAttribute('data-testid'))).toEqual(['calc-joint-first_response']);
    expect(row(calc, 'calc-joint-first_response')).toEqual(['First response', expected(e, 'joint', 'P1', openedAt, 'first_response'), '15 min · always']);
    expect(row(calc, 'calc-joint-first_response')[1]).toBe('Fri 2026-11-27 16:45 EST');
    expect(row(calc, 'calc-joint-resolution')).toEqual(['Resolution', expected(e, 'joint', 'P1', openedAt, 'resolution'), '4 h · always']);
    expect(row(calc, 'calc-joint-resolution')[1]).toBe('Fri 2026-11-27 20:30 EST');
    // Next response runs only from a customer reply.
    expect(row(calc, 'calc-joint-next_response')[1]).toBe('counts from each customer reply');
  });

  test('changing the priority changes the due times (P2 on the business calendar: the holiday is skipped)', () => {
    const e = load();
    const view = show(e);
    open(view);
    const calc = view.getByTestId('sla-calculator');
    const p1 = row(calc, 'calc-joint-first_response')[1];
    pick(view, 'calc-priority', 'P2');
    const p2 = row(calc, 'calc-joint-first_response');
    expect(p2[1]).not.toBe(p1);
    expect(p2).toEqual(['First response', expected(e, 'joint', 'P2', openedAt, 'first_response'), '1 h · Acme business hours']);
    expect(p2[1]).toBe('Mon 2026-11-30 09:00 EST');
    pick(view, 'calc-priority', 'P4');
    expect(row(calc, 'calc-joint-resolution')).toEqual(['Resolution', expected(e, 'joint', 'P4', openedAt, 'resolution'), '10 business days · Acme business hours']);
  });

  test('an activity brings in the policies scoped to it; a policy whose clocks start at assignment says so', () => {
    const e = load();
    const view = show(e);
    open(view);
    pick(view, 'calc-activity', 'firewall-change');
    const calc = view.getByTestId('sla-calculator');
    for (const policy of ['joint', 'handoff', 'approvals']) {
      expect(row(calc, `calc-${policy}-first_response`)[1], policy).toBe(expected(e, policy, 'P1', openedAt, 'first_response', 'firewall-change'));
    }
    expect(calc.querySelector('[data-testid="calc-metro-uc"]')).toBeNull();
    expect(calc.querySelector('[data-testid="calc-handoff"]')!.textContent).toContain('start at assignment');
    expect(row(calc, 'calc-handoff-resolution')[1]).toBe('Fri 2026-11-27 19:00 EST');
  });

  test('one chosen policy, even one that does not list the priority', () => {
    const e = load();
    const view = show(e);
    open(view);
    pick(view, 'calc-policy', 'metro-uc');
    const calc = view.getByTestId('sla-calculator');
    expect(row(calc, 'calc-metro-uc-first_response')[1]).toBe(expected(e, 'metro-uc', 'P1', openedAt, 'first_response'));
    expect(calc.querySelector('[data-testid="calc-joint"]')).toBeNull();
    pick(view, 'calc-priority', 'P3');
    expect(calc.querySelector('[data-testid="calc-metro-uc"]')!.textContent).toContain('No P3 targets');
  });

  test('an empty time asks for one; the results are announced politely', () => {
    const view = show(load());
    open(view, '');
    const results = view.getByTestId('sla-calc-results');
    expect(results.getAttribute('aria-live')).toBe('polite');
    expect(results.textContent).toContain('Enter the date and time');
    expect(results.querySelector('tr')).toBeNull();
  });

  test('the opened time stays put as the clock ticks; the Now button takes the current time', () => {
    const e = load();
    const view = show(e);
    const later = NOW + 45 * 60_000;
    view.rerender(<SlasView id="acme-ost" engagement={e} now={later} rest={[]} />);
    expect((view.getByTestId('calc-opened') as HTMLInputElement).value).toBe('2026-11-27T07:00');
    open(view);
    fireEvent.click(view.getByText('Now'));
    expect((view.getByTestId('calc-opened') as HTMLInputElement).value).toBe('2026-11-27T07:45');
  });

  test('every input has a label', () => {
    const view = show(load());
    for (const label of ['Opened at', 'Priority', 'Activity (optional)', 'Policy']) expect(view.getByLabelText(label)).toBeTruthy();
  });
});

test('axe finds nothing in the SLAs view', async () => {
  document.documentElement.lang = 'en';
  document.title = 'Tandem';
  const main = document.createElement('main');
  document.body.replaceChildren(main);
  render(<SlasView id="acme-ost" engagement={load()} now={NOW} rest={[]} />, { container: main });
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
