// The panel on the ticket page. It only displays the view model the background computed; the one thing it
// computes itself is the countdown, from breachAt and the local clock. Every string is untrusted (engagement and
// page text); the only hrefs are the model's contact links, re-checked here.
//
// Data is shown through <T>: the text is an attribute painted by CSS generated content, not a DOM text node. A
// closed shadow root hides nodes from page scripts, but window.find() and find-in-page search its text, and a page
// can use find() as an oracle to read text out a character at a time; generated content is not searched. Screen
// readers still read it. Only our own fixed words (headings, button labels) are DOM text.
import { render, type RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HelpdeskType } from '../../core/engagement/types.ts';
import type { Corner } from '../shared/messages.ts';
import type { ClockView, Holder, PanelModel, PersonToCall, StepToCall } from '../shared/panel-model.ts';
import type { FieldHealth, NativeSla } from '../shared/ticket.ts';
import { clockDisplay, disagreement, formatCountdown, formatDue, mostUrgent, ticker } from './countdown.ts';
import { createHost, type PanelHost } from './host.ts';
import css from './panel.css?inline';
import { safeHref } from '../../core/escalation/href.ts';

export type PanelContent = { kind: 'loading'; ticketId: string } | { kind: 'model'; model: PanelModel };

export interface PanelProps {
  content: PanelContent;
  /** The helpdesk's name, for its own due times ("Zendesk says"). */
  helpdesk: string;
  corner: Corner;
  collapsed: boolean;
  onMove(corner: Corner): void;
  onToggle(): void;
}

export const HELPDESK_NAMES: Record<HelpdeskType, string> = {
  zendesk: 'Zendesk', servicenow: 'ServiceNow', jira: 'Jira', freshservice: 'Freshservice', freshdesk: 'Freshdesk',
  halopsa: 'HaloPSA', connectwise: 'ConnectWise', autotask: 'Autotask', zammad: 'Zammad', osticket: 'osTicket',
  glpi: 'GLPI', generic: 'The helpdesk',
};

const CORNERS: Array<[Corner, string, string]> = [
  ['top-left', '↖', 'Move to the top left corner'],
  ['top-right', '↗', 'Move to the top right corner'],
  ['bottom-left', '↙', 'Move to the bottom left corner'],
  ['bottom-right', '↘', 'Move to the bottom right corner'],
];
const METRICS: Array<[ClockView['metric'], string]> = [
  ['first_response', 'First response'],
  ['next_response', 'Next response'],
  ['resolution', 'Resolution'],
];
const KIND_ORDER: Record<ClockView['kind'], number> = { SLA: 0, OLA: 1, UC: 2 };
/** Engagement or ticket text, painted from data-t by `.t::before { content: attr(data-t) }`; never a text node. */
function T({ s, class: extra, testid }: { s: string; class?: string; testid?: string }) {
  return <span class={extra ? `t ${extra}` : 't'} data-t={s} data-testid={testid} />;
}

