// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanup, render } from '@testing-library/preact';
import { axeViolations } from './axe.ts';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type Engagement, parseEngagement } from '../../core/index.ts';
import { formatLocal, shifts } from '../../core/escalation/index.ts';
import { EscalationView } from '../../pwa/src/views/Escalation.tsx';

const TEXT = readFileSync(fileURLToPath(import.meta.resolve('../../examples/acme-ost.yaml')), 'utf8');
/** Sat 2026-11-28 02:00 in New York. */
const NOW = Date.parse('2026-11-28T07:00:00Z');
const MONTH = 30 * 86_400_000;

function load(): Engagement {
  const r = parseEngagement(TEXT, { fileName: 'acme-ost.yaml', now: NOW });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return structuredClone(r.engagement);
}

function show(engagement: Engagement, rest: string[] = [], now = NOW) {
  return render(<EscalationView id="acme-ost" engagement={engagement} now={now} rest={rest} />);
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Escalation view', () => {
  test('every policy shows what it applies to, its clock, its steps with names and the after-hours branch', () => {
    const e = load();
    const view = show(e);
    for (const [pid, policy] of Object.entries(e.escalation)) {
      const card = view.getByTestId(`policy-${pid}`);
      expect(card.querySelector('h3')!.textContent).toBe(policy.name ?? pid);
      const steps = card.querySelectorAll('ol.esc-steps');
      expect(steps).toHaveLength(policy.afterHours ? 2 : 1);
      expect(steps[0]!.children).toHaveLength(policy.steps.length);
      if (policy.afterHours) expect(steps[1]!.children).toHaveLength(policy.afterHours.length);
    }
    const p1 = view.getByTestId('policy-p1-critical');
    const [day, night] = Array.from(p1.querySelectorAll('ol.esc-steps'));
    expect(p1.textContent).toContain('P1 Critical');
    expect(p1.textContent).toContain('wall clock');
    expect(p1.textContent).toContain('Outside Acme business hours');
    expect(p1.textContent).toContain('3 more times');
    expect(day!.children[0]!.textContent).toContain('at once');
    expect(day!.children[0]!.textContent).toContain('on call: OST NOC on-call');
    expect(day!.children[0]!.textContent).toContain('Dana Lee');
    expect(day!.children[1]!.textContent).toContain('after 15 min');
    expect(day!.children[1]!.textContent).toContain('Jane Doe');
    expect(day!.children[3]!.textContent).toContain('after 1 h');
    expect(day!.children[3]!.textContent).toContain(e.escalation['p1-critical']!.steps[3]!.say!);
    expect(night!.children[1]!.textContent).toContain('on call: Acme IT after-hours (P1 only)');
    expect(night!.querySelector('a[href="#/acme-ost/escalation/acme-afterhours"]')).not.toBeNull();
    expect(view.getByTestId('policy-p3-normal').textContent).toContain('business time');
    expect(view.getByTestId('policy-security-incident').textContent).toContain('Security incident response (containment)');
    // A party target names the party.
    expect(view.getByTestId('policy-p2-high').querySelector('a[href="#/acme-ost/contacts/ost"]')?.textContent).toBe('On-Site Technology');
  });

  test('the 30-day schedule lists exactly the shift boundaries core computes, grouped by local day', () => {
    const e = load();
    const view = show(e);
    for (const [sid, schedule] of Object.entries(e.oncall)) {
      const expected = shifts(schedule, NOW, NOW + MONTH);
      const list = view.getByTestId(`shifts-${sid}`);
      const rows = Array.from(list.querySelectorAll('li[data-from]'));
      expect(rows.map((r) => Number(r.getAttribute('data-from')))).toEqual(expected.map((s) => s.from));
      expect(rows.map((r) => Number(r.getAttribute('data-to')))).toEqual(expected.map((s) => s.to));
      const iso = (ms: number) => new Date(ms).toISOString();
      rows.forEach((r, i) => {
        const times = Array.from(r.querySelectorAll('time')).map((t) => t.getAttribute('datetime'));
        expect(times).toEqual([iso(expected[i]!.from), iso(expected[i]!.to)]);
      });
      // Each shift's end reads in the schedule's zone: the full date when it ends on another day.
      const last = rows.at(-1)!;
      expect(last.textContent).toContain(formatLocal(expected.at(-1)!.to, schedule.timeZone));
      const days = new Set(expected.map((s) => formatLocal(s.from, schedule.timeZone).slice(0, 14)));
      expect(Array.from(list.querySelectorAll('.esc-day-name')).map((d) => d.textContent)).toEqual([...days]);
    }
    const noc = view.getByTestId('shifts-ost-noc');
    expect(noc.textContent).toContain('Dana Lee (override: Christmas');
    expect(view.getByTestId('shifts-acme-afterhours').textContent).toContain('Jane Doe (fallback)');
  });

  test('schedules show layers, overrides and fallback', () => {
    const e = load();
    const card = show(e).getByTestId('schedule-acme-afterhours');
    expect(card.textContent).toContain('Marco Reyes → Tina Nguyen');
    expect(card.textContent).toContain('1 week shifts');
    expect(card.textContent).toContain('mon–fri 18:00–24:00');
    expect(card.textContent).toContain('Thanksgiving weekend');
    expect(card.textContent).toContain('in force');
    expect(card.querySelector('a[href="#/acme-ost/contacts/jdoe"]')).not.toBeNull();
  });

  test('a schedule without fallback shows its gaps as nobody on call', () => {
    const e = load();
    delete e.oncall['acme-afterhours']!.fallback;
    const card = show(e).getByTestId('schedule-acme-afterhours');
    expect(card.textContent).toContain('No fallback');
    expect(card.querySelectorAll('li.esc-shift.nobody').length).toBe(
      shifts(e.oncall['acme-afterhours']!, NOW, NOW + MONTH).filter((s) => s.source === 'nobody').length,
    );
    expect(card.querySelectorAll('li.esc-shift.nobody').length).toBeGreaterThan(0);
  });

  test('a policy or schedule named in the route is highlighted and scrolled to', () => {
    const scrolled: Element[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this);
    });
    const view = show(load(), ['acme-afterhours']);
    const card = view.getByTestId('schedule-acme-afterhours');
    expect(card.classList.contains('anchor-target')).toBe(true);
    expect(scrolled).toEqual([card]);
    cleanup();
    const policy = show(load(), ['p2-high']).getByTestId('policy-p2-high');
    expect(policy.classList.contains('anchor-target')).toBe(true);
    expect(scrolled.at(-1)).toBe(policy);
    cleanup();
    expect(show(load(), ['nope']).getByTestId('view-escalation').textContent).toContain("No escalation policy or on-call schedule 'nope'");
  });

  test('axe finds no violations', async () => {
    expect(await axeViolations(<EscalationView id="acme-ost" engagement={load()} now={NOW} rest={['ost-noc']} />)).toEqual([]);
  });
});
