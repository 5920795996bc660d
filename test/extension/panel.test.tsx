// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createHost, HOST_TAG_PREFIX, type PanelHost } from '../../extension/content/host.ts';
import { createPanelView, Panel, type PanelProps } from '../../extension/content/Panel.tsx';
import type { Corner } from '../../extension/shared/messages.ts';
import type { ClockView, PanelModel } from '../../extension/shared/panel-model.ts';
import { HOST_PREFIX } from '../e2e/support/shadow.ts';

/** What the panel shows: text nodes and the data-t attributes its CSS paints (see T in Panel.tsx), in order. */
function shown(el: Node | null | undefined): string {
  if (!el) return '';
  if (el.nodeType === 3) return el.nodeValue ?? '';
  if (el.nodeType !== 1 && el.nodeType !== 9 && el.nodeType !== 11) return '';
  const e = el as Element;
  if (e.localName === 'style') return '';
  return (e.getAttribute?.('data-t') ?? '') + [...el.childNodes].map(shown).join('');
}

const NOW = Date.parse('2026-12-01T15:00:00Z');
const MIN = 60_000;
const HOUR = 3_600_000;
const HOSTILE = '<img src=x onerror="alert(1)">';

type OkModel = Extract<PanelModel, { ok: true }>;

function clock(over: Partial<ClockView>): ClockView {
  return {
    policy: 'joint',
    policyName: 'Joint SLA',
    kind: 'SLA',
    between: 'OST → Acme',
    metric: 'resolution',
    state: 'running',
    paused: false,
    breachAt: NOW + 5 * HOUR,
    breachedAt: null,
    remainingMs: 5 * HOUR,
    target: '8 h on Business hours (New York)',
    ...over,
  };
}

function model(over: Partial<OkModel> = {}): OkModel {
  return {
    ok: true,
    ticketId: '4711',
    engagement: { id: 'acme-ost', title: 'Acme × OST co-managed IT' },
    matchedBy: "organization is 'Acme Corp'",
    priority: { id: 'P2', name: 'High' },
    status: 'open',
    activity: { id: 'helpdesk-t1', name: 'Helpdesk tier 1' },
    rule: "rule 3: category matches 'Network*'",
    owners: [
      { role: 'R', kind: 'party', id: 'ost', name: 'OST Service Desk' },
      { role: 'R', kind: 'person', id: 'jane', name: 'Jane Doe', party: 'OST' },
      { role: 'A', kind: 'person', id: 'kim', name: 'Kim Lee', party: 'Acme IT' },
    ],
    clocks: [
      clock({ metric: 'first_response', breachAt: NOW + 2 * HOUR + 10 * MIN, remainingMs: 2 * HOUR + 10 * MIN }),
      clock({ metric: 'next_response', breachAt: NOW + 45 * MIN }),
      clock({ metric: 'resolution', state: 'breached', breachAt: NOW - 15 * MIN, breachedAt: NOW - 15 * MIN, remainingMs: -15 * MIN }),
      clock({ policy: 'handoff', policyName: 'Handoff OLA', kind: 'OLA', between: 'Acme IT → OST', metric: 'first_response', breachAt: NOW + 20 * MIN }),
      clock({ policy: 'handoff', policyName: 'Handoff OLA', kind: 'OLA', between: 'Acme IT → OST', metric: 'resolution', state: 'paused', paused: true, breachAt: null, remainingMs: 90 * MIN }),
      clock({ policy: 'handoff', policyName: 'Handoff OLA', kind: 'OLA', between: 'Acme IT → OST', metric: 'next_response', state: 'met', breachAt: null }),
    ],
    native: [
      { metric: 'first_response', label: 'Time to first reply', dueAt: NOW + 2 * HOUR + 10 * MIN + 30_000 },
      { metric: 'resolution', label: 'Full resolution time', dueAt: NOW + 3 * HOUR },
    ],
    escalation: {
      ok: true,
      policy: 'standard',
      branch: 'business-hours',
      now: {
        number: 1,
        startsAt: NOW - HOUR,
        startsAtText: 'Tue 2026-12-01 09:00 EST',
        say: 'Ticket 4711 for Acme is about to breach.',
        people: [
          {
            name: 'Jane Doe',
            title: 'Service desk lead',
            party: 'OST',
            contacts: [
              { type: 'phone', text: '+1 212 555 0100', href: 'tel:+12125550100' },
              { type: 'email', text: 'jane@ost.example', href: 'mailto:jane@ost.example' },
              { type: 'url', text: 'evil', href: 'javascript:alert(1)' },
              { type: 'teams', text: 'jane@ost.example', href: null },
            ],
          },
        ],
      },
      next: {
        number: 2,
        startsAt: NOW + HOUR,
        startsAtText: 'Tue 2026-12-01 11:00 EST',
        people: [{ name: 'Sam Roe', party: 'OST', contacts: [{ type: 'phone', text: '+1 212 555 0199', href: 'tel:+12125550199' }] }],
      },
    },
    notes: ['created time not found: clocks start at first sight'],
    health: [
      { field: 'id', source: 'url' },
      { field: 'priority', source: 'api' },
      { field: 'status', source: 'api' },
      { field: 'category', source: 'missing' },
    ],
    computedAt: NOW,
    ...over,
  };
}

