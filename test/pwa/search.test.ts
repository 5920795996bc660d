import { readFileSync } from 'node:fs';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseEngagement, type Engagement } from '../../core/index.ts';
import { createSlugger, engagementDocuments, headingSlug, runbookSections, type SearchDoc } from '../../pwa/src/search/documents.ts';
import { DOCUMENTS_VERSION, HandbookSearch, MINISEARCH_FORMAT, indexCacheKey, loadOrBuild, queryTerms, type IndexCache } from '../../pwa/src/search/engine.ts';

let acme: Engagement;
let beta: Engagement;

beforeAll(() => {
  const text = readFileSync(new URL('../../examples/acme-ost.yaml', import.meta.url), 'utf8');
  const result = parseEngagement(text, { fileName: 'acme-ost.yaml', now: Date.parse('2026-11-28T12:00:00Z') });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  acme = result.engagement;
  beta = structuredClone(acme);
  beta.engagement.id = 'beta-co';
  beta.engagement.title = 'Beta Co × On-Site Technology';
  beta.people.asmith!.name = 'Ingrid Halvorsen';
});

const byId = (docs: SearchDoc[], id: string) => {
  const doc = docs.find((d) => d.id === id);
  if (!doc) throw new Error(`no document ${id}`);
  return doc;
};

