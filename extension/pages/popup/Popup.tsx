// The toolbar popup: is Tandem on for the site in this tab, and the one button that changes it. Opening the popup
// grants activeTab, which is what lets us read the tab's URL without any host permission.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LearnedRecipe } from '../../picker-core/recipe.ts';
import type { OriginInfo } from '../../shared/messages.ts';
import { disableOrigin, enableOrigin, openOptions, optionsHref, originOf } from '../shared/permissions.ts';
import { messageOf, sendPage } from '../shared/send.ts';
import '../shared/base.css';
import './Popup.css';
import { Recipes } from '../shared/Recipes.tsx';
import { Teach } from './Teach.tsx';

type Tab = { state: 'loading' } | { state: 'none'; reason: string } | { state: 'site'; origin: string };

/** `pickerScript`: the element picker's output file, for "Teach Tandem this page" (none: no such button). */
export function Popup({ pickerScript }: { pickerScript?: string } = {}) {
  const [tab, setTab] = useState<Tab>({ state: 'loading' });
  const [origins, setOrigins] = useState<OriginInfo[] | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [recipes, setRecipes] = useState<LearnedRecipe[]>([]);

  // The picker saves from the page too (Enter there), so the list follows storage rather than our own clicks.
  const loadRecipes = useCallback(() => {
    sendPage({ type: 'recipe:list' }).then(setRecipes, () => undefined);
  }, []);
  useEffect(() => {
    loadRecipes();
    if (!chrome.storage?.onChanged) return;
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'recipes' in changes) loadRecipes();
    };
    chrome.storage.onChanged.addListener(listener);
    return () => chrome.storage.onChanged.removeListener(listener);
  }, [loadRecipes]);

  const load = useCallback(async () => {
    try {
      const [sites, engagements] = await Promise.all([sendPage({ type: 'origins:list' }), sendPage({ type: 'engagements:list' })]);
      setOrigins(sites);
      setCount(engagements.length);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void chrome.tabs.query({ active: true, currentWindow: true }).then(
      ([current]) => {
        const origin = originOf(current?.url);
        if (origin) setTab({ state: 'site', origin });
        else setTab({ state: 'none', reason: current?.url ? 'This tab is not a web page.' : "Tandem cannot see this tab's address." });
      },
      (e: unknown) => setTab({ state: 'none', reason: messageOf(e) }),
    );
    void load();
  }, [load]);

  const site = tab.state === 'site' ? origins?.find((o) => o.origin === tab.origin) : undefined;

  // Chrome may close the popup while its prompt is open; the background then learns of the grant from
  // permissions.onAdded. When the popup survives, origins:sync makes it happen now.
  const enable = (origin: string) => {
    const work = enableOrigin(origin);
    setBusy(true);
    setNote(null);
    void work
      .then(
        (granted) => {
          if (!granted) setNote({ text: `Permission refused: Tandem stays off on ${origin}.`, error: true });
          else setOrigins((prev) => prev?.map((o) => (o.origin === origin ? { ...o, granted: true } : o)) ?? prev);
        },
        (e: unknown) => setNote({ text: messageOf(e), error: true }),
      )
      .then(load)
      .finally(() => setBusy(false));
  };

  const turnOff = (origin: string) => {
    setBusy(true);
    setNote(null);
    void disableOrigin(origin)
      .then(
        (removed) => {
          if (removed) setOrigins((prev) => prev?.map((o) => (o.origin === origin ? { ...o, granted: false } : o)) ?? prev);
          else setNote({ text: `Chrome kept the permission for ${origin}; it may be required by your organisation.`, error: true });
        },
        (e: unknown) => setNote({ text: messageOf(e), error: true }),
      )
      .then(load)
      .finally(() => setBusy(false));
  };

  return (
    <main class="popup">
      <h1>Tandem</h1>
      <section aria-label="This site" class="this-site" data-testid="this-site">
        {error ? (
          <p role="alert" class="error-text">
            {error}
          </p>
        ) : tab.state === 'loading' || origins === null ? (
          <p class="muted">Looking at this tab…</p>
        ) : tab.state === 'none' ? (
          <p>{tab.reason} Tandem works on helpdesk pages.</p>
        ) : !site ? (
          <>
            <p>
              <code class="origin">{tab.origin}</code>
            </p>
            <p data-testid="not-mapped">No engagement maps this site.</p>
            <p>
              <a href={optionsHref()} onClick={(e) => openOptions(e)}>
                Add an engagement for it in the options
              </a>
            </p>
          </>
        ) : site.granted ? (
          <>
            <p class="ok-text" data-testid="site-on">
              Tandem is on for <code class="origin">{tab.origin}</code>
            </p>
            <button type="button" onClick={() => turnOff(tab.origin)} disabled={busy}>
              Turn off
            </button>
          </>
        ) : (
          <>
            <p>
              <code class="origin">{tab.origin}</code>
            </p>
            {site.engagements.length > 0 && <p class="muted">Named by {site.engagements.join(', ')}</p>}
            <button type="button" class="primary" onClick={() => enable(tab.origin)} disabled={busy}>
              Enable Tandem on this site
            </button>
          </>
        )}
        {note && (
          <p role={note.error ? 'alert' : 'status'} class={note.error ? 'error-text' : undefined}>
            {note.text}
          </p>
        )}
      </section>
      {tab.state === 'site' && pickerScript && <Teach pickerScript={pickerScript} onSaved={loadRecipes} />}
      <Recipes recipes={recipes} onChange={loadRecipes} />
      <footer class="popup-footer">
        <span data-testid="engagement-count">
          {count === null ? '…' : `${count} engagement${count === 1 ? '' : 's'}`}
        </span>
        {' · '}
        <a href={optionsHref()} onClick={(e) => openOptions(e)}>
          Manage engagements
        </a>
      </footer>
    </main>
  );
}