function show(m: PanelModel, over: Partial<PanelProps> = {}) {
  const props: PanelProps = {
    content: { kind: 'model', model: m },
    helpdesk: 'Zendesk',
    corner: 'bottom-right',
    collapsed: false,
    onMove: () => {},
    onToggle: () => {},
    ...over,
  };
  return render(<Panel {...props} />);
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  document.documentElement.querySelectorAll('*').forEach((el) => {
    if (el.localName.startsWith(HOST_TAG_PREFIX)) el.remove();
  });
});

describe('Panel renders the view model', () => {
  test('header: ticket, engagement, priority and status', () => {
    vi.useFakeTimers({ now: NOW });
    const { getByTestId } = show(model());
    const panel = getByTestId('panel');
    expect(shown(panel)).toContain('#4711');
    expect(shown(panel)).toContain('Acme × OST co-managed IT');
    expect(shown(panel)).toContain('Priority High');
    expect(shown(panel)).toContain('open');
  });

  test('ownership: R and A holders, parties and people, and why', () => {
    vi.useFakeTimers({ now: NOW });
    const owner = show(model()).getByTestId('owner');
    const dds = owner.querySelectorAll('dd');
    expect(shown(dds[0])).toBe('OST Service Desk, Jane Doe (OST)');
    expect(shown(dds[1])).toBe('Kim Lee (Acme IT)');
    expect(shown(owner)).toContain("rule 3: category matches 'Network*'");
    expect(shown(owner)).toContain("organization is 'Acme Corp'");
  });

  test('clocks: one cell per policy and metric, with state chip and countdown', () => {
    vi.useFakeTimers({ now: NOW });
    const { getByTestId, queryByTestId, container } = show(model());
    const cell = (id: string) => getByTestId(`clock-${id}`);
    expect(shown(cell('joint-first_response'))).toContain('ok');
    expect(shown(cell('joint-first_response'))).toContain('2 h 10 min');
    expect(shown(cell('joint-next_response'))).toContain('under 1 h');
    expect(shown(cell('joint-next_response'))).toContain('45 min');
    expect(shown(cell('joint-resolution'))).toContain('breached');
    expect(shown(cell('joint-resolution'))).toContain('−15 min');
    expect(shown(cell('handoff-first_response'))).toContain('under 30 min');
    expect(cell('handoff-first_response').className).toContain('danger');
    expect(shown(cell('handoff-resolution'))).toContain('paused');
    expect(shown(cell('handoff-resolution'))).toContain('1 h 30 min');
    expect(shown(cell('handoff-next_response'))).toContain('met');
    expect(queryByTestId('clock-joint-periodic_update')).toBeNull();
    // SLA and OLA side by side: one column each, SLA first.
    const heads = [...container.querySelectorAll('thead th')].map((th) => shown(th));
    expect(heads[1]).toContain('Joint SLA');
    expect(heads[2]).toContain('Handoff OLA');
  });

  test('the countdown ticks locally every second', () => {
    vi.useFakeTimers({ now: NOW });
    const { getByTestId } = show(model());
    expect(shown(getByTestId('clock-joint-next_response'))).toContain('45 min');
    // act() flushes Preact's effect (the ticker subscription) and the re-renders each tick schedules.
    act(() => {
      vi.advanceTimersByTime(16 * MIN + 10);
    });
    const cell = getByTestId('clock-joint-next_response');
    // 45 min − 16 min, truncated to whole minutes: never more time than is left.
    expect(shown(cell)).toContain('28 min');
    expect(shown(cell)).toContain('under 30 min');
    expect(shown(getByTestId('clock-joint-resolution'))).toContain('−31 min');
  });

  test("the helpdesk's own due times are a separate group; a gap over a minute is flagged", () => {
    vi.useFakeTimers({ now: NOW });
    const native = show(model()).getByTestId('native');
    expect(shown(native.querySelector('h3'))).toBe('Zendesk says');
    const items = native.querySelectorAll('li');
    expect(shown(items[0])).toMatch(/^Time to first reply: due \d\d:\d\d$/);
    expect(items[0]?.querySelector('[data-testid="native-disagree"]')).toBeNull();
    // Ours is breached (due 15 min ago); Zendesk says 3 h from now.
    expect(shown(items[1]?.querySelector('[data-testid="native-disagree"]'))).toContain('3 h 15 min later than ours');
  });

  test('escalation: who now with links, the say text, the next step at its local time', () => {
    vi.useFakeTimers({ now: NOW });
    const esc = show(model()).getByTestId('escalation');
    expect(shown(esc)).toContain('Call now (step 1)');
    expect(shown(esc)).toContain('Jane Doe');
    expect(shown(esc)).toContain('Say: Ticket 4711 for Acme is about to breach.');
    expect(shown(esc)).toContain('Next: step 2 at Tue 2026-12-01 11:00 EST');
    expect(shown(esc)).toContain('Sam Roe');
    const hrefs = [...esc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['tel:+12125550100', 'mailto:jane@ost.example']);
    // The unsafe link and the link-less method still show their text, as text.
    expect(shown(esc)).toContain('url: evil');
    expect(shown(esc)).toContain('teams: jane@ost.example');
  });

  test('notes and a compact health line', () => {
    vi.useFakeTimers({ now: NOW });
    const { getByTestId, container } = show(model());
    expect(shown(container)).toContain('created time not found: clocks start at first sight');
    expect(shown(getByTestId('health'))).toBe('Fields: 3 found · missing: category');
  });

  test('engagement text is painted from attributes, never DOM text that window.find() could search', () => {
    vi.useFakeTimers({ now: NOW });
    const { container } = show(model());
    const secrets = ['Jane Doe', 'OST Service Desk', 'Kim Lee', 'Acme × OST', '+1 212 555 0100', 'jane@ost.example', 'about to breach', 'Network*', 'Joint SLA', '2 h 10 min'];
    for (const secret of secrets) {
      expect(shown(container)).toContain(secret);
      expect(container.textContent).not.toContain(secret);
    }
  });

  test('a ticket that cannot be placed says why in one line', () => {
    const { getByTestId, queryByTestId } = show({ ok: false, reason: "priority 'Urgent' is not mapped", ticketId: '99' });
    expect(shown(getByTestId('reason'))).toBe("priority 'Urgent' is not mapped");
    expect(shown(getByTestId('panel'))).toContain('#99');
    expect(queryByTestId('owner')).toBeNull();
  });

  test('hostile strings render as text and unsafe hrefs never become links', () => {
    vi.useFakeTimers({ now: NOW });
    const m = model({
      engagement: { id: 'x', title: HOSTILE },
      rule: HOSTILE,
      owners: [{ role: 'R', kind: 'party', id: 'x', name: HOSTILE }],
      notes: [HOSTILE],
      clocks: [clock({ policyName: HOSTILE, between: HOSTILE })],
      escalation: {
        ok: true,
        policy: 'p',
        branch: 'all-hours',
        now: {
          number: 1,
          startsAt: NOW,
          startsAtText: HOSTILE,
          say: HOSTILE,
          people: [
            {
              name: HOSTILE,
              contacts: [
                { type: 'url', text: HOSTILE, href: 'javascript:alert(1)' },
                { type: 'url', text: 'data', href: 'data:text/html,<script>alert(1)</script>' },
                { type: 'url', text: 'vb', href: ' JAVASCRIPT:alert(1)' },
              ],
            },
          ],
        },
        next: null,
      },
    });
    const { container } = show(m);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(shown(container)).toContain(HOSTILE);
  });
});

