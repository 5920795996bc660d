// The extension's manifest (crxjs; paths are relative to the Vite root, the repository). Permissions, and why:
// - storage: engagements, per-site panel position (local), statuses seen per ticket (session), policy (managed);
// - scripting: the content script is registered at run time for each site the user enables, and injected into
//   the tabs already open on it;
// - activeTab: the popup's "Enable Tandem on this site" reads the current tab's address without the tabs permission;
// - alarms: subscribed engagement URLs are refreshed hourly; a service worker cannot keep a timer alive that long.
// No host_permissions: every helpdesk origin is an optional permission the user grants from a click (options page
// or popup), so installing the extension gives it access to no site at all. No content_scripts and no
// web_accessible_resources either: the content script is a self-contained IIFE registered for granted origins.
// Firefox gets the same manifest with the differences in manifestFor (docs/firefox.md).
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };

// End-to-end tests only: Chromium under automation cannot answer a permission prompt, so a test build grants its
// fixture helpdesks up front (TANDEM_TEST_HOSTS="http://127.0.0.1/*"). Release builds never set it.
const testHosts = process.env.TANDEM_TEST_HOSTS?.split(',').filter(Boolean) ?? [];

const icons = {
  16: 'icons/icon-16.png',
  32: 'icons/icon-32.png',
  48: 'icons/icon-48.png',
  128: 'icons/icon-128.png',
};

export type Browser = 'chrome' | 'firefox';

/**
 * The add-on's Firefox id. It must never change: Firefox keys the add-on's storage, granted permissions and
 * enterprise policies ("3rdparty" in policies.json) to it, and AMO ties updates to it.
 */
export const GECKO_ID = 'tandem@tandem.example';

/**
 * Firefox 140 (an ESR) is the first to understand gecko.data_collection_permissions, which AMO requires of new
 * add-ons; Firefox for Android got it in 142. Everything else we use is older: optional_host_permissions came in 128,
 * storage.session in 115, persistAcrossSessions for registered content scripts in 105 (MDN browser-compat-data).
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

// Only the Firefox build has these keys: Chrome warns about keys it does not know. gecko_android is typed apart
// because crxjs's manifest type knows only gecko.
const geckoSettings: {
  gecko: { id: string; strict_min_version: string; data_collection_permissions: { required: 'none'[] } };
  gecko_android: { strict_min_version: string };
} = {
  gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
  gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
};

export function manifestFor(browser: Browser) {
  const firefox = browser === 'firefox';
  return defineManifest({
    manifest_version: 3,
    name: 'Tandem',
    version: pkg.version,
    description: 'Who owns this ticket, the live SLA countdown and whom to escalate to, on your helpdesk, from your co-managed IT engagement file.',
    // storage.session and optional_host_permissions. Firefox has strict_min_version instead.
    ...(firefox ? {} : { minimum_chrome_version: '110' }),
    icons,
    permissions: ['storage', 'scripting', 'activeTab', 'alarms'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(testHosts.length ? { host_permissions: testHosts } : {}),
    // Firefox has no extension service workers: crxjs turns `scripts` into a module background script (an event page).
    background: firefox ? { scripts: ['extension/background/main.ts'] } : { service_worker: 'extension/background/main.ts', type: 'module' },
    action: { default_popup: 'extension/pages/popup/index.html', default_icon: icons, default_title: 'Tandem' },
    options_ui: { page: 'extension/pages/options/index.html', open_in_tab: true },
    // Firefox has no managed_schema (its manifest schema lacks the key): storage.managed comes from policies.json
    // and is not checked against a schema.
    ...(firefox ? { browser_specific_settings: geckoSettings } : { storage: { managed_schema: 'managed-schema.json' } }),
  });
}

export default manifestFor('chrome');
