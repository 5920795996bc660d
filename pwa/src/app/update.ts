// Service worker registration with a consented update: a new version waits until the user says reload, and the
// reload itself waits for running imports. The hash route keeps an open runbook open across the reload.
import { useEffect, useState } from 'preact/hooks';
import { registerSW } from 'virtual:pwa-register';
import { importsRunning, onBusyChange } from './busy.ts';

interface UpdateState {
  needRefresh: boolean;
  offlineReady: boolean;
}

let state: UpdateState = { needRefresh: false, offlineReady: false };
const listeners = new Set<(s: UpdateState) => void>();
let updateSW: ((reload?: boolean) => Promise<void>) | null = null;
let reloadRequested = false;

function set(patch: Partial<UpdateState>) {
  state = { ...state, ...patch };
  for (const fn of listeners) fn(state);
}

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => set({ needRefresh: true }),
    onOfflineReady: () => set({ offlineReady: true }),
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // A handbook tab can stay open for days; look for a new version hourly and when the tab comes back.
      setInterval(() => void registration.update().catch(() => {}), 60 * 60 * 1000);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void registration.update().catch(() => {});
      });
    },
  });
  onBusyChange(() => {
    if (reloadRequested && importsRunning() === 0) void applyUpdate();
  });
}

/** Reload into the new version now, or as soon as the running imports finish. */
export async function applyUpdate(): Promise<void> {
  reloadRequested = true;
  if (importsRunning() > 0 || !updateSW) return;
  sessionStorage.setItem('tandem:scroll', String(scrollY));
  // workbox-window reloads on 'controlling' only for an update it saw itself; one the browser found first (the
  // registration runs after the first paint) counts as external and would leave the page on the old version.
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  await updateSW(true);
}

export function dismissUpdate(): void {
  set({ needRefresh: false });
}

export function useUpdateState(): UpdateState & { waitingForImports: boolean } {
  const [s, setS] = useState(state);
  const [busy, setBusy] = useState(importsRunning() > 0);
  useEffect(() => {
    listeners.add(setS);
    const off = onBusyChange(() => setBusy(importsRunning() > 0));
    return () => {
      listeners.delete(setS);
      off();
    };
  }, []);
  return { ...s, waitingForImports: reloadRequested && busy };
}

/** After an update reload, return to where the reader was. */
export function restoreScroll(): void {
  const y = sessionStorage.getItem('tandem:scroll');
  if (y === null) return;
  sessionStorage.removeItem('tandem:scroll');
  requestAnimationFrame(() => scrollTo(0, Number(y)));
}
