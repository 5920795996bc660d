// Recipes learned with "Teach Tandem this page", one per origin, each offered as the YAML item to paste into the
// engagement file's helpdesks list. Shown in the popup (right after teaching) and on the options page.
import { useState } from 'preact/hooks';
import type { LearnedRecipe } from '../../picker-core/recipe.ts';
import { recipeYaml } from '../../picker-core/recipe-yaml.ts';
import { messageOf, sendPage } from './send.ts';
import './recipes.css';

export function Recipes({ recipes, onChange }: { recipes: LearnedRecipe[]; onChange(): void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (recipes.length === 0) return null;

  const copy = (recipe: LearnedRecipe) => {
    navigator.clipboard.writeText(recipeYaml(recipe)).then(
      () => setCopied(recipe.origin),
      (e: unknown) => setError(`Copy failed (${messageOf(e)}); select the text instead.`),
    );
  };
  const remove = (origin: string) => {
    void sendPage({ type: 'recipe:delete', origin }).then(onChange, (e: unknown) => setError(messageOf(e)));
  };

  return (
    <section aria-label="Learned recipes" class="recipes" data-testid="recipes">
      <h2>Learned recipes</h2>
      {recipes.map((r) => (
        <details key={r.origin} data-testid="recipe" open={recipes.length === 1}>
          <summary>
            <code class="origin">{r.origin}</code>
          </summary>
          <pre data-testid="recipe-yaml">{recipeYaml(r)}</pre>
          <button type="button" onClick={() => copy(r)}>
            Copy as YAML
          </button>{' '}
          <button type="button" onClick={() => remove(r.origin)}>
            Delete
          </button>
          {copied === r.origin && (
            <span role="status" class="muted">
              {' '}
              Copied: paste it under helpdesks: in the engagement file.
            </span>
          )}
        </details>
      ))}
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
