// Runbooks: the list (what each covers, who owns it, when it was last rehearsed, what triggers it), and one runbook
// opened with its markdown body rendered (in the worker, by the shell's render) and sanitized here.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Temporal } from 'temporal-polyfill';
import type { Engagement, Runbook } from '../../../core/index.ts';
import { engagementHref } from '../app/route.ts';
import { HEADING_ID_PREFIX } from '../markdown/policy.ts';
import { sanitize } from '../markdown/sanitize.ts';
import type { ViewProps } from './props.ts';
import './Runbooks.css';

export type RenderMarkdown = (markdown: string) => Promise<string>;

/** Without the shell's worker (tests, a worker that failed to start) markdown renders on the main thread. */
const mainThreadRender: RenderMarkdown = async (markdown) => (await import('../markdown/render.ts')).renderMarkdown(markdown);

let openRunbooks = 0;

/** True while a runbook is open on screen: the shell must not reload for an update then. */
export function isRunbookOpen(): boolean {
  return openRunbooks > 0;
}

export interface RunbooksViewProps extends ViewProps {
  render?: RenderMarkdown;
}

export function RunbooksView({ render = mainThreadRender, ...props }: RunbooksViewProps) {
  const { id, engagement, rest } = props;
  const runbookId = rest[0];
  if (runbookId === undefined) return <RunbookList {...props} />;
  const runbook = engagement.runbooks[runbookId];
  if (!runbook) {
    return (
      <div class="runbooks-view" data-testid="view-runbooks">
        <h1>Runbooks</h1>
        <p class="chip warn runbook-missing">No runbook “{runbookId}” in this engagement.</p>
        <p>
          <a href={engagementHref(id, 'runbooks')}>See all runbooks</a>
        </p>
      </div>
    );
  }
  return <RunbookDetail key={runbookId} {...props} runbookId={runbookId} runbook={runbook} section={rest[1]} render={render} />;
}

function RunbookList({ id, engagement, now }: ViewProps) {
  const runbooks = Object.entries(engagement.runbooks);
  return (
    <div class="runbooks-view" data-testid="view-runbooks">
      <h1>Runbooks</h1>
      {runbooks.length === 0 && <p class="card">This engagement has no runbooks.</p>}
      <ul class="runbook-list">
        {runbooks.map(([rid, rb]) => (
          <li key={rid} class="card" data-testid={`runbook-${rid}`}>
            <h2 class="runbook-title">
              <a href={engagementHref(id, 'runbooks', rid)}>{rb.title}</a>
            </h2>
            <Facts id={id} engagement={engagement} runbook={rb} now={now} />
          </li>
        ))}
      </ul>
    </div>
  );
}

interface DetailProps extends ViewProps {
  runbookId: string;
  runbook: Runbook;
  section: string | undefined;
  render: RenderMarkdown;
}

