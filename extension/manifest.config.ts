// The extension's manifest (crxjs; paths are relative to the Vite root, the repository). Permissions, and why:
// - storage: engagements, per-site panel position (local), statuses seen per ticket (session), policy (managed);
// - scripting: the content script is registered at run time for each site the user enables, and injected into
//   the tabs already open on it;
// - activeTab: the popup's "Enable Tandem on this site" reads the current tab's address without the tabs permission;
// - alarms: subscribed engagement URLs are refreshed hourly; a service worker cannot keep a timer alive that long.
// No host_permissions: every helpdesk origin is an optional permission the user grants from a click (options page
// or popup), so installing the extension gives it access to no site at all. No content_scripts and no
// web_accessible_resources either: the content script is a self-contained IIFE registered for granted origins.
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

export default defineManifest({
  manifest_version: 3,
  name: 'Tandem',
  version: pkg.version,
  description: 'Who owns this ticket, the live SLA countdown and whom to escalate to, on your helpdesk, from your co-managed IT engagement file.',
  // storage.session and optional_host_permissions.
  minimum_chrome_version: '110',
  icons,
  permissions: ['storage', 'scripting', 'activeTab', 'alarms'],
  optional_host_permissions: ['http://*/*', 'https://*/*'],
  ...(testHosts.length ? { host_permissions: testHosts } : {}),
  background: { service_worker: 'extension/background/main.ts', type: 'module' },
  action: { default_popup: 'extension/pages/popup/index.html', default_icon: icons, default_title: 'Tandem' },
  options_ui: { page: 'extension/pages/options/index.html', open_in_tab: true },
  storage: { managed_schema: 'managed-schema.json' },
});
