// The shell: engagement switcher, views, import from anywhere, update prompt.
import { type ComponentType, render } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DropZone } from '../import/DropZone.tsx';
import { ImportStatus } from '../import/ImportStatus.tsx';
import { consumeLaunchQueue, listenForPaste } from '../import/sources.ts';
import { NowView } from '../views/Now.tsx';
import type { ViewProps } from '../views/props.ts';
import { handbookWorker, reportOnFile } from '../worker/client.ts';
import { LAST_ENGAGEMENT, useHandbook, useStoredEngagement } from './handbook.ts';
import { type LazyComponent, lazy } from './lazy.ts';
import { type EngagementViewName, TAB_VIEWS, type Route, engagementHref, parseRoute, useRoute } from './route.ts';
import { applyUpdate, dismissUpdate, restoreScroll, startServiceWorker, useUpdateState } from './update.ts';
import { Welcome } from './Welcome.tsx';
import './App.css';

const renderMarkdown = (md: string) => handbookWorker().renderMarkdown(md);
const search = (q: string, limit?: number) => handbookWorker().search(q, limit);

// Only the Now view ships with the shell: it is the first screen, and the other views' code would only delay it.
const ContactsView = lazy(() => import('../views/Contacts.tsx').then((m) => m.ContactsView));
const RaciView = lazy(() => import('../views/Raci.tsx').then((m) => m.RaciView));
const SlasView = lazy(() => import('../views/Slas.tsx').then((m) => m.SlasView));
const EscalationView = lazy(() => import('../views/Escalation.tsx').then((m) => m.EscalationView));
const RunbooksView = lazy(() => import('../views/Runbooks.tsx').then((m) => m.RunbooksView));
const EngagementsView = lazy(() => import('../views/Engagements.tsx').then((m) => m.EngagementsView));
const SearchView = lazy(() => import('../views/Search.tsx').then((m) => m.SearchView));
const SettingsView = lazy(() => import('../views/Settings.tsx').then((m) => m.SettingsView));
const ReportView = lazy(() => import('../views/Report.tsx').then((m) => m.ReportView));

type Loadable = Pick<LazyComponent<never>, 'load'>;
const LAZY_VIEWS: Loadable[] = [ContactsView, RaciView, SlasView, EscalationView, RunbooksView, EngagementsView, SearchView, SettingsView, ReportView];
const LAZY_ENGAGEMENT_VIEWS: Partial<Record<EngagementViewName, Loadable>> = {
  contacts: ContactsView, raci: RaciView, slas: SlasView, escalation: EscalationView, runbooks: RunbooksView, report: ReportView,
};

const VIEWS: Record<EngagementViewName, { label: string; component: ComponentType<ViewProps> }> = {
  now: { label: 'Now', component: NowView },
  contacts: { label: 'Contacts', component: ContactsView },
  raci: { label: 'RACI', component: RaciView },
  slas: { label: 'SLAs', component: SlasView },
  escalation: { label: 'Escalation', component: EscalationView },
  runbooks: { label: 'Runbooks', component: (p: ViewProps) => <RunbooksView {...p} render={renderMarkdown} /> },
  report: { label: 'Report', component: (p: ViewProps) => <ReportView {...p} run={reportOnFile} /> },
};

/**
 * Renders the shell into root. What the first screen does not need (the service worker, file handling, paste,
 * the other views' code) starts once that screen is painted.
 */
export function mountApp(root: HTMLElement): void {
  const start = () => {
    root.textContent = '';
    render(<App />, root);
    restoreScroll();
    afterNextPaint(() => {
      startServiceWorker();
      consumeLaunchQueue();
      listenForPaste();
      prefetchViews();
    });
  };
  // A link straight to another view waits for that view's code, so the page does not show up empty and the scroll
  // position restored after an update reload is still there to scroll to.
  const first = firstView(parseRoute(location.hash));
  if (first) void first.load().then(start, start);
  else start();
}

