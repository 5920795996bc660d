// Every engagement the technician carries: import, version history with restore, export of the original file,
// delete with confirmation.
import { useEffect, useRef, useState } from 'preact/hooks';
import { handbookDb } from '../app/handbook.ts';
import { ImportControls } from '../import/ImportControls.tsx';
import { ImportStatus, ProblemList } from '../import/ImportStatus.tsx';
import type { EngagementSummary, HistoryEntry } from '../store/db.ts';
import { announceChange, deleteEngagement, getEngagement, listHistory } from '../store/engagements.ts';
import type { ImportOutcome } from '../worker/api.ts';
import { handbookWorker } from '../worker/client.ts';
import './Engagements.css';

export function EngagementsView({ list, onSkipped }: { list: EngagementSummary[]; onSkipped: (names: string[]) => void }) {
  return (
    <div data-testid="view-engagements">
      <h1>Engagements</h1>
      <ImportControls onSkipped={onSkipped} />
      <ImportStatus />
      {list.length === 0 ? (
        <p>No engagement stored yet.</p>
      ) : (
        <ul class="engagement-list">
          {list.map((e) => (
            <EngagementCard key={e.id} e={e} />
          ))}
        </ul>
      )}
    </div>
  );
}

function EngagementCard({ e }: { e: EngagementSummary }) {
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ text: string; outcome?: ImportOutcome } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void handbookDb().then((db) => listHistory(db, e.id)).then((h) => live && setHistory(h));
    return () => {
      live = false;
    };
  }, [open, e.id, e.version]);

  const restore = async (version: number) => {
    const outcome = await handbookWorker().restore(e.id, version);
    setMessage(outcome.ok ? { text: `Version ${version} restored as version ${outcome.version}.` } : { text: `Version ${version} could not be restored.`, outcome });
  };
  const exportCurrent = async () => {
    const full = await getEngagement(await handbookDb(), e.id);
    if (full) download(full.fileName, full.text);
  };
  const remove = async () => {
    dialog.current?.close();
    try {
      await deleteEngagement(await handbookDb(), e.id);
      announceChange(e.id);
    } catch (error) {
      setMessage({ text: (error as Error).message });
    }
  };

  return (
    <li class="card" data-testid={`engagement-${e.id}`}>
      <h2>
        <a href={`#/${encodeURIComponent(e.id)}/now`}>{e.title}</a>
      </h2>
      <p class="muted">
        <span class="mono">{e.id}</span> · version {e.version} · {e.fileName} · imported {new Date(e.importedAt).toLocaleString()}
        {e.warnings > 0 && ` · ${e.warnings} warning${e.warnings === 1 ? '' : 's'}`}
      </p>
      <div class="actions">
        <button type="button" onClick={() => void exportCurrent()} data-testid="export">
          Export file
        </button>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="history-toggle">
          History
        </button>
        <button type="button" class="danger" onClick={() => dialog.current?.showModal()} data-testid="delete">
          Delete…
        </button>
      </div>
      {message && (
        <div role="status">
          <p>{message.text}</p>
          {message.outcome && !message.outcome.ok && <ProblemList problems={message.outcome.problems} fileName={message.outcome.fileName} />}
        </div>
      )}
      {open && (
        <section aria-label={`Earlier versions of ${e.title}`}>
          {history === null ? (
            <p>Loading…</p>
          ) : history.length === 0 ? (
            <p class="muted">No earlier version.</p>
          ) : (
            <ol class="history" data-testid="history">
              {history.map((h) => (
                <li key={h.version}>
                  Version {h.version} · {h.fileName} · imported {new Date(h.importedAt).toLocaleString()}, replaced {new Date(h.replacedAt).toLocaleString()}
                  <div class="actions">
                    <button type="button" onClick={() => void restore(h.version)} data-testid={`restore-${h.version}`}>
                      Restore
                    </button>
                    <button type="button" onClick={() => download(versionedName(h.fileName, h.version), h.text)}>Export</button>
                  </div>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <dialog ref={dialog} aria-labelledby={`delete-title-${e.id}`} data-testid="delete-dialog">
        <h2 id={`delete-title-${e.id}`}>Delete {e.title}?</h2>
        <p>This removes the engagement and all its earlier versions from this device. Export the file first if it is your only copy.</p>
        <div class="actions">
          <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
          <button type="button" class="danger" onClick={() => void remove()} data-testid="confirm-delete">
            Delete
          </button>
        </div>
      </dialog>
    </li>
  );
}

function versionedName(fileName: string, version: number): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)}.v${version}${fileName.slice(dot)}` : `${fileName}.v${version}`;
}

function download(name: string, text: string) {
  const type = /\.json$/i.test(name) ? 'application/json' : 'text/yaml';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
