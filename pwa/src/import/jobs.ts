// Imports run one file at a time through the worker; the page keeps a list of them to show progress and results.
import { useEffect, useState } from 'preact/hooks';
import { importStarted } from '../app/busy.ts';
import { persistAfterFirstImport } from '../store/persist.ts';
import type { ImportOutcome, ImportProgress } from '../worker/api.ts';
import { importFile } from '../worker/client.ts';

export interface ImportJob {
  key: number;
  fileName: string;
  progress: ImportProgress | null;
  outcome: ImportOutcome | null;
}

let jobs: ImportJob[] = [];
let nextKey = 1;
let queue: Promise<void> = Promise.resolve();
const listeners = new Set<(jobs: ImportJob[]) => void>();

function update(key: number, patch: Partial<ImportJob>) {
  jobs = jobs.map((j) => (j.key === key ? { ...j, ...patch } : j));
  for (const fn of listeners) fn(jobs);
}

/** Accept files from any source (drop, picker, paste, launchQueue); resolves when all are imported. */
export function importFiles(files: Array<{ blob: Blob; name: string }>): Promise<ImportOutcome[]> {
  const added = files.map(({ name }) => ({ key: nextKey++, fileName: name, progress: null, outcome: null }));
  jobs = [...jobs.filter((j) => j.outcome === null || !j.outcome.ok), ...added];
  for (const fn of listeners) fn(jobs);
  const results = files.map((file, i) => {
    const job = added[i]!;
    const run = queue.then(async () => {
      const done = importStarted();
      try {
        const outcome = await importFile(file.blob, file.name, (progress) => update(job.key, { progress }));
        update(job.key, { outcome });
        if (outcome.ok) {
          void persistAfterFirstImport();
          // A clean import needs no reading; warnings and failures stay until dismissed.
          if (outcome.warnings.length === 0) setTimeout(() => dismissJob(job.key), 8000);
        }
        return outcome;
      } catch (error) {
        const outcome: ImportOutcome = { ok: false, fileName: file.name, problems: [], stored: false, reason: String(error) };
        update(job.key, { outcome });
        return outcome;
      } finally {
        done();
      }
    });
    queue = run.then(() => undefined);
    return run;
  });
  return Promise.all(results);
}

export function dismissJob(key: number): void {
  jobs = jobs.filter((j) => j.key !== key);
  for (const fn of listeners) fn(jobs);
}

export function useImportJobs(): ImportJob[] {
  const [list, setList] = useState(jobs);
  useEffect(() => {
    listeners.add(setList);
    setList(jobs);
    return () => void listeners.delete(setList);
  }, []);
  return list;
}
