// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { Problem } from '../../core/engagement/types.ts';
import type { ImportResult, PageRequest } from '../../extension/shared/messages.ts';
import { Options } from '../../extension/pages/options/Options.tsx';
import { type FakeChrome, engagement, installFakeChrome } from './fake-pages.ts';

afterEach(cleanup);

const ZENDESK = 'https://acme.zendesk.com';
const JIRA = 'https://acme.atlassian.net';
const SNOW = 'https://acme.service-now.com';

function setup(over: Parameters<typeof installFakeChrome>[0] = {}): FakeChrome {
  return installFakeChrome({
    engagements: [
      engagement({ id: 'acme', title: 'Acme × Northwind', fileName: 'acme.yaml', warnings: 2, origins: [ZENDESK] }),
      engagement({
        id: 'globex',
        title: 'Globex support',
        source: 'url',
        fileName: undefined,
        url: 'https://config.example.com/globex.yaml',
        lastRefreshed: Date.UTC(2026, 10, 27, 8, 30),
        lastError: 'HTTP 503 from config.example.com',
        origins: [JIRA],
      }),
      engagement({ id: 'initech', title: 'Initech (policy)', source: 'managed', readOnly: true, fileName: undefined, origins: [SNOW] }),
    ],
    origins: [
      { origin: ZENDESK, engagements: ['Acme × Northwind'], managed: false },
      { origin: JIRA, engagements: ['Globex support'], managed: false },
      { origin: SNOW, engagements: ['Initech (policy)'], managed: true },
    ],
    granted: [`${JIRA}/*`],
    ...over,
  });
}

function problem(over: Partial<Problem>): Problem {
  return { severity: 'error', code: 'ref-unknown', message: 'something is wrong', path: [], line: 1, column: 1, ...over };
}

