// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, test, vi } from 'vitest';
import { lazy } from '../../pwa/src/app/lazy.ts';

test('lazy renders nothing, then the loaded component; loads once', async () => {
  let calls = 0;
  let resolve!: (c: (p: { n: number }) => any) => void;
  const L = lazy<{ n: number }>(() => { calls++; return new Promise((ok) => (resolve = ok)); });
  const el = document.createElement('div');
  await act(() => render(<L n={3} />, el));
  expect(el.innerHTML).toBe('');
  await act(async () => { resolve(({ n }) => <p>n={n}</p>); await Promise.resolve(); });
  await act(async () => { await new Promise((r) => setTimeout(r, 50)); });
  expect(el.innerHTML).toBe('<p>n=3</p>');
  const el2 = document.createElement('div');
  await act(() => render(<L n={4} />, el2));
  expect(el2.innerHTML).toBe('<p>n=4</p>');
  expect(calls).toBe(1);
});

test('lazy shows the component when its load ends after the first render but before the effect runs', async () => {
  // The shell preloads views in idle time: a tab opened while its chunk is in flight renders nothing, and the load
  // may end before the effect that waits for it runs (effects wait for the next frame).
  let resolve!: (c: () => any) => void;
  const L = lazy<{}>(() => new Promise((ok) => (resolve = ok)));
  const el = document.createElement('div');
  render(<L />, el);
  expect(el.innerHTML).toBe('');
  resolve(() => <p>ok</p>);
  await Promise.resolve();
  await Promise.resolve();
  await new Promise((r) => setTimeout(r, 300));
  expect(el.innerHTML).toBe('<p>ok</p>');
});

test('lazy shows an alert when loading fails, and retries on the next mount', async () => {
  let calls = 0;
  const L = lazy<{}>(() => { calls++; return calls === 1 ? Promise.reject(new Error('gone')) : Promise.resolve(() => <p>ok</p>); });
  const el = document.createElement('div');
  await act(() => render(<L />, el));
  await act(async () => { await new Promise((r) => setTimeout(r, 50)); });
  expect(el.querySelector('[role=alert]')?.textContent).toContain('gone');
  const el2 = document.createElement('div');
  await act(() => render(<L />, el2));
  await act(async () => { await new Promise((r) => setTimeout(r, 50)); });
  expect(el2.innerHTML).toBe('<p>ok</p>');
});

test('preload: home route reads the last engagement, or the first when it is gone; hooks start with the data', async () => {
  const { openHandbook } = await import('../../pwa/src/store/db.ts');
  const { saveEngagement } = await import('../../pwa/src/store/engagements.ts');
  const db = await openHandbook();
  const rec = (id: string, title: string) => ({ id, title, fileName: `${id}.yaml`, text: id, hash: id, engagement: { id } as any, importedAt: 1, warnings: 0 });
  await saveEngagement(db, rec('b', 'Beta'));
  await saveEngagement(db, rec('a', 'Alpha'));
  db.close();
  localStorage.setItem('tandem:last-engagement', 'gone');
  location.hash = '';
  const h = await import('../../pwa/src/app/handbook.ts');
  await h.preload();
  let seen: unknown[] = [];
  function Probe() {
    const hb = h.useHandbook();
    const r = h.useStoredEngagement('a', 1);
    seen.push([hb.list?.map((s) => s.id), r?.id]);
    return null;
  }
  const el = document.createElement('div');
  await act(() => render(<Probe />, el));
  // The first render already has both: the list (sorted by title) and the first engagement's record.
  expect(seen[0]).toEqual([['a', 'b'], 'a']);
  await act(async () => { await new Promise((r) => setTimeout(r, 100)); });
  // No second render with the same data.
  expect(seen.length).toBe(1);
});

test('a hash change between the first render and the route listener is not lost', async () => {
  const { useRoute } = await import('../../pwa/src/app/route.ts');
  location.hash = '#/engagements';
  function Probe() {
    return <p>{useRoute().kind}</p>;
  }
  const el = document.createElement('div');
  // Rendered, but its effects (where the listener is added) have not run when the hash changes and its event fires.
  render(<Probe />, el);
  expect(el.textContent).toBe('engagements');
  location.hash = '#/settings';
  await new Promise((r) => setTimeout(r, 0));
  await act(async () => {
    await new Promise((r) => setTimeout(r, 50));
  });
  expect(el.textContent).toBe('settings');
  render(null, el);
});