describe('collapse and move', () => {
  test('collapsed shows a pill with the most urgent countdown; the button expands it', () => {
    vi.useFakeTimers({ now: NOW });
    const onToggle = vi.fn();
    const { getByTestId, getByRole, queryByTestId } = show(model(), { collapsed: true, onToggle });
    const pill = getByRole('button');
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    expect(shown(pill)).toContain('−15 min');
    expect(shown(pill)).toContain('Resolution');
    expect(queryByTestId('owner')).toBeNull();
    expect(getByTestId('panel').className).toContain('collapsed');
    fireEvent.click(pill);
    expect(onToggle).toHaveBeenCalledOnce();
  });

  test('corner buttons are real buttons with labels; the current corner is pressed', () => {
    vi.useFakeTimers({ now: NOW });
    const onMove = vi.fn();
    const { getByLabelText, getByTestId } = show(model(), { corner: 'top-left', onMove });
    expect(getByTestId('panel').className).toContain('top-left');
    expect(getByLabelText('Move to the top left corner').getAttribute('aria-pressed')).toBe('true');
    const target = getByLabelText('Move to the bottom right corner');
    expect(target.tagName).toBe('BUTTON');
    fireEvent.click(target);
    expect(onMove).toHaveBeenCalledWith('bottom-right');
  });

  test("keys pressed in the panel do not reach the page's shortcuts; Escape collapses", () => {
    vi.useFakeTimers({ now: NOW });
    const onToggle = vi.fn();
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    try {
      const { getByLabelText } = show(model(), { onToggle });
      const button = getByLabelText('Collapse the Tandem panel');
      fireEvent.keyDown(button, { key: 'j' });
      fireEvent.keyDown(button, { key: 'Escape' });
      expect(pageKeys).not.toHaveBeenCalled();
      expect(onToggle).toHaveBeenCalledOnce();
    } finally {
      document.removeEventListener('keydown', pageKeys);
    }
  });
});

