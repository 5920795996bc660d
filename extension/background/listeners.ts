// The service worker's event wiring. MV3 wakes a stopped worker for an event only if its listener was added in
// the first turn of the script, so everything is added synchronously here and the work happens inside.
import { catalog, invalidate } from './catalog.ts';
import { MANAGED_CACHE_KEY } from './managed.ts';
import { onMessage } from './messages.ts';
import { syncOrigins } from './origins.ts';
import type { HelpdeskType } from '../../core/engagement/types.ts';
import { setContentScript } from './registrations.ts';
import { ENGAGEMENTS_KEY } from './store.ts';
import { REFRESH_ALARM, ensureRefreshAlarm, refreshAll, syncManagedUrls } from './subscriptions.ts';

export interface BackgroundOptions {
  /** The content script with every adapter, in the built extension. */
  contentScript: string;
  /** The script with one helpdesk type's adapter only, for origins mapped to that type alone. */
  contentScripts?: Partial<Record<HelpdeskType, string>>;
}

/** Logged without engagement or ticket data: the message of what failed, nothing it was working on. */
function report(what: string) {
  return (error: unknown) => console.warn(`Tandem: ${what} failed: ${(error as Error)?.message ?? String(error)}`);
}

export function installListeners(options: BackgroundOptions): void {
  setContentScript(options.contentScript, options.contentScripts);

  const start = () => {
    void syncOrigins().catch(report('registering the content script'));
    void ensureRefreshAlarm().catch(report('scheduling refreshes'));
    void syncManagedUrls().catch(report('fetching the policy engagements'));
  };
  chrome.runtime.onInstalled.addListener(start);
  chrome.runtime.onStartup.addListener(start);

  // Granted from our pages, the popup, or chrome://extensions "site access": all end up here.
  chrome.permissions.onAdded.addListener(() => void syncOrigins().catch(report('registering a new site')));
  chrome.permissions.onRemoved.addListener(() => void syncOrigins().catch(report('unregistering a site')));

  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') {
      invalidate();
      void syncManagedUrls()
        .then(() => syncOrigins())
        .catch(report('applying the new policy'));
    } else if (area === 'local' && (ENGAGEMENTS_KEY in changes || MANAGED_CACHE_KEY in changes)) {
      invalidate();
      // A mapping that changes its helpdesk type on an origin changes which script that origin needs.
      void syncOrigins().catch(report('updating the site registrations'));
    }
  });

  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void refreshAll().catch(report('refreshing subscribed engagements'));
  });

  chrome.runtime.onMessage.addListener(onMessage);

  // Parse the stored engagements while the worker is waking for whatever woke it, not on the first ticket.
  void catalog().catch(report('reading the stored engagements'));
}
