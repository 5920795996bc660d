// Views other than Now load on first use, so a cold start evaluates only what the first screen needs. Every
// chunk is precached by the service worker, so loading one works offline; the shell also loads them all in idle
// time once the first screen is up, so switching tabs does not wait either.
import { type ComponentType, type FunctionComponent, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = FunctionComponent<P> & {
  /** Starts loading (once); resolves when the component can render at once. */
  load(): Promise<unknown>;
};

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let component: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const start = () =>
    (pending ??= load().then(
      (c) => (component = c),
      (error: unknown) => {
        // A later visit may succeed (the chunk of an older version was cleaned up, then the page reloaded).
        pending = null;
        throw error;
      },
    ));

  function Lazy(props: P) {
    const [, setLoaded] = useState(false);
    const [error, setError] = useState<string | null>(null);
    // Started while rendering rather than in an effect, which would wait for the next frame.
    if (!component && !error) void start().catch(() => {});
    const renderedEmpty = !component;
    useEffect(() => {
      if (component) {
        // Loaded after the first render but before this effect ran (a chunk the idle preload had in flight): no
        // promise callback is left to re-render, so the effect does.
        if (renderedEmpty) setLoaded(true);
        return;
      }
      let live = true;
      start().then(
        () => live && setLoaded(true),
        (e: unknown) => live && setError(String(e)),
      );
      return () => {
        live = false;
      };
    }, []);
    if (component) return h(component, props);
    if (error) {
      return h('div', { role: 'alert' },
        h('h1', null, 'This view could not be loaded'),
        h('p', null, `${error}. A newer version of Tandem may have replaced this one: reload to continue.`),
        h('button', { type: 'button', onClick: () => location.reload() }, 'Reload'),
      );
    }
    return null;
  }
  return Object.assign(Lazy, { load: start });
}
