// Imports in flight. An update reload waits for them: reloading mid-import would drop the file the user chose.
let running = 0;
const listeners = new Set<() => void>();

export function importStarted(): () => void {
  running++;
  notify();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    running--;
    notify();
  };
}

export function importsRunning(): number {
  return running;
}

export function onBusyChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function notify() {
  for (const fn of listeners) fn();
}
