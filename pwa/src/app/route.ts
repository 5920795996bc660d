// Hash routes, so every view is a link that survives a reload offline and needs no server routing.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { kind: 'home' }
  | { kind: 'engagements' }
  | { kind: 'settings' }
  | { kind: 'search'; query: string }
  | { kind: 'engagement'; id: string; view: EngagementViewName; rest: string[] };

export const ENGAGEMENT_VIEWS = ['now', 'contacts', 'raci', 'slas', 'escalation', 'runbooks', 'report'] as const;
export type EngagementViewName = (typeof ENGAGEMENT_VIEWS)[number];
/** The bottom tabs: what a technician opens on a phone. The QBR report is reached from the top bar instead. */
export const TAB_VIEWS: readonly EngagementViewName[] = ['now', 'contacts', 'raci', 'slas', 'escalation', 'runbooks'];

export function parseRoute(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean).map(safeDecode);
  const [first, second, ...rest] = parts;
  if (first === undefined) return { kind: 'home' };
  if (first === 'engagements') return { kind: 'engagements' };
  if (first === 'settings') return { kind: 'settings' };
  if (first === 'search') return { kind: 'search', query: new URLSearchParams(queryPart).get('q') ?? '' };
  const view = (ENGAGEMENT_VIEWS as readonly string[]).includes(second ?? '') ? (second as EngagementViewName) : 'now';
  return { kind: 'engagement', id: first, view, rest: second === view ? rest : [] };
}

export function engagementHref(id: string, view: EngagementViewName = 'now', ...rest: string[]): string {
  return `#/${[id, view, ...rest].map(encodeURIComponent).join('/')}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    // The effect runs after the first paint: a hash change in between (a link tapped while the shell was still
    // starting) fired before anyone listened.
    on();
    return () => removeEventListener('hashchange', on);
  }, []);
  return parseRoute(hash);
}