async function pickFiles(files: File[]) {
  const input = screen.getByTestId('import-picker') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

describe('options page: rendering', () => {
  test('lists the recipes taught on pages, each as the YAML to paste, with delete', async () => {
    const recipe = {
      origin: 'https://tickets.acme.example', ticketUrl: '^/ticket/(?<id>\\d+)(?:[/?#]|$)', pageUrl: 'https://tickets.acme.example/ticket/4711', savedAt: 0,
      fields: { priority: { selector: '.priority', sample: '2 - High' } },
    };
    const fake = setup({ answers: { 'recipe:list': [recipe] } });
    render(<Options />);
    const shown = await screen.findByTestId('recipes');
    expect(within(shown).getByText('https://tickets.acme.example')).toBeTruthy();
    const yaml = within(shown).getByTestId('recipe-yaml').textContent!;
    expect(yaml).toContain('type: generic');
    expect(yaml).toContain('url: https://tickets.acme.example');
    expect(yaml).toContain('selector: .priority');
    fireEvent.click(within(shown).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(fake.messages.some((m) => m.type === 'recipe:delete')).toBe(true));
  });


  test('lists engagements with their source, warnings and actions', async () => {
    setup();
    render(<Options />);
    const acme = await screen.findByTestId('engagement-acme');
    expect(within(acme).getByRole('heading', { name: 'Acme × Northwind' })).toBeTruthy();
    expect(acme.textContent).toContain('From file acme.yaml');
    expect(acme.textContent).toContain('2 warnings');
    expect(within(acme).getByRole('button', { name: 'Remove Acme × Northwind' })).toBeTruthy();
    expect(within(acme).queryByRole('button', { name: /Refresh/ })).toBeNull();

    const globex = screen.getByTestId('engagement-globex');
    expect(globex.textContent).toContain('https://config.example.com/globex.yaml');
    expect(globex.textContent).toContain('last refreshed');
    expect(globex.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-27T08:30:00.000Z');
    expect(within(globex).getByTestId('last-error').textContent).toContain('HTTP 503 from config.example.com');
    expect(within(globex).getByRole('button', { name: 'Refresh Globex support' })).toBeTruthy();
    expect(within(globex).getByRole('button', { name: 'Remove Globex support' })).toBeTruthy();
  });

  test('a managed engagement says so and has no Remove button', async () => {
    setup();
    render(<Options />);
    const initech = await screen.findByTestId('engagement-initech');
    expect(initech.textContent).toContain('Managed by your organisation');
    expect(within(initech).queryByRole('button', { name: /Remove/ })).toBeNull();
    // The other rows do have one, so the absence is about management, not a missing button everywhere.
    expect(screen.getAllByRole('button', { name: /^Remove / })).toHaveLength(2);
  });

  test('lists helpdesk sites with their state, engagements and managed mark', async () => {
    setup();
    render(<Options />);
    const jira = await screen.findByTestId(`site-${JIRA}`);
    expect(jira.textContent).toContain('Enabled');
    expect(jira.textContent).toContain('Globex support');
    expect(within(jira).getByRole('button', { name: `Disable Tandem on ${JIRA}` })).toBeTruthy();

    const zendesk = screen.getByTestId(`site-${ZENDESK}`);
    expect(zendesk.textContent).toContain('Not enabled');
    expect(within(zendesk).getByRole('button', { name: `Enable Tandem on ${ZENDESK}` })).toBeTruthy();
    expect(zendesk.textContent).not.toContain('Allowed by your organisation');

    const snow = screen.getByTestId(`site-${SNOW}`);
    expect(snow.textContent).toContain('Allowed by your organisation');
  });

  test('headings give the page its structure', async () => {
    setup();
    render(<Options />);
    await screen.findByTestId('engagement-acme');
    const h2 = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(h2).toEqual(['Import engagement files', 'Subscribe to an engagement URL', 'Engagements', 'Helpdesk sites']);
    expect(screen.getByLabelText('Engagement URL')).toBeTruthy();
  });
});

describe('options page: import', () => {
  test('a rejected file lists its problems with file:line:column, severity, message, path and code', async () => {
    const rejected: ImportResult = {
      ok: false,
      problems: [
        problem({ line: 3, column: 5, code: 'url-invalid', message: "'acme' is not a URL", path: ['helpdesks', 0, 'url'] }),
        problem({ severity: 'warning', line: 12, column: 9, code: 'contact-unused', message: 'Dana is never called', path: ['people', 'dana'] }),
      ],
    };
    const fake = setup({ answers: { 'engagements:import': rejected } });
    render(<Options />);
    await screen.findByTestId('engagement-acme');
    await pickFiles([new File(['helpdesks:\n  - url: acme\n'], 'bad.yaml', { type: 'text/yaml' })]);

    const entry = await screen.findByTestId('import-rejected');
    expect(entry.textContent).toContain('bad.yaml was not imported');
    const items = within(entry).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('bad.yaml:3:5');
    expect(items[0]!.textContent).toContain('error');
    expect(items[0]!.textContent).toContain("'acme' is not a URL");
    expect(items[0]!.textContent).toContain('helpdesks[0].url');
    expect(items[0]!.textContent).toContain('(url-invalid)');
    expect(items[1]!.textContent).toContain('bad.yaml:12:9');
    expect(items[1]!.textContent).toContain('warning');
    expect(items[1]!.textContent).toContain('people.dana');

    expect(fake.sent('engagements:import')).toEqual([{ type: 'engagements:import', fileName: 'bad.yaml', text: 'helpdesks:\n  - url: acme\n' }]);
  });

  test('valid files say imported or replaced and show their warnings; the list reloads', async () => {
    const fake = setup({
      answers: {
        'engagements:import': (r: PageRequest) =>
          (r as { fileName: string }).fileName === 'new.yml'
            ? { ok: true, id: 'new', title: 'New one', replaced: false, warnings: [] }
            : { ok: true, id: 'acme', title: 'Acme × Northwind', replaced: true, warnings: [problem({ severity: 'warning', line: 7, column: 3, code: 'tz-guess', message: 'zone guessed' })] },
      },
    });
    render(<Options />);
    await screen.findByTestId('engagement-acme');
    const listsBefore = fake.sent('engagements:list').length;
    await pickFiles([new File(['a'], 'new.yml'), new File(['b'], 'acme.json')]);

    await waitFor(() => expect(screen.getAllByTestId('import-ok')).toHaveLength(2));
    const [first, second] = screen.getAllByTestId('import-ok');
    expect(first!.textContent).toContain('New one');
    expect(first!.textContent).toContain('imported');
    expect(second!.textContent).toContain('replaced');
    expect(second!.textContent).toContain('1 warning');
    expect(second!.textContent).toContain('acme.json:7:3');
    expect(second!.textContent).toContain('zone guessed');
    await waitFor(() => expect(fake.sent('engagements:list').length).toBeGreaterThan(listsBefore));
  });

  test('files dropped anywhere on the page are imported; other files are skipped without a message', async () => {
    const fake = setup();
    render(<Options />);
    await screen.findByTestId('engagement-acme');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', {
      value: { types: ['Files'], files: [new File(['x'], 'notes.txt'), new File(['id: a'], 'dropped.yaml')] },
    });
    document.body.dispatchEvent(drop);

    expect(drop.defaultPrevented).toBe(true);
    await screen.findByTestId('import-ok');
    expect(screen.getByTestId('import-skipped').textContent).toContain('notes.txt skipped');
    expect(fake.sent('engagements:import').map((m) => m.fileName)).toEqual(['dropped.yaml']);
  });
});

