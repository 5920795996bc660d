// The search documents of one engagement: one per thing a technician looks for (a person, a vendor, a RACI line,
// an SLA, an escalation, an on-call rota, a calendar, a priority, a runbook section), each with the hash route that
// opens it. Pure functions of the Engagement, so the worker can rebuild the index from the store at any time.
import type { Engagement, EscalationStep, Target } from '../../../core/index.ts';
import type { SearchHit } from '../worker/api.ts';

export type SearchKind = SearchHit['kind'];

export interface SearchDoc {
  /** Unique across engagements: `${engagementId}/${kind}/${thingId}[/${headingSlug}]`. */
  id: string;
  engagementId: string;
  engagementTitle: string;
  kind: SearchKind;
  title: string;
  /** One line of context shown under the title. */
  detail: string;
  /** Everything else worth matching; never shown. */
  body: string;
  href: string;
}

export function engagementDocuments(id: string, engagement: Engagement): SearchDoc[] {
  const e = engagement;
  const engagementTitle = e.engagement.title;
  const route = (...parts: string[]) => `#/${[id, ...parts].map(encodeURIComponent).join('/')}`;
  const docs: SearchDoc[] = [];
  const add = (kind: SearchKind, thing: string, title: string, detail: string, body: Array<string | undefined>, href: string) => {
    docs.push({ id: `${id}/${kind}/${thing}`, engagementId: id, engagementTitle, kind, title, detail, body: joinText(body), href });
  };
  const nameOf = (who: string) => e.people[who]?.name ?? e.parties[who]?.name ?? who;
  const targetName = (t: Target) => (t.kind === 'oncall' ? (e.oncall[t.id]?.name ?? t.id) : nameOf(t.id));

  for (const [pid, p] of Object.entries(e.people)) {
    const party = e.parties[p.party]?.name ?? p.party;
    const contacts = p.contact.flatMap((c) => {
      switch (c.type) {
        case 'phone':
        case 'sms':
          return [...phoneTexts(c), c.label];
        case 'email':
        case 'teams':
          return [c.address, c.label];
        case 'slack':
          return [c.label];
        case 'url':
          return [c.label];
      }
    });
    add('person', pid, p.name, line(p.title, party), [p.title, ...p.roles, ...p.authority, party, ...contacts, p.notes], route('contacts', pid));
  }

  for (const [pid, p] of Object.entries(e.parties)) {
    const s = p.support;
    add('party', pid, p.name, line(PARTY_KIND[p.kind], p.hotline?.display ?? s?.phone?.display),
      [PARTY_KIND[p.kind], p.kind, ...phoneTexts(p.hotline), p.email, p.portal, p.notes,
        s?.account, s?.contract, ...(s?.circuits ?? []), ...phoneTexts(s?.phone), s?.email, s?.url, s?.severity, s?.notes],
      route('contacts', pid));
  }

  for (const [aid, a] of Object.entries(e.activities)) {
    const holders = (raci: Record<string, string[]>) => Object.entries(raci).map(([who, roles]) => `${roles.join('')}: ${nameOf(who)}`);
    const main = holders(a.raci);
    add('activity', aid, a.name, line(a.area && humanize(a.area), ...main.filter((h) => /^[^:]*[RA]/.test(h))),
      [a.area, a.description, ...main, ...(a.afterHours ? holders(a.afterHours.raci) : []), ...a.evidence, a.notes],
      route('raci', aid));
  }

  for (const [sid, s] of Object.entries(e.sla)) {
    const priorities = Object.keys(s.targets).map((p) => `${p} ${e.priorities[p]?.name ?? ''}`);
    add('sla', sid, s.name ?? sid, line(s.kind, `${nameOf(s.provider)} → ${nameOf(s.customer)}`),
      [s.kind, nameOf(s.provider), nameOf(s.customer), ...priorities, ...(s.appliesTo.activities ?? []).map((a) => e.activities[a]?.name ?? a)],
      route('slas', sid));
  }

  for (const [xid, x] of Object.entries(e.escalation)) {
    const steps = (list: EscalationStep[] | undefined) => (list ?? []).flatMap((st) => [st.say, ...st.notify.map(targetName)]);
    const scope = [...(x.appliesTo.priorities ?? []), ...(x.appliesTo.activities ?? []).map((a) => e.activities[a]?.name ?? a)];
    add('escalation', xid, x.name ?? xid, line('Escalation policy', scope.join(', ')),
      [...scope, ...steps(x.steps), ...steps(x.afterHours)], route('escalation', xid));
  }

  for (const [oid, o] of Object.entries(e.oncall)) {
    const members = [...o.layers.flatMap((l) => [l.name, ...l.members.map(nameOf)]), ...o.overrides.flatMap((v) => [nameOf(v.person), v.reason]), o.fallback && nameOf(o.fallback)];
    add('oncall', oid, o.name ?? oid, line('On-call schedule', o.party && nameOf(o.party)), members, route('escalation', oid));
  }

  for (const [cid, c] of Object.entries(e.calendars)) {
    add('calendar', cid, c.name ?? cid, line('Calendar', c.hours === '24x7' ? '24x7' : undefined, c.timeZone),
      [c.timeZone, ...c.holidays.map((h) => h.name)], route('slas', cid));
  }

  for (const [key, p] of Object.entries(e.priorities)) {
    add('priority', key, `${key} ${p.name}`, p.means ?? 'Priority', [p.means, ...p.examples], route('now'));
  }

  for (const [rid, r] of Object.entries(e.runbooks)) {
    const owner = r.owner && nameOf(r.owner);
    const [intro, ...headed] = runbookSections(r.body);
    // The shown snippet is the section's opening; the body holds the rest, so no word is indexed twice.
    const introSplit = splitSnippet(intro?.text ?? '');
    // The triggers say when to open the runbook, which is what people type during an incident.
    const introBody = joinText([...r.triggers, introSplit.rest, owner]);
    if (introSplit.snippet !== '' || r.triggers.length > 0 || introSplit.rest !== '' || headed.length === 0) {
      docs.push({
        id: `${id}/runbook/${rid}`, engagementId: id, engagementTitle, kind: 'runbook', title: r.title,
        detail: introSplit.snippet || line('Runbook', owner), body: introBody, href: route('runbooks', rid),
      });
    }
    for (const s of headed) {
      const { snippet, rest } = splitSnippet(s.text);
      docs.push({
        id: `${id}/runbook/${rid}/${s.slug}`, engagementId: id, engagementTitle, kind: 'runbook', title: `${r.title} — ${s.heading}`,
        detail: snippet || line('Runbook', r.title), body: rest, href: route('runbooks', rid, s.slug!),
      });
    }
  }
  return docs;
}

