// The background side of "Teach Tandem this page": a picker session exists only for the tab and origin the popup
// armed, picker messages from anywhere else are refused, and a saved draft becomes the origin's recipe.
import { beforeEach, expect, test } from 'vitest';
import { EXTENSION_ID, type FakeChrome, installFakeChrome, startBackground } from './fake-chrome.ts';

const ORIGIN = 'https://tickets.acme.example';
const PAGE = `${ORIGIN}/ticket/4711`;
const pick = (selector: string, value: string) => ({ proposals: [{ selector, value, kind: 'class' }], chosen: 0 });
const draft = {
  url: PAGE,
  picks: { id: pick('.ticket-number', '#4711'), priority: pick('.priority', '2 - High'), created: pick('.created', '27/11/2026 16:05') },
};

let fake: FakeChrome;
beforeEach(async () => {
  fake = installFakeChrome();
  await startBackground();
});

test('picker messages before the popup armed the tab are refused', async () => {
  expect(await fake.fromContent({ type: 'picker:update', draft }, PAGE, 3)).toEqual({ ok: false, reason: 'refused' });
  expect(await fake.fromPage({ type: 'picker:state', tabId: 3 })).toBeNull();
});

test('only the armed tab, top frame, on the armed origin may update; the save writes the recipe', async () => {
  expect(await fake.fromPage({ type: 'picker:arm', tabId: 3, origin: ORIGIN }, 'extension/pages/popup/index.html')).toEqual({ ok: true });
  expect(await fake.fromContent({ type: 'picker:update', draft }, PAGE, 4)).toEqual({ ok: false, reason: 'refused' });
  expect(await fake.fromContent({ type: 'picker:update', draft }, 'https://evil.example/ticket/4711', 3)).toEqual({ ok: false, reason: 'refused' });
  const frame = { id: EXTENSION_ID, url: PAGE, origin: ORIGIN, tab: { id: 3, url: PAGE }, frameId: 7 };
  expect(await fake.send({ type: 'picker:update', draft }, frame)).toEqual({ ok: false, reason: 'refused' });
  expect(await fake.fromContent({ type: 'picker:update', draft: { ...draft, picks: { priority: { proposals: [], chosen: 99 } } } }, PAGE, 3)).toEqual({
    ok: false,
    reason: 'malformed request',
  });

  expect(await fake.fromContent({ type: 'picker:update', draft }, PAGE, 3)).toEqual({ ok: true });
  expect(await fake.fromPage({ type: 'picker:state', tabId: 3 })).toEqual({ origin: ORIGIN, draft });
  expect(await fake.fromContent({ type: 'picker:done', save: true }, PAGE, 3)).toEqual({ ok: true });

  const [recipe] = (await fake.fromPage({ type: 'recipe:list' })) as Array<Record<string, unknown>>;
  expect(recipe).toMatchObject({
    origin: ORIGIN,
    ticketUrl: '^/ticket/(?<id>\\d+)(?:[/?#]|$)',
    fields: { priority: { selector: '.priority', sample: '2 - High' }, created: { selector: '.created', format: 'DD/MM/YYYY HH:mm' } },
  });
  // The session ended with the save: the tab's picker cannot write again without a new click in the popup.
  expect(await fake.fromContent({ type: 'picker:update', draft }, PAGE, 3)).toEqual({ ok: false, reason: 'refused' });
  expect(await fake.fromPage({ type: 'recipe:delete', origin: ORIGIN })).toEqual({ ok: true });
  expect(await fake.fromPage({ type: 'recipe:list' })).toEqual([]);
});

test('a draft without a priority is not saved', async () => {
  await fake.fromPage({ type: 'picker:arm', tabId: 3, origin: ORIGIN });
  await fake.fromContent({ type: 'picker:update', draft: { url: PAGE, picks: { id: draft.picks.id } } }, PAGE, 3);
  expect(await fake.fromPage({ type: 'picker:save', tabId: 3 })).toEqual({ ok: false, error: 'Pick at least the priority.' });
  expect(await fake.fromPage({ type: 'recipe:list' })).toEqual([]);
});

test('picker messages are refused from pages that are not ours', async () => {
  expect(await fake.send({ type: 'picker:arm', tabId: 3, origin: ORIGIN }, { id: 'other-extension', url: PAGE })).toEqual({ error: 'refused: not from this extension' });
  expect(await fake.send({ type: 'picker:arm', tabId: 3, origin: ORIGIN }, { id: EXTENSION_ID, url: PAGE, origin: ORIGIN, tab: { id: 3, url: PAGE }, frameId: 0 })).toEqual({
    error: 'refused: not from an extension page',
  });
});

test("the popup's choice of another proposal is what the recipe keeps; an index past the proposals is ignored", async () => {
  const two = {
    url: PAGE,
    picks: {
      priority: { proposals: [{ selector: '.priority', value: '2 - High', kind: 'class' }, { selector: '[data-field="prio"]', value: '2 - High', kind: 'attribute' }], chosen: 0 },
      status: pick('.status', 'Open'),
    },
  };
  await fake.fromPage({ type: 'picker:arm', tabId: 3, origin: ORIGIN });
  expect(await fake.fromContent({ type: 'picker:update', draft: two }, PAGE, 3)).toEqual({ ok: true });
  const saved = (await fake.fromPage({ type: 'picker:save', tabId: 3, chosen: { priority: 1, status: 5 } })) as { ok: boolean; recipe: { fields: Record<string, { selector: string }> } };
  expect(saved.ok).toBe(true);
  expect(saved.recipe.fields.priority!.selector).toBe('[data-field="prio"]');
  expect(saved.recipe.fields.status!.selector).toBe('.status');
  // A choice outside what the shape allows is refused before it reaches the draft.
  await fake.fromPage({ type: 'picker:arm', tabId: 3, origin: ORIGIN });
  await fake.fromContent({ type: 'picker:update', draft: two }, PAGE, 3);
  expect(await fake.fromPage({ type: 'picker:save', tabId: 3, chosen: { priority: -1 } })).toMatchObject({ error: expect.stringContaining('malformed') });
});
