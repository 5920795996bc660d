// The empty state: nothing stored yet. The example engagement ships inside the app, so it works offline too.
import { useState } from 'preact/hooks';
import { ImportControls } from '../import/ImportControls.tsx';
import { ImportStatus } from '../import/ImportStatus.tsx';
import { importFiles } from '../import/jobs.ts';
import exampleUrl from '../../../examples/acme-ost.yaml?url';

export function Welcome({ onSkipped }: { onSkipped: (names: string[]) => void }) {
  const [error, setError] = useState<string | null>(null);
  const tryExample = async () => {
    setError(null);
    try {
      const response = await fetch(exampleUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const [outcome] = await importFiles([{ blob: await response.blob(), name: 'acme-ost.yaml' }]);
      if (outcome?.ok) location.hash = `#/${encodeURIComponent(outcome.id)}/now`;
    } catch (e) {
      setError(`The example could not be loaded: ${String(e)}`);
    }
  };
  return (
    <div class="welcome" data-testid="view-welcome">
      <h1>Your engagements, offline</h1>
      <p>
        Tandem keeps co-managed IT engagements on this device: who to call now, the contract's SLAs, the RACI matrix, on-call and
        runbooks. It works with no network once a file is imported.
      </p>
      <button type="button" class="primary" onClick={() => void tryExample()} data-testid="try-example">
        Try the example engagement
      </button>
      {error && <p role="alert">{error}</p>}
      <h2>Import your own</h2>
      <ImportControls onSkipped={onSkipped} />
      <ImportStatus />
    </div>
  );
}
