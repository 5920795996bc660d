// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type Engagement, parseEngagement } from '../../core/index.ts';
import { RaciView } from '../../pwa/src/views/Raci.tsx';

const TEXT = readFileSync(fileURLToPath(import.meta.resolve('../../examples/acme-ost.yaml')), 'utf8');
/** Fri 2026-11-27 07:00 in New York: the day after Thanksgiving, a holiday of the business calendar. */
const NOW = Date.parse('2026-11-27T12:00:00Z');

function load(): Engagement {
  const r = parseEngagement(TEXT, { fileName: 'acme-ost.yaml', now: NOW });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return structuredClone(r.engagement);
}

function show(engagement: Engagement, rest: string[] = []) {
  return render(<RaciView id="acme-ost" engagement={engagement} now={NOW} rest={rest} />);
}

/** Activity ids of the standard rows on screen, in order. */
function rows(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('tbody tr.raci-row:not(.raci-after)')).map((r) => r.getAttribute('data-testid')!.slice('raci-'.length));
}

/** Column headers as shown: the holder's name, then (for a person) their party. */
function headers(root: HTMLElement): string[] {
  return Array.from(root.querySelectorAll('thead th')).map((th) => th.textContent ?? '');
}

/** The role letters in each cell of a row, by column header. */
function cells(root: HTMLElement, testId: string): Record<string, string> {
  const names = headers(root).slice(1);
  const tds = Array.from(root.querySelector(`[data-testid="${testId}"]`)!.querySelectorAll('td'));
  return Object.fromEntries(tds.map((td, i) => [names[i]!, td.getAttribute('data-roles') ?? '']).filter(([, r]) => r !== ''));
}

