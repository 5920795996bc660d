// One report run at a time for the view: its progress, its outcome, and a cancel that reaches the worker.
import { useEffect, useRef, useState } from 'preact/hooks';
import { importStarted } from '../app/busy.ts';
import type { ReportOutcome, ReportProgress, ReportRequest } from './types.ts';

/** The worker's `report` method (WorkerApi['report']) as the view calls it: the shell wraps onProgress for comlink. */
export type ReportRunner = (file: Blob, fileName: string, request: ReportRequest, onProgress: (p: ReportProgress) => boolean) => Promise<ReportOutcome>;

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; fileName: string; size: number; progress: ReportProgress | null }
  | { phase: 'done'; outcome: ReportOutcome }
  | { phase: 'canceled'; fileName: string };

export function useReportRun(runner: ReportRunner) {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  // The run whose results the view shows; an older run still finishing (after a cancel or a new file) is ignored.
  const current = useRef(0);
  useEffect(() => () => void (current.current = -1), []);

  const start = async (file: Blob, fileName: string, request: ReportRequest) => {
    const id = ++current.current;
    setState({ phase: 'running', fileName, size: file.size, progress: null });
    // The update prompt waits for this like for an import: a reload would drop the file the user chose.
    const done = importStarted();
    let outcome: ReportOutcome;
    try {
      outcome = await runner(file, fileName, request, (progress) => {
        if (id === current.current) setState({ phase: 'running', fileName, size: file.size, progress });
        // False stops the worker: the run was canceled or replaced.
        return id === current.current;
      });
    } catch (error) {
      outcome = { ok: false, fileName, message: error instanceof Error ? error.message : String(error) };
    } finally {
      done();
    }
    if (id === current.current) setState({ phase: 'done', outcome });
  };

  const cancel = () => {
    current.current++;
    setState(state.phase === 'running' ? { phase: 'canceled', fileName: state.fileName } : { phase: 'idle' });
  };

  /** Forgets the last outcome (and any run still going): what is shown no longer matches the chosen file. */
  const reset = () => {
    current.current++;
    setState({ phase: 'idle' });
  };

  return { state, start, cancel, reset };
}
