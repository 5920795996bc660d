// Subscribe to an engagement published at a URL. The background fetches it (and refreshes it later), which needs
// the URL's origin as a host permission; Chrome only asks while the user's click is live, so the request is
// made first thing in the submit handler and awaited afterwards.
import { useState } from 'preact/hooks';
import type { ImportResult } from '../../shared/messages.ts';
import { originOf, requestOrigin } from '../shared/permissions.ts';
import { Problems } from '../shared/Problems.tsx';
import { messageOf, sendPage } from '../shared/send.ts';

type Status =
  | { kind: 'working'; text: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'refused'; origin: string }
  | { kind: 'failed'; text: string }
  | { kind: 'done'; url: string; result: ImportResult };

export function Subscribe({ onSubscribed }: { onSubscribed: () => void | Promise<void> }) {
  const [url, setUrl] = useState('');
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);

  const subscribe = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const target = url.trim();
    const origin = originOf(target);
    if (!origin) {
      setStatus({ kind: 'invalid', text: 'Enter the full address of the engagement file, starting with https://.' });
      return;
    }
    // Nothing may be awaited before this line: the prompt needs the gesture that submitted the form.
    const asked = requestOrigin(origin);
    setBusy(true);
    setStatus({ kind: 'working', text: `Asking for permission to read ${origin}…` });
    void (async () => {
      try {
        if (!(await asked)) {
          setStatus({ kind: 'refused', origin });
          return;
        }
        setStatus({ kind: 'working', text: `Fetching and checking ${target}…` });
        const result = await sendPage({ type: 'engagements:subscribe', url: target });
        setStatus({ kind: 'done', url: target, result });
        if (result.ok) setUrl('');
        await onSubscribed();
      } catch (error) {
        setStatus({ kind: 'failed', text: messageOf(error) });
      } finally {
        setBusy(false);
      }
    })();
  };

  return (
    <section aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">Subscribe to an engagement URL</h2>
      <p class="muted">Tandem fetches the file now and refreshes it regularly; if a refresh fails, the last good copy stays in use.</p>
      <form class="subscribe" onSubmit={subscribe}>
        <label for="subscribe-url">Engagement URL</label>
        <div class="subscribe-row">
          <input
            id="subscribe-url"
            data-testid="subscribe-url"
            type="url"
            required
            placeholder="https://example.com/engagement.yaml"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
            spellcheck={false}
            autocomplete="url"
          />
          <button type="submit" class="primary" disabled={busy}>
            Subscribe
          </button>
        </div>
      </form>
      <SubscribeStatus status={status} />
    </section>
  );
}

function SubscribeStatus({ status }: { status: Status | null }) {
  if (!status) return null;
  switch (status.kind) {
    case 'working':
      return (
        <p role="status" data-testid="subscribe-status">
          {status.text}
        </p>
      );
    case 'invalid':
    case 'failed':
      return (
        <p role="alert" class="error-text" data-testid="subscribe-status">
          {status.text}
        </p>
      );
    case 'refused':
      return (
        <p role="alert" class="error-text" data-testid="subscribe-refused">
          Permission refused: Tandem may not read {status.origin}, so it cannot fetch this engagement. Nothing was subscribed. To try again,
          press Subscribe and choose Allow.
        </p>
      );
    case 'done': {
      const r = status.result;
      const fileName = lastSegment(status.url);
      if (r.ok) {
        const n = r.warnings.length;
        return (
          <div role="status" data-testid="subscribe-status">
            <p>
              <strong>{r.title}</strong> (<code>{r.id}</code>) <span class="ok-text">{r.replaced ? 'replaced' : 'subscribed'}</span>
              {n > 0 ? `, with ${n} warning${n === 1 ? '' : 's'}` : ''}.
            </p>
            <Problems problems={r.warnings} fileName={fileName} label={`Warnings in ${fileName}`} />
          </div>
        );
      }
      return (
        <div role="alert" data-testid="subscribe-status">
          <p>
            <strong class="error-text">Not subscribed.</strong> {r.error ?? `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} in ${fileName}.`}
          </p>
          <Problems problems={r.problems} fileName={fileName} />
        </div>
      );
    }
  }
}

function lastSegment(url: string): string {
  try {
    const name = new URL(url).pathname.split('/').pop();
    return name ? decodeURIComponent(name) : url;
  } catch {
    return url;
  }
}
