// Who does what: the RACI matrix, one row per activity and one column per party or named person that holds a
// role, with the after-hours variant under its activity. Filters narrow it down to one party, role, area or name.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Engagement, Raci, Role } from '../../../core/index.ts';
import { ROLE_ORDER, ROLE_WORDS, ownership } from '../../../core/raci/index.ts';
import type { ViewProps } from './props.ts';
import './Raci.css';

export interface RaciColumn {
  /** The party or person id the matrix names. */
  id: string;
  kind: 'party' | 'person';
  name: string;
  /** For a person: the party they belong to. */
  partyName?: string;
}

/**
 * The matrix's columns: every party or person named in any activity (either variant), in the file's party order,
 * each named person right after their party.
 */
export function raciColumns(engagement: Engagement): RaciColumn[] {
  const used = new Set<string>();
  for (const a of Object.values(engagement.activities)) {
    for (const key of Object.keys(a.raci)) used.add(key);
    for (const key of Object.keys(a.afterHours?.raci ?? {})) used.add(key);
  }
  const columns: RaciColumn[] = [];
  const seen = new Set<string>();
  const push = (c: RaciColumn) => {
    columns.push(c);
    seen.add(c.id);
  };
  for (const [pid, party] of Object.entries(engagement.parties)) {
    if (used.has(pid)) push({ id: pid, kind: 'party', name: party.name });
    for (const [person, p] of Object.entries(engagement.people)) {
      if (p.party === pid && used.has(person)) push({ id: person, kind: 'person', name: p.name, partyName: party.name });
    }
  }
  // Ids the file's checks would reject (unknown party, person of an unknown party) still show, by their id.
  for (const key of used) {
    if (seen.has(key)) continue;
    const person = engagement.people[key];
    push(person ? { id: key, kind: 'person', name: person.name, partyName: person.party } : { id: key, kind: 'party', name: key });
  }
  return columns;
}

/** True when `who` (a party, which includes its people, or one person; '' = anyone) holds `role` ('' = any). */
export function holdsRole(engagement: Engagement, raci: Raci, who: string, role: Role | ''): boolean {
  return Object.entries(raci).some(
    ([key, roles]) => (who === '' || key === who || engagement.people[key]?.party === who) && (role === '' ? roles.length > 0 : roles.includes(role)),
  );
}

interface Filters {
  text: string;
  who: string;
  role: Role | '';
  area: string;
}

const NO_FILTER: Filters = { text: '', who: '', role: '', area: '' };

