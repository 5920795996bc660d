// The picker and the paste box, for phones where nothing can be dragged.
import { useRef, useState } from 'preact/hooks';
import { importFileList, importPastedText } from './sources.ts';

const ACCEPT = '.yaml,.yml,.json,application/json,application/yaml,application/x-yaml,text/yaml,text/x-yaml,text/plain';

export function ImportControls({ onSkipped }: { onSkipped: (names: string[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [pasteOpen, setPasteOpen] = useState(false);
  return (
    <div class="import-controls">
      <input
        ref={input}
        id="import-picker"
        data-testid="import-picker"
        class="visually-hidden"
        type="file"
        multiple
        accept={ACCEPT}
        aria-label="Choose engagement files"
        onChange={async (e) => {
          const el = e.currentTarget;
          if (el.files?.length) {
            const skipped = await importFileList(el.files);
            if (skipped.length) onSkipped(skipped);
          }
          el.value = '';
        }}
      />
      <button type="button" class="primary" onClick={() => input.current?.click()}>
        Import files…
      </button>{' '}
      <button type="button" aria-expanded={pasteOpen} onClick={() => setPasteOpen(!pasteOpen)}>
        Paste text
      </button>
      {pasteOpen && (
        <form
          class="paste-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) return;
            importPastedText(text);
            setText('');
            setPasteOpen(false);
          }}
        >
          <label for="paste-text">Engagement YAML or JSON</label>
          <textarea id="paste-text" data-testid="paste-text" rows={8} value={text} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} />
          <button type="submit" class="primary">Import pasted text</button>
        </form>
      )}
      <p class="muted">Or drop .yaml, .yml or .json files anywhere on this page.</p>
    </div>
  );
}