/** A host whose mount the test can read (the real one is a closed shadow root). */
function testHost(): { host: PanelHost; mount: HTMLElement; removed: () => boolean } {
  const mount = document.createElement('div');
  document.body.append(mount);
  let removed = false;
  return {
    mount,
    removed: () => removed,
    host: {
      mount,
      setStyle: () => {},
      get attached() {
        return mount.isConnected;
      },
      remove: () => {
        removed = true;
        mount.remove();
      },
    },
  };
}

describe('createPanelView', () => {
  test('moving and collapsing redraw and report the state to persist', () => {
    vi.useFakeTimers({ now: NOW });
    const t = testHost();
    const states: Array<{ corner: Corner; collapsed: boolean }> = [];
    const view = createPanelView({ onStateChange: (s) => states.push(s), createHost: () => t.host });
    view.setState('top-right', false);
    view.show(model(), 'zendesk');
    const panel = () => t.mount.querySelector('[data-testid="panel"]')!;
    expect(panel().className).toContain('top-right');
    fireEvent.click(t.mount.querySelector('[aria-label="Move to the bottom left corner"]')!);
    expect(panel().className).toContain('bottom-left');
    act(() => {
      fireEvent.click(t.mount.querySelector('[aria-label="Collapse the Tandem panel"]')!);
    });
    expect(panel().className).toContain('collapsed');
    // Focus follows the toggle, so a keyboard user can expand again at once.
    expect(document.activeElement).toBe(t.mount.querySelector('.pill'));
    expect(states).toEqual([
      { corner: 'bottom-left', collapsed: false },
      { corner: 'bottom-left', collapsed: true },
    ]);
    expect(view.ticketId).toBe('4711');
    view.hide();
    expect(t.removed()).toBe(true);
    expect(view.visible).toBe(false);
  });

  test('the helpdesk name labels its own due times', () => {
    vi.useFakeTimers({ now: NOW });
    const t = testHost();
    const view = createPanelView({ onStateChange: () => {}, createHost: () => t.host });
    view.show(model(), 'jira');
    expect(shown(t.mount.querySelector('[data-testid="native"] h3'))).toBe('Jira says');
    view.hide();
  });

  test('with the real host, no engagement data is visible outside the closed shadow root', () => {
    vi.useFakeTimers({ now: NOW });
    const view = createPanelView({ onStateChange: () => {} });
    view.show(model(), 'zendesk');
    const hosts = [...document.documentElement.children].filter((el) => el.localName.startsWith(HOST_TAG_PREFIX));
    expect(hosts).toHaveLength(1);
    const host = hosts[0]!;
    expect(host.shadowRoot).toBeNull();
    expect(host.attributes).toHaveLength(0);
    expect(host.childNodes).toHaveLength(0);
    expect(document.documentElement.outerHTML).not.toContain('Acme');
    expect(shown(document.documentElement)).not.toContain('Jane Doe');
    view.hide();
    expect(host.isConnected).toBe(false);
  });
});