function RunbookDetail({ id, engagement, now, runbookId, runbook, section, render }: DetailProps) {
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const body = useRef<HTMLDivElement>(null);

  // Layout effects: their cleanup runs on unmount itself, not after the next paint, so the flag is never stale.
  useLayoutEffect(() => {
    openRunbooks++;
    return () => {
      openRunbooks--;
    };
  }, []);

  useEffect(() => {
    let live = true;
    setHtml(null);
    setFailed(false);
    render(runbook.body).then(
      (out) => live && setHtml(sanitize(out)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [runbook.body, render]);

  useLayoutEffect(() => {
    if (html !== null) scrollableTables(body.current);
  }, [html]);

  useEffect(() => {
    if (html !== null && section) reveal(body.current, HEADING_ID_PREFIX + section);
  }, [html, section]);

  // In-page links (#heading, footnotes) must scroll, not change the hash: the hash is the app's route.
  const onClick = (e: MouseEvent) => {
    const link = (e.target as Element | null)?.closest?.('a');
    const href = link?.getAttribute('href');
    if (!href || !href.startsWith('#') || href.startsWith('#/')) return;
    const want = decodeURIComponent(href.slice(1));
    if (reveal(body.current, want) || reveal(body.current, HEADING_ID_PREFIX + want)) e.preventDefault();
  };

  return (
    <article class="runbooks-view runbook" data-testid="view-runbooks" data-runbook={runbookId}>
      <p class="runbook-back">
        <a href={engagementHref(id, 'runbooks')}>← All runbooks</a>
      </p>
      <h1>{runbook.title}</h1>
      <Facts id={id} engagement={engagement} runbook={runbook} now={now} />
      <div class="runbook-body" data-testid="runbook-body" ref={body} onClick={onClick} aria-busy={html === null && !failed}>
        {failed ? (
          <>
            <p class="chip warn">This runbook could not be formatted; here is its text.</p>
            <pre class="runbook-plain">{runbook.body}</pre>
          </>
        ) : html === null ? (
          <p class="muted">Opening the runbook…</p>
        ) : (
          <div class="runbook-md" dangerouslySetInnerHTML={{ __html: html }} />
        )}
      </div>
    </article>
  );
}

/** A wide GFM table scrolls in its own keyboard-reachable box, so the page never scrolls sideways. */
function scrollableTables(root: HTMLElement | null): void {
  for (const table of Array.from(root?.querySelectorAll('table') ?? [])) {
    if (table.parentElement?.classList.contains('runbook-table')) continue;
    const box = table.ownerDocument.createElement('div');
    box.className = 'runbook-table';
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', 'Table (scrolls sideways)');
    table.replaceWith(box);
    box.appendChild(table);
  }
}

/** Scroll to and focus the element with this id inside `root`; false when there is none. */
function reveal(root: HTMLElement | null, id: string): boolean {
  const target = root ? Array.from(root.querySelectorAll<HTMLElement>('[id]')).find((el) => el.id === id) : undefined;
  if (!target) return false;
  for (const old of Array.from(root?.querySelectorAll('.runbook-target') ?? [])) old.classList.remove('runbook-target');
  target.classList.add('runbook-target');
  target.setAttribute('tabindex', '-1');
  target.scrollIntoView?.({ block: 'start' });
  target.focus({ preventScroll: true });
  return true;
}

function Facts({ id, engagement, runbook, now }: { id: string; engagement: Engagement; runbook: Runbook; now: number }) {
  const tested = testedState(runbook.lastTested, now, engagement.engagement.timeZone);
  return (
    <dl class="runbook-facts">
      {runbook.activities.length > 0 && (
        <div>
          <dt>Covers</dt>
          <dd>
            <ul class="runbook-activities">
              {runbook.activities.map((a) => (
                <li key={a}>
                  <a href={engagementHref(id, 'raci', a)}>{engagement.activities[a]?.name ?? a}</a>
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {runbook.owner && (
        <div>
          <dt>Owner</dt>
          <dd>{engagement.parties[runbook.owner]?.name ?? engagement.people[runbook.owner]?.name ?? runbook.owner}</dd>
        </div>
      )}
      <div>
        <dt>Last tested</dt>
        <dd data-testid="runbook-tested">
          {runbook.lastTested ? <time dateTime={runbook.lastTested}>{runbook.lastTested}</time> : 'never'}
          {tested.stale && <> <span class="chip warn">⚠ {runbook.lastTested ? 'over 12 months ago' : 'not tested'}</span></>}
        </dd>
      </div>
      {runbook.triggers.length > 0 && (
        <div>
          <dt>Triggers</dt>
          <dd>
            <ul class="runbook-triggers">
              {runbook.triggers.map((t, i) => <li key={i}>{t}</li>)}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}

/** A runbook not rehearsed in the last 12 months (or never) is stale; dates are the engagement zone's. */
export function testedState(lastTested: string | undefined, now: number, zone: string): { stale: boolean } {
  if (!lastTested) return { stale: true };
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(zone).toPlainDate();
  const cutoff = today.subtract({ months: 12 }).toString();
  return { stale: lastTested < cutoff };
}