/** Starts loading the code of the view the page opens on (see mountApp), so it loads while the store is read. */
export function loadFirstView(): void {
  void firstView(parseRoute(location.hash))?.load().catch(() => {});
}

function firstView(route: Route): Loadable | undefined {
  switch (route.kind) {
    case 'engagement':
      return LAZY_ENGAGEMENT_VIEWS[route.view];
    case 'engagements':
      return EngagementsView;
    case 'search':
      return SearchView;
    case 'settings':
      return SettingsView;
    case 'home':
      return undefined;
  }
}

/** fn once the frame in progress is painted; a hidden tab paints no frames, so a timer stands in there. */
function afterNextPaint(fn: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(() => setTimeout(run));
  setTimeout(run, 500);
}

/** The other views' chunks, one per idle period, so a tab opens at once later (and the main thread stays free). */
function prefetchViews(): void {
  const idle = (fn: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 2000 }) : setTimeout(fn, 50));
  const next = (i: number) => {
    const view = LAZY_VIEWS[i];
    if (view) idle(() => void view.load().catch(() => {}).finally(() => next(i + 1)));
  };
  next(0);
}

const LAST = LAST_ENGAGEMENT;

export function App() {
  const route = useRoute();
  const handbook = useHandbook();
  const update = useUpdateState();
  const now = useNow();
  const [skipped, setSkipped] = useState<string[]>([]);
  const onSkipped = useCallback((names: string[]) => setSkipped(names), []);

  const list = handbook.list;
  const currentId = route.kind === 'engagement' ? route.id : (localStorage.getItem(LAST) ?? list?.[0]?.id);
  const current = list?.find((e) => e.id === currentId) ?? (route.kind === 'engagement' ? undefined : list?.[0]);
  const inEngagement = current !== undefined && (route.kind === 'engagement' || route.kind === 'home');
  const record = useStoredEngagement(inEngagement ? current.id : undefined, current?.version);
  useEffect(() => {
    if (route.kind === 'engagement' && current) localStorage.setItem(LAST, current.id);
  }, [route.kind, current?.id]);
  useEffect(() => {
    if (route.kind === 'home' && current) location.replace(engagementHref(current.id));
  }, [route.kind, current?.id]);
  // The Now view is what `main` below renders for an engagement route's 'now' and for the home route.
  const showingNow = Boolean(current && record) && (route.kind === 'home' || (route.kind === 'engagement' && route.view === 'now'));
  useLayoutEffect(() => {
    // The cold-start benchmark measures to here: the first frame with the Now view painted. Set from the commit
    // (a layout effect), the next frame is the one that paints it, and a task after that frame's callbacks runs
    // once it is painted.
    if (showingNow && performance.getEntriesByName('now-painted').length === 0) {
      requestAnimationFrame(() => setTimeout(() => performance.mark('now-painted')));
    }
  }, [showingNow]);
  const page = route.kind === 'engagement' ? `${route.id}/${route.view}` : route.kind;
  const lastPage = useRef(page);
  useEffect(() => {
    // A new view starts at its top; views that open at an item (rest) scroll to it themselves. Not on the first
    // render: after an update reload the reader returns to where they were.
    if (lastPage.current === page) return;
    lastPage.current = page;
    if (route.kind !== 'engagement' || route.rest.length === 0) scrollTo(0, 0);
  }, [page]);

  let main;
  if (handbook.error) main = <p role="alert">{handbook.error}</p>;
  else if (list === null) main = <p>Loading the handbook…</p>;
  else if (route.kind === 'engagements') main = <EngagementsView list={list} onSkipped={onSkipped} />;
  else if (route.kind === 'settings') main = <SettingsView offlineReady={update.offlineReady} />;
  else if (route.kind === 'search') main = <SearchView query={route.query} search={search} onQuery={(q) => history.replaceState(null, '', `#/search?q=${encodeURIComponent(q)}`)} />;
  else if (list.length === 0) main = <Welcome onSkipped={onSkipped} />;
  else if (route.kind === 'engagement' && !current) {
    main = (
      <div>
        <h1>Not on this device</h1>
        <p>
          No stored engagement has the id <span class="mono">{route.id}</span>. <a href="#/engagements">See the stored engagements</a>.
        </p>
      </div>
    );
  } else if (current && record) {
    const view = route.kind === 'engagement' ? route.view : 'now';
    const View = VIEWS[view].component;
    main = <View key={`${record.id}/${record.version}/${view}`} id={record.id} engagement={record.engagement} now={now} rest={route.kind === 'engagement' ? route.rest : []} />;
  } else if (current) {
    main = <p>Opening {current.title}…</p>;
  }

  const activeView = route.kind === 'engagement' ? route.view : 'now';
  return (
    <>
      <header class="topbar">
        <a class="brand" href={current ? engagementHref(current.id) : '#/'}>
          Tandem
        </a>
        {list && list.length > 0 && (
          <label class="switcher">
            <span class="visually-hidden">Engagement</span>
            <select
              data-testid="switcher"
              value={current?.id ?? ''}
              onChange={(e) => {
                const view = route.kind === 'engagement' ? route.view : 'now';
                location.hash = engagementHref(e.currentTarget.value, view);
              }}
            >
              {!current && <option value="">Choose…</option>}
              {list.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
          </label>
        )}
        <nav class="tools" aria-label="Tools">
          {current && (
            <a href={engagementHref(current.id, 'report')} aria-current={route.kind === 'engagement' && route.view === 'report' ? 'page' : undefined} data-testid="nav-report">
              Report
            </a>
          )}
          <a href="#/search" aria-current={route.kind === 'search' ? 'page' : undefined} data-testid="nav-search">
            Search
          </a>
          <a href="#/engagements" aria-current={route.kind === 'engagements' ? 'page' : undefined} data-testid="nav-engagements">
            Files
          </a>
          <a href="#/settings" aria-current={route.kind === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
      </header>
      {handbook.stale && (
        <p class="banner" role="alert">
          Tandem was updated in another tab. <button type="button" onClick={() => location.reload()}>Reload</button>
        </p>
      )}
      {skipped.length > 0 && (
        <p class="banner" role="alert">
          Not an engagement file (expected .yaml, .yml or .json): {skipped.join(', ')}{' '}
          <button type="button" onClick={() => setSkipped([])}>Dismiss</button>
        </p>
      )}
      <main id="main" class={inEngagement ? 'with-tabs' : ''}>
        {route.kind !== 'engagements' && list && list.length > 0 && <ImportStatus />}
        {main}
      </main>
      {inEngagement && current && (
        <nav class="tabs" aria-label="Views">
          {TAB_VIEWS.map((v) => (
            <a key={v} href={engagementHref(current.id, v)} aria-current={v === activeView ? 'page' : undefined} data-testid={`tab-${v}`}>
              {VIEWS[v].label}
            </a>
          ))}
        </nav>
      )}
      <DropZone onSkipped={onSkipped} />
      {update.needRefresh && (
        <div class="snackbar" role="status" data-testid="update-prompt">
          <span>{update.waitingForImports ? 'Update ready: reloading when the import finishes…' : 'Update available.'}</span>
          <button type="button" class="primary" onClick={() => void applyUpdate()} disabled={update.waitingForImports} data-testid="update-reload">
            Reload
          </button>
          <button type="button" onClick={dismissUpdate}>Later</button>
        </div>
      )}
      {update.offlineReady && !update.needRefresh && <OfflineReadyToast />}
    </>
  );
}

function OfflineReadyToast() {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const t = setTimeout(() => setShown(false), 6000);
    return () => clearTimeout(t);
  }, []);
  return shown ? (
    <div class="snackbar" role="status" data-testid="offline-ready-toast">
      <span>Ready to work offline.</span>
      <button type="button" onClick={() => setShown(false)}>OK</button>
    </div>
  ) : null;
}

/** The current time, refreshed every 30 s and whenever the tab becomes visible again. */
function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 30_000);
    const onVisible = () => document.visibilityState === 'visible' && tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  return now;
}
