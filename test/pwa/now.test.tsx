// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanup, render } from '@testing-library/preact';
import { axeViolations } from './axe.ts';
import { afterEach, describe, expect, test } from 'vitest';
import { type Engagement, parseEngagement } from '../../core/index.ts';
import { contactLink, formatLocal, onCallAt, shifts, whoToCall } from '../../core/escalation/index.ts';
import { NowView } from '../../pwa/src/views/Now.tsx';

const TEXT = readFileSync(fileURLToPath(import.meta.resolve('../../examples/acme-ost.yaml')), 'utf8');
/** Sat 2026-11-28 02:00 in New York: after hours, Thanksgiving weekend. */
const NIGHT = Date.parse('2026-11-28T07:00:00Z');
/** Tue 2026-12-01 10:00 in New York: business hours (2026-11-27 is a holiday in the example's calendar). */
const DAY = Date.parse('2026-12-01T15:00:00Z');
const MONTH = 30 * 86_400_000;

function load(now: number): Engagement {
  const r = parseEngagement(TEXT, { fileName: 'acme-ost.yaml', now });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.engagement;
}

function show(engagement: Engagement, now: number) {
  return render(<NowView id="acme-ost" engagement={engagement} now={now} rest={[]} />);
}

const hrefs = (el: Element) => Array.from(el.querySelectorAll('a[href]')).map((a) => a.getAttribute('href'));

afterEach(cleanup);