/** Re-renders its user once a second; every countdown on the page shares one timer. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => ticker.subscribe(setNow), []);
  return now;
}

export function Panel(props: PanelProps) {
  const { content, corner, collapsed } = props;
  // The toggle button is replaced when the panel collapses or expands: focus follows it to its counterpart, so a
  // keyboard user is not dropped back at the top of the page.
  const toggleRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const toggle = () => {
    refocus.current = true;
    props.onToggle();
  };
  useEffect(() => {
    if (!refocus.current) return;
    refocus.current = false;
    toggleRef.current?.focus();
  }, [collapsed]);
  // Keys typed in our panel must not reach the helpdesk's own keyboard shortcuts.
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape' && !collapsed) toggle();
  };
  const stop = (e: Event) => e.stopPropagation();
  return (
    <aside
      class={`panel ${corner}${collapsed ? ' collapsed' : ''}`}
      data-testid="panel"
      aria-label="Tandem"
      onKeyDown={onKeyDown}
      onKeyUp={stop}
      onKeyPress={stop}
    >
      {collapsed ? <Pill content={content} onToggle={toggle} toggleRef={toggleRef} /> : <Expanded {...props} onToggle={toggle} toggleRef={toggleRef} />}
    </aside>
  );
}

type ToggleRef = { toggleRef: RefObject<HTMLButtonElement | null> };

function Pill({ content, onToggle, toggleRef }: { content: PanelContent; onToggle(): void } & ToggleRef) {
  const now = useNow();
  const model = content.kind === 'model' ? content.model : null;
  const urgent = model?.ok ? mostUrgent(model.clocks, now) : null;
  const id = content.kind === 'loading' ? content.ticketId : model?.ticketId;
  return (
    <button type="button" class="pill" ref={toggleRef} aria-expanded="false" onClick={onToggle} title="Show the Tandem panel">
      <span class="brand">Tandem</span>
      {urgent ? (
        <>
          <T class={`chip ${urgent.display.tone}`} s={urgent.display.time ?? ''} />
          <span>{metricName(urgent.clock.metric)}</span>
        </>
      ) : (
        id && <T class="ticket-id" s={`#${id}`} />
      )}
      <span class="vh">(expand)</span>
    </button>
  );
}

function Expanded({ content, helpdesk, corner, onMove, onToggle, toggleRef }: PanelProps & ToggleRef) {
  const model = content.kind === 'model' ? content.model : null;
  const ticketId = content.kind === 'loading' ? content.ticketId : (model?.ticketId ?? null);
  return (
    <>
      <div class="head">
        <div class="head-row">
          <span class="brand">Tandem</span>
          {ticketId && <T class="ticket-id" s={`#${ticketId}`} />}
          <span class="head-controls">
            <span class="corners" role="group" aria-label="Panel position">
              {CORNERS.map(([c, arrow, label]) => (
                <button type="button" key={c} aria-label={label} aria-pressed={c === corner} onClick={() => onMove(c)}>
                  {arrow}
                </button>
              ))}
            </span>
            <button type="button" ref={toggleRef} aria-expanded="true" aria-label="Collapse the Tandem panel" onClick={onToggle}>
              –
            </button>
          </span>
        </div>
        {model?.ok && (
          <>
            <div class="head-title">
              <T s={model.engagement.title} />
            </div>
            <div class="meta">
              {model.priority && <T class="chip" s={`Priority ${model.priority.name}`} />}
              {model.status && <T class="chip" s={model.status} />}
              <T class="chip" s={model.activity.name} />
            </div>
          </>
        )}
      </div>
      {content.kind === 'loading' ? (
        <p class="reason" aria-live="polite">Reading the ticket…</p>
      ) : model && !model.ok ? (
        <>
          <p class="reason" data-testid="reason" aria-live="polite">
            <T s={model.reason} />
          </p>
          {model.health && model.health.length > 0 && <HealthLine health={model.health} />}
        </>
      ) : (
        model?.ok && <Body model={model} helpdesk={helpdesk} />
      )}
    </>
  );
}

function Body({ model, helpdesk }: { model: Extract<PanelModel, { ok: true }>; helpdesk: string }) {
  return (
    <>
      <Owners owners={model.owners} rule={model.rule} matchedBy={model.matchedBy} />
      <Clocks clocks={model.clocks} native={model.native} helpdesk={helpdesk} />
      <Escalation escalation={model.escalation} />
      {(model.notes.length > 0 || model.health.length > 0) && (
        <section aria-label="Notes">
          {model.notes.length > 0 && (
            <ul class="notes">
              {model.notes.map((n, i) => (
                <li key={i}>
                  <T s={n} />
                </li>
              ))}
            </ul>
          )}
          {model.health.length > 0 && <HealthLine health={model.health} />}
        </section>
      )}
    </>
  );
}

function holderText(h: Holder): string {
  return h.kind === 'person' && h.party ? `${h.name} (${h.party})` : h.name;
}

function Owners({ owners, rule, matchedBy }: { owners: Holder[]; rule: string; matchedBy: string }) {
  const of = (role: Holder['role']) => owners.filter((h) => h.role === role).map(holderText).join(', ') || '—';
  return (
    <section data-testid="owner" aria-labelledby="tandem-owners">
      <h2 id="tandem-owners">Ownership</h2>
      <dl class="owners">
        <dt title="Responsible">R</dt>
        <dd>
          <T s={of('R')} />
        </dd>
        <dt title="Accountable">A</dt>
        <dd>
          <T s={of('A')} />
        </dd>
      </dl>
      <p class="why">
        <T s={`Why: ${rule}${matchedBy ? ` · engagement matched by ${matchedBy}` : ''}`} />
      </p>
    </section>
  );
}

interface PolicyColumn {
  policy: string;
  name: string;
  kind: ClockView['kind'];
  between: string;
}

function columns(clocks: ClockView[]): PolicyColumn[] {
  const seen = new Map<string, PolicyColumn>();
  for (const c of clocks) {
    if (!seen.has(c.policy)) seen.set(c.policy, { policy: c.policy, name: c.policyName, kind: c.kind, between: c.between });
  }
  // SLA first, then OLA and UC: the contract beside the internal agreement that backs it.
  return [...seen.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

function metricName(metric: string): string {
  return METRICS.find(([m]) => m === metric)?.[1] ?? metric.replace(/_/g, ' ');
}

function Clocks({ clocks, native, helpdesk }: { clocks: ClockView[]; native: NativeSla[]; helpdesk: string }) {
  const now = useNow();
  const cols = columns(clocks);
  const rows = METRICS.filter(([m]) => clocks.some((c) => c.metric === m));
  return (
    <section aria-labelledby="tandem-clocks">
      <h2 id="tandem-clocks">SLA clocks</h2>
      {clocks.length === 0 ? (
        <p class="muted">No SLA applies to this ticket.</p>
      ) : (
        <div class="clocks-scroll" {...(cols.length > 2 ? { tabIndex: 0, 'aria-label': 'SLA clocks, scrolls sideways' } : {})}>
          {/* Past two policies the columns get too narrow to read: the table scrolls sideways inside its box instead. */}
          <table class="clocks" style={cols.length > 2 ? { minWidth: `${110 + cols.length * 96}px` } : undefined}>
            <colgroup>
              <col class="metric" />
              {cols.map((p) => <col key={p.policy} />)}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">
                  <span class="vh">Metric</span>
                </th>
                {cols.map((p) => (
                  <th scope="col" key={p.policy}>
                    <T s={`${p.name} `} />
                    <span class="chip">{p.kind}</span>
                    <T class="between" s={p.between} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([metric, label]) => (
                <tr key={metric}>
                  <th scope="row">{label}</th>
                  {cols.map((p) => {
                    const c = clocks.find((x) => x.policy === p.policy && x.metric === metric);
                    return c ? <ClockCell key={p.policy} clock={c} now={now} /> : <td key={p.policy} class="muted">—</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {native.length > 0 && <Native native={native} clocks={clocks} helpdesk={helpdesk} now={now} />}
    </section>
  );
}

function ClockCell({ clock, now }: { clock: ClockView; now: number }) {
  const d = clockDisplay(clock, now);
  const due = clock.state === 'running' && !clock.paused && clock.breachAt !== null && clock.breachAt > now ? clock.breachAt : null;
  return (
    <td class={`clock ${d.tone}`} data-testid={`clock-${clock.policy}-${clock.metric}`} title={clock.target}>
      <T class={`chip ${d.tone}`} s={d.label} />
      {d.time && <T class="time" s={d.time} />}
      {due !== null && <T class="due" s={`due ${formatDue(due, now)}`} />}
    </td>
  );
}

function nativeText(n: NativeSla, now: number): string {
  if (n.met) return 'met';
  if (n.paused) return 'paused';
  if (n.dueAt === null) return 'no due time';
  return `${n.breached || n.dueAt <= now ? 'breached, was due' : 'due'} ${formatDue(n.dueAt, now)}`;
}

function Native({ native, clocks, helpdesk, now }: { native: NativeSla[]; clocks: ClockView[]; helpdesk: string; now: number }) {
  return (
    <div class="native" data-testid="native">
      <h3>{helpdesk} says</h3>
      <ul>
        {native.map((n, i) => {
          const diff = disagreement(n, clocks);
          return (
            <li key={i}>
              <T s={`${n.label}: ${nativeText(n, now)}`} />
              {diff !== null && <T class="disagree" testid="native-disagree" s={` ⚠ ${formatCountdown(Math.abs(diff))} ${diff > 0 ? 'later' : 'earlier'} than ours`} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ContactLinks({ person }: { person: PersonToCall }) {
  return (
    <span class="contacts">
      {person.contacts.map((c, i) => {
        // The model's hrefs come from core's contactLink; checking again keeps a bad model from making a javascript: link.
        const href = c.href === null ? null : safeHref(c.href);
        const text = `${c.label ?? c.type}: ${c.text}`;
        return href ? (
          <a key={i} href={href} target={/^https?:/i.test(href) ? '_blank' : undefined} rel="noopener noreferrer">
            <T s={text} />
          </a>
        ) : (
          <T key={i} s={text} />
        );
      })}
    </span>
  );
}

function People({ people, links }: { people: PersonToCall[]; links: boolean }) {
  if (people.length === 0) return <p class="muted">Nobody is named for this step.</p>;
  return (
    <ul class="people">
      {people.map((p, i) => (
        <li key={i}>
          <T class="person-name" s={p.name} />
          {p.title && <T s={`, ${p.title}`} />}
          {p.party && <T class="muted" s={` · ${p.party}`} />}
          {p.note && <T class="muted" s={` · ${p.note}`} />}
          {links && p.contacts.length > 0 && <ContactLinks person={p} />}
        </li>
      ))}
    </ul>
  );
}

function Escalation({ escalation }: { escalation: Extract<PanelModel, { ok: true }>['escalation'] }) {
  return (
    <section data-testid="escalation" aria-labelledby="tandem-escalation">
      <h2 id="tandem-escalation">Escalation</h2>
      {!escalation.ok ? (
        <p>
          <T s={escalation.reason} />
        </p>
      ) : (
        <>
          {escalation.now ? <Step step={escalation.now} heading="Call now" links /> : <p class="muted">No step is in force yet.</p>}
          {escalation.next && (
            <div class="next">
              <h3>
                <T s={`Next: step ${escalation.next.number} at ${escalation.next.startsAtText}`} />
              </h3>
              <People people={escalation.next.people} links={false} />
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Step({ step, heading, links }: { step: StepToCall; heading: string; links: boolean }) {
  return (
    <div>
      <h3>
        <T s={`${heading} (step ${step.number})`} />
      </h3>
      <People people={step.people} links={links} />
      {step.say && (
        <p class="say">
          <T s={`Say: ${step.say}`} />
        </p>
      )}
    </div>
  );
}

function HealthLine({ health }: { health: FieldHealth[] }) {
  const found = health.filter((h) => h.source !== 'missing');
  const missing = health.filter((h) => h.source === 'missing').map((h) => h.field);
  const detail = health.map((h) => `${h.field}: ${h.source}${h.detail ? ` (${h.detail})` : ''}`).join('\n');
  return (
    <p class="health" data-testid="health" title={detail}>
      <T s={`Fields: ${found.length} found${missing.length > 0 ? ` · missing: ${missing.join(', ')}` : ''}`} />
    </p>
  );
}

/** What run.ts drives: the panel in the page, created on first show and removed entirely on hide. */
export interface PanelView {
  /** The persisted corner and collapsed state, from hello. */
  setState(corner: Corner, collapsed: boolean): void;
  loading(ticketId: string): void;
  show(model: PanelModel, helpdesk: HelpdeskType): void;
  hide(): void;
  readonly visible: boolean;
  /** The ticket id on screen (loading or shown), to tell a new ticket from a refresh of the same one. */
  readonly ticketId: string | null;
}

export interface PanelViewOptions {
  doc?: Document;
  /** The user moved or collapsed the panel: persist it. */
  onStateChange(state: { corner: Corner; collapsed: boolean }): void;
  createHost?: (doc: Document) => PanelHost;
}

export function createPanelView(opts: PanelViewOptions): PanelView {
  const doc = opts.doc ?? document;
  const makeHost = opts.createHost ?? createHost;
  let host: PanelHost | null = null;
  let content: PanelContent | null = null;
  let corner: Corner = 'bottom-right';
  let collapsed = false;
  let helpdesk = HELPDESK_NAMES.generic;

  const onMove = (c: Corner) => {
    corner = c;
    draw();
    opts.onStateChange({ corner, collapsed });
  };
  const onToggle = () => {
    collapsed = !collapsed;
    draw();
    opts.onStateChange({ corner, collapsed });
  };
  const draw = () => {
    if (!content) return;
    if (!host) {
      host = makeHost(doc);
      host.setStyle(css);
    }
    render(<Panel content={content} helpdesk={helpdesk} corner={corner} collapsed={collapsed} onMove={onMove} onToggle={onToggle} />, host.mount);
  };

  return {
    setState(c, col) {
      corner = c;
      collapsed = col;
      draw();
    },
    loading(ticketId) {
      content = { kind: 'loading', ticketId };
      draw();
    },
    show(model, type) {
      helpdesk = HELPDESK_NAMES[type] ?? HELPDESK_NAMES.generic;
      content = { kind: 'model', model };
      draw();
    },
    hide() {
      content = null;
      if (host) {
        render(null, host.mount);
        host.remove();
        host = null;
      }
    },
    get visible() {
      return content !== null;
    },
    get ticketId() {
      if (!content) return null;
      return content.kind === 'loading' ? content.ticketId : (content.model.ticketId ?? null);
    },
  };
}