const PARTY_KIND: Record<Engagement['parties'][string]['kind'], string> = {
  internal: 'Internal IT', msp: 'MSP', mssp: 'Security provider (MSSP)', vendor: 'Vendor', leadership: 'Leadership', client: 'Client department',
};

function line(...parts: Array<string | undefined>): string {
  return parts.filter((p): p is string => !!p && p.trim() !== '').join(' · ');
}

function joinText(parts: Array<string | undefined>): string {
  return [...new Set(parts.filter((p): p is string => !!p))].join('\n').replace(/[ \t]+/g, ' ').trim();
}

/**
 * A number as written, its E.164 digits, and the digits after the country code, so that typing "973555" or
 * "9735550111" finds "+1 973 555 0111" (the tokenizer keeps each run of digits as one term, matched by prefix).
 */
function phoneTexts(phone: { display: string; e164: string } | undefined): string[] {
  if (!phone) return [];
  const national = /^\s*\+\d+[\s.-]+(.*)$/.exec(phone.display)?.[1]?.replace(/[a-z#].*$/i, '').replace(/\D+/g, '');
  return [phone.display, phone.e164, national ?? ''];
}

function humanize(id: string): string {
  const words = id.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The first words of a text, at most `max` characters and cut between words, and the text after them. */
function splitSnippet(text: string, max = 140): { snippet: string; rest: string } {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return { snippet: flat, rest: '' };
  const space = flat.lastIndexOf(' ', max);
  const cut = space > max / 2 ? space : max;
  return { snippet: `${flat.slice(0, cut)}…`, rest: flat.slice(cut).trim() };
}

// ---------------------------------------------------------------------------------------------------------------
// Runbook sections. A hand-written line scanner rather than micromark: micromark with GFM reads about 1 MB/s, so
// deriving the documents of a large handbook would cost seconds on a phone; this is ~100x faster and agrees with
// micromark on what a heading is and on the heading's text content (which the Runbooks view slugs).

export interface RunbookSection {
  /** Plain text of the heading; null for the text before the first heading. */
  heading: string | null;
  /** The heading's unique id within its runbook (see createSlugger); null for the text before the first heading. */
  slug: string | null;
  /** The section's text with markdown syntax removed. */
  text: string;
}

const STROKED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * The id of a runbook heading: lower case, diacritics removed, every run of other characters a single '-',
 * no leading or trailing '-'; 'section' when nothing is left. Use createSlugger to make ids unique in a runbook.
 */
export function headingSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => STROKED[c] ?? c)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}

/**
 * One per runbook: returns headingSlug(text), with -2, -3, … appended to repeats. The Runbooks view gives each
 * rendered heading (h1-h6, in document order) the id `slugger(heading.textContent)`, so the hrefs of search hits
 * land on it.
 */
export function createSlugger(): (text: string) => string {
  const used = new Set<string>();
  return (text) => {
    const base = headingSlug(text);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  };
}

const QUOTE = /^(?: {0,3}>[ \t]?)+/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const TABLE_DELIMITER = /^ *\|?(?: *:?-+:? *\|)+(?: *:?-+:? *)?$|^ *:?-+:? *\|(?: *:?-+:? *\|?)*$/;
const THEMATIC = /^ {0,3}(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/;

/**
 * Split a runbook's markdown at its headings (ATX `#` and setext underlines, outside code fences). The first
 * section is always the text before the first heading (heading and slug null, text possibly empty).
 */
export function runbookSections(markdown: string): RunbookSection[] {
  const slugger = createSlugger();
  const sections: Array<{ heading: string | null; slug: string | null; lines: string[] }> = [{ heading: null, slug: null, lines: [] }];
  let current = sections[0]!;
  let fence: string | null = null;
  let paragraph = 0; // lines of the open paragraph at the end of current.lines
  let setextAllowed = false;
  const open = (heading: string) => {
    current = { heading, slug: slugger(heading), lines: [] };
    sections.push(current);
    paragraph = 0;
  };
  for (const raw of markdown.split(/\r\n?|\n/)) {
    const lineText = raw.replace(QUOTE, '');
    if (fence !== null) {
      const close = FENCE.exec(lineText);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && lineText.trim() === close[1]) fence = null;
      else current.lines.push(lineText);
      continue;
    }
    const fenceOpen = FENCE.exec(lineText);
    if (fenceOpen && !(fenceOpen[1]![0] === '`' && lineText.slice(fenceOpen[0].length).includes('`'))) {
      fence = fenceOpen[1]!;
      paragraph = 0;
      continue;
    }
    const atx = ATX.exec(lineText);
    if (atx) {
      open(headingText((atx[2] ?? '').replace(/(?:^|[ \t]+)#+[ \t]*$/, '')));
      continue;
    }
    if (paragraph > 0 && setextAllowed && SETEXT.exec(lineText)) {
      open(headingText(current.lines.splice(current.lines.length - paragraph).join('\n')));
      continue;
    }
    if (lineText.trim() === '') {
      paragraph = 0;
      current.lines.push('');
      continue;
    }
    if (THEMATIC.test(lineText)) {
      paragraph = 0;
      continue;
    }
    if (paragraph === 0) setextAllowed = !LIST_ITEM.test(lineText) && !lineText.trimStart().startsWith('|');
    paragraph++;
    current.lines.push(lineText);
  }
  return sections.map((s) => ({ heading: s.heading, slug: s.slug, text: blockText(s.lines) }));
}

function blockText(lines: string[]): string {
  const plain = lines
    .filter((l) => !TABLE_DELIMITER.test(l))
    .map((l) => l.replace(/^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/, '').replace(/\|/g, ' '))
    .join('\n');
  return inlineText(plain, false);
}

function headingText(markdown: string): string {
  return inlineText(markdown, true).replace(/\s+/g, ' ');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Inline markdown to the text a reader sees. Emphasis markers become spaces rather than nothing, so that
 * `snake_case` and `**bold**` slug exactly as their rendered text does.
 */
function inlineText(text: string, heading: boolean): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, heading ? '' : '$1')
    .replace(/\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])/g, '$1')
    .replace(/<((?:https?|mailto|tel):[^>\s]+|[^>\s@]+@[^>\s]+)>/gi, '$1')
    .replace(/`+/g, '')
    .replace(/\\([!-/:-@[-`{-~])/g, (_m, c: string) => (c === '*' || c === '_' || c === '~' ? `\u0000${c}` : c))
    .replace(/\*+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])|~~+/gu, ' ')
    .replace(/\u0000/g, '')
    .replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos|nbsp));/g, (m, dec?: string, hex?: string, name?: string) => {
      if (name) return ENTITIES[name] ?? m;
      const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
