// Search every stored engagement as you type. The index lives in the worker; each keystroke asks it, and only
// the answer to the latest query is shown, whatever order the answers arrive in.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../worker/api.ts';
import './Search.css';

export interface SearchViewProps {
  query: string;
  search: (q: string, limit?: number) => Promise<SearchHit[]>;
  onQuery: (q: string) => void;
}

const LIMIT = 50;

const KIND_LABEL: Record<SearchHit['kind'], string> = {
  person: 'Person',
  party: 'Organisation',
  activity: 'RACI',
  sla: 'SLA',
  escalation: 'Escalation',
  oncall: 'On-call',
  calendar: 'Calendar',
  runbook: 'Runbook',
  priority: 'Priority',
};

type Answer = { query: string; hits: SearchHit[] } | { query: string; error: string };

export function SearchView(props: SearchViewProps) {
  const { onQuery } = props;
  // A parent may pass a new function on every render; only a new query should start a search.
  const search = useRef(props.search);
  search.current = props.search;
  const [text, setText] = useState(props.query);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(0);
  // Values we reported through onQuery: when the parent echoes one back (possibly late), it is not a navigation.
  const reported = useRef(new Set<string>());

  useEffect(() => {
    input.current?.focus();
  }, []);

  useEffect(() => {
    if (reported.current.has(props.query)) return;
    reported.current.clear();
    setText(props.query);
  }, [props.query]);

  useEffect(() => {
    const ticket = ++latest.current;
    if (text.trim() === '') {
      setAnswer(null);
      return;
    }
    search.current(text, LIMIT).then(
      (hits) => {
        if (ticket === latest.current) setAnswer({ query: text, hits });
      },
      (error: unknown) => {
        if (ticket === latest.current) setAnswer({ query: text, error: error instanceof Error ? error.message : String(error) });
      },
    );
  }, [text]);

  const onInput = (e: Event) => {
    const value = (e.currentTarget as HTMLInputElement).value;
    reported.current.add(value);
    setText(value);
    onQuery(value);
  };

  const hits = answer && 'hits' in answer ? answer.hits : [];
  let status = '';
  if (answer && 'error' in answer) status = `Search failed: ${answer.error}`;
  else if (answer && hits.length === 0) status = `No matches for “${answer.query.trim()}”`;
  else if (answer) status = hits.length >= LIMIT ? `The ${hits.length} best matches for “${answer.query.trim()}”` : `${hits.length} ${hits.length === 1 ? 'match' : 'matches'} for “${answer.query.trim()}”`;

  return (
    <div class="search-view" data-testid="view-search">
      <h1>Search</h1>
      <form role="search" class="search-form" onSubmit={(e) => e.preventDefault()}>
        <label for="search-input">Search all engagements</label>
        <input
          ref={input}
          id="search-input"
          data-testid="search-input"
          type="search"
          value={text}
          onInput={onInput}
          autofocus
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          enterkeyhint="search"
          placeholder="Name, vendor, firewall, P1…"
          aria-describedby="search-status"
        />
      </form>
      <p id="search-status" class="search-status muted" role="status" aria-live="polite" data-testid="search-status">
        {status}
      </p>
      {!answer && <p class="muted">Finds people, vendors, circuits, RACI lines, SLAs, escalations and runbook sections in every stored engagement, as you type.</p>}
      <div data-testid="search-results" class="search-results">
        {groupByEngagement(hits).map((group) => (
          <section key={group.engagementId} class="search-group" aria-labelledby={`search-group-${group.engagementId}`}>
            <h2 id={`search-group-${group.engagementId}`} class="search-group-title">
              {group.engagementTitle}
            </h2>
            <ul class="search-hits">
              {group.hits.map((hit) => (
                <li key={`${hit.kind}|${hit.href}|${hit.title}`}>
                  <a class="search-hit" href={routeOnly(hit.href)} data-kind={hit.kind}>
                    <span class="search-hit-head">
                      <span class="search-hit-title">{hit.title}</span> <span class="chip">{KIND_LABEL[hit.kind] ?? hit.kind}</span>
                    </span>
                    <span class="visually-hidden"> in {hit.engagementTitle}: </span>
                    {hit.detail && <span class="search-hit-detail muted">{hit.detail}</span>}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}

/** Groups in the order of each engagement's best hit; hits keep their rank within a group. */
function groupByEngagement(hits: SearchHit[]): Array<{ engagementId: string; engagementTitle: string; hits: SearchHit[] }> {
  const groups = new Map<string, { engagementId: string; engagementTitle: string; hits: SearchHit[] }>();
  for (const hit of hits) {
    let group = groups.get(hit.engagementId);
    if (!group) groups.set(hit.engagementId, (group = { engagementId: hit.engagementId, engagementTitle: hit.engagementTitle, hits: [] }));
    group.hits.push(hit);
  }
  return [...groups.values()];
}

// Hits are built from our own hash routes; anything else (a bug, a tampered cache) must not become a live link.
function routeOnly(href: string): string {
  return href.startsWith('#/') ? href : '#/search';
}