describe('options page: helpdesk sites', () => {
  test('Enable asks Chrome synchronously inside the click, for origin/*, then sends origins:sync', async () => {
    const fake = setup();
    render(<Options />);
    const button = await screen.findByRole('button', { name: `Enable Tandem on ${ZENDESK}` });
    await waitFor(() => expect(fake.sent('origins:list').length).toBeGreaterThan(0));
    const before = fake.log.length;

    fake.withGesture(() => fireEvent.click(button));
    // Nothing awaited yet: the request must already have been made, inside the gesture, and be the first call.
    expect(fake.chrome.permissions.request).toHaveBeenCalledTimes(1);
    expect(fake.chrome.permissions.request).toHaveBeenCalledWith({ origins: [`${ZENDESK}/*`] });
    expect(fake.log[before]).toBe(`permissions.request ${ZENDESK}/*`);

    await waitFor(() => expect(fake.sent('origins:sync')).toHaveLength(1));
    const after = fake.log.slice(before);
    expect(after.indexOf('message origins:sync')).toBeGreaterThan(after.indexOf(`permissions.request ${ZENDESK}/*`));
    await waitFor(() => expect(screen.getByTestId(`site-${ZENDESK}`).textContent).toContain('Enabled'));
  });

  test('a refused prompt is said plainly and nothing is synced', async () => {
    const fake = setup();
    fake.state.userAllows = false;
    render(<Options />);
    const button = await screen.findByRole('button', { name: `Enable Tandem on ${ZENDESK}` });
    fake.withGesture(() => fireEvent.click(button));
    const row = screen.getByTestId(`site-${ZENDESK}`);
    await waitFor(() => expect(within(row).getByRole('alert').textContent).toContain('Permission refused'));
    expect(fake.sent('origins:sync')).toHaveLength(0);
    expect(row.textContent).toContain('Not enabled');
  });

  test('Disable removes the permission, then sends origins:sync', async () => {
    const fake = setup();
    render(<Options />);
    const button = await screen.findByRole('button', { name: `Disable Tandem on ${JIRA}` });
    fireEvent.click(button);
    await waitFor(() => expect(fake.sent('origins:sync')).toHaveLength(1));
    expect(fake.chrome.permissions.remove).toHaveBeenCalledWith({ origins: [`${JIRA}/*`] });
    expect(fake.log.indexOf(`permissions.remove ${JIRA}/*`)).toBeLessThan(fake.log.indexOf('message origins:sync'));
    await waitFor(() => expect(screen.getByTestId(`site-${JIRA}`).textContent).toContain('Not enabled'));
  });
});

