// One worker for the page, started on first use.
import { type Remote, proxy, wrap } from 'comlink';
import type { ReportOutcome, ReportProgress, ReportRequest } from '../report/types.ts';
import type { ImportProgress, WorkerApi } from './api.ts';

let remote: Remote<WorkerApi> | null = null;

export function handbookWorker(): Remote<WorkerApi> {
  remote ??= wrap<WorkerApi>(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'tandem' }));
  return remote;
}

export function importFile(file: Blob, fileName: string, onProgress: (p: ImportProgress) => void) {
  return handbookWorker().importFile(file, fileName, proxy(onProgress));
}

export function reportOnFile(file: Blob, fileName: string, request: ReportRequest, onProgress: (p: ReportProgress) => boolean): Promise<ReportOutcome> {
  return handbookWorker().report(file, fileName, request, proxy(onProgress));
}
