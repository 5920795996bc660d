// Search as you type over a large handbook: 50 engagements × 200 runbook sections (10,000 sections) of generated
// incident prose, plus each engagement's contacts, RACI, SLAs and escalation. Per keystroke latency of
// HandbookSearch (MiniSearch, prefix + fuzzy, AND then OR) against the floor measured in the same run: a naive
// linear scan (lower-case `includes` of every term) over the same document texts. Issue target: 5 ms per keystroke.
import { readFileSync } from 'node:fs';
import MiniSearch from 'minisearch';
import { parseEngagement, type Engagement } from '../../core/index.ts';
import { engagementDocuments, type SearchDoc } from '../../pwa/src/search/documents.ts';
import { HandbookSearch } from '../../pwa/src/search/engine.ts';
import { prng } from './prng.ts';

const ENGAGEMENTS = 50;
const RUNBOOKS = 20;
const SECTIONS = 10; // per runbook: 50 × 20 × 10 = 10,000 sections
const ROUNDS = 5;
const QUERIES = ['ransomware isolate', 'vpn concentrator', 'fortigate', 'crowdstrke falcon', 'exchagne online'];
const TARGET_MS = 5;

const FIRST = ['Ana', 'Bilal', 'Chen', 'Dana', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Aiko', 'Bruno', 'Chiara', 'Dmitri'];
const LAST = ['Smith', 'Khan', 'Li', 'Lee', 'García', 'Okafor', 'Nguyen', 'Patel', 'Kowalski', 'Haddad', 'Müller', 'Rossi', 'Silva', 'Tanaka', 'Walsh', 'Brooks', 'Chen', 'Reyes', 'Novak', 'Ibrahim', 'Larsen', 'Moreau', 'Park', 'Singh', 'Dubois'];
// Each client runs one product of each family, as real clients do; the shared ones every client has.
const STACK = [
  ['FortiGate 200F', 'FortiGate 60F', 'Cisco ASA 5516', 'Meraki MX85', 'Palo Alto PA-440', 'SonicWall TZ470'],
  ['VPN concentrator', 'GlobalProtect gateway', 'AnyConnect headend', 'WireGuard gateway'],
  ['Veeam Backup & Replication', 'Datto SIRIS', 'Synology RS1221+', 'Rubrik appliance'],
  ['SentinelOne console', 'CrowdStrike Falcon', 'Huntress agent', 'Defender for Endpoint'],
  ['VMware vCenter', 'Hyper-V cluster', 'Proxmox cluster'],
  ['UniFi controller', 'Aruba 2930F switch', 'Meraki MS switch', 'Cisco Catalyst 9200'],
  ['QuickBooks Enterprise', 'Ledgerline ERP', 'Sage 300', 'Dynamics 365 Business Central', 'Epic EHR', 'Dentrix'],
  ['Mitel MiVoice', 'RingCentral', 'Teams Phone', '3CX'],
  ['NinjaOne', 'ConnectWise Automate', 'Kaseya VSA', 'Datto RMM'],
  ['Duo MFA proxy', 'Okta', 'Entra ID conditional access'],
];
const SHARED = ['Exchange Online', 'SharePoint Online', 'Entra ID Connect', 'Intune', 'Windows Server 2022 DC', 'SQL Server 2019', 'APC Smart-UPS', 'IT Glue', 'Mimecast', 'Azure Virtual Desktop'];
const CODES = ['0x80070005', '0x8007232B', '0xC004F074', 'KB5034441', 'ERR_CONNECTION_RESET', 'event ID 4625', 'event ID 4740', 'event ID 7031', 'SMTP 550 5.7.1', 'SMTP 421 4.7.0', 'HTTP 503', 'HTTP 502', 'IKE phase 1 timeout', 'DPD timeout', 'STATUS_ACCESS_DENIED', 'AADSTS50076', 'AADSTS700016', 'VSS error 0x800423F4', 'Veeam error 1117', 'BSOD 0x0000007E', 'DHCP NAK', 'DNS SERVFAIL', 'SEC_E_CERT_EXPIRED', 'RAID degraded (PD 3 failed)'];
const VERBS = ['isolate', 'restart', 'check', 'escalate', 'disable', 're-enroll', 'fail over', 'roll back', 'snapshot', 'reboot', 'patch', 'quarantine', 're-image', 'verify', 'document', 'block', 'restore', 'power-cycle'];
const OBJECTS = ['host', 'tunnel', 'circuit', 'mailbox', 'virtual machine', 'switch port', 'user account', 'service account', 'backup job', 'certificate', 'access point', 'print queue', 'replica', 'datastore', 'laptop', 'policy'];
const SITES = ['Newark HQ', 'Boston office', 'Denver warehouse', 'Austin branch', 'Chicago DC', 'Toronto office', 'Phoenix clinic', 'Dallas plant', 'Seattle lab', 'remote staff'];
const STATES = ['green', 'healthy', 'back in sync', 'reachable', 'licensed', 'enrolled', 'on the backup path', 'failed over'];
const ROLES = ['NOC on-call', 'service desk lead', 'IT manager', 'SOC analyst', 'vendor TAM', 'network engineer', 'CFO', 'general counsel'];
const INCIDENTS = ['Ransomware containment', 'VPN outage', 'Firewall failover', 'Email delivery failure', 'Backup job failures', 'Domain controller down', 'Wi-Fi outage', 'ERP unavailable', 'Phishing report', 'Account lockout storm', 'Internet circuit down', 'Printer fleet offline', 'Certificate expiry', 'Storage array degraded', 'MFA outage', 'Laptop theft', 'New-hire onboarding', 'Offboarding', 'Patch Tuesday rollout', 'Power failure'];
const HEADINGS = ['Triage', 'Containment', 'Isolate the host', 'Call the vendor', 'Failover', 'Rollback', 'Verify recovery', 'Communications', 'Evidence', 'Post-incident review', 'Escalation', 'Access revocation', 'Backup check', 'Firewall rules', 'VPN tunnels', 'DNS and DHCP', 'Licensing', 'User comms', 'Change approval', 'Handover'];

function generate(): Array<{ id: string; engagement: Engagement }> {
  const example = parseEngagement(readFileSync(new URL('../../examples/acme-ost.yaml', import.meta.url), 'utf8'), { fileName: 'acme-ost.yaml', now: Date.parse('2026-11-28T00:00:00Z') });
  if (!example.ok) throw new Error('the example engagement does not parse');
  const rnd = prng(20261128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');
  const person = () => `${pick(FIRST)} ${pick(LAST)}`;
  let stack: string[] = [];
  const sys = () => (rnd() < 0.6 ? pick(stack) : pick(SHARED));
  const sentence = (): string => {
    switch (Math.floor(rnd() * 8)) {
      case 0: return `If the ${sys()} shows ${pick(CODES)}, ${pick(VERBS)} the affected ${pick(OBJECTS)} before anything else.`;
      case 1: return `Call ${person()} (${pick(ROLES)}) on **+1 ${digits(3)} 555 ${digits(4)}** when the ${pick(OBJECTS)} at ${pick(SITES)} is still down.`;
      case 2: return `Log in to the ${sys()} for ${pick(SITES)} and confirm that the ${pick(OBJECTS)} is ${pick(STATES)}.`;
      case 3: return `Do not ${pick(VERBS)} the ${pick(OBJECTS)} without approval from ${person()}; record the change in ${sys()}.`;
      case 4: return `Expected recovery is ${5 + Math.floor(rnd() * 55)} minutes; if ${pick(CODES)} persists, ${pick(VERBS)} the ${pick(OBJECTS)} and tell ${person()}.`;
      case 5: return `Write the ${pick(OBJECTS)} name, the time and the \`${pick(CODES)}\` text into the ticket, then set it to *pending vendor*.`;
      case 6: return `- ${pick(VERBS)} the ${pick(OBJECTS)} on the ${sys()} (${pick(SITES)})`;
      default: return `The ${pick(ROLES)} owns this step after hours; during business hours ${person()} decides.`;
    }
  };
  const out: Array<{ id: string; engagement: Engagement }> = [];
  for (let n = 0; n < ENGAGEMENTS; n++) {
    const e = structuredClone(example.engagement);
    stack = STACK.map((family) => pick(family));
    const id = `client-${String(n + 1).padStart(2, '0')}`;
    e.engagement.id = id;
    e.engagement.title = `${pick(LAST)} ${pick(['Dental', 'Logistics', 'Law', 'Clinics', 'Foods', 'Credit Union', 'Architects'])} × On-Site Technology`;
    for (const p of Object.values(e.people)) p.name = person();
    e.runbooks = {};
    for (let r = 0; r < RUNBOOKS; r++) {
      const title = `${pick(INCIDENTS)} at ${pick(SITES)}`;
      const body = Array.from({ length: SECTIONS }, (_, s) => {
        const lines = Array.from({ length: 4 + Math.floor(rnd() * 5) }, sentence);
        return `## ${s + 1}. ${pick(HEADINGS)}\n\n${lines.join('\n')}\n`;
      }).join('\n');
      e.runbooks[`rb-${r}`] = { title, body, activities: [], triggers: [`${sys()} alert ${pick(CODES)}`, `users at ${pick(SITES)} report an outage`] };
    }
    out.push({ id, engagement: e });
  }
  return out;
}

let corpus: { docs: SearchDoc[]; search: HandbookSearch; texts: string[] } | undefined;

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const ms = (x: number) => `${x < 10 ? x.toFixed(3) : x.toFixed(1)} ms`;

export async function buildAndLoad(): Promise<void> {
  const [engagements, genMs] = time(generate);
  const [docs, docsMs] = time(() => new Map(engagements.map((e) => [e.id, engagementDocuments(e.id, e.engagement)])));
  const [search, buildMs] = time(() => {
    const s = new HandbookSearch();
    for (const [id, list] of docs) s.replaceEngagement(id, list);
    return s;
  });
  const all = [...docs.values()].flat();
  const sections = all.filter((d) => d.kind === 'runbook' && d.id.split('/').length === 4).length;
  const textBytes = all.reduce((n, d) => n + Buffer.byteLength(d.title + d.detail + d.body), 0);
  const [json, stringifyMs] = time(() => JSON.stringify(search));
  const [loaded, loadMs] = time(() => HandbookSearch.load(json));
  // Rebuild and load once more, warm, so the figures are not the JIT's first pass.
  const [, buildMs2] = time(() => {
    const s = new HandbookSearch();
    for (const [id, list] of docs) s.replaceEngagement(id, list);
  });
  const [, loadMs2] = time(() => HandbookSearch.load(json));
  const build = Math.min(buildMs, buildMs2);
  const load = Math.min(loadMs, loadMs2);
  console.log(`handbook: ${engagements.length} engagements, ${sections} runbook sections, ${all.length} documents in all, ${(textBytes / 1048576).toFixed(1)} MB of text (generated in ${genMs.toFixed(0)} ms)`);
  console.log(`documents from engagements (engagementDocuments): ${docsMs.toFixed(0)} ms`);
  console.log(`index build (MiniSearch add): ${build.toFixed(0)} ms (cold ${buildMs.toFixed(0)} ms)`);
  console.log(`serialized: ${(Buffer.byteLength(json) / 1048576).toFixed(1)} MB, JSON.stringify ${stringifyMs.toFixed(0)} ms`);
  console.log(`load (JSON.parse + MiniSearch.loadJS): ${load.toFixed(0)} ms (cold ${loadMs.toFixed(0)} ms) = ${(load / build).toFixed(2)} × build`);
  console.log(`round trip: ${loaded.size()} documents loaded of ${search.size()}`);
  corpus = { docs: all, search, texts: all.map((d) => `${d.title}\n${d.detail}\n${d.body}`.toLowerCase()) };
}

export async function keystrokes(): Promise<void> {
  if (!corpus) await buildAndLoad();
  const { docs, search, texts } = corpus!;
  // MiniSearch exactly as first specified (prefix on every term of any length, no stop words, AND then OR), to show
  // what MIN_PREFIX and the stop words buy.
  const plain = new MiniSearch<SearchDoc>({ fields: ['title', 'body', 'detail'], searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: (t) => (t.length > 3 ? 0.2 : false) } });
  plain.addAll(docs);
  const plainSearch = (q: string) => {
    let r = plain.search(q, { combineWith: 'AND' });
    if (r.length === 0) r = plain.search(q, { combineWith: 'OR' });
    return r.slice(0, 20);
  };
  // The floor: no index, no ranking, no fuzziness; every term must occur somewhere in the text.
  const naive = (q: string, limit = 20) => {
    const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
    const hits: number[] = [];
    if (terms.length === 0) return hits;
    for (let i = 0; i < texts.length; i++) if (terms.every((t) => texts[i]!.includes(t))) hits.push(i);
    return hits.slice(0, limit);
  };
  const typed = QUERIES.map((q) => ({ query: q, keys: Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)) }));
  // Samples per keystroke, so that the slowest keystrokes can be named as well as the distribution.
  const measure = (fn: (q: string) => unknown) => {
    const samples = typed.map(({ keys }) => keys.map(() => [] as number[]));
    for (let round = 0; round <= ROUNDS; round++) {
      typed.forEach(({ keys }, qi) => {
        keys.forEach((k, ki) => {
          const [, dt] = time(() => fn(k));
          if (round > 0) samples[qi]![ki]!.push(dt); // round 0 warms up
        });
      });
    }
    return samples;
  };
  const ours = measure((q) => search.search(q, 20));
  const floor = measure((q) => naive(q, 20));
  const literal = measure(plainSearch);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  console.log(`${ROUNDS} rounds of typing ${QUERIES.length} queries keystroke by keystroke; HandbookSearch.search(q, 20) vs naive scan of ${texts.length} texts`);
  console.log('query                  keys  ours median  ours p95    ours max    naive median  naive p95   ratio median  ratio p95');
  typed.forEach(({ query, keys }, i) => {
    const o = sorted(ours[i]!.flat());
    const f = sorted(floor[i]!.flat());
    console.log(
      `${JSON.stringify(query).padEnd(22)} ${String(keys.length).padStart(4)}  ${ms(quantile(o, 0.5)).padEnd(12)} ${ms(quantile(o, 0.95)).padEnd(12)}${ms(o[o.length - 1]!).padEnd(12)}` +
        `${ms(quantile(f, 0.5)).padEnd(14)}${ms(quantile(f, 0.95)).padEnd(12)}${(quantile(o, 0.5) / quantile(f, 0.5)).toFixed(2).padEnd(14)}${(quantile(o, 0.95) / quantile(f, 0.95)).toFixed(2)}`,
    );
  });
  const o = sorted(ours.flat(2));
  const f = sorted(floor.flat(2));
  console.log(`all ${o.length} keystroke samples: ours median ${ms(quantile(o, 0.5))}, p95 ${ms(quantile(o, 0.95))}; naive median ${ms(quantile(f, 0.5))}, p95 ${ms(quantile(f, 0.95))}`);
  const l = sorted(literal.flat(2));
  console.log(`MiniSearch with prefix on every term and no stop words: median ${ms(quantile(l, 0.5))}, p95 ${ms(quantile(l, 0.95))}, max ${ms(l[l.length - 1]!)}`);
  console.log(`ratio ours/naive: median ${(quantile(o, 0.5) / quantile(f, 0.5)).toFixed(2)}, p95 ${(quantile(o, 0.95) / quantile(f, 0.95)).toFixed(2)}`);
  const within = o.filter((x) => x <= TARGET_MS).length / o.length;
  console.log(`target ${TARGET_MS} ms per keystroke: ${(within * 100).toFixed(1)}% of keystroke samples within it`);
  const slowest = typed
    .flatMap(({ keys }, qi) => keys.map((k, ki) => ({ k, median: quantile(sorted(ours[qi]![ki]!), 0.5) })))
    .sort((a, b) => b.median - a.median)
    .slice(0, 6);
  console.log(`slowest keystrokes (median of ${ROUNDS}): ${slowest.map((s) => `${JSON.stringify(s.k)} ${ms(s.median)}`).join(', ')}`);
}
