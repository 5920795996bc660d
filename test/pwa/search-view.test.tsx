// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { parseEngagement, type Engagement } from '../../core/index.ts';
import { engagementDocuments } from '../../pwa/src/search/documents.ts';
import { HandbookSearch } from '../../pwa/src/search/engine.ts';
import { SearchView } from '../../pwa/src/views/Search.tsx';
import type { SearchHit } from '../../pwa/src/worker/api.ts';

let index: HandbookSearch;

beforeAll(() => {
  const text = readFileSync(fileURLToPath(import.meta.resolve('../../examples/acme-ost.yaml')), 'utf8');
  const result = parseEngagement(text, { fileName: 'acme-ost.yaml', now: Date.parse('2026-11-28T12:00:00Z') });
  if (!result.ok) throw new Error('the example does not parse');
  const beta: Engagement = structuredClone(result.engagement);
  beta.engagement.title = 'Beta Co × On-Site Technology';
  index = new HandbookSearch();
  index.replaceEngagement('acme-ost', engagementDocuments('acme-ost', result.engagement));
  index.replaceEngagement('beta-co', engagementDocuments('beta-co', beta));
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const realSearch = (q: string, limit?: number) => Promise.resolve(index.search(q, limit));

function type(input: HTMLElement, value: string) {
  fireEvent.input(input, { target: { value } });
}

const hrefs = (root: HTMLElement) => Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('href'));

function hit(title: string, engagementId = 'acme-ost'): SearchHit {
  return { engagementId, engagementTitle: `${engagementId} title`, kind: 'person', title, detail: `${title} detail`, href: `#/${engagementId}/contacts/${title.toLowerCase()}`, score: 1 };
}

/** A search whose answers the test releases by hand, in any order. */
function manualSearch() {
  const pending = new Map<string, (hits: SearchHit[]) => void>();
  const search = vi.fn((q: string) => new Promise<SearchHit[]>((resolve) => pending.set(q, resolve)));
  const answer = async (q: string, hits: SearchHit[]) => {
    await act(async () => {
      pending.get(q)!(hits);
      await Promise.resolve();
    });
  };
  return { search, answer };
}

describe('Search view', () => {
  test('has its heading, a labelled focused search box and an empty result list', () => {
    const view = render(<SearchView query="" search={realSearch} onQuery={() => {}} />);
    expect(view.getByRole('heading', { level: 1 }).textContent).toBe('Search');
    const input = view.getByLabelText(/search all engagements/i) as HTMLInputElement;
    expect(input).toBe(view.getByTestId('search-input'));
    expect(input.type).toBe('search');
    expect(input.hasAttribute('autofocus')).toBe(true);
    expect(document.activeElement).toBe(input);
    expect(view.getByTestId('search-results').children).toHaveLength(0);
    expect(view.getByRole('status').getAttribute('aria-live')).toBe('polite');
  });

  test('results follow each keystroke, link to the views and are grouped by engagement', async () => {
    const onQuery = vi.fn();
    const view = render(<SearchView query="" search={realSearch} onQuery={onQuery} />);
    const input = view.getByTestId('search-input');
    const results = view.getByTestId('search-results');

    type(input, 'ransom');
    await waitFor(() => expect(hrefs(results)).toContain('#/acme-ost/runbooks/ransomware'));
    expect(hrefs(results)).toContain('#/beta-co/runbooks/ransomware');
    expect(onQuery).toHaveBeenLastCalledWith('ransom');
    const groups = Array.from(results.querySelectorAll('section h2')).map((h) => h.textContent);
    expect(groups.sort()).toEqual(['Acme Corp × On-Site Technology', 'Beta Co × On-Site Technology']);
    const link = results.querySelector('a[href="#/acme-ost/runbooks/ransomware"]')!;
    expect(link.textContent).toContain('Ransomware or suspected compromise: containment');
    expect(link.textContent).toContain('Runbook');
    expect(link.textContent).toContain('Acme Corp × On-Site Technology');
    expect(view.getByRole('status').textContent).toMatch(/^\d+ match(es)? for “ransom”$/);

    type(input, 'okafur');
    await waitFor(() => expect(hrefs(results)).toContain('#/acme-ost/contacts/mokafor'));
    expect(hrefs(results)).not.toContain('#/acme-ost/runbooks/ransomware');
    expect(results.querySelector('a[href="#/acme-ost/contacts/mokafor"]')!.textContent).toContain('Virtual CIO');
    expect(onQuery).toHaveBeenLastCalledWith('okafur');

    type(input, 'qqqzzzx');
    await waitFor(() => expect(view.getByRole('status').textContent).toBe('No matches for “qqqzzzx”'));
    expect(results.querySelectorAll('a')).toHaveLength(0);

    type(input, '');
    await waitFor(() => expect(view.getByRole('status').textContent).toBe(''));
    expect(results.querySelectorAll('a')).toHaveLength(0);
  });

  test('an answer to an older query that arrives late is dropped', async () => {
    const { search, answer } = manualSearch();
    const view = render(<SearchView query="" search={search} onQuery={() => {}} />);
    const input = view.getByTestId('search-input');
    type(input, 'jan');
    type(input, 'jane');
    await waitFor(() => expect(search).toHaveBeenCalledTimes(2));
    expect(search.mock.calls.map((c) => c[0])).toEqual(['jan', 'jane']);

    await answer('jane', [hit('Jane')]);
    await answer('jan', [hit('Janet'), hit('Jane')]);
    const results = view.getByTestId('search-results');
    expect(hrefs(results)).toEqual(['#/acme-ost/contacts/jane']);
    expect(view.getByRole('status').textContent).toBe('1 match for “jane”');
  });

  test('an answer arriving after the box was cleared is dropped', async () => {
    const { search, answer } = manualSearch();
    const view = render(<SearchView query="" search={search} onQuery={() => {}} />);
    const input = view.getByTestId('search-input');
    type(input, 'jane');
    type(input, '');
    await answer('jane', [hit('Jane')]);
    expect(view.getByTestId('search-results').querySelectorAll('a')).toHaveLength(0);
  });

  test('opens with the query of the route, and follows a new one from outside', async () => {
    const view = render(<SearchView query="metro" search={realSearch} onQuery={() => {}} />);
    const input = view.getByTestId('search-input') as HTMLInputElement;
    expect(input.value).toBe('metro');
    await waitFor(() => expect(hrefs(view.getByTestId('search-results'))).toContain('#/acme-ost/contacts/metro'));
    view.rerender(<SearchView query="okafor" search={realSearch} onQuery={() => {}} />);
    expect(input.value).toBe('okafor');
    await waitFor(() => expect(hrefs(view.getByTestId('search-results'))).toContain('#/acme-ost/contacts/mokafor'));
  });

  test('a late echo of what was typed does not overwrite the box', async () => {
    const view = render(<SearchView query="" search={realSearch} onQuery={() => {}} />);
    const input = view.getByTestId('search-input') as HTMLInputElement;
    type(input, 'me');
    type(input, 'metro');
    view.rerender(<SearchView query="me" search={realSearch} onQuery={() => {}} />);
    expect(input.value).toBe('metro');
  });

  test('a parent that passes a new search function on every render still searches once per query', async () => {
    const calls: string[] = [];
    function Parent() {
      return <SearchView query="" search={(q, limit) => (calls.push(q), realSearch(q, limit))} onQuery={() => {}} />;
    }
    const view = render(<Parent />);
    type(view.getByTestId('search-input'), 'metro');
    await waitFor(() => expect(hrefs(view.getByTestId('search-results'))).toContain('#/acme-ost/contacts/metro'));
    view.rerender(<Parent />);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual(['metro']);
  });

  test('a failing search says so in the status', async () => {
    const view = render(<SearchView query="" search={() => Promise.reject(new Error('worker gone'))} onQuery={() => {}} />);
    type(view.getByTestId('search-input'), 'jane');
    await waitFor(() => expect(view.getByRole('status').textContent).toBe('Search failed: worker gone'));
  });

  test('a hit whose href is not an app route does not become a live link', async () => {
    const bad = { ...hit('Evil'), href: 'javascript:alert(1)' };
    const view = render(<SearchView query="evil" search={() => Promise.resolve([bad])} onQuery={() => {}} />);
    await waitFor(() => expect(view.getByTestId('search-results').querySelectorAll('a')).toHaveLength(1));
    expect(hrefs(view.getByTestId('search-results'))).toEqual(['#/search']);
  });

  test('axe finds no violations with results on screen', async () => {
    document.documentElement.lang = 'en';
    document.title = 'Tandem';
    const main = document.createElement('main');
    document.body.replaceChildren(main);
    const view = render(<SearchView query="metro" search={realSearch} onQuery={() => {}} />, { container: main });
    await waitFor(() => expect(view.getByTestId('search-results').querySelectorAll('a').length).toBeGreaterThan(0));
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
