// From picks to what the user copies: the ticketUrl proposal, the created-date format guess (checked against the
// background's own parser), and the YAML item, which must validate in the example engagement once its
// placeholders are filled and must fail loudly while they are not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseDocument, parse as parseYaml } from 'yaml';
import { parseEngagement } from '../../core/index.ts';
import { recipeValue } from '../../extension/background/recipe-values.ts';
import { guessDateFormat } from '../../extension/picker-core/date-format.ts';
import { recipeFromDraft, type PickerDraft } from '../../extension/picker-core/recipe.ts';
import { PLACEHOLDER, recipeYaml } from '../../extension/picker-core/recipe-yaml.ts';
import { proposeTicketUrl } from '../../extension/picker-core/ticket-url.ts';

describe('proposeTicketUrl', () => {
  const check = (href: string, idText: string, expected: string | null, others: string[] = []) => {
    const got = proposeTicketUrl(new URL(href), idText);
    expect(got).toBe(expected);
    if (!got) return;
    const url = new URL(href);
    const re = new RegExp(got);
    expect(re.exec(url.pathname + url.search + url.hash)?.groups?.id).toBe(idText.replace(/^(?:#|Ticket )/, ''));
    for (const o of others) {
      const u = new URL(o);
      expect(re.test(u.pathname + u.search + u.hash), o).toBe(true);
    }
  };
  test('a number in the path', () => check('https://t.example/ticket/4711?tab=notes', '#4711', '^/ticket/(?<id>\\d+)(?:[/?#]|$)', ['https://t.example/ticket/12']));
  test('a key with a project prefix', () => check('https://j.example/browse/HR-42', 'HR-42', '^/browse/(?<id>[A-Z][A-Z0-9]*-\\d+)(?:[/?#]|$)', ['https://j.example/browse/OPS-7']));
  test('other record numbers in the path match anything', () =>
    check('https://t.example/org/5512/tickets/88/', 'Ticket 88', '^/org/[^/]+/tickets/(?<id>\\d+)(?:[/?#]|$)', ['https://t.example/org/9/tickets/1']));
  test('an id in the query', () => check('https://t.example/view.php?x=1&id=4711', '4711', '^/view\\.php\\?(?:.*&)?id=(?<id>\\d+)(?:[&#]|$)'));
  test('a hash route', () => check('https://t.example/app#/tickets/42', '#42', '#/tickets/(?<id>\\d+)(?:[/?]|$)'));
  test('an id the address does not hold', () => expect(proposeTicketUrl(new URL('https://t.example/ticket/current'), '#4711')).toBeNull());
  test('the ticket number does not match the new-ticket form', () => {
    const re = new RegExp(proposeTicketUrl(new URL('https://t.example/ticket/4711'), '#4711')!);
    expect(re.test('/ticket/new')).toBe(false);
  });
});

describe('guessDateFormat', () => {
  const zone = 'America/New_York';
  test.each([
    ['Fri Nov 27 04:50:12 2026', 'ddd MMM D HH:mm:ss YYYY', '2026-11-27T09:50:12.000Z'],
    ['11/27/2026 4:50 PM', 'MM/DD/YYYY h:mm A', '2026-11-27T21:50:00.000Z'],
    ['27/11/2026 16:05', 'DD/MM/YYYY HH:mm', '2026-11-27T21:05:00.000Z'],
    ['27.11.2026 16:05', 'DD.MM.YYYY HH:mm', '2026-11-27T21:05:00.000Z'],
    ['2026-11-27 16:05', 'YYYY-MM-DD HH:mm', '2026-11-27T21:05:00.000Z'],
    ['Nov 7, 2026 9:05 am', 'MMM D, YYYY h:mm a', '2026-11-07T14:05:00.000Z'],
  ])('%s → %s, which the background parses', (text, format, iso) => {
    expect(guessDateFormat(text)).toBe(format);
    expect(recipeValue('created', text, { format }, zone).value).toBe(Date.parse(iso));
  });
  test('ISO 8601 needs no format', () => expect(guessDateFormat('2026-11-27T16:05:00Z')).toBeUndefined());
  test('text that is no date gets none', () => expect(guessDateFormat('yesterday')).toBeUndefined());
});

const proposal = (selector: string, value: string, attribute?: string) => ({ proposals: [{ selector, value, kind: 'class' as const, ...(attribute ? { attribute } : {}) }], chosen: 0 });

const DRAFT: PickerDraft = {
  url: 'http://127.0.0.1:8123/ticket/4711',
  picks: {
    id: proposal('.ticket-number', '#4711'),
    priority: proposal('.priority', '2 - High'),
    status: proposal('.status', 'Open'),
    created: proposal('.created', 'Fri Nov 27 04:50:12 2026'),
    organization: proposal('.organization', 'Acme Corp'),
  },
};

describe('recipe and YAML', () => {
  const recipe = recipeFromDraft(DRAFT, 'http://127.0.0.1:8123', '^/ticket/(?<id>\\d+)(?:[/?#]|$)', 1)!;

  test('the recipe holds each chosen selector, its sample and the date format', () => {
    expect(recipe.fields.created).toEqual({ selector: '.created', format: 'ddd MMM D HH:mm:ss YYYY', sample: 'Fri Nov 27 04:50:12 2026' });
    expect(recipe.fields.id).toEqual({ selector: '.ticket-number', sample: '#4711' });
    expect(recipeFromDraft({ ...DRAFT, picks: { status: DRAFT.picks.status } }, 'http://x.example', null, 1)).toBeNull();
    expect(recipeFromDraft({ ...DRAFT, picks: { id: DRAFT.picks.id, priority: DRAFT.picks.priority } }, 'http://x.example', null, 1)!.fields.id!.regex).toBe('(\\d+)');
  });

  test('the YAML item is a generic helpdesk mapping with a commented priority stub', () => {
    const text = recipeYaml(recipe);
    const [item] = parseYaml(text) as [Record<string, any>];
    expect(item).toMatchObject({
      type: 'generic', url: 'http://127.0.0.1:8123', ticketUrl: '^/ticket/(?<id>\\d+)(?:[/?#]|$)',
      priorities: { '2 - High': PLACEHOLDER }, statuses: { Open: 'open' }, activities: [{ default: PLACEHOLDER }],
      fields: { priority: { selector: '.priority' }, created: { selector: '.created', format: 'ddd MMM D HH:mm:ss YYYY' } },
    });
    expect(text).toMatch(/#.*Map each priority value/);
  });

  const insert = (itemYaml: string) => {
    const doc = parseDocument(readFileSync(join(import.meta.dirname, '../../examples/acme-ost.yaml'), 'utf8'));
    const item = parseDocument(itemYaml).contents as any;
    (doc.get('helpdesks') as any).items.push(item.items[0]);
    return parseEngagement(doc.toString(), { fileName: 'acme-ost.yaml' });
  };

  test('inserted into the example engagement it validates once the placeholders are replaced', () => {
    const text = recipeYaml(recipe);
    const raw = insert(text);
    expect(raw.ok).toBe(false);
    if (!raw.ok) for (const p of raw.problems.filter((q) => q.severity === 'error')) expect(p.message).toContain(PLACEHOLDER);
    const filled = insert(text.replace(/(2 - High["']?: )CHANGE-ME/, '$1P2').replace(`default: ${PLACEHOLDER}`, 'default: helpdesk-t1'));
    expect(filled.ok ? [] : filled.problems).toEqual([]);
  });
});