export function RaciView({ engagement, now, rest }: ViewProps) {
  const target = rest[0];
  const [filters, setFilters] = useState<Filters>(NO_FILTER);
  const columns = useMemo(() => raciColumns(engagement), [engagement]);
  const areas = useMemo(() => [...new Set(Object.values(engagement.activities).flatMap((a) => (a.area ? [a.area] : [])))], [engagement]);
  const all = Object.entries(engagement.activities);
  const needle = filters.text.trim().toLowerCase();
  const visible = all.filter(([aid, a]) =>
    (needle === '' || a.name.toLowerCase().includes(needle) || aid.toLowerCase().includes(needle))
    && (filters.area === '' || a.area === filters.area)
    && ((filters.who === '' && filters.role === '')
      || holdsRole(engagement, a.raci, filters.who, filters.role)
      || (a.afterHours !== undefined && holdsRole(engagement, a.afterHours.raci, filters.who, filters.role))),
  );

  const targetRow = useRef<HTMLTableRowElement>(null);
  // Set when the route names an activity; cleared once its row has been scrolled to.
  const pendingScroll = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (target === undefined) return;
    pendingScroll.current = target;
    // A link to one activity must show it, whatever the filters were; later filtering may hide it again.
    if (engagement.activities[target] && !visible.some(([aid]) => aid === target)) setFilters(NO_FILTER);
  }, [target]);
  useEffect(() => {
    if (pendingScroll.current === undefined || !targetRow.current) return;
    pendingScroll.current = undefined;
    targetRow.current.scrollIntoView?.({ block: 'center' });
  });

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = filters.text !== '' || filters.who !== '' || filters.role !== '' || filters.area !== '';

  return (
    <div class="raci-view" data-testid="view-raci">
      <h1>Who does what (RACI)</h1>
      <Legend />
      <div class="raci-filters">
        <label>
          <span>Activity</span>
          <input type="search" value={filters.text} onInput={(e) => set({ text: e.currentTarget.value })} autocomplete="off" enterkeyhint="search" data-testid="raci-filter-text" />
        </label>
        <label>
          <span>Party or person</span>
          <select value={filters.who} onChange={(e) => set({ who: e.currentTarget.value })} data-testid="raci-filter-party">
            <option value="">Anyone</option>
            <optgroup label="Parties">
              {Object.entries(engagement.parties)
                .filter(([pid]) => all.some(([, a]) => holdsRole(engagement, a.raci, pid, '') || (a.afterHours !== undefined && holdsRole(engagement, a.afterHours.raci, pid, ''))))
                .map(([pid, p]) => <option key={pid} value={pid}>{p.name}</option>)}
            </optgroup>
            {columns.some((c) => c.kind === 'person') && (
              <optgroup label="People">
                {columns.filter((c) => c.kind === 'person').map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
              </optgroup>
            )}
          </select>
        </label>
        <label>
          <span>Role</span>
          <select value={filters.role} onChange={(e) => set({ role: e.currentTarget.value as Role | '' })} data-testid="raci-filter-role">
            <option value="">Any role</option>
            {ROLE_ORDER.map((r) => <option key={r} value={r}>{r}: {ROLE_WORDS[r]}</option>)}
          </select>
        </label>
        {areas.length > 0 && (
          <label>
            <span>Area</span>
            <select value={filters.area} onChange={(e) => set({ area: e.currentTarget.value })} data-testid="raci-filter-area">
              <option value="">All areas</option>
              {areas.map((a) => <option key={a} value={a}>{areaName(a)}</option>)}
            </select>
          </label>
        )}
      </div>
      <p class="muted raci-count" role="status">
        {filtered ? `${visible.length} of ${all.length} activities` : `${all.length} activities`}
        {filtered && (
          <>
            {' '}
            <button type="button" class="raci-clear" onClick={() => setFilters(NO_FILTER)}>Clear filters</button>
          </>
        )}
      </p>
      {target !== undefined && engagement.activities[target] === undefined && (
        <p class="chip warn raci-missing">No activity “{target}” in this engagement.</p>
      )}
      {visible.length > 0 && (
        <div class="raci-scroll" tabIndex={0} role="region" aria-label="RACI matrix (scrolls sideways)">
          <table class="raci-table">
            <thead>
              <tr>
                <th scope="col" class="raci-activity">Activity</th>
                {columns.map((c) => (
                  <th key={c.id} scope="col" class={`raci-col raci-col-${c.kind}`}>
                    {c.name}
                    {c.partyName && <span class="raci-col-of">{c.partyName}</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.map(([aid, a]) => {
                const own = a.afterHours ? ownership(engagement, aid, now) : null;
                const isTarget = aid === target;
                const calName = a.afterHours ? (engagement.calendars[a.afterHours.calendar]?.name ?? a.afterHours.calendar) : '';
                return [
                  <tr
                    key={aid}
                    ref={isTarget ? targetRow : undefined}
                    class={isTarget ? 'raci-row raci-target' : 'raci-row'}
                    aria-current={isTarget ? 'true' : undefined}
                    data-testid={`raci-${aid}`}
                  >
                    <th scope="row" class="raci-activity">
                      <span class="raci-name">{a.name}</span>
                      {a.area && <span class="raci-area">{areaName(a.area)}</span>}
                      {own?.variant === 'standard' && <span class="chip ok raci-now">In force now</span>}
                      <Details description={a.description} notes={a.notes} evidence={a.evidence} />
                    </th>
                    {columns.map((c) => <RoleCell key={c.id} roles={a.raci[c.id]} />)}
                  </tr>,
                  a.afterHours && (
                    <tr key={`${aid}/after`} class={isTarget ? 'raci-row raci-after raci-target' : 'raci-row raci-after'} data-testid={`raci-${aid}-after-hours`}>
                      <th scope="row" class="raci-activity">
                        <span class="visually-hidden">{a.name}: </span>
                        <span class="raci-after-label">After hours</span>
                        <span class="raci-area">outside {calName}</span>
                        {own?.variant === 'after-hours' && <span class="chip ok raci-now">In force now</span>}
                      </th>
                      {columns.map((c) => <RoleCell key={c.id} roles={a.afterHours?.raci[c.id]} />)}
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </div>
      )}
      {visible.length === 0 && <p class="card">No activity matches these filters.</p>}
    </div>
  );
}

function RoleCell({ roles }: { roles: Role[] | undefined }) {
  const ordered = ROLE_ORDER.filter((r) => roles?.includes(r));
  return (
    <td class="raci-cell" data-roles={ordered.join('')}>
      {ordered.map((r) => <RoleMark key={r} role={r} />)}
    </td>
  );
}

function RoleMark({ role }: { role: Role }) {
  return (
    <span class={`raci-role raci-role-${role.toLowerCase()}`} title={ROLE_WORDS[role]}>
      <span aria-hidden="true">{role}</span>
      <span class="visually-hidden">{ROLE_WORDS[role]}</span>
    </span>
  );
}

function Legend() {
  return (
    <ul class="raci-legend" aria-label="Role letters">
      {ROLE_ORDER.map((r) => (
        <li key={r}>
          <RoleMark role={r} /> <span aria-hidden="true">{ROLE_WORDS[r]}</span>
        </li>
      ))}
    </ul>
  );
}

function Details({ description, notes, evidence }: { description?: string; notes?: string; evidence: string[] }) {
  if (!description && !notes && evidence.length === 0) return null;
  return (
    <details class="raci-details">
      <summary>Notes</summary>
      {description && <p>{description}</p>}
      {notes && <p>{notes}</p>}
      {evidence.length > 0 && (
        <>
          <p class="raci-evidence-title">Evidence:</p>
          <ul>{evidence.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </>
      )}
    </details>
  );
}

/** "service-desk" → "Service desk": areas are ids in the file. */
export function areaName(area: string): string {
  const words = area.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