describe('host element', () => {
  const ours = () => [...document.documentElement.children].filter((el) => el.localName.startsWith(HOST_TAG_PREFIX));

  test('one attribute-less element on <html> with a closed shadow root', () => {
    const h = createHost(document);
    const [el, ...rest] = ours();
    expect(rest).toHaveLength(0);
    expect(el?.parentElement).toBe(document.documentElement);
    expect(el?.shadowRoot).toBeNull();
    expect(el?.attributes).toHaveLength(0);
    expect(el?.childNodes).toHaveLength(0);
    // The mount lives in a shadow root nobody else holds.
    expect(h.mount.getRootNode()).not.toBe(document);
    expect(h.mount.getRootNode()).toBeInstanceOf(ShadowRoot);
    h.remove();
  });

  test('the e2e helper looks for the same tag prefix', () => {
    expect(HOST_PREFIX).toBe(HOST_TAG_PREFIX);
  });

  test('the tag differs per page load, so a page cannot pre-register it', () => {
    const a = createHost(document);
    const b = createHost(document);
    const [x, y] = ours();
    expect(x?.localName).not.toBe(y?.localName);
    a.remove();
    b.remove();
  });

  test('re-attached after the page removes it; gone for good after remove()', async () => {
    const h = createHost(document);
    const el = ours()[0]!;
    el.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(el.isConnected).toBe(true);
    expect(h.attached).toBe(true);
    h.remove();
    await new Promise((r) => setTimeout(r, 0));
    expect(el.isConnected).toBe(false);
    expect(ours()).toHaveLength(0);
  });

  test('a page that keeps removing it wins after a while instead of starting a loop', async () => {
    const h = createHost(document);
    const el = ours()[0]!;
    let reattached = 0;
    for (let i = 0; i < 50; i++) {
      el.remove();
      await new Promise((r) => setTimeout(r, 0));
      if (el.isConnected) reattached++;
    }
    expect(reattached).toBeGreaterThan(5);
    expect(reattached).toBeLessThan(50);
    h.remove();
  });
});
