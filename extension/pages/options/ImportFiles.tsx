// Engagement files in: a picker (several at once) and drag-and-drop onto the drop zone or anywhere on the page.
// Each file's text goes to the background, which runs the same core validator as the CLI; a rejected file lists
// its problems with file:line:column and nothing stored changes.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportResult } from '../../shared/messages.ts';
import { Problems } from '../shared/Problems.tsx';
import { messageOf, sendPage } from '../shared/send.ts';

const ENGAGEMENT_FILE = /\.(ya?ml|json)$/i;
const ACCEPT = '.yaml,.yml,.json,application/json,application/yaml,application/x-yaml,text/yaml';
// Engagement files are a few kilobytes; anything this big is a wrong file, and the message channel copies it.
const MAX_BYTES = 5 * 1024 * 1024;

type Entry = { key: number; fileName: string } & (
  | { state: 'reading' }
  | { state: 'skipped'; reason: string }
  | { state: 'failed'; reason: string }
  | { state: 'done'; result: ImportResult }
);

export function ImportFiles({ onImported }: { onImported: () => void | Promise<void> }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [dragging, setDragging] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);

  const importFiles = async (files: File[]) => {
    if (!files.length) return;
    const keys = files.map(() => nextKey.current++);
    setEntries((prev) => [...files.map((f, i): Entry => ({ key: keys[i]!, fileName: f.name, state: 'reading' })), ...prev]);
    const put = (key: number, entry: Entry) => setEntries((prev) => prev.map((e) => (e.key === key ? entry : e)));
    // One at a time, in the order given: a later file with the same id replaces an earlier one predictably.
    for (const [i, file] of files.entries()) {
      const key = keys[i]!;
      const fileName = file.name;
      if (!ENGAGEMENT_FILE.test(fileName)) {
        put(key, { key, fileName, state: 'skipped', reason: 'only .yaml, .yml and .json files hold engagements' });
        continue;
      }
      if (file.size > MAX_BYTES) {
        put(key, { key, fileName, state: 'skipped', reason: 'larger than 5 MB, so not an engagement file' });
        continue;
      }
      try {
        const text = await file.text();
        const result = await sendPage({ type: 'engagements:import', fileName, text });
        put(key, { key, fileName, state: 'done', result });
      } catch (error) {
        put(key, { key, fileName, state: 'failed', reason: messageOf(error) });
      }
    }
    await onImported();
  };

  // The window listeners live for the page's life; they call whatever importFiles is current.
  const latest = useRef(importFiles);
  latest.current = importFiles;

  useEffect(() => {
    let depth = 0;
    const carriesFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    // Without preventDefault on dragover the browser would open the dropped file instead of handing it to us.
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (!files.length) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      void latest.current(files);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import engagement files</h2>
      <div class={`drop-zone${dragging ? ' dragging' : ''}`} data-testid="drop-zone">
        <p>Drop .yaml, .yml or .json engagement files here, or anywhere on this page.</p>
        <input
          ref={picker}
          id="import-picker"
          data-testid="import-picker"
          class="visually-hidden"
          type="file"
          multiple
          accept={ACCEPT}
          tabIndex={-1}
          aria-label="Engagement files"
          onChange={(e) => {
            const el = e.currentTarget;
            const files = Array.from(el.files ?? []);
            el.value = '';
            void importFiles(files);
          }}
        />
        <button type="button" class="primary" onClick={() => picker.current?.click()}>
          Choose files…
        </button>
      </div>
      {entries.length > 0 && (
        <div class="import-results">
          <ul aria-live="polite" aria-label="Import results" data-testid="import-results">
            {entries.map((entry) => (
              <ImportEntry key={entry.key} entry={entry} />
            ))}
          </ul>
          <button type="button" onClick={() => setEntries([])}>
            Clear results
          </button>
        </div>
      )}
    </section>
  );
}

function ImportEntry({ entry }: { entry: Entry }) {
  switch (entry.state) {
    case 'reading':
      return <li class="import-entry">Importing {entry.fileName}…</li>;
    case 'skipped':
      return (
        <li class="import-entry" data-testid="import-skipped">
          {entry.fileName} skipped: {entry.reason}.
        </li>
      );
    case 'failed':
      return (
        <li class="import-entry failed" data-testid="import-failed">
          <strong>{entry.fileName} was not imported:</strong> {entry.reason}
        </li>
      );
    case 'done':
      return <ImportOutcome fileName={entry.fileName} result={entry.result} />;
  }
}

export function ImportOutcome({ fileName, result }: { fileName: string; result: ImportResult }) {
  if (result.ok) {
    const n = result.warnings.length;
    return (
      <li class="import-entry ok" data-testid="import-ok">
        <p>
          <strong>{result.title}</strong> (<code>{result.id}</code>) <span class="ok-text">{result.replaced ? 'replaced' : 'imported'}</span> from{' '}
          {fileName}
          {n > 0 ? `, with ${n} warning${n === 1 ? '' : 's'}` : ''}.
        </p>
        <Problems problems={result.warnings} fileName={fileName} label={`Warnings in ${fileName}`} />
      </li>
    );
  }
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  return (
    <li class="import-entry failed" data-testid="import-rejected">
      <p>
        <strong>{fileName} was not imported.</strong>{' '}
        {result.error ?? `${errors || result.problems.length} problem${(errors || result.problems.length) === 1 ? '' : 's'} to fix.`} Nothing stored
        was changed.
      </p>
      <Problems problems={result.problems} fileName={fileName} />
    </li>
  );
}
