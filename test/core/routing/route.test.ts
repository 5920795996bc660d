import { describe, expect, it } from 'vitest';
import type { Condition, Engagement } from '../../../core/engagement/index.ts';
import { type TicketFacts, describeCondition, matches, route } from '../../../core/routing/index.ts';
import { read } from '../engagement/helpers.ts';
import { engagement } from '../escalation/helpers.ts';

const acme = engagement(read('examples/acme-ost.yaml'));
const minimal = engagement(read('test/fixtures/engagements/minimal.yaml'));
const facts = (extra: Partial<TicketFacts>): TicketFacts => ({ origin: 'https://acme.zendesk.com', organization: 'Acme Corp', priority: 'normal', ...extra });
const cond = (field: string, op: Condition['op'], ...values: string[]): Condition => ({ field, op, values });
const ok = (r: ReturnType<typeof route>) => {
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('condition kinds', () => {
  it('eq: the whole value, regardless of case and surrounding spaces', () => {
    expect(matches(cond('organization', 'eq', 'Acme Corp'), facts({ organization: ' acme corp ' }))).toBe(true);
    expect(matches(cond('organization', 'eq', 'Acme Corp'), facts({ organization: 'Acme Corporation' }))).toBe(false);
    expect(matches(cond('organization', 'eq', 'Acme Corp'), facts({ organization: undefined }))).toBe(false);
  });

  it('in: any of the values; on tags, any tag', () => {
    expect(matches(cond('category', 'in', 'Leaver', 'Offboarding'), facts({ category: 'offboarding' }))).toBe(true);
    expect(matches(cond('tags', 'in', 'security', 'phishing'), facts({ tags: ['vip', 'Phishing'] }))).toBe(true);
    expect(matches(cond('tags', 'in', 'security'), facts({ tags: [] }))).toBe(false);
  });

  it('glob: * and ? over the whole value', () => {
    expect(matches(cond('category', 'glob', 'Password*'), facts({ category: 'Password reset' }))).toBe(true);
    expect(matches(cond('category', 'glob', 'Password*'), facts({ category: 'Reset password' }))).toBe(false);
    expect(matches(cond('group', 'glob', '*ERP*'), facts({ group: 'Ledgerline ERP team' }))).toBe(true);
    expect(matches(cond('ticketId', 'glob', '47??'), facts({ ticketId: '4711' }))).toBe(true);
    expect(matches(cond('subject', 'glob', 'a.b(c)'), facts({ subject: 'a.b(c)' }))).toBe(true);
    expect(matches(cond('subject', 'glob', 'a.b(c)'), facts({ subject: 'axb(c)' }))).toBe(false);
  });

  it('regex: searched as written, case-sensitive; a bad expression matches nothing', () => {
    const re = cond('subject', 'regex', '\\b([Ff]irewall|VPN rule|port forward)');
    expect(matches(re, facts({ subject: 'New firewall rule' }))).toBe(true);
    expect(matches(re, facts({ subject: 'FIREWALL' }))).toBe(false);
    expect(matches(cond('subject', 'regex', '(unclosed'), facts({ subject: '(unclosed' }))).toBe(false);
  });

  it('domain: the email domain or a subdomain of it', () => {
    const d = cond('requesterEmail', 'domain', 'metrofiber.example');
    expect(matches(d, facts({ requesterEmail: 'noc@metrofiber.example' }))).toBe(true);
    expect(matches(d, facts({ requesterEmail: 'NOC@EU.MetroFiber.example' }))).toBe(true);
    expect(matches(d, facts({ requesterEmail: 'x@notmetrofiber.example' }))).toBe(false);
    expect(matches(cond('requesterDomain', 'domain', 'acme.example'), facts({ requesterEmail: 'a@acme.example' }))).toBe(true);
  });

  it('custom fields by name, as text', () => {
    expect(matches(cond('custom.site', 'eq', 'Newark'), facts({ custom: { site: 'newark' } }))).toBe(true);
    expect(matches(cond('custom.vip', 'eq', 'true'), facts({ custom: { vip: true } }))).toBe(true);
    expect(matches(cond('custom.site', 'eq', 'Newark'), facts({ custom: {} }))).toBe(false);
  });

  it('puts every kind into words', () => {
    expect([
      cond('organization', 'eq', 'Acme Corp'), cond('category', 'in', 'A', 'B'), cond('category', 'glob', 'Password*'),
      cond('subject', 'regex', 'VPN'), cond('requesterEmail', 'domain', 'acme.example'), cond('custom.site', 'eq', 'HQ'),
    ].map(describeCondition)).toEqual([
      "organization is 'Acme Corp'", "category is one of 'A', 'B'", "category matches 'Password*'", 'subject matches /VPN/',
      'requester email is at acme.example', "custom field 'site' is 'HQ'",
    ]);
  });
});

describe('route', () => {
  it('finds the engagement, canonical priority and status, and the activity with the rule that matched', () => {
    const r = ok(route([minimal, acme], JSON.parse(read('test/fixtures/tickets/zendesk-firewall.json')) as TicketFacts));
    expect(r.engagement).toBe(minimal);
    expect(r.alsoMatched).toEqual([]);
    expect(r.mapping.id).toBe('zendesk-1');
    expect(r.matchedBy).toBe("organization is 'Acme Corp'");
    expect(r.priority).toBe('P2');
    expect(r.status).toBe('open');
    expect(r.activity).toBe('helpdesk-t1');
    expect(r.rule).toEqual({ index: 1, text: 'default', default: true });
  });

  it('first matching rule wins, in file order', () => {
    const r = ok(route([acme], facts({ tags: ['phishing'], subject: 'firewall', category: 'Password reset' })));
    expect(r.activity).toBe('incident-containment');
    expect(r.rule).toMatchObject({ index: 0, text: "rule 1: tags is one of 'security', 'phishing', 'ransomware', 'compromised'", default: false });
    expect(r.rule.note).toMatch(/containment beats everything else/);
    expect(ok(route([acme], facts({ subject: 'Open a Firewall port', category: 'Password reset' }))).rule.text).toBe('rule 3: subject matches /\\b([Ff]irewall|VPN rule|port forward)/');
    expect(ok(route([acme], facts({ requesterEmail: 'noc@metrofiber.example' }))).activity).toBe('isp-liaison');
    expect(ok(route([acme], facts({ category: 'Escalation', group: 'OST Tier 3' }))).activity).toBe('t3-escalation');
    expect(ok(route([acme], facts({ category: 'Escalation', group: 'OST Tier 2' }))).rule).toMatchObject({ text: 'default' });
  });

  it('maps native priority and status without regard to case, and says what is not mapped', () => {
    const r = ok(route([acme], JSON.parse(read('test/fixtures/tickets/zendesk-phishing-night.json')) as TicketFacts));
    expect([r.priority, r.status, r.activity]).toEqual(['P1', 'pending_vendor', 'incident-containment']);
    const unmapped = ok(route([minimal], facts({ priority: 'Urgent ', status: 'weird' })));
    expect(unmapped.priority).toBe('P1');
    const low = ok(route([minimal], facts({ priority: 'Low', status: 'weird' })));
    expect(low.priority).toBeNull();
    expect(low.status).toBeNull();
    expect(low.notes).toEqual(["priority 'Low' is not mapped (zendesk-1 maps 'urgent', 'high')", "status 'weird' is not mapped"]);
    expect(ok(route([minimal], facts({ status: 'Open' }))).status).toBe('open');
  });

  it('says why in words when nothing matches', () => {
    expect(route([acme], JSON.parse(read('test/fixtures/tickets/zendesk-globex.json')) as TicketFacts)).toEqual({ ok: false, reason: "no engagement maps acme.zendesk.com organization 'Globex'" });
    expect(route([acme], facts({ organization: undefined }))).toEqual({ ok: false, reason: 'no engagement maps acme.zendesk.com (no organization on the ticket)' });
    expect(route([acme], facts({ origin: 'https://globex.zendesk.com' }))).toEqual({ ok: false, reason: 'no engagement has a helpdesk at globex.zendesk.com' });
    expect(route([acme], facts({ origin: 'javascript:alert(1)' }))).toMatchObject({ ok: false });
  });

  it('the first engagement wins when two map the same ticket, and the other is named', () => {
    const copy: Engagement = { ...minimal, engagement: { ...minimal.engagement, id: 'acme-copy' } };
    const r = ok(route([acme, copy], facts({})));
    expect(r.engagement.engagement.id).toBe('acme-ost');
    expect(r.alsoMatched).toEqual(['acme-copy']);
  });

  it('matches the page URL by origin', () => {
    const r = ok(route([acme], facts({ origin: 'https://tickets.acme.example/ticket/123', organization: 'Acme Corp - Newark', category: 'ERP posting' })));
    expect(r.mapping.id).toBe('acme-portal');
    expect(r.matchedBy).toBe("organization is one of 'Acme Corp', 'Acme Corp - Newark'");
    expect(r.activity).toBe('lob-support');
  });
});
