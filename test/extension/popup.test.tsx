// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Popup } from '../../extension/pages/popup/Popup.tsx';
import { engagement, installFakeChrome } from './fake-pages.ts';

afterEach(cleanup);

const ZENDESK = 'https://acme.zendesk.com';

function setup(tabUrl: string | undefined, granted: string[] = []) {
  return installFakeChrome({
    tabUrl,
    granted,
    engagements: [engagement({ id: 'acme', origins: [ZENDESK] }), engagement({ id: 'globex' }), engagement({ id: 'initech', source: 'managed', readOnly: true })],
    origins: [{ origin: ZENDESK, engagements: ['Acme × Northwind'], managed: false }],
  });
}

describe('popup', () => {
  test('asks for the active tab of the current window and shows the engagement count', async () => {
    const fake = setup(`${ZENDESK}/agent/tickets/42`);
    render(<Popup />);
    expect((await screen.findByTestId('engagement-count')).textContent).toBe('3 engagements');
    expect(fake.chrome.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    const manage = screen.getByRole('link', { name: 'Manage engagements' });
    expect(manage.getAttribute('href')).toBe('chrome-extension://fake-extension-id/extension/pages/options/index.html');
    fireEvent.click(manage);
    expect(fake.chrome.runtime.openOptionsPage).toHaveBeenCalledTimes(1);
  });

  test('a site no engagement maps says so and links to the options page', async () => {
    const fake = setup('https://intranet.example.com/wiki/Printers');
    render(<Popup />);
    expect((await screen.findByTestId('not-mapped')).textContent).toContain('No engagement maps this site');
    expect(screen.getByTestId('this-site').textContent).toContain('https://intranet.example.com');
    expect(screen.queryByRole('button', { name: /Enable/ })).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: /options/ }));
    expect(fake.chrome.runtime.openOptionsPage).toHaveBeenCalledTimes(1);
  });

  test('Enable Tandem on this site asks Chrome inside the click for origin/*, then syncs, then says it is on', async () => {
    const fake = setup(`${ZENDESK}/agent/tickets/42`);
    render(<Popup />);
    const button = await screen.findByRole('button', { name: 'Enable Tandem on this site' });
    const before = fake.log.length;

    fake.withGesture(() => fireEvent.click(button));
    expect(fake.chrome.permissions.request).toHaveBeenCalledTimes(1);
    expect(fake.chrome.permissions.request).toHaveBeenCalledWith({ origins: [`${ZENDESK}/*`] });
    expect(fake.log[before]).toBe(`permissions.request ${ZENDESK}/*`);

    await waitFor(() => expect(fake.sent('origins:sync')).toHaveLength(1));
    expect(fake.log.indexOf('message origins:sync')).toBeGreaterThan(before);
    expect((await screen.findByTestId('site-on')).textContent).toBe(`Tandem is on for ${ZENDESK}`);
  });

  test('a refused prompt leaves Tandem off and says why', async () => {
    const fake = setup(`${ZENDESK}/agent/tickets/42`);
    fake.state.userAllows = false;
    render(<Popup />);
    const button = await screen.findByRole('button', { name: 'Enable Tandem on this site' });
    fake.withGesture(() => fireEvent.click(button));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Permission refused'));
    expect(fake.sent('origins:sync')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Enable Tandem on this site' })).toBeTruthy();
  });

  test('a granted site says Tandem is on; Turn off removes the permission and syncs', async () => {
    const fake = setup(`${ZENDESK}/agent/tickets/42`, [`${ZENDESK}/*`]);
    render(<Popup />);
    expect((await screen.findByTestId('site-on')).textContent).toBe(`Tandem is on for ${ZENDESK}`);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    await waitFor(() => expect(fake.sent('origins:sync')).toHaveLength(1));
    expect(fake.chrome.permissions.remove).toHaveBeenCalledWith({ origins: [`${ZENDESK}/*`] });
    await screen.findByRole('button', { name: 'Enable Tandem on this site' });
  });

  test('a tab that is not a web page gets no button', async () => {
    setup('chrome://extensions/');
    render(<Popup />);
    await waitFor(() => expect(screen.getByTestId('this-site').textContent).toContain('This tab is not a web page'));
    expect(screen.queryByRole('button')).toBeNull();
  });
});
