// Where the data lives and whether the browser promised to keep it.
import { useEffect, useState } from 'preact/hooks';
import { type StorageState, storageState } from '../store/persist.ts';

declare const __TANDEM_BUILD__: string;

export function SettingsView({ offlineReady }: { offlineReady: boolean }) {
  const [s, setS] = useState<StorageState | null>(null);
  const [asked, setAsked] = useState<boolean | null>(null);
  useEffect(() => {
    void storageState().then(setS);
  }, [asked]);
  return (
    <div data-testid="view-settings">
      <h1>Settings</h1>
      <section class="card">
        <h2>Storage on this device</h2>
        <dl>
          <dt>Used</dt>
          <dd data-testid="storage-usage">{s?.usage == null ? 'unknown' : `${formatBytes(s.usage)}${s.quota ? ` of ${formatBytes(s.quota)} available to this app` : ''}`}</dd>
          <dt>Kept when the device runs low on space</dt>
          <dd data-testid="storage-persisted">
            {s?.persisted == null ? 'unknown (this browser does not say)' : s.persisted ? 'yes: the browser will not evict the handbook' : 'not guaranteed: the browser may clear it under storage pressure'}
          </dd>
        </dl>
        {s?.persisted === false && (
          <button type="button" onClick={() => void navigator.storage.persist().then(setAsked)}>
            Ask the browser to keep the data
          </button>
        )}
        {asked === false && <p role="status">The browser declined. Installing the app usually makes it agree; keep an exported copy of each file.</p>}
      </section>
      <section class="card">
        <h2>This app</h2>
        <dl>
          <dt>Works offline</dt>
          <dd data-testid="offline-ready">{offlineReady || navigator.serviceWorker?.controller ? 'yes' : 'not yet (load once with a network)'}</dd>
          <dt>Build</dt>
          <dd class="mono">{__TANDEM_BUILD__}</dd>
        </dl>
      </section>
    </div>
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} kB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}
