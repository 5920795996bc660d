// The engagements Tandem holds, where each came from, and what can be done with it. Managed engagements come from
// the organisation's policy: shown, never removable here.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EngagementInfo } from '../../shared/messages.ts';
import type { Problem } from '../../../core/engagement/types.ts';
import { Problems } from '../shared/Problems.tsx';
import { failureOf, messageOf, sendPage } from '../shared/send.ts';

export function EngagementList({ engagements, onChanged }: { engagements: EngagementInfo[] | null; onChanged: () => void | Promise<void> }) {
  if (engagements === null) return <p class="muted">Loading engagements…</p>;
  if (!engagements.length) return <p data-testid="no-engagements">No engagement yet. Import a file or subscribe to a URL above.</p>;
  return (
    <ul class="engagements" data-testid="engagement-list">
      {engagements.map((e) => (
        <EngagementRow key={e.id} e={e} onChanged={onChanged} />
      ))}
    </ul>
  );
}

type Note = { text: string; error: boolean; problems?: Problem[] };

function EngagementRow({ e, onChanged }: { e: EngagementInfo; onChanged: () => void | Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const managed = e.source === 'managed' || e.readOnly;

  // Focus moves into the question, and back to the button that asked it when it is dismissed.
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasConfirming.current) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const refresh = async () => {
    setBusy(true);
    setNote(null);
    try {
      const answer = await sendPage({ type: 'engagements:refresh', id: e.id });
      if (answer.ok) setNote({ text: answer.notModified ? 'Refreshed: unchanged since the last time.' : 'Refreshed.', error: false });
      else setNote({ text: `Refresh failed: ${failureOf(answer)}. The last good copy is still in use.`, error: true, problems: answer.problems });
      await onChanged();
    } catch (error) {
      setNote({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setNote(null);
    try {
      const failure = failureOf(await sendPage({ type: 'engagements:remove', id: e.id }));
      if (failure) {
        setConfirming(false);
        setNote({ text: `${e.title} was not removed: ${failure}.`, error: true });
        return;
      }
      await onChanged();
    } catch (error) {
      setConfirming(false);
      setNote({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const headingId = `engagement-${e.id}`;
  return (
    <li class="engagement card" aria-labelledby={headingId} data-testid={`engagement-${e.id}`}>
      <h3 id={headingId}>{e.title}</h3>
      <p class="muted">
        <code>{e.id}</code>
        {' · '}
        {e.warnings > 0 ? `${e.warnings} warning${e.warnings === 1 ? '' : 's'}` : 'no warnings'}
      </p>
      <Source e={e} />
      {e.origins.length > 0 && (
        <p class="muted">
          Helpdesks:{' '}
          {e.origins.map((o, i) => (
            <span key={o}>
              {i > 0 && ', '}
              <code>{o}</code>
            </span>
          ))}
        </p>
      )}
      <div class="actions">
        {e.url && (
          <button type="button" onClick={() => void refresh()} disabled={busy} aria-label={`Refresh ${e.title}`}>
            Refresh
          </button>
        )}
        {!managed && !confirming && (
          <button ref={removeButton} type="button" class="danger" onClick={() => setConfirming(true)} disabled={busy} aria-label={`Remove ${e.title}`}>
            Remove…
          </button>
        )}
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-labelledby={`${headingId}-confirm`} data-testid="remove-confirm">
          <p id={`${headingId}-confirm`}>
            Remove <strong>{e.title}</strong>? Tandem stops using it on helpdesk pages.
            {e.source === 'url' ? ' You can subscribe to its URL again later.' : ' Import the file again to bring it back.'}
          </p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => void remove()} disabled={busy}>
              Yes, remove
            </button>
            <button ref={cancel} type="button" onClick={() => setConfirming(false)} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {note && (
        <div role={note.error ? 'alert' : 'status'} class={note.error ? 'error-text' : undefined}>
          <p>{note.text}</p>
          {note.problems && <Problems problems={note.problems} fileName={e.fileName ?? e.url ?? e.id} />}
        </div>
      )}
    </li>
  );
}

function Source({ e }: { e: EngagementInfo }) {
  const refreshed =
    e.url !== undefined ? (
      <>
        {' · '}
        {e.lastRefreshed !== undefined ? (
          <>
            last refreshed <When at={e.lastRefreshed} />
          </>
        ) : (
          'not refreshed yet'
        )}
      </>
    ) : null;
  const lastError = e.lastError ? (
    <p class="error-text" data-testid="last-error">
      Last refresh failed: {e.lastError}. The last good copy is still in use.
    </p>
  ) : null;
  if (e.source === 'managed') {
    return (
      <>
        <p>
          <span class="badge managed">Managed by your organisation</span> <span class="muted">read-only</span>
          {e.url && (
            <>
              {' · '}
              <code>{e.url}</code>
            </>
          )}
          {refreshed}
        </p>
        {lastError}
      </>
    );
  }
  if (e.source === 'url') {
    return (
      <>
        <p>
          From <code>{e.url}</code>
          {refreshed}
        </p>
        {lastError}
      </>
    );
  }
  return (
    <p>
      From file <code>{e.fileName ?? 'unnamed'}</code>, imported <When at={e.importedAt} />
    </p>
  );
}

function When({ at }: { at: number }) {
  const d = new Date(at);
  return <time dateTime={d.toISOString()}>{d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>;
}