describe('Now view', () => {
  test('P1 at 2 AM shows the after-hours recipients whoToCall names, with their tap-to-call links', () => {
    const e = load(NIGHT);
    const answer = whoToCall(e, { priority: 'P1', openedAt: NIGHT }, NIGHT);
    if (!answer.ok || !answer.step) throw new Error('expected a step in force');
    expect(answer.branch).toBe('after-hours');
    const { getByTestId } = show(e, NIGHT);
    const block = getByTestId('now-priority-P1');
    expect(block.textContent).toContain('After hours');
    expect(block.textContent).toContain(answer.step.say!);
    const recipients = block.querySelector('.now-recipients')!;
    for (const r of answer.step.recipients) {
      expect(recipients.textContent).toContain(r.name);
      for (const c of r.contacts) expect(hrefs(recipients)).toContain(c.href);
    }
    // The links are the ones contactLink makes from the file, not anything the view built itself.
    const person = e.people[answer.step.recipients[0]!.id]!;
    const tel = contactLink(person.contact.find((m) => m.type === 'phone')!).href!;
    expect(tel).toMatch(/^tel:\+1973555/);
    expect(recipients.querySelector(`a[href="${tel}"]`)?.textContent).toContain('Call');
  });

  test('the next step is shown with its local time, and the branch change with when it happens', () => {
    const e = load(NIGHT);
    const answer = whoToCall(e, { priority: 'P1', openedAt: NIGHT }, NIGHT);
    if (!answer.ok || !answer.next || answer.branchChangesAt === null) throw new Error('expected a next step');
    const { getByTestId } = show(e, NIGHT);
    const next = getByTestId('now-priority-P1').querySelector('.now-next')!;
    expect(next.querySelector(`time[datetime="${new Date(answer.next.startsAt).toISOString()}"]`)?.textContent).toBe(formatLocal(answer.next.startsAt, 'America/New_York'));
    expect(next.textContent).toContain('in 15 min');
    for (const r of answer.next.recipients) expect(next.textContent).toContain(r.name);
    const branch = getByTestId('now-priority-P1').querySelector('.now-branch')!;
    expect(branch.textContent).toContain(formatLocal(answer.branchChangesAt, 'America/New_York'));
  });

  test('in business hours the business-hours step applies', () => {
    const e = load(DAY);
    const answer = whoToCall(e, { priority: 'P1', openedAt: DAY }, DAY);
    if (!answer.ok || !answer.step) throw new Error('expected a step');
    expect(answer.branch).toBe('business-hours');
    const block = show(e, DAY).getByTestId('now-priority-P1');
    expect(block.textContent).toContain('Business hours');
    const names = answer.step.recipients.map((r) => r.name);
    expect(names).toContain('Dana Lee');
    for (const n of names) expect(block.querySelector('.now-recipients')!.textContent).toContain(n);
  });

  test('priorities come in rank order and the most urgent is made prominent', () => {
    const e = load(NIGHT);
    const { getByTestId } = show(e, NIGHT);
    const ids = Array.from(getByTestId('view-now').querySelectorAll('[data-testid^="now-priority-"]')).map((n) => n.getAttribute('data-testid'));
    const ranked = Object.entries(e.priorities).sort(([, a], [, b]) => a.rank - b.rank).map(([id]) => `now-priority-${id}`);
    expect(ids).toEqual(ranked);
    expect(getByTestId(ranked[0]!).classList.contains('now-top')).toBe(true);
    expect(getByTestId(ranked[1]!).classList.contains('now-top')).toBe(false);
    expect(getByTestId('view-now').querySelectorAll('h1')).toHaveLength(1);
  });

  test('when no policy applies the reason whoToCall gives is shown', () => {
    const e = structuredClone(load(NIGHT));
    delete e.escalation['p4-low'];
    const answer = whoToCall(e, { priority: 'P4', openedAt: NIGHT }, NIGHT);
    if (answer.ok) throw new Error('expected no policy');
    expect(show(e, NIGHT).getByTestId('now-priority-P4').textContent).toContain(answer.reason);
  });

  test('on call now names the people onCallAt names, until the next handover, and who is next', () => {
    const e = load(NIGHT);
    const { getByTestId } = show(e, NIGHT);
    const section = getByTestId('now-oncall');
    for (const [sid, schedule] of Object.entries(e.oncall)) {
      const on = onCallAt(schedule, NIGHT);
      const block = getByTestId(`now-oncall-${sid}`);
      for (const p of on.people) expect(block.textContent).toContain(e.people[p]!.name);
      expect(section.contains(block)).toBe(true);
    }
    // OST NOC: Bilal Khan's week, then Chen Li takes over at the Monday 09:00 handoff.
    const noc = e.oncall['ost-noc']!;
    expect(onCallAt(noc, NIGHT).people).toEqual(['bkhan']);
    const handover = shifts(noc, NIGHT, NIGHT + MONTH).find((s) => s.people.join() !== 'bkhan')!;
    const block = getByTestId('now-oncall-ost-noc');
    expect(block.textContent).toContain('Bilal Khan');
    expect(block.textContent).toContain(`Next: ${e.people[handover.people[0]!]!.name}`);
    expect(block.querySelector(`time[datetime="${new Date(handover.from).toISOString()}"]`)).not.toBeNull();
    expect(hrefs(block)).toContain(contactLink(e.people.bkhan!.contact[0]!).href);
  });

  test('a method limited to hours is greyed at night with when it becomes usable', () => {
    const e = load(NIGHT);
    // Jane Doe covers Acme's after-hours rotation over Thanksgiving; her desk phone works business hours only.
    expect(onCallAt(e.oncall['acme-afterhours']!, NIGHT).people).toEqual(['jdoe']);
    const block = show(e, NIGHT).getByTestId('now-oncall-acme-afterhours');
    const desk = contactLink(e.people.jdoe!.contact.find((m) => m.label === 'desk')!).href!;
    const item = block.querySelector(`a[href="${desk}"]`)!.closest('li')!;
    expect(item.classList.contains('off')).toBe(true);
    expect(item.textContent).toContain('only during Acme business hours');
    // Business hours open again Monday 08:00 (Thanksgiving Friday is a holiday, the weekend is closed).
    expect(item.textContent).toContain('usable from Mon 2026-11-30 08:00 EST');
    const mobile = block.querySelector(`a[href="${contactLink(e.people.jdoe!.contact[0]!).href}"]`)!.closest('li')!;
    expect(mobile.classList.contains('off')).toBe(false);
  });

  test('a schedule with nobody on and no fallback says so', () => {
    const e = structuredClone(load(NIGHT));
    const noc = e.oncall['ost-noc']!;
    noc.layers = [];
    noc.overrides = [];
    delete noc.fallback;
    const block = show(e, NIGHT).getByTestId('now-oncall-ost-noc');
    expect(block.textContent).toContain('Nobody is on call');
  });

  test('axe finds no violations, by day and by night', async () => {
    expect(await axeViolations(<NowView id="acme-ost" engagement={load(NIGHT)} now={NIGHT} rest={[]} />)).toEqual([]);
    cleanup();
    expect(await axeViolations(<NowView id="acme-ost" engagement={load(DAY)} now={DAY} rest={[]} />)).toEqual([]);
  });
});
