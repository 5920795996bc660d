// DOM-read adapters hand over the created time as the page shows it, in the helpdesk user's local time, with the
// formats their helpdesk uses; the background reads it in the engagement's zone unless the mapping says otherwise.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseEngagement, type Engagement } from '../../core/index.ts';
import { ticketFacts } from '../../extension/background/facts.ts';
import type { RawTicket } from '../../extension/shared/ticket.ts';

const ORIGIN = 'https://helpdesk.acme.example';

/** The example engagement with one osTicket mapping on ORIGIN; `fields` is the mapping's recipe part. */
function engagementWith(fields?: Record<string, unknown>): Engagement {
  const doc = parseDocument(readFileSync(new URL('../../examples/acme-ost.yaml', import.meta.url), 'utf8'));
  doc.addIn(['helpdesks'], doc.createNode({ type: 'osticket', url: ORIGIN, priorities: { High: 'P2' }, activities: [{ default: 'helpdesk-t1' }], ...(fields ? { fields } : {}) }));
  const parsed = parseEngagement(doc.toString(), { fileName: 'with-osticket.yaml' });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
  return parsed.engagement;
}

const raw = (created: string, createdFormats?: string[]): RawTicket => ({
  adapter: 'osticket', url: `${ORIGIN}/scp/tickets.php?id=7`, id: '492817', fields: { created }, health: [], ...(createdFormats ? { createdFormats } : {}),
});

describe('created time read from a page', () => {
  test("the adapter's formats, tried in order, in the engagement's zone (America/New_York)", () => {
    const { facts, notes } = ticketFacts(raw('11/27/26 9:05 AM', ['YYYY-MM-DD HH:mm', 'MM/DD/YY h:mm A']), ORIGIN, [engagementWith()]);
    expect(notes).toEqual([]);
    expect(facts.created).toBe(Date.parse('2026-11-27T14:05:00Z'));
  });

  test("the mapping's own format and zone win over the adapter's", () => {
    const e = engagementWith({ created: { selector: '#created', format: 'DD.MM.YYYY HH:mm', timeZone: 'Europe/Berlin' } });
    const { facts } = ticketFacts(raw('27.11.2026 15:05', ['MM/DD/YY h:mm A']), ORIGIN, [e]);
    expect(facts.created).toBe(Date.parse('2026-11-27T14:05:00Z'));
  });

  test('text no format fits is left out with a note naming it; ISO with an offset is read as is', () => {
    const e = engagementWith();
    const bad = ticketFacts(raw('yesterday morning', ['MM/DD/YY h:mm A']), ORIGIN, [e]);
    expect(bad.facts.created).toBeUndefined();
    expect(bad.notes.join(' ')).toContain('yesterday morning');
    expect(ticketFacts(raw('2026-11-27T09:05:00-05:00'), ORIGIN, [e]).facts.created).toBe(Date.parse('2026-11-27T14:05:00Z'));
  });

  test('an origin no engagement maps has no zone to read a local time in', () => {
    const { facts, notes } = ticketFacts(raw('11/27/26 9:05 AM', ['MM/DD/YY h:mm A']), 'https://elsewhere.example', [engagementWith()]);
    expect(facts.created).toBeUndefined();
    expect(notes).toEqual(["created time '11/27/26 9:05 AM' has no zone to be read in"]);
  });
});