function pick(view: ReturnType<typeof show>, testId: string, value: string) {
  fireEvent.change(view.getByTestId(testId), { target: { value } });
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('RACI view', () => {
  test('one row per activity, in file order', () => {
    const e = load();
    const view = show(e);
    expect(rows(view.getByTestId('view-raci'))).toEqual(Object.keys(e.activities));
    expect(view.getByTestId('view-raci').querySelectorAll('h1')).toHaveLength(1);
  });

  test('the A of every row sits in the column of the party or person the file names, and only there', () => {
    const e = load();
    const view = show(e);
    const root = view.getByTestId('view-raci');
    for (const [aid, a] of Object.entries(e.activities)) {
      const accountable = Object.entries(a.raci).filter(([, roles]) => roles.includes('A')).map(([k]) => k);
      expect(accountable, aid).toHaveLength(1);
      const key = accountable[0]!;
      const name = e.parties[key]?.name ?? e.people[key]!.name;
      const withA = Object.entries(cells(root, `raci-${aid}`)).filter(([, r]) => r.includes('A'));
      expect(withA, aid).toHaveLength(1);
      expect(withA[0]![0].startsWith(name), `${aid}: ${withA[0]![0]} should be ${name}`).toBe(true);
    }
  });

  test('every cell holds exactly the letters of the file, R first', () => {
    const e = load();
    const root = show(e).getByTestId('view-raci');
    expect(cells(root, 'raci-lob-support')).toEqual({ 'Acme Internal IT': 'RA', 'On-Site Technology': 'C', 'Ledgerline ERP': 'S' });
    // `owner: ost` is shorthand for R and A.
    expect(cells(root, 'raci-wifi-switching')).toEqual({ 'Acme Internal IT': 'I', 'On-Site Technology': 'RA' });
  });

  test('people named in the matrix get their own column, labelled with their party', () => {
    const e = load();
    const root = show(e).getByTestId('view-raci');
    expect(headers(root)).toEqual(expect.arrayContaining(['Raj PatelAcme Corp leadership', 'Laura ChenAcme Corp leadership', 'Jane DoeAcme Internal IT']));
    expect(cells(root, 'raci-breach-notification')).toEqual({
      'Acme Internal IT': 'C', 'Raj PatelAcme Corp leadership': 'A', 'Laura ChenAcme Corp leadership': 'R', 'On-Site Technology': 'I', 'Sentry Harbor SOC': 'C',
    });
    expect(cells(root, 'raci-qbr-roadmap')).toEqual({
      'Jane DoeAcme Internal IT': 'R', 'Raj PatelAcme Corp leadership': 'A', 'Sofia GarciaOn-Site Technology': 'C', 'Michael OkaforOn-Site Technology': 'C',
    });
  });

  test('A and R are bold chips with the word for screen readers, not colour alone', () => {
    const root = show(load()).getByTestId('view-raci');
    const cell = root.querySelector('[data-testid="raci-lob-support"] td[data-roles="RA"]')!;
    const marks = Array.from(cell.querySelectorAll('.raci-role'));
    expect(marks.map((m) => m.className)).toEqual(['raci-role raci-role-r', 'raci-role raci-role-a']);
    expect(marks.map((m) => m.querySelector('[aria-hidden="true"]')!.textContent)).toEqual(['R', 'A']);
    expect(marks.map((m) => m.querySelector('.visually-hidden')!.textContent)).toEqual(['Responsible', 'Accountable']);
  });

  test('the party filter keeps only activities where the party holds a role, through its people too', () => {
    const e = load();
    const view = show(e);
    const root = view.getByTestId('view-raci');
    pick(view, 'raci-filter-party', 'metro');
    expect(rows(root)).toEqual(['firewall-change', 'isp-liaison']);
    pick(view, 'raci-filter-party', 'acme-exec');
    // rpatel and lchen (people of acme-exec) hold breach-notification and qbr-roadmap.
    expect(rows(root)).toEqual(['dr-plan', 'incident-containment', 'breach-notification', 'change-management', 'qbr-roadmap']);
    pick(view, 'raci-filter-party', 'rpatel');
    expect(rows(root)).toEqual(['breach-notification', 'qbr-roadmap']);
    expect(view.getByRole('status').textContent).toContain('2 of 29 activities');
  });

  test('party and role together: where Acme IT is Responsible', () => {
    const view = show(load());
    pick(view, 'raci-filter-party', 'acme-it');
    pick(view, 'raci-filter-role', 'R');
    // `owner: acme-it` (security-training, vendor-management) makes Acme IT R and A.
    expect(rows(view.getByTestId('view-raci'))).toEqual(['lob-support', 'security-training', 'vendor-management', 'qbr-roadmap']);
  });

  test('a role alone, the area and the name filter', () => {
    const view = show(load());
    const root = view.getByTestId('view-raci');
    pick(view, 'raci-filter-role', 'S');
    expect(rows(root)).toEqual(['lob-support', 'm365-admin', 'erp-upgrades', 'security-training']);
    pick(view, 'raci-filter-role', '');
    pick(view, 'raci-filter-area', 'network');
    expect(rows(root)).toEqual(['firewall-change', 'isp-liaison', 'wifi-switching']);
    pick(view, 'raci-filter-area', '');
    fireEvent.input(view.getByTestId('raci-filter-text'), { target: { value: 'PATCH' } });
    expect(rows(root)).toEqual(['endpoint-patching', 'server-patching']);
    fireEvent.input(view.getByTestId('raci-filter-text'), { target: { value: 'no such thing' } });
    expect(rows(root)).toEqual([]);
    expect(root.textContent).toContain('No activity matches');
    fireEvent.click(view.getByText('Clear filters'));
    expect(rows(root)).toHaveLength(29);
  });

  test('the after-hours variant shows under its activity, with its calendar, and says which one is in force now', () => {
    const e = load();
    const root = show(e).getByTestId('view-raci');
    const after = root.querySelector('[data-testid="raci-after-hours-p1-after-hours"]')!;
    expect(after.previousElementSibling?.getAttribute('data-testid')).toBe('raci-after-hours-p1');
    expect(after.querySelector('th')!.textContent).toContain('outside Acme business hours');
    expect(cells(root, 'raci-after-hours-p1-after-hours')).toEqual({ 'On-Site Technology': 'RA', 'Acme Internal IT': 'I' });
    expect(cells(root, 'raci-after-hours-p1')).toEqual({ 'On-Site Technology': 'R', 'Acme Internal IT': 'A' });
    // The 27th is a holiday of the business calendar: the after-hours variant is the one in force.
    expect(after.textContent).toContain('In force now');
    expect(root.querySelector('[data-testid="raci-after-hours-p1"]')!.textContent).not.toContain('In force now');
    expect(root.querySelectorAll('tr.raci-after')).toHaveLength(Object.values(e.activities).filter((a) => a.afterHours).length);
  });

  test('on a business day the standard variant is in force', () => {
    const monday = Date.parse('2026-11-30T15:00:00Z');
    const root = render(<RaciView id="acme-ost" engagement={load()} now={monday} rest={[]} />).getByTestId('view-raci');
    expect(root.querySelector('[data-testid="raci-after-hours-p1"]')!.textContent).toContain('In force now');
    expect(root.querySelector('[data-testid="raci-after-hours-p1-after-hours"]')!.textContent).not.toContain('In force now');
  });

  test('the after-hours RACI counts for the filters too', () => {
    const view = show(load());
    pick(view, 'raci-filter-party', 'acme-it');
    pick(view, 'raci-filter-role', 'I');
    // Acme IT is only Informed after hours in these two.
    expect(rows(view.getByTestId('view-raci'))).toEqual(expect.arrayContaining(['after-hours-p1', 'incident-containment', 'wifi-switching']));
  });

  test('a route to one activity highlights it and scrolls it into view, clearing filters that hid it', () => {
    const scrolled: Element[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this);
    });
    const e = load();
    const view = show(e, ['firewall-change']);
    const row = view.getByTestId('raci-firewall-change');
    expect(row.classList.contains('raci-target')).toBe(true);
    expect(row.getAttribute('aria-current')).toBe('true');
    expect(scrolled).toContain(row);
    pick(view, 'raci-filter-area', 'security');
    expect(view.queryByTestId('raci-firewall-change')).toBeNull();
    // Navigating to an activity the filters hide clears them.
    view.rerender(<RaciView id="acme-ost" engagement={e} now={NOW} rest={['isp-liaison']} />);
    expect(view.getByTestId('raci-isp-liaison').classList.contains('raci-target')).toBe(true);
    expect(scrolled.at(-1)).toBe(view.getByTestId('raci-isp-liaison'));
    expect(view.getByTestId('raci-firewall-change').classList.contains('raci-target')).toBe(false);
  });

  test('an unknown activity in the route says so', () => {
    expect(show(load(), ['nope']).getByTestId('view-raci').textContent).toContain('No activity “nope”');
  });

  test('the matrix scrolls inside a focusable, labelled region with a pinned activity column', () => {
    const root = show(load()).getByTestId('view-raci');
    const region = root.querySelector('.raci-scroll')!;
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.getAttribute('aria-label')).toMatch(/RACI/);
    expect(root.querySelectorAll('tbody th[scope="row"].raci-activity').length).toBeGreaterThan(29);
    expect(Array.from(root.querySelectorAll('thead th')).every((th) => th.getAttribute('scope') === 'col')).toBe(true);
  });

  test('axe finds nothing', async () => {
    document.documentElement.lang = 'en';
    document.title = 'Tandem';
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    render(<RaciView id="acme-ost" engagement={load()} now={NOW} rest={['isp-liaison']} />, { container: main });
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