describe('options page: subscribe', () => {
  test("asks for the URL's origin inside the click, then subscribes", async () => {
    const fake = setup({ answers: { 'engagements:subscribe': { ok: true, id: 'hooli', title: 'Hooli', replaced: false, warnings: [] } } });
    render(<Options />);
    await screen.findByTestId('engagement-acme');
    fireEvent.input(screen.getByLabelText('Engagement URL'), { target: { value: ' https://files.example.org:8443/eng/hooli.yaml ' } });
    const before = fake.log.length;

    fake.withGesture(() => fireEvent.click(screen.getByRole('button', { name: 'Subscribe' })));
    expect(fake.chrome.permissions.request).toHaveBeenCalledWith({ origins: ['https://files.example.org:8443/*'] });
    expect(fake.log[before]).toBe('permissions.request https://files.example.org:8443/*');

    await waitFor(() => expect(fake.sent('engagements:subscribe')).toEqual([{ type: 'engagements:subscribe', url: 'https://files.example.org:8443/eng/hooli.yaml' }]));
    await waitFor(() => expect(screen.getByTestId('subscribe-status').textContent).toContain('Hooli'));
    expect(screen.getByTestId('subscribe-status').textContent).toContain('subscribed');
  });

  test('a refused permission is shown and nothing is sent', async () => {
    const fake = setup();
    fake.state.userAllows = false;
    render(<Options />);
    await screen.findByTestId('engagement-acme');
    fireEvent.input(screen.getByLabelText('Engagement URL'), { target: { value: 'https://files.example.org/hooli.yaml' } });
    fake.withGesture(() => fireEvent.click(screen.getByRole('button', { name: 'Subscribe' })));
    const refused = await screen.findByTestId('subscribe-refused');
    expect(refused.getAttribute('role')).toBe('alert');
    expect(refused.textContent).toContain('Permission refused');
    expect(refused.textContent).toContain('https://files.example.org');
    expect(fake.sent('engagements:subscribe')).toHaveLength(0);
  });

  test('a subscription that does not validate shows its problems', async () => {
    const fake = setup({ answers: { 'engagements:subscribe': { ok: false, problems: [problem({ line: 4, column: 2, message: 'bad calendar' })] } } });
    render(<Options />);
    await screen.findByTestId('engagement-acme');
    fireEvent.input(screen.getByLabelText('Engagement URL'), { target: { value: 'https://files.example.org/eng/hooli.yaml' } });
    fake.withGesture(() => fireEvent.click(screen.getByRole('button', { name: 'Subscribe' })));
    await waitFor(() => expect(screen.getByTestId('subscribe-status').textContent).toContain('hooli.yaml:4:2'));
    expect(screen.getByTestId('subscribe-status').textContent).toContain('Not subscribed');
  });
});

describe('options page: remove and refresh', () => {
  test('Remove asks for confirmation; Cancel sends nothing; confirming removes', async () => {
    const fake = setup();
    render(<Options />);
    const row = await screen.findByTestId('engagement-acme');
    fireEvent.click(within(row).getByRole('button', { name: 'Remove Acme × Northwind' }));

    const confirm = within(row).getByTestId('remove-confirm');
    expect(confirm.textContent).toContain('Remove Acme × Northwind?');
    expect(fake.sent('engagements:remove')).toHaveLength(0);
    expect(document.activeElement?.textContent).toBe('Cancel');

    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(within(row).queryByTestId('remove-confirm')).toBeNull();
    expect(fake.sent('engagements:remove')).toHaveLength(0);

    fireEvent.click(within(row).getByRole('button', { name: 'Remove Acme × Northwind' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, remove' }));
    await waitFor(() => expect(fake.sent('engagements:remove')).toEqual([{ type: 'engagements:remove', id: 'acme' }]));
    await waitFor(() => expect(screen.queryByTestId('engagement-acme')).toBeNull());
  });

  test('a failed refresh keeps the row and says the last good copy is in use', async () => {
    const fake = setup({ answers: { 'engagements:refresh': { ok: false, problems: [], error: 'HTTP 404' } } });
    render(<Options />);
    const row = await screen.findByTestId('engagement-globex');
    fireEvent.click(within(row).getByRole('button', { name: 'Refresh Globex support' }));
    await waitFor(() => expect(fake.sent('engagements:refresh')).toEqual([{ type: 'engagements:refresh', id: 'globex' }]));
    await waitFor(() => expect(within(row).getByRole('alert').textContent).toContain('Refresh failed: HTTP 404'));
  });

  test('a background that does not answer is reported', async () => {
    setup({ answers: { 'engagements:list': () => undefined } });
    render(<Options />);
    expect((await screen.findByTestId('load-error')).textContent).toContain('did not answer');
  });
});
