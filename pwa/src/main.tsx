import { handbookDb, preload } from './app/handbook.ts';
import './app/base.css';

// On a cold start the browser opens IndexedDB from disk, which takes about as long as loading and evaluating the
// shell: the reads start first, from this small entry chunk, and the shell's chunks load while they run.
const stored = preload();
const shell = import('./app/App.tsx');
void shell.then((app) => app.loadFirstView(), () => {});
// Once the store is open the reads are on their way; until they return, the main thread has time for this.
const warmUp = () => setTimeout(warmUpDateFormats);
handbookDb().then(warmUp, warmUp);

/** A big handbook can take a while to read: past this, the shell shows and says what it is opening. */
const MAX_WAIT_MS = 1000;

void Promise.all([shell, Promise.race([stored, new Promise((ok) => setTimeout(ok, MAX_WAIT_MS))])]).then(
  // Rendering once, with the data, spares a frame of "Loading…" and the render after it.
  ([{ mountApp }]) => mountApp(document.getElementById('app')!),
  (error: unknown) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = `Tandem could not start: ${String(error)}`;
    document.getElementById('app')!.replaceChildren(p);
  },
);

/**
 * The page's first date format loads ICU's calendar and time-zone data (~50 ms on a laptop, more on a phone). The
 * Now view formats every time it shows, so do that while the main thread would otherwise wait for the store. Not
 * before the store opens: the reads are only sent once the page has handled the open, and the first paint of the
 * loading text would wait too.
 */
function warmUpDateFormats(): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', timeZoneName: 'short' }).formatToParts(0);
  } catch {
    // Only a warm-up: the views format (and handle errors) on their own.
  }
}
