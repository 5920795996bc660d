// Browsers may evict "best-effort" storage under pressure; the handbook is exactly what must survive, so ask for
// persistence once there is something worth keeping.
export interface StorageState {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function persistAfterFirstImport(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

export async function storageState(): Promise<StorageState> {
  const s = navigator.storage;
  if (!s) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([s.persisted ? s.persisted() : null, s.estimate ? s.estimate() : null]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