describe('engagementDocuments', () => {
  test('one document per searchable thing, with unique ids and routes into the views', () => {
    const docs = engagementDocuments('acme-ost', acme);
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
    const count = (kind: SearchDoc['kind']) => docs.filter((d) => d.kind === kind).length;
    expect(count('person')).toBe(Object.keys(acme.people).length);
    expect(count('party')).toBe(Object.keys(acme.parties).length);
    expect(count('activity')).toBe(Object.keys(acme.activities).length);
    expect(count('sla')).toBe(Object.keys(acme.sla).length);
    expect(count('escalation')).toBe(Object.keys(acme.escalation).length);
    expect(count('oncall')).toBe(Object.keys(acme.oncall).length);
    expect(count('calendar')).toBe(Object.keys(acme.calendars).length);
    expect(count('priority')).toBe(Object.keys(acme.priorities).length);
    // The example's runbooks have no headings: one document each.
    expect(count('runbook')).toBe(Object.keys(acme.runbooks).length);
    for (const d of docs) {
      expect(d.engagementId).toBe('acme-ost');
      expect(d.engagementTitle).toBe('Acme Corp × On-Site Technology');
      expect(d.href).toMatch(/^#\/acme-ost\/(contacts|raci|slas|escalation|runbooks|now)(\/|$)/);
      expect(d.title).not.toBe('');
      expect(d.detail).not.toMatch(/\n/);
    }
    expect(byId(docs, 'acme-ost/person/jdoe').href).toBe('#/acme-ost/contacts/jdoe');
    expect(byId(docs, 'acme-ost/party/metro').href).toBe('#/acme-ost/contacts/metro');
    expect(byId(docs, 'acme-ost/activity/firewall-change').href).toBe('#/acme-ost/raci/firewall-change');
    expect(byId(docs, 'acme-ost/sla/joint').href).toBe('#/acme-ost/slas/joint');
    expect(byId(docs, 'acme-ost/escalation/p1-critical').href).toBe('#/acme-ost/escalation/p1-critical');
    expect(byId(docs, 'acme-ost/oncall/ost-noc').href).toBe('#/acme-ost/escalation/ost-noc');
    expect(byId(docs, 'acme-ost/priority/P1').href).toBe('#/acme-ost/now');
    expect(byId(docs, 'acme-ost/runbook/ransomware').href).toBe('#/acme-ost/runbooks/ransomware');
  });

  test('each kind carries the fields people search it by', () => {
    const docs = engagementDocuments('acme-ost', acme);
    const all = (d: SearchDoc) => `${d.title}\n${d.detail}\n${d.body}`;
    const jane = byId(docs, 'acme-ost/person/jdoe');
    expect(jane.title).toBe('Jane Doe');
    expect(jane.detail).toBe('IT Manager · Acme Internal IT');
    for (const s of ['it_manager', 'change_approver', '+1 973 555 0111', 'jane.doe@acme.example', '9735550111']) expect(all(jane)).toContain(s);
    const metro = all(byId(docs, 'acme-ost/party/metro'));
    for (const s of ['Metro Fiber', 'MF-22841', 'MF-ENT-2025-0193', 'MFX/101/GE/NWRK/22841', '+1 800 555 0199']) expect(metro).toContain(s);
    const fw = all(byId(docs, 'acme-ost/activity/firewall-change'));
    for (const s of ['Firewall rule change', 'On-Site Technology', 'Acme Internal IT', 'Metro Fiber']) expect(fw).toContain(s);
    const breach = all(byId(docs, 'acme-ost/activity/breach-notification'));
    expect(breach).toContain('Laura Chen'); // a person holding a RACI letter, by name
    const joint = all(byId(docs, 'acme-ost/sla/joint'));
    for (const s of ['Co-managed service desk SLA', 'On-Site Technology', 'P1 Critical', 'P4 Low']) expect(joint).toContain(s);
    const p1 = all(byId(docs, 'acme-ost/escalation/p1-critical'));
    for (const s of ['give the ticket number', 'OST NOC on-call', 'Dana Lee', 'Raj Patel']) expect(p1).toContain(s);
    const noc = all(byId(docs, 'acme-ost/oncall/ost-noc'));
    for (const s of ['Ana Smith', 'Bilal Khan', 'Chen Li']) expect(noc).toContain(s);
    expect(all(byId(docs, 'acme-ost/calendar/business'))).toContain('Juneteenth');
    const prio = byId(docs, 'acme-ost/priority/P1');
    expect(prio.title).toBe('P1 Critical');
    expect(prio.body).toContain('Ransomware note or mass file encryption');
    const rw = byId(docs, 'acme-ost/runbook/ransomware');
    expect(rw.title).toBe('Ransomware or suspected compromise: containment');
    expect(all(rw)).toContain('ransom note on screen'); // a trigger
    expect(all(rw)).toContain('Call the SOC: +1 973 555 0160');
    expect(all(rw)).not.toMatch(/\*\*/); // markdown syntax stripped
  });

  test('runbooks with headings become one document per section, linked by heading slug', () => {
    const e = structuredClone(acme);
    e.runbooks = {
      vpn: {
        title: 'VPN down',
        activities: [],
        triggers: [],
        body: 'Check the **VPN concentrator** first.\n\n## Isolate the *site*\n\nBlock the tunnel on `HQ-FW01`.\n\n## Call Metro Fiber\n\n- Call [Metro](https://status.metrofiber.example) on +1 800 555 0199\n\n## Isolate the site\n\nSecond time.\n',
      },
    };
    const docs = engagementDocuments('acme-ost', e).filter((d) => d.kind === 'runbook');
    expect(docs.map((d) => [d.id, d.title, d.href])).toEqual([
      ['acme-ost/runbook/vpn', 'VPN down', '#/acme-ost/runbooks/vpn'],
      ['acme-ost/runbook/vpn/isolate-the-site', 'VPN down — Isolate the site', '#/acme-ost/runbooks/vpn/isolate-the-site'],
      ['acme-ost/runbook/vpn/call-metro-fiber', 'VPN down — Call Metro Fiber', '#/acme-ost/runbooks/vpn/call-metro-fiber'],
      ['acme-ost/runbook/vpn/isolate-the-site-2', 'VPN down — Isolate the site', '#/acme-ost/runbooks/vpn/isolate-the-site-2'],
    ]);
    expect(docs[1]!.detail).toBe('Block the tunnel on HQ-FW01.');
    expect(docs[2]!.detail).toBe('Call Metro on +1 800 555 0199');
    expect(docs[0]!.detail).toBe('Check the VPN concentrator first.');
  });
});

describe('headingSlug and runbookSections', () => {
  test('slugs: lower case, no diacritics, other characters one dash, trimmed; repeats numbered', () => {
    expect(headingSlug('Decision: who calls Metro Fiber?')).toBe('decision-who-calls-metro-fiber');
    expect(headingSlug('  Étape 2 — Ça marche!  ')).toBe('etape-2-ca-marche');
    expect(headingSlug('Straße & Søren')).toBe('strasse-soren');
    expect(headingSlug('snake_case and `code`')).toBe('snake-case-and-code');
    expect(headingSlug('!!!')).toBe('section');
    const slug = createSlugger();
    expect(['Steps', 'Steps', 'Steps', 'Steps 2'].map(slug)).toEqual(['steps', 'steps-2', 'steps-3', 'steps-2-2']);
  });

  test('sections split where micromark renders a heading, and slug as the rendered heading text does', () => {
    const samples = [
      '# One\ntext\n## Two ##\nmore',
      'Intro\n\nSetext *heading*\nover two lines\n===\n\nbody\n\nAnother\n---\n',
      '```\n# not a heading\n```\n\n    # indented code\n\n## After `code` and **bold** and _em_ and snake_case',
      '- item\n---\n\n> ## Quoted heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n### [Link text](https://x.example) &amp; more\n',
      '## Same\n\n## Same\n\n## Same &amp; different\n\n#5 is not a heading\n\n###### Six\n\n####### seven is text',
      '~~~js\n## in a tilde fence\n~~~\n\n## Émigré ![logo](x.png) heading\n',
    ];
    for (const md of samples) {
      const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
      const slug = createSlugger();
      const rendered = [...html.matchAll(/<h[1-6]>([\s\S]*?)<\/h[1-6]>/g)].map((m) =>
        slug(m[1]!.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[n]!)),
      );
      const ours = runbookSections(md).slice(1).map((s) => s.slug);
      expect(ours, md).toEqual(rendered);
    }
  });

  test('section text has the markdown syntax removed and keeps the words', () => {
    const [intro, first] = runbookSections('Lead **in**.\n\n## Step\n\n1. Run `SELECT COUNT(*) FROM gl_journal`\n2. [ ] Call [Jane](tel:+19735550111) &amp; log it\n\n| Host | IP |\n|---|---|\n| fw01 | 10.0.0.1 |\n');
    expect(intro).toEqual({ heading: null, slug: null, text: 'Lead in .' });
    expect(first!.heading).toBe('Step');
    expect(first!.text).toContain('SELECT COUNT( ) FROM gl_journal');
    expect(first!.text).toContain('Call Jane & log it');
    expect(first!.text).toContain('fw01 10.0.0.1');
    expect(first!.text).not.toMatch(/[|`]|\]\(|^\d\./m);
  });
});

describe('HandbookSearch', () => {
  const build = (...list: Array<[string, Engagement]>) => {
    const s = new HandbookSearch();
    for (const [id, e] of list) s.replaceEngagement(id, engagementDocuments(id, e));
    return s;
  };

  test('a prefix finds what it starts', () => {
    const s = build(['acme-ost', acme]);
    const hits = s.search('escal');
    const ids = hits.map((h) => h.href);
    expect(ids).toContain('#/acme-ost/raci/t3-escalation'); // "Tier 3 infrastructure escalations"
    expect(ids).toContain('#/acme-ost/escalation/p1-critical'); // "Escalation policy" in its detail
    expect(hits.every((h) => h.score > 0 && h.engagementId === 'acme-ost')).toBe(true);
    expect(s.search('ransomw')[0]).toMatchObject({ kind: 'runbook', href: '#/acme-ost/runbooks/ransomware' });
  });

  test('a name with one letter wrong still finds the person first', () => {
    const s = build(['acme-ost', acme]);
    expect(s.search('Okafur')[0]).toMatchObject({ kind: 'person', title: 'Michael Okafor', href: '#/acme-ost/contacts/mokafor', detail: 'Virtual CIO · On-Site Technology' });
    expect(s.search('tina nguyan')[0]).toMatchObject({ kind: 'person', title: 'Tina Nguyen' });
    expect(s.search('garcía')[0]).toMatchObject({ title: 'Sofia Garcia' }); // diacritics fold both ways
  });

  test('every term must match; when no document has them all, any may', () => {
    const s = build(['acme-ost', acme]);
    const and = s.search('metro circuit');
    expect(and.length).toBeGreaterThan(0);
    const or = s.search('metro zzzzqqq');
    expect(or.map((h) => h.title)).toContain('Metro Fiber');
    expect(s.search('zzzzqqq')).toEqual([]);
    expect(s.search('   ')).toEqual([]);
    expect(s.search('metro', 3)).toHaveLength(3);
  });

  test('results span engagements; removing one removes only its documents', () => {
    const s = build(['acme-ost', acme], ['beta-co', beta]);
    const rw = s.search('ransomware containment');
    expect(new Set(rw.map((h) => h.engagementId))).toEqual(new Set(['acme-ost', 'beta-co']));
    expect(rw.find((h) => h.engagementId === 'beta-co')).toMatchObject({ engagementTitle: 'Beta Co × On-Site Technology', href: '#/beta-co/runbooks/ransomware' });
    expect(s.search('Halvorsen')[0]).toMatchObject({ engagementId: 'beta-co', kind: 'person', title: 'Ingrid Halvorsen', href: '#/beta-co/contacts/asmith' });
    expect(s.search('Halvorsen').every((h) => h.engagementId === 'beta-co')).toBe(true);
    expect(s.search('Ana Smith').filter((h) => h.title === 'Ana Smith').map((h) => h.engagementId)).toEqual(['acme-ost']);

    const before = s.size();
    s.removeEngagement('beta-co');
    expect(s.size()).toBe(before / 2);
    expect(s.engagementIds()).toEqual(['acme-ost']);
    expect(s.search('Halvorsen')).toEqual([]);
    expect(s.search('ransomware containment').every((h) => h.engagementId === 'acme-ost')).toBe(true);
    expect(s.search('ransomware containment').length).toBeGreaterThan(0);
  });

  test('replacing an engagement swaps its documents', () => {
    const s = build(['acme-ost', acme], ['beta-co', beta]);
    const renamed = structuredClone(beta);
    renamed.people.asmith!.name = 'Olga Petrova';
    s.replaceEngagement('beta-co', engagementDocuments('beta-co', renamed));
    expect(s.search('Halvorsen')).toEqual([]);
    expect(s.search('Petrova')[0]).toMatchObject({ engagementId: 'beta-co', title: 'Olga Petrova' });
    expect(s.size()).toBe(2 * engagementDocuments('acme-ost', acme).length);
  });

  test('toJSON and load give the same results', () => {
    const s = build(['acme-ost', acme], ['beta-co', beta]);
    s.removeEngagement('beta-co'); // discarded documents must not come back from the serialized form
    s.replaceEngagement('beta-co', engagementDocuments('beta-co', beta));
    const loaded = HandbookSearch.load(JSON.stringify(s));
    for (const q of ['escal', 'okafur', 'ransomware isolate', 'metro zzzzqqq', 'Halvorsen', 'P1', '973555']) {
      expect(loaded.search(q, 50), q).toEqual(s.search(q, 50));
    }
    expect(loaded.size()).toBe(s.size());
    expect(loaded.engagementIds().sort()).toEqual(['acme-ost', 'beta-co']);
    loaded.removeEngagement('acme-ost');
    expect(loaded.search('ransomware').every((h) => h.engagementId === 'beta-co')).toBe(true);
  });

  test('query terms: stop words and single letters are dropped, except a stop word being typed last', () => {
    expect(queryTerms('The VPN is down')).toEqual(['vpn', 'down']);
    expect(queryTerms('vpn c')).toEqual(['vpn']);
    expect(queryTerms('fortigate for')).toEqual(['fortigate', 'for']);
    expect(queryTerms('  ')).toEqual([]);
  });
});

describe('indexCacheKey and loadOrBuild', () => {
  function memoryCache(initial?: { key: string; json: string }) {
    let value = initial;
    const cache: IndexCache & { puts: number; value: () => typeof value } = {
      puts: 0,
      get: async () => value,
      put: async (v) => {
        cache.puts++;
        value = v;
      },
      value: () => value,
    };
    return cache;
  }
  const list = (hashA = 'a1', hashB = 'b1') => [
    { id: 'acme-ost', hash: hashA, engagement: acme },
    { id: 'beta-co', hash: hashB, engagement: beta },
  ];

  test('the key depends on the format, the documents version and the (id, hash) pairs, not their order', () => {
    const key = indexCacheKey(list());
    expect(key).toBe(indexCacheKey([...list()].reverse()));
    expect(key).not.toBe(indexCacheKey(list('a2')));
    expect(key).not.toBe(indexCacheKey(list().slice(0, 1)));
    expect(key).toContain(String(MINISEARCH_FORMAT));
    expect(key).toContain(`"documents":${DOCUMENTS_VERSION}`);
  });

  test('MINISEARCH_FORMAT is the serializationVersion MiniSearch writes', () => {
    expect(new HandbookSearch().toJSON().serializationVersion).toBe(MINISEARCH_FORMAT);
  });

  test('builds and stores on first use, then loads from the cache while the key matches', async () => {
    const cache = memoryCache();
    const first = await loadOrBuild(cache, list());
    expect(first.rebuilt).toBe(true);
    expect(cache.puts).toBe(1);
    expect(cache.value()!.key).toBe(indexCacheKey(list()));

    const second = await loadOrBuild(cache, list());
    expect(second.rebuilt).toBe(false);
    expect(cache.puts).toBe(1);
    expect(second.search.search('ransomware', 50)).toEqual(first.search.search('ransomware', 50));
    expect(second.search.search('Halvorsen')[0]).toMatchObject({ engagementId: 'beta-co' });
  });

  test('rebuilds when an engagement changes', async () => {
    const cache = memoryCache();
    await loadOrBuild(cache, list());
    const renamed = structuredClone(beta);
    renamed.people.asmith!.name = 'Olga Petrova';
    const changed = [list()[0]!, { id: 'beta-co', hash: 'b2', engagement: renamed }];
    const result = await loadOrBuild(cache, changed);
    expect(result.rebuilt).toBe(true);
    expect(cache.puts).toBe(2);
    expect(result.search.search('Petrova')[0]).toMatchObject({ title: 'Olga Petrova' });
    expect(result.search.search('Halvorsen')).toEqual([]);
  });

  test.each([
    ['truncated JSON', (json: string) => json.slice(0, json.length / 2)],
    ['not JSON', () => '\u0000garbage'],
    ['JSON of another shape', () => '{"hello":"world"}'],
    ['an incompatible MiniSearch version', (json: string) => json.replace('"serializationVersion":2', '"serializationVersion":99')],
    ['documents without an engagement', (json: string) => json.replace(/"engagementId":"[^"]*"/g, '"engagementId":7')],
  ])('rebuilds, without throwing, from a cache holding %s', async (_name, corrupt) => {
    const good = memoryCache();
    await loadOrBuild(good, list());
    const cache = memoryCache({ key: indexCacheKey(list()), json: corrupt(good.value()!.json) });
    const result = await loadOrBuild(cache, list());
    expect(result.rebuilt).toBe(true);
    expect(cache.puts).toBe(1);
    expect(result.search.search('Okafur')[0]).toMatchObject({ title: 'Michael Okafor' });
    expect((await loadOrBuild(cache, list())).rebuilt).toBe(false);
  });

  test('a failing cache costs a rebuild, never the search', async () => {
    const broken: IndexCache = {
      get: () => Promise.reject(new Error('IDB closed')),
      put: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
    };
    const result = await loadOrBuild(broken, list());
    expect(result.rebuilt).toBe(true);
    expect(result.search.search('Okafur')[0]).toMatchObject({ title: 'Michael Okafor' });
  });
});
