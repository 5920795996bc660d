// The options page: get engagements in (files, URLs), see and manage them, and choose the helpdesk sites Tandem
// may run on. Every change goes through the background, which validates, stores and registers; this page only
// asks and shows.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LearnedRecipe } from '../../picker-core/recipe.ts';
import type { EngagementInfo, OriginInfo } from '../../shared/messages.ts';
import { onPermissionsChanged } from '../shared/permissions.ts';
import { Recipes } from '../shared/Recipes.tsx';
import { messageOf, sendPage } from '../shared/send.ts';
import { EngagementList } from './EngagementList.tsx';
import { ImportFiles } from './ImportFiles.tsx';
import { Sites } from './Sites.tsx';
import { Subscribe } from './Subscribe.tsx';
import '../shared/base.css';
import './Options.css';

export function Options() {
  const [engagements, setEngagements] = useState<EngagementInfo[] | null>(null);
  const [origins, setOrigins] = useState<OriginInfo[] | null>(null);
  const [recipes, setRecipes] = useState<LearnedRecipe[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Reloads overlap (an import, a permission event, the tab coming back); only the latest may write.
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const [list, sites, learned] = await Promise.all([sendPage({ type: 'engagements:list' }), sendPage({ type: 'origins:list' }), sendPage({ type: 'recipe:list' })]);
      if (mine !== generation.current) return;
      setEngagements(list);
      setOrigins(sites);
      setRecipes(learned);
      setLoadError(null);
    } catch (error) {
      if (mine === generation.current) setLoadError(messageOf(error));
    }
  }, []);

  useEffect(() => {
    void reload();
    // Permissions also change in chrome://extensions and in the popup, and URL engagements refresh in the
    // background; coming back to this tab shows the current state.
    const stop = onPermissionsChanged(() => void reload());
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);

  return (
    <main class="options">
      <h1>Tandem settings</h1>
      {loadError && (
        <p role="alert" class="error-text" data-testid="load-error">
          {loadError}
        </p>
      )}
      <ImportFiles onImported={reload} />
      <Subscribe onSubscribed={reload} />
      <section aria-labelledby="engagements-heading">
        <h2 id="engagements-heading">Engagements</h2>
        <EngagementList engagements={engagements} onChanged={reload} />
      </section>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Helpdesk sites</h2>
        <p class="muted">
          Tandem runs only on the sites you enable here. Each one is a separate permission that Chrome asks you for.
        </p>
        <Sites origins={origins} onChanged={reload} />
      </section>
      <Recipes recipes={recipes} onChange={() => void reload()} />
    </main>
  );
}
