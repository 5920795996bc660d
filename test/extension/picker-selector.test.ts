// @vitest-environment happy-dom
// The selector proposer on pages shaped like real helpdesks: ids, test attributes, label/value tables and
// machine-made class names. Every proposal must select the picked element alone, and stable hooks must beat
// generated ones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { labelOf, proposeSelectors, selectsOnly, type Proposal } from '../../extension/picker-core/selector.ts';
import { looksGenerated } from '../../extension/picker-core/stable.ts';

const page = (html: string) => {
  document.body.innerHTML = html;
};
const $ = (sel: string) => {
  const el = document.querySelector(sel);
  if (!el) throw new Error(`fixture has no ${sel}`);
  return el;
};
const best = (sel: string): Proposal => proposeSelectors($(sel))[0]!;

beforeEach(() => page(''));

describe('looksGenerated', () => {
  test.each(['ember123', ':r1:', ':r1a:', 'react-select-3-input', 'css-1x2y3z', 'sc-bdfBwQ', 'jss42', 'makeStyles-root-12', 'Header_title__3xYz1', '_3xYz_', 'ticket-4711', 'ext-gen1234', 'a1b2c3', '5f3c1e2a-1b2c-4d5e-8f90-123456789abc'])(
    '%s is generated',
    (token) => expect(looksGenerated(token)).toBe(true),
  );
  test.each(['priority', 'ticket-meta', 'ticketStatus', 'sysVerbForm', 'status_label', 'col-2', 'h1', 'created-at', 'TicketHeader'])('%s is stable', (token) => expect(looksGenerated(token)).toBe(false));
});

describe('proposeSelectors', () => {
  test('a readable id wins; a generated one is never proposed', () => {
    page(`<div id="ember412" class="ember-view"><span id="ticket-status" class="css-1x2y3z">Open</span><span id="ember413">High</span></div>`);
    expect(best('#ticket-status')).toEqual({ selector: '#ticket-status', kind: 'id', value: 'Open' });
    const props = proposeSelectors($('#ember413'));
    expect(props.map((p) => p.selector).join(' ')).not.toContain('ember413');
    expect(props.length).toBeGreaterThan(0);
  });

  test('test and data attributes beat classes; prose attributes holding the value are refused', () => {
    page(`<section class="sc-bdfBwQ">
      <span class="sc-gsTCUz badge" data-testid="ticket-priority" aria-label="Priority High">High</span>
      <span class="sc-dlfnbm badge" aria-label="Ticket status">Pending</span>
      <span class="sc-hKgILt" title="Acme Corp">Acme Corp</span></section>`);
    expect(best('[data-testid]')).toMatchObject({ selector: '[data-testid="ticket-priority"]', kind: 'attribute', value: 'High' });
    expect(best('[aria-label="Ticket status"]')).toMatchObject({ selector: '[aria-label="Ticket status"]', kind: 'attribute', value: 'Pending' });
    const org = proposeSelectors($('[title="Acme Corp"]'));
    expect(org.map((p) => p.selector).join(' ')).not.toContain('Acme Corp');
    expect(org.length).toBeGreaterThan(0);
    expect(org.map((p) => p.kind).filter((k) => k !== 'generated').every((k) => k === 'path' || k === 'label')).toBe(true);
    expect(org.findIndex((p) => p.kind === 'generated')).toBeGreaterThan(org.findLastIndex((p) => p.kind !== 'generated'));
  });

  test('a value in a label/value list: its label under a stable anchor, not a bare nth-of-type', () => {
    page(`<dl data-qa="ticket-properties"><dt>Priority</dt><dd>2 - High</dd><dt>Status</dt><dd>Open</dd><dt>Created</dt><dd>11/27/2026 4:50 PM</dd></dl>
      <dl><dt>Requester</dt><dd>Dana</dd></dl>`);
    const status = $('dl[data-qa] dd:nth-of-type(2)');
    const props = proposeSelectors(status);
    expect(props[0]).toEqual({ selector: '[data-qa="ticket-properties"] > dt:nth-of-type(2) + dd', kind: 'label', value: 'Open' });
    expect(props.map((p) => p.selector)).not.toContain('dd:nth-of-type(2)');
    expect(labelOf(status)?.[1]).toBe('Status');
    for (const p of props) expect(selectsOnly(status, p.selector)).toBe(true);
  });

  test('label with an id anchors its value: "#lbl-org + dd"', () => {
    page(`<dl class="x-9f8a7b"><dt id="lbl-org">Organisation</dt><dd class="x-1a2b3c">Acme Corp</dd><dt>Site</dt><dd class="x-4d5e6f">Newark</dd></dl>`);
    expect(best('#lbl-org + dd')).toMatchObject({ selector: '#lbl-org + dd', kind: 'anchored', value: 'Acme Corp' });
  });

  test('only positional structure left: label-relative and path proposals, ranked above generated classes', () => {
    page(`<main><table><tr><th>Priority</th><td class="css-a1b2c3">P2</td></tr><tr><th>Status</th><td class="css-d4e5f6">Open</td></tr></table></main>`);
    const props = proposeSelectors($('.css-d4e5f6'));
    const kinds = props.map((p) => p.kind);
    expect(kinds[kinds.length - 1]).toBe('generated');
    expect(kinds.indexOf('generated')).toBeGreaterThan(0);
    expect(props[0]!.value).toBe('Open');
    for (const p of props) expect(selectsOnly($('.css-d4e5f6'), p.selector)).toBe(true);
  });

  test('uniqueness: a class shared by two elements is not proposed alone', () => {
    page(`<div class="ticket-meta"><span class="value">High</span></div><div class="sidebar"><span class="value">Low</span></div>`);
    const props = proposeSelectors($('.ticket-meta .value'));
    expect(props.map((p) => p.selector)).not.toContain('.value');
    expect(props[0]).toMatchObject({ selector: '.ticket-meta .value', kind: 'class', value: 'High' });
  });

  test('a <time datetime> is read by its attribute; initials by their title', () => {
    page(`<header><time class="created" datetime="2026-11-27T16:50:00Z">2 hours ago</time><a class="assignee" title="Marco Reyes">MR</a></header>`);
    expect(best('time')).toMatchObject({ selector: '.created', attribute: 'datetime', value: '2026-11-27T16:50:00Z' });
    expect(best('a')).toMatchObject({ selector: '.assignee', attribute: 'title', value: 'Marco Reyes' });
  });

  test('an id that ties the element to one record is not stable', () => {
    page(`<div id="ticket-4711"><span class="subject">VPN</span></div><div id="ticket-4712"><span class="other">x</span></div>`);
    expect(proposeSelectors($('.subject')).map((p) => p.selector).join(' ')).not.toContain('4711');
  });

  test('the generic fixture page: every field gets a unique readable selector with its value', () => {
    const html = readFileSync(join(import.meta.dirname, '../fixtures/helpdesks/generic/ticket-4711.html'), 'utf8');
    document.documentElement.innerHTML = html.replace(/^<!doctype html>/i, '').replace(/<script>[\s\S]*?<\/script>/, '');
    expect(best('.ticket-number')).toMatchObject({ selector: '.ticket-number', value: '#4711' });
    expect(best('.priority')).toMatchObject({ selector: '.priority', value: '2 - High' });
    expect(best('.created')).toMatchObject({ selector: '.created', value: 'Fri Nov 27 04:50:12 2026' });
    expect(best('.organization')).toMatchObject({ selector: '.organization', value: 'Acme Corp' });
  });
});
