// One worker for the page, started on first use.
import { type Remote, proxy, wrap } from 'comlink';
import type { ImportProgress, WorkerApi } from './api.ts';

let remote: Remote<WorkerApi> | null = null;

export function handbookWorker(): Remote<WorkerApi> {
  remote ??= wrap<WorkerApi>(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'tandem' }));
  return remote;
}

export function importFile(file: Blob, fileName: string, onProgress: (p: ImportProgress) => void) {
  return handbookWorker().importFile(file, fileName, proxy(onProgress));
}
